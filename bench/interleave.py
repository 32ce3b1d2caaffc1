#!/usr/bin/env python3
"""Builds of impact compared run by run: which of two binaries is faster.

    bench/interleave.py RUNS CORPUS BIN [BIN ...]

CORPUS is a folder made by bench/gen_corpus.py. Each round runs a first
build (the output removed before) with every binary, one after the
other, so the drift of a shared machine falls on all of them alike; the
first round warms up. Prints each binary's median and minimum. For impact
against Hugo, see bench/side_by_side.py.

A binary written BIN@DIR builds the corpus in DIR instead: binaries of two
versions whose themes differ each need a corpus made by their own
checkout (`gen_corpus.py N DIR --project <that checkout>`).
"""
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

if len(sys.argv) < 4:
    sys.exit(__doc__)
runs, corpus, binaries = int(sys.argv[1]), Path(sys.argv[2]).resolve(), sys.argv[3:]
out = corpus.parent / f"{corpus.name}-interleave"
times = {b: [] for b in binaries}


def split(b):
    """A binary and the corpus it builds."""
    binary, _, own = b.partition("@")
    return binary, Path(own).resolve() if own else corpus


for round_ in range(runs + 1):
    for b in binaries:
        binary, site = split(b)
        shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        subprocess.run([binary, "build", "--quiet", "--root", str(site / "impact"),
                        "--out", str(out), "--no-pdf"], check=True)
        if round_ > 0:
            times[b].append(time.perf_counter() - start)
shutil.rmtree(out, ignore_errors=True)
for b, ts in times.items():
    print(f"{b:40} median {statistics.median(ts):.3f} s  min {min(ts):.3f}")
