#!/usr/bin/env bash
# The fixed cost of a cold check: `slsguard check` and Serverless Framework v3's `package`, run by run in
# turn, on services too small for their size to matter (a bare function; 1 and 10 functions of the
# `streams` profile of bench/gen-service.py), plus `slsguard --version` (the JVM and the command line,
# nothing analysed). Prints a Markdown table: wall-clock and CPU (user + system) medians, and what a
# quarter of v3's time would be.
#
# usage: bench/floor.sh [N ...]   (default: 1 10; the bare service is always first)
# env:   RUNS=5
#        SLS_PACKAGE=../shared/oracle/sls-package   the v3 runner
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${RUNS:-5}
sls_package=${SLS_PACKAGE:-$root/../shared/oracle/sls-package}
[[ -x $sls_package ]] || { echo "bench: v3 runner not found at $sls_package (set SLS_PACKAGE)" >&2; exit 2; }
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1 10)
source bench/lib.sh

work=$root/bench/runs
mkdir -p "$work"
bare=$work/floor-bare
rm -rf "$bare"
mkdir -p "$bare"
cat >"$bare/serverless.yml" <<'YML'
service: floor
frameworkVersion: '3'
provider:
  name: aws
  runtime: nodejs20.x
functions:
  hello:
    handler: handler.hello
YML
echo 'module.exports.hello = async () => ({ statusCode: 200 });' >"$bare/handler.js"
services=("$bare")
labels=("bare (no events, no statements) | 1 | 0")
for n in "${sizes[@]}"; do
  svc=$work/floor-$n-streams
  rm -rf "$svc"
  python3 bench/gen-service.py "$n" "$svc" streams
  services+=("$svc")
  labels+=("streams | $n | $((n * 5))")
done

./slsguard check "$bare" --output "$work/floor-out" --fail-on never >/dev/null # builds, records the cache

# median of field F (1 = wall, 2 = CPU) of "WALL CPU RSS" lines
field_median() { awk -v f="$1" '{print $f}' | median; }

table="| service | functions | events | runs | slsguard wall median (s) | slsguard CPU median (s) | v3 wall median (s) | ratio | a quarter of v3 (s) |
|---|---:|---:|---:|---:|---:|---:|---:|---:|"
version=()
for ((i = 1; i <= runs; i++)); do
  version+=("$(measure ./slsguard --version)")
done
table+=$'\n'"$(printf '| `slsguard --version` (nothing analysed) | | | %d | %.2f | %.2f | | | |' "$runs" \
  "$(printf '%s\n' "${version[@]}" | field_median 1)" "$(printf '%s\n' "${version[@]}" | field_median 2)")"
for k in "${!services[@]}"; do
  svc=${services[$k]}
  ours=(); theirs=()
  for ((i = 1; i <= runs; i++)); do
    ours+=("$(measure ./slsguard check "$svc" --output "$work/floor-out" --fail-on never)")
    theirs+=("$(measure "$sls_package" "$svc")")
    echo "floor ${labels[$k]%% |*} run $i: slsguard ${ours[-1]%% *} s, v3 ${theirs[-1]%% *} s" >&2
  done
  wall=$(printf '%s\n' "${ours[@]}" | field_median 1)
  cpu=$(printf '%s\n' "${ours[@]}" | field_median 2)
  v3=$(printf '%s\n' "${theirs[@]}" | field_median 1)
  table+=$'\n'"$(printf '| %s | %d | %.2f | %.2f | %.2f | %.3f | %.2f |' "${labels[$k]}" "$runs" "$wall" "$cpu" "$v3" \
    "$(echo "$wall / $v3" | bc -l)" "$(echo "$v3 / 4" | bc -l)")"
done
echo "$table"
