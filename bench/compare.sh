#!/usr/bin/env bash
# Compares a cold `slsguard check` of this checkout with the same command of an earlier revision,
# on the same generated services, in one run: the two builds alternate (base, then this one), each
# a new process through its own ./slsguard launcher (with the class-data archive it records on first
# use), wall-clock time, median over the runs. Prints a Markdown table; with --write it replaces the
# "Before and after" section of bench/RESULTS.md.
#
# usage: bench/compare.sh BASE_REV [--write] [N[:PROFILE] ...]   (default sizes: 50 500 50:api)
# env:   RUNS=7  pairs per size
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
[[ $# -ge 1 ]] || { sed -n '2,10p' "$0"; exit 2; }
base_rev=$1
shift
write=
if [[ ${1:-} == --write ]]; then
  write=1
  shift
fi
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(50 500 50:api)
runs=${RUNS:-7}
work=$root/bench/runs
base=$work/base-checkout
mkdir -p "$work"

git worktree remove --force "$base" >/dev/null 2>&1 || rm -rf "$base"
git worktree add --detach -q "$base" "$base_rev"
trap 'git worktree remove --force "$base" >/dev/null 2>&1 || true' EXIT
base_sha=$(git -C "$base" rev-parse --short HEAD)
head_sha=$(git rev-parse --short HEAD)

"$base/slsguard" --version >/dev/null
./slsguard --version >/dev/null

source bench/lib.sh

table="| service | functions | runs | $base_sha (before) median (s) | $head_sha (after) median (s) | change |
|---|---:|---:|---:|---:|---:|"
for size in "${sizes[@]}"; do
  n=${size%%:*}
  profile=streams
  [[ $size == *:* ]] && profile=${size#*:}
  svc=$work/cmp-$n-$profile
  rm -rf "$svc"
  python3 bench/gen-service.py "$n" "$svc" "$profile"
  # one untimed run each records the launchers' class-data archives
  "$base/slsguard" check "$svc" --output "$work/cmp-out-base" --fail-on never >/dev/null
  ./slsguard check "$svc" --output "$work/cmp-out-head" --fail-on never >/dev/null
  before=(); after=()
  for ((i = 1; i <= runs; i++)); do
    before+=("$(elapsed "$base/slsguard" check "$svc" --output "$work/cmp-out-base" --fail-on never)")
    after+=("$(elapsed ./slsguard check "$svc" --output "$work/cmp-out-head" --fail-on never)")
    echo "N=$n $profile run $i: before ${before[-1]} s, after ${after[-1]} s" >&2
  done
  mb=$(printf '%s\n' "${before[@]}" | median)
  ma=$(printf '%s\n' "${after[@]}" | median)
  change=$(echo "scale=1; ($ma - $mb) * 100 / $mb" | bc -l)
  table+=$'\n'"$(printf '| %s | %d | %d | %.2f | %.2f | %+.1f%% |' "$profile" "$n" "$runs" "$mb" "$ma" "$change")"
done

section="## Before and after

\`bench/compare.sh $base_rev\` on $(date -u +%Y-%m-%d) ($(nproc) cores): a cold \`slsguard check\` of
revision $base_sha and of $head_sha on the same generated services (see above), alternating, each
through its own \`./slsguard\` launcher with its class-data archive recorded before the timed runs;
median over the runs.

$table"
echo "$section"
if [[ -n $write ]]; then
  python3 - "$section" <<'EOF'
import re, sys
path = "bench/RESULTS.md"
text = open(path).read()
section = sys.argv[1].rstrip() + "\n"
if "## Before and after" in text:
    text = re.sub(r"## Before and after\n.*?(?=\n## |\Z)", section, text, flags=re.S)
else:
    text = text.rstrip() + "\n\n" + section
open(path, "w").write(text)
EOF
fi
