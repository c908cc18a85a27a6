#!/usr/bin/env bash
# Where a cold `slsguard check` spends its time, stage by stage: runs the hidden --debug-timing option
# RUNS times per size on a generated service (see bench/gen-service.py) and prints one Markdown table of
# the median start and duration of each stage (ms), a column pair per size. Stages on other threads
# overlap with those on main; an indented stage ran inside the one above it on the same thread.
#
# usage: bench/timing.sh [N[:PROFILE] ...]   (default: 50 500)
# env:   RUNS=5   runs per size;   SLSGUARD=./slsguard   the launcher (or command) to time
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${RUNS:-5}
launcher=${SLSGUARD:-./slsguard}
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(50 500)
work=$root/bench/runs
mkdir -p "$work"

$launcher --version >/dev/null   # build the jar first
columns=()
for size in "${sizes[@]}"; do
  n=${size%%:*}
  profile=streams
  [[ $size == *:* ]] && profile=${size#*:}
  svc=$work/timing-$n-$profile
  rm -rf "$svc"
  python3 bench/gen-service.py "$n" "$svc" "$profile"
  # one untimed run records the launcher's start-up archive
  $launcher check "$svc" --output "$work/timing-out" --fail-on never >/dev/null
  for ((i = 1; i <= runs; i++)); do
    $launcher check "$svc" --output "$work/timing-out" --fail-on never --debug-timing 2>"$work/timing-$n-$profile-$i.txt" >/dev/null
  done
  columns+=("$profile $n:$work/timing-$n-$profile")
done

python3 - "$runs" "${columns[@]}" <<'EOF'
import re, statistics, sys

runs = int(sys.argv[1])
row = re.compile(r"^\| ([\d.]+) \| ([\d.]+) \| ([^|]+) \| (.+) \|$")
total = re.compile(r"^total ([\d.]+) ms after JVM start; (\d+) classes loaded$")
order, columns = [], []
for arg in sys.argv[2:]:
    label, prefix = arg.split(":", 1)
    stages, totals, classes = {}, [], []
    for i in range(1, runs + 1):
        seen = {}
        for line in open(f"{prefix}-{i}.txt"):
            m = row.match(line.rstrip("\n"))
            if m:
                key = (m.group(3).strip(), m.group(4))
                seen[key] = seen.get(key, 0) + 1
                if seen[key] > 1:
                    key = (key[0], f"{key[1]} ({seen[key]})")
                if key not in order:
                    order.append(key)
                stages.setdefault(key, []).append((float(m.group(1)), float(m.group(2))))
            m = total.match(line.strip())
            if m:
                totals.append(float(m.group(1)))
                classes.append(int(m.group(2)))
    columns.append((label, stages, totals, classes))

def med(values):
    return statistics.median(values) if values else None

def first_start(key):
    for _, stages, _, _ in columns:
        if key in stages:
            return med([v[0] for v in stages[key]])
    return 0.0

order.sort(key=first_start)
header = "| thread | stage | " + " | ".join(f"{label}: start | {label}: ms" for label, *_ in columns) + " |"
print(header)
print("|---|---|" + "---:|---:|" * len(columns))
for key in order:
    cells = []
    for _, stages, _, _ in columns:
        values = stages.get(key, [])
        if values:
            cells += [f"{med([v[0] for v in values]):.0f}", f"{med([v[1] for v in values]):.0f}"]
        else:
            cells += ["", ""]
    print(f"| {key[0]} | {key[1]} | " + " | ".join(cells) + " |")
print("| | **total (ms after JVM start)** | " + " | ".join(f" | {med(t):.0f}" for _, _, t, _ in columns) + " |")
print("| | classes loaded | " + " | ".join(f" | {med(c):.0f}" for _, _, _, c in columns) + " |")
EOF
