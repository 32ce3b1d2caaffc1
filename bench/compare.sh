#!/usr/bin/env bash
# impact vs Hugo on the same bilingual corpus, side by side in one run.
#
#   bench/compare.sh [N ...]          default: 100 1000 5000
#
# Environment: RUNS (timed runs per command, default 5), PDF_SIZES (sizes
# also timed with PDFs, default "100"), SERVE_N (corpus size for the
# one-file-edit time of `impact serve`, default 1000; empty to skip),
# IMPACT_BIN (a binary already built, e.g. with another profile; the
# release build is then skipped, and results.md names the binary).
#
# Needs: cargo, python3, hyperfine, hugo, GNU time (Debian packages
# hyperfine, hugo, time). Builds the release binary itself. Corpus and
# outputs live on tmpfs (/dev/shm) as docs/PERFORMANCE.md explains. Prints the
# tables and writes them, with the machine's figures, to
# <cargo target dir>/bench/results.md (raw hyperfine JSON beside it);
# docs/PERFORMANCE.md holds a copy with the analysis.
#
# Takes about 15 minutes on a 2-core machine. Not part of .ci/run. For
# impact and Hugo interleaved run by run, see bench/side_by_side.py.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(100 1000 5000); fi
runs=${RUNS:-5}
read -r -a pdf_sizes <<<"${PDF_SIZES:-100}"
serve_n=${SERVE_N-1000}

for tool in cargo python3 hyperfine hugo /usr/bin/time; do
  command -v "$tool" >/dev/null || {
    echo "missing $tool (Debian: apt-get install hyperfine hugo time)" >&2
    exit 2
  }
done
[ -d /dev/shm ] || { echo "no /dev/shm (tmpfs) on this machine" >&2; exit 2; }

