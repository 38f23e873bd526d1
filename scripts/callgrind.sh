#!/usr/bin/env bash
# Instructions per byte of HTML, counted by callgrind over every page of a
# benchmark folder, for (a) the html5ever parse alone
# (`scraper::Html::parse_document`) and (b) the full extraction
# (`lede::extract::extract`), and the ratio (b)/(a) that issue 12 bounds (page typing included).
#
# Only the measured function of `lede-bench` is counted (--toggle-collect),
# so reading and gunzipping the pages (the harness) is left out. Instruction
# counts do not move with the machine's load, unlike wall times.
#
# Usage: scripts/callgrind.sh [FOLDER] [lede-bench options, e.g. --limit 20]
#        (FOLDER defaults to ../shared/benchmarks/aeb beside the repository)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
folder=
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  folder=$1
  shift
fi
if [ -z "$folder" ]; then
  # ../shared beside the main checkout; ../../shared from a worktree.
  for d in "$root/../shared/benchmarks/aeb" "$root/../../shared/benchmarks/aeb"; do
    if [ -d "$d" ]; then folder=$d; break; fi
  done
fi
if [ -z "$folder" ] || [ ! -d "$folder" ]; then
  echo "usage: $0 [FOLDER] [lede-bench options]: no benchmark folder found" >&2
  exit 2
fi
if ! command -v valgrind > /dev/null; then
  echo "$0: valgrind not found (apt-get install valgrind)" >&2
  exit 2
fi

folder=$(cd "$folder" && pwd)
cargo build --release --quiet --bin lede-bench --manifest-path "$root/Cargo.toml"
bin="${CARGO_TARGET_DIR:-$root/target}/release/lede-bench"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# count PHASE FUNCTION [OPTIONS]: runs one phase under callgrind, prints the
# instructions spent inside FUNCTION.
count() {
  local phase=$1 function=$2
  shift 2
  valgrind --tool=callgrind --callgrind-out-file="$work/$phase.out" \
    --collect-atstart=no --toggle-collect="lede_bench::$function" \
    "$bin" "$folder" --phases "$phase" "$@" > "$work/$phase.txt" 2> "$work/$phase.log" || {
    cat "$work/$phase.log" >&2
    return 1
  }
  awk '/^(totals|summary):/ { print $2; exit }' "$work/$phase.out"
}

parse=$(count parse measure_parse "$@")
full=$(count extract measure_extract "$@")
read -r pages bytes < <(awk '/^pages/ { print $2, $4 }' "$work/parse.txt")

awk -v folder="$folder" -v pages="$pages" -v bytes="$bytes" -v parse="$parse" -v full="$full" 'BEGIN {
  # %.0f, not %d: the counts pass 2^31.
  printf "callgrind over %s: %d pages, %.0f bytes of HTML\n", folder, pages, bytes
  printf "parse   (html5ever into scraper::Html) %15.0f instructions  %7.1f per byte\n", parse, parse / bytes
  printf "extract (lede::extract::extract)       %15.0f instructions  %7.1f per byte\n", full, full / bytes
  printf "ratio extract/parse: %.3f (issue 12 budget: at most 1.4)\n", full / parse
}'
