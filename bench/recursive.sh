#!/usr/bin/env bash
# `slsguard check --recursive` over 40 generated services (see bench/gen-service.py), one at a time
# (--jobs 1) and in parallel (--jobs = the number of cores), run by run in turn; checks that both runs
# write the same bytes (standard output and every output file) and prints a Markdown table of the
# median wall-clock times.
#
# usage: bench/recursive.sh [SERVICES [FUNCTIONS]]   (default: 40 services of 10 functions)
# env:   RUNS=5
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${RUNS:-5}
count=${1:-40}
functions=${2:-10}
jobs=$(nproc)
work=$root/bench/runs
tree=$work/recursive-$count
rm -rf "$tree"
profiles=(streams api streaming)
for ((i = 1; i <= count; i++)); do
  python3 bench/gen-service.py "$functions" "$tree/services/svc-$i" "${profiles[i % 3]}"
done

source bench/lib.sh
./slsguard --version >/dev/null
# untimed: records the launcher's start-up cache, and the outputs compared below
check() { (cd "$tree" && "$root/slsguard" check --recursive services --fail-on never --output "$@"); }
check "out-serial" --jobs 1 >"$tree/serial.txt"
check "out-parallel" --jobs "$jobs" >"$tree/parallel.txt"
cmp "$tree/serial.txt" "$tree/parallel.txt"
diff -r "$tree/out-serial" "$tree/out-parallel" >/dev/null || { echo "bench: --jobs $jobs wrote other bytes than --jobs 1" >&2; exit 1; }

serial=(); parallel=()
for ((i = 1; i <= runs; i++)); do
  serial+=("$(elapsed check out-serial --jobs 1)")
  parallel+=("$(elapsed check out-parallel --jobs "$jobs")")
  echo "run $i: --jobs 1 ${serial[-1]} s, --jobs $jobs ${parallel[-1]} s" >&2
done
ms=$(printf '%s\n' "${serial[@]}" | median)
mp=$(printf '%s\n' "${parallel[@]}" | median)
echo "| services | functions each | runs | --jobs 1 median (s) | --jobs $jobs median (s) | ratio | outputs |
|---:|---:|---:|---:|---:|---:|---|
$(printf '| %d | %d | %d | %.2f | %.2f | %.2f | byte-identical |' "$count" "$functions" "$runs" "$ms" "$mp" \
  "$(echo "$mp / $ms" | bc -l)")"