target=$(cargo metadata --format-version 1 --no-deps |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
if [ -n "${IMPACT_BIN:-}" ]; then
  bin=$(realpath "$IMPACT_BIN")
else
  cargo build --release --locked --quiet
  bin="$target/release/impact"
fi
raw="$target/bench"
shm=/dev/shm/impact-bench
mkdir -p "$raw" "$shm"
export TMPDIR="$shm" # `impact serve` builds into a temporary folder

# Peak resident set size of a command, in KiB.
peak_kib() {
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident/ {gsub(/ /, "", $2); print $2}'
}
# The median of one command in a hyperfine JSON export, in seconds.
median() {
  python3 -c 'import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
print(r[sys.argv[2]]["median"])' "$1" "$2"
}
html_files() { find "$1" -name '*.html' | wc -l; }
kib() { du -sk "$1" | cut -f1; }

main_rows=() pdf_rows=() serve_rows=()
for n in "${sizes[@]}"; do
  echo "== N = $n" >&2
  corpus="$shm/corpus-$n"
  python3 bench/gen_corpus.py "$n" "$corpus" --project . >/dev/null
  out_i="$shm/out-impact-$n" out_h="$shm/out-hugo-$n" copy="$shm/copy-$n"
  build_i="$bin build --quiet --root $corpus/impact --out $out_i --no-pdf"
  build_h="hugo --quiet -s $corpus/hugo -d $out_h"
  rm -rf "$out_i" "$out_h"
  $build_i && $build_h
  # A first build (the output removed before each run), a rebuild over the
  # last build's output (what a user does after an edit; impact then takes
  # unchanged social cards from it), and the floor.
  hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$raw/build-$n.json" \
    -n impact "rm -rf $out_i && $build_i" \
    -n hugo "rm -rf $out_h && $build_h" \
    -n impact-again "$build_i" \
    -n hugo-again "$build_h" \
    -n copy "rm -rf $copy && cp -r $out_i $copy" >&2
  rm -rf "$copy"
  mem_i=$(rm -rf "$out_i" && peak_kib $build_i)
  mem_h=$(rm -rf "$out_h" && peak_kib $build_h)
  main_rows+=("$(python3 - "$n" "$(median "$raw/build-$n.json" impact)" \
    "$(median "$raw/build-$n.json" hugo)" "$(median "$raw/build-$n.json" copy)" \
    "$(html_files "$out_i")" "$(html_files "$out_h")" "$mem_i" "$mem_h" \
    "$(kib "$out_i")" "$(kib "$out_h")" "$(median "$raw/build-$n.json" impact-again)" \
    "$(median "$raw/build-$n.json" hugo-again)" <<'PY'
import sys
n, ti, th, tc, pi, ph, mi, mh, si, sh, ti2, th2 = sys.argv[1:]
ti, th, tc, ti2, th2 = float(ti), float(th), float(tc), float(ti2), float(th2)
pi, ph = int(pi), int(ph)
mib = lambda k: f"{int(k) / 1024:.0f} MiB"
print(f"| {n} | {pi} | {ti:.3f} s | {pi / ti:,.0f} | {mib(mi)} | {int(si) / 1024:.1f} MiB "
      f"| {ph} | {th:.3f} s | {ph / th:,.0f} | {mib(mh)} | {int(sh) / 1024:.1f} MiB "
      f"| {tc:.3f} s | **{ti / th:.2f}** | {ti2:.3f} s | {th2:.3f} s | **{ti2 / th2:.2f}** |")
PY
)")

  for p in "${pdf_sizes[@]}"; do
    [ "$p" = "$n" ] || continue
    hyperfine --style basic --warmup 1 --runs 3 --export-json "$raw/pdf-$n.json" \
      -n no-pdf "rm -rf $out_i && $build_i" \
      -n pdf "rm -rf $out_i && ${build_i% --no-pdf}" >&2
    mem_p=$(rm -rf "$out_i" && peak_kib ${build_i% --no-pdf})
    pdf_rows+=("$(python3 - "corpus N = $n" "$(median "$raw/pdf-$n.json" no-pdf)" \
      "$(median "$raw/pdf-$n.json" pdf)" "$(find "$out_i" -name '*.pdf' | wc -l)" "$mem_p" <<'PY'
import sys
name, t0, t1, pdfs, mem = sys.argv[1:]
t0, t1, pdfs = float(t0), float(t1), int(pdfs)
print(f"| {name} | {t0:.3f} s | {t1:.3f} s | {pdfs} | {(t1 - t0) / pdfs:.3f} s | {int(mem) / 1024:.0f} MiB |")
PY
)")
  done

  if [ "$n" = "$serve_n" ]; then
    story=$(find "$corpus/impact/content/campaigns" -name story.en.md | sort | sed -n 1p)
    result=$(python3 bench/serve_edit.py "$bin" "$corpus/impact" "$story" 7 | tee /dev/stderr)
    serve_rows+=("| corpus N = $n | $(html_files "$out_i") | ${result##*median_ms=} ms |")
  fi
  rm -rf "$out_i" "$out_h"
done

# The sample site in content/, with and without PDFs.
echo "== sample site" >&2
out_s="$shm/out-sample"
hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$raw/sample.json" \
  -n no-pdf "rm -rf $out_s && $bin build --quiet --root . --out $out_s --no-pdf" \
  -n pdf "rm -rf $out_s && $bin build --quiet --root . --out $out_s" >&2
mem_s=$(rm -rf "$out_s" && peak_kib "$bin" build --quiet --root . --out "$out_s")
pdf_rows+=("$(python3 - "sample site" "$(median "$raw/sample.json" no-pdf)" \
  "$(median "$raw/sample.json" pdf)" "$(find "$out_s" -name '*.pdf' | wc -l)" "$mem_s" <<'PY'
import sys
name, t0, t1, pdfs, mem = sys.argv[1:]
t0, t1, pdfs = float(t0), float(t1), int(pdfs)
print(f"| {name} | {t0:.3f} s | {t1:.3f} s | {pdfs} | {(t1 - t0) / pdfs:.3f} s | {int(mem) / 1024:.0f} MiB |")
PY
)")
if [ -n "$serve_n" ]; then
  story=content/campaigns/bali/story.en.md
  rm -rf "$shm/sample" && mkdir -p "$shm/sample" && cp -r content locales themes "$shm/sample/"
  result=$(python3 bench/serve_edit.py "$bin" "$shm/sample" "$shm/sample/$story" 7 | tee /dev/stderr)
  serve_rows+=("| sample site | $(html_files "$out_s") | ${result##*median_ms=} ms |")
fi
rm -rf "$out_s"

{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores," \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')," \
    "$(awk '/MemTotal/ {printf "%.0f GiB RAM", $2 / 1048576}' /proc/meminfo)," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end."
  echo "$("$bin" --version 2>/dev/null || echo impact)${IMPACT_BIN:+ (given as IMPACT_BIN)}, $(hugo version | cut -d' ' -f1-2)," \
    "$(hyperfine --version), $(rustc --version | cut -d' ' -f1-2)."
  echo
  echo "Medians of $runs runs after 1 warm-up, without PDFs. First build: the output is removed" \
    "before each run (\`rm -rf\` included). Rebuild: over the last build's output, as after an edit."
  echo
  echo "| N | impact HTML files | impact, first build | pages/s | peak RSS | output | Hugo HTML files | Hugo, first build | pages/s | peak RSS | output | floor: \`cp -r\` of impact's output | impact/Hugo | impact, rebuild | Hugo, rebuild | impact/Hugo, rebuild |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${main_rows[@]}"
  echo
  echo "With PDFs (medians of 3 runs, sample site: $runs):"
  echo
  echo "| site | without PDFs | with PDFs | PDFs | per PDF | peak RSS with PDFs |"
  echo "|---|---:|---:|---:|---:|---:|"
  printf '%s\n' "${pdf_rows[@]}"
  if [ ${#serve_rows[@]} -gt 0 ]; then
    echo
    echo "\`impact serve\`, save of one story to the reload event (median of 7):"
    echo
    echo "| site | HTML files | save -> reload |"
    echo "|---|---:|---:|"
    printf '%s\n' "${serve_rows[@]}"
  fi
} >"$raw/results.md"
cat "$raw/results.md"
echo "written to $raw/results.md" >&2
