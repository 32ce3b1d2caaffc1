#!/usr/bin/env python3
"""Builds of impact compared run by run: which of two binaries is faster.

    bench/interleave.py RUNS CORPUS BIN [BIN ...]

CORPUS is a folder made by bench/gen_corpus.py. Each round runs a first
build (the output removed before) with every binary, one after the
other, so the drift of a shared machine falls on all of them alike; the
first round warms up. Prints each binary's median and minimum. For impact
against Hugo, see bench/side_by_side.py.
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
for round_ in range(runs + 1):
    for b in binaries:
        shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        subprocess.run([b, "build", "--quiet", "--root", str(corpus / "impact"),
                        "--out", str(out), "--no-pdf"], check=True)
        if round_ > 0:
            times[b].append(time.perf_counter() - start)
shutil.rmtree(out, ignore_errors=True)
for b, ts in times.items():
    print(f"{b:40} median {statistics.median(ts):.3f} s  min {min(ts):.3f}")
