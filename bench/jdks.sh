#!/usr/bin/env bash
# A cold `slsguard check` through ./slsguard on each JDK (SLSGUARD_JAVA): on Java 25+ the launcher
# runs from its ahead-of-time cache, on older JDKs from its class-data archive; both are recorded by an
# untimed run first. The JDKs alternate run by run on the same generated services; prints a Markdown
# table of the medians of wall-clock time, CPU time (user + system) and peak RSS.
#
# usage: bench/jdks.sh [N[:PROFILE] ...]   (default: 50 500)
# env:   RUNS=5;  JDKS="HOME ..."  the JDK directories (default: one JDK per Java version found as
#        /usr/lib/jvm/*/release)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${RUNS:-5}
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(50 500)
work=$root/bench/runs
mkdir -p "$work"
command -v /usr/bin/time >/dev/null || { echo "bench: needs /usr/bin/time (GNU time)" >&2; exit 2; }

jdk_version() { sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$1/release"; }

if [[ -n ${JDKS:-} ]]; then
  read -r -a jdks <<<"$JDKS"
else
  jdks=()
  declare -A seen=()
  for release in /usr/lib/jvm/*/release; do
    home=$(dirname "$release")
    version=$(jdk_version "$home")
    [[ -n $version && -z ${seen[$version]:-} ]] || continue
    seen[$version]=1
    jdks+=("$home")
  done
fi
[[ ${#jdks[@]} -gt 0 ]] || { echo "bench: no JDK found (set JDKS)" >&2; exit 2; }

./slsguard --version >/dev/null   # build the jar first

source bench/lib.sh
table="| JDK | start-up cache | service | functions | runs | wall median (s) | CPU median (s) | peak RSS median (MiB) |
|---|---|---|---:|---:|---:|---:|---:|"
for size in "${sizes[@]}"; do
  n=${size%%:*}
  profile=streams
  [[ $size == *:* ]] && profile=${size#*:}
  svc=$work/jdks-$n-$profile
  rm -rf "$svc"
  python3 bench/gen-service.py "$n" "$svc" "$profile"
  declare -A walls=() cpus=() rsss=()
  for jdk in "${jdks[@]}"; do
    SLSGUARD_JAVA=$jdk ./slsguard check "$svc" --output "$work/jdks-out" --fail-on never >/dev/null
  done
  for ((i = 1; i <= runs; i++)); do
    for jdk in "${jdks[@]}"; do
      read -r wall cpu rss < <(SLSGUARD_JAVA=$jdk measure ./slsguard check "$svc" --output "$work/jdks-out" --fail-on never)
      walls[$jdk]+="$wall "; cpus[$jdk]+="$cpu "; rsss[$jdk]+="$rss "
      echo "N=$n $profile run $i, Java $(jdk_version "$jdk"): $wall s, CPU $cpu s, $rss MiB" >&2
    done
  done
  for jdk in "${jdks[@]}"; do
    version=$(jdk_version "$jdk")
    cache="AppCDS archive"
    (( ${version%%.*} >= 25 )) && cache="AOT cache"
    table+=$'\n'"$(printf '| %s | %s | %s | %d | %d | %.2f | %.2f | %.0f |' "$version" "$cache" "$profile" "$n" "$runs" \
      "$(tr ' ' '\n' <<<"${walls[$jdk]}" | grep . | median)" "$(tr ' ' '\n' <<<"${cpus[$jdk]}" | grep . | median)" \
      "$(tr ' ' '\n' <<<"${rsss[$jdk]}" | grep . | median)")"
  done
  unset walls cpus rsss
done
echo "$table"
