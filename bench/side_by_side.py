#!/usr/bin/env python3
"""impact and Hugo on one corpus, runs interleaved.

    bench/side_by_side.py BIN CORPUS [RUNS]

CORPUS is a folder made by bench/gen_corpus.py (with impact/ and hugo/).
Each round runs, one after the other: a first build of each tool (its
output removed before), then a rebuild of each over its last output.
Interleaving puts both tools under the same noise of a shared machine,
which blocks of runs (hyperfine's order) do not. Prints medians and the
ratios impact/Hugo. Outputs go to folders beside CORPUS.
"""
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

if len(sys.argv) < 3:
    sys.exit(__doc__)
binary, corpus = sys.argv[1], Path(sys.argv[2]).resolve()
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 8
out = {name: corpus.parent / f"{corpus.name}-{name}" for name in
       ("impact-first", "hugo-first", "impact-again", "hugo-again")}


def impact(dest):
    return [binary, "build", "--quiet", "--root", str(corpus / "impact"),
            "--out", str(dest), "--no-pdf"]


def hugo(dest):
    return ["hugo", "--quiet", "-s", str(corpus / "hugo"), "-d", str(dest)]


commands = {
    "impact-first": (True, impact(out["impact-first"])),
    "hugo-first": (True, hugo(out["hugo-first"])),
    "impact-again": (False, impact(out["impact-again"])),
    "hugo-again": (False, hugo(out["hugo-again"])),
}
times = {name: [] for name in commands}
for round_ in range(runs + 1):  # the first round warms up
    for name, (first, command) in commands.items():
        if first:
            shutil.rmtree(out[name], ignore_errors=True)
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        if round_ > 0:
            times[name].append(time.perf_counter() - start)
for name, ts in times.items():
    print(f"{name:13} median {statistics.median(ts):.3f} s  "
          f"min {min(ts):.3f}  max {max(ts):.3f}")
median = {name: statistics.median(ts) for name, ts in times.items()}
print(f"impact/Hugo: first build {median['impact-first'] / median['hugo-first']:.2f}, "
      f"rebuild {median['impact-again'] / median['hugo-again']:.2f}")
for dest in out.values():
    shutil.rmtree(dest, ignore_errors=True)
