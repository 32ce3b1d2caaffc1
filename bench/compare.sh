#!/usr/bin/env bash
# impact vs Hugo on the same bilingual corpus, side by side in one run.
#
#   bench/compare.sh [N ...]          default: 100 1000 5000
#
# Needs: hyperfine, hugo, GNU time (Debian packages hyperfine, hugo, time).
# Corpus and outputs live on tmpfs (/dev/shm) as bench/README.md explains.
# Writes docs/PERFORMANCE.md (the table) and target/bench/ (raw results).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-100 1000 5000}")
[ $# -eq 0 ] && sizes=(100 1000 5000)
for tool in hyperfine hugo /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install hyperfine hugo time)"; exit 2; }
done
cargo build --release --quiet
bin="$PWD/target/release/impact"
shm=/dev/shm/impact-bench
raw=target/bench
mkdir -p "$raw"
rows=()
for n in "${sizes[@]}"; do
  corpus="$shm/corpus-$n"
  python3 bench/gen_corpus.py "$n" "$corpus" --project . >/dev/null
  out_i="$shm/out-impact-$n"; out_h="$shm/out-hugo-$n"
  hyperfine --warmup 1 --runs 5 --export-json "$raw/build-$n.json" \
    -n impact "rm -rf $out_i && $bin build --root $corpus/impact --out $out_i --no-pdf" \
    -n hugo "rm -rf $out_h && hugo --quiet -s $corpus/hugo -d $out_h" \
    -n copy "rm -rf $shm/copy-$n && cp -r $out_h $shm/copy-$n" >/dev/null
  mem_i=$(/usr/bin/time -v "$bin" build --root "$corpus/impact" --out "$out_i" --no-pdf 2>&1 >/dev/null | awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}')
  rm -rf "$out_h"
  mem_h=$(/usr/bin/time -v hugo --quiet -s "$corpus/hugo" -d "$out_h" 2>&1 >/dev/null | awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}')
  pages_i=$(find "$out_i" -name '*.html' | wc -l)
  pages_h=$(find "$out_h" -name '*.html' | wc -l)
  size_i=$(du -sk "$out_i" | cut -f1); size_h=$(du -sk "$out_h" | cut -f1)
  rows+=("$(python3 - "$raw/build-$n.json" "$n" "$pages_i" "$pages_h" "$mem_i" "$mem_h" "$size_i" "$size_h" <<'PY'
import json, sys
f, n, pi, ph, mi, mh, si, sh = sys.argv[1:]
r = {x["command"]: x for x in json.load(open(f))["results"]}
ti, th, tc = r["impact"]["median"], r["hugo"]["median"], r["copy"]["median"]
print(f"| {n} | {pi} | {ti:.3f} s | {int(pi)/ti:,.0f} | {int(mi)/1024:.0f} MiB | {int(si)/1024:.1f} MiB "
      f"| {ph} | {th:.3f} s | {int(ph)/th:,.0f} | {int(mh)/1024:.0f} MiB | {int(sh)/1024:.1f} MiB "
      f"| {tc:.3f} s | **{ti/th:.2f}** |")
PY
)")
done
{
  echo "| N | impact pages | impact time | pages/s | peak RSS | output | Hugo pages | Hugo time | pages/s | peak RSS | output | copy (floor) | impact/Hugo |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
} > "$raw/table.md"
cat "$raw/table.md"
echo "table written to $raw/table.md (copy it into docs/PERFORMANCE.md with the machine's figures)"
