#!/usr/bin/env bash
# Wall time of lede against trafilatura 2.3.1 (Python) on the same pages,
# one core each, run one after the other in one go (issue 7: lede at least
# 5x faster). Start-up is excluded on both sides: lede-bench and
# scripts/trafilatura_bench.py time only the extraction calls.
#
# trafilatura is installed from PyPI into target/trafilatura-venv (git-ignored
# with the rest of target/) on the first run.
#
# Usage: scripts/compare-trafilatura.sh [FOLDER] [--limit N]
#        (FOLDER defaults to ../shared/benchmarks/aeb beside the repository)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
folder=
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  folder=$1
  shift
fi
if [ -z "$folder" ]; then
  for d in "$root/../shared/benchmarks/aeb" "$root/../../shared/benchmarks/aeb"; do
    if [ -d "$d" ]; then folder=$d; break; fi
  done
fi
if [ -z "$folder" ] || [ ! -d "$folder" ]; then
  echo "usage: $0 [FOLDER] [--limit N]: no benchmark folder found" >&2
  exit 2
fi

target="${CARGO_TARGET_DIR:-$root/target}"
venv="$target/trafilatura-venv"
if ! "$venv/bin/python" -c "import trafilatura" 2> /dev/null; then
  python3 -m venv "$venv"
  # jusText imports lxml.html.clean, a separate package since lxml 5.2.
  "$venv/bin/pip" install --quiet --disable-pip-version-check trafilatura==2.3.1 lxml_html_clean
fi
cargo build --release --quiet --bin lede-bench --manifest-path "$root/Cargo.toml"

# One core for both.
pin=()
if command -v taskset > /dev/null; then pin=(taskset -c 0); fi

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
lede_out=$("${pin[@]}" "$target/release/lede-bench" "$folder" --phases extract "$@")
py_out=$("${pin[@]}" "$venv/bin/python" "$root/scripts/trafilatura_bench.py" "$folder" "$@")
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$lede_out" | grep -E '^(pages|extract)'
echo "$py_out" | grep -E '^trafilatura'

awk '
  /^extract / { lede_total = $2; lede_median = $5 }
  /^trafilatura / { py_total = $2; py_median = $5 }
  END {
    printf "trafilatura/lede: %.1fx total wall time, %.1fx median page (issue 7 target: at least 5)\n",
      py_total / lede_total, py_median / lede_median
  }' <<< "$lede_out
$py_out"
