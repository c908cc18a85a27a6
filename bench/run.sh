#!/usr/bin/env bash
# Times a cold `slsguard check` against Serverless Framework v3's `package` on the same generated
# service, pair by pair (one slsguard run, then one v3 run, repeated), then the cost of an org rule
# pack (samples/org-rules) on a cold check, cache warm and cache off, and writes bench/RESULTS.md.
#
# usage: bench/run.sh [N[:PROFILE] ...]  (default: 50 500 2000 50:api 500:api 50:streaming 500:streaming; PROFILE
#        streams, api or streaming,
#        see bench/gen-service.py)
#        bench/run.sh org-pack   only the org pack comparison; replaces its section of RESULTS.md
#        bench/run.sh cfn-lint   only the cost of --cfn-lint=local (needs cfn-lint on the PATH); replaces or
#                                appends its section of RESULTS.md
# env:   RUNS=5  pairs per N (and runs of the org pack comparison)
#        SLS_PACKAGE=../shared/oracle/sls-package   the v3 runner (installs v3 from npm on first use)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${RUNS:-5}
sls_package=${SLS_PACKAGE:-$root/../shared/oracle/sls-package}
only_pack=
if [[ ${1:-} == cfn-lint ]]; then
  only_pack=cfn-lint
  shift
  [[ -f bench/RESULTS.md ]] || { echo "bench: cfn-lint needs an existing bench/RESULTS.md" >&2; exit 2; }
elif [[ ${1:-} == org-pack ]]; then
  only_pack=1
  shift
  [[ -f bench/RESULTS.md ]] || { echo "bench: org-pack needs an existing bench/RESULTS.md" >&2; exit 2; }
fi
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(50 500 2000 50:api 500:api 50:streaming 500:streaming)
[[ -n $only_pack || -x $sls_package ]] || { echo "bench: v3 runner not found at $sls_package (set SLS_PACKAGE)" >&2; exit 2; }

# cfn-lint: a cold check without cfn-lint, and with --cfn-lint=local (the executable on the PATH), run by
# run in turn on the same services; its section of RESULTS.md is replaced (or appended).
if [[ ${only_pack:-} == cfn-lint ]]; then
  command -v cfn-lint >/dev/null || { echo "bench: cfn-lint is not on the PATH" >&2; exit 2; }
  ./slsguard --version >/dev/null
  work=$root/bench/runs
  mkdir -p "$work"
  source bench/lib.sh
  lint_table="| service | functions | events | runs | without cfn-lint median (s) | with --cfn-lint=local median (s) | cost (s) |
|---|---:|---:|---:|---:|---:|---:|"
  [[ ${#sizes[@]} -gt 0 ]] || sizes=(10 50 50:api)
  for size in "${sizes[@]}"; do
    n=${size%%:*}
    profile=streams
    [[ $size == *:* ]] && profile=${size#*:}
    svc=$work/lint-$n-$profile
    rm -rf "$svc"
    python3 bench/gen-service.py "$n" "$svc" "$profile"
    ./slsguard check "$svc" --output "$work/lint-out" --fail-on never >/dev/null
    off=(); on=()
    for ((i = 1; i <= runs; i++)); do
      off+=("$(elapsed ./slsguard check "$svc" --output "$work/lint-out" --fail-on never)")
      on+=("$(elapsed ./slsguard check "$svc" --output "$work/lint-out" --fail-on never --cfn-lint=local)")
      echo "cfn-lint N=$n $profile run $i: without ${off[-1]} s, with ${on[-1]} s" >&2
    done
    mo=$(printf '%s\n' "${off[@]}" | median)
    ml=$(printf '%s\n' "${on[@]}" | median)
    lint_table+=$'\n'"$(printf '| %s | %d | %d | %d | %.2f | %.2f | %+.2f |' "$profile" "$n" $((n * 5)) "$runs" "$mo" "$ml" \
      "$(echo "$ml - $mo" | bc -l)")"
  done
  lint_section="## cfn-lint

A cold \`slsguard check\` without cfn-lint (the default) and with \`--cfn-lint=local\` ($(cfn-lint --version 2>&1 | head -1)
on the PATH), run by run in turn, measured $(date -u +%Y-%m-%d) ($(nproc) cores); median over the runs. The
difference is cfn-lint's own time on the service's template: a Python process that loads its schemas, then
checks every resource.

$lint_table"
  kept=$(awk '/^## cfn-lint$/ {skip = 1; next} /^## / {skip = 0} !skip' bench/RESULTS.md)
  printf '%s\n\n%s\n' "$kept" "$lint_section" | cat -s > bench/RESULTS.md
  cat bench/RESULTS.md
  exit 0
fi

./slsguard --version >/dev/null   # build the jar first: the build is not part of a cold check
work=$root/bench/runs
mkdir -p "$work"

source bench/lib.sh

table="| service | functions | events | runs | slsguard check median (s) | v3 package median (s) | ratio (slsguard / v3) | slsguard peak RSS median (MiB) | v3 peak RSS median (MiB) |
|---|---:|---:|---:|---:|---:|---:|---:|---:|"
[[ -z $only_pack ]] || sizes=()
for size in "${sizes[@]}"; do
  n=${size%%:*}
  profile=streams
  [[ $size == *:* ]] && profile=${size#*:}
  svc=$work/svc-$n-$profile
  rm -rf "$svc"
  python3 bench/gen-service.py "$n" "$svc" "$profile"
  # one untimed run: the launcher records its start-up cache after a build, not part of a cold check
  ./slsguard check "$svc" --output "$work/out-$n-$profile" --fail-on never >/dev/null
  ours=(); theirs=(); our_rss=(); their_rss=()
  for ((i = 1; i <= runs; i++)); do
    read -r wall _ rss < <(measure ./slsguard check "$svc" --output "$work/out-$n-$profile" --fail-on never)
    ours+=("$wall"); our_rss+=("$rss")
    read -r wall _ rss < <(measure "$sls_package" "$svc" "$work/oracle-$n-$profile")
    theirs+=("$wall"); their_rss+=("$rss")
    grep -qx 0 "$work/oracle-$n-$profile/exit-code.txt" || { echo "bench: v3 failed on $svc" >&2; exit 1; }
    echo "N=$n $profile run $i: slsguard ${ours[-1]} s ${our_rss[-1]} MiB, v3 ${theirs[-1]} s ${their_rss[-1]} MiB" >&2
  done
  mo=$(printf '%s\n' "${ours[@]}" | median)
  mt=$(printf '%s\n' "${theirs[@]}" | median)
  ratio=$(echo "scale=3; $mo / $mt" | bc -l)
  table+=$'\n'"$(printf '| %s | %d | %d | %d | %.2f | %.2f | %.3f | %.0f | %.0f |' "$profile" "$n" $((n * 5)) "$runs" "$mo" \
    "$mt" "$ratio" "$(printf '%s\n' "${our_rss[@]}" | median)" "$(printf '%s\n' "${their_rss[@]}" | median)")"
done

# Org pack overhead: the same cold check of the 50-function streams service without and with
# --rules samples/org-rules, run by run in turn. The pack is compiled once first (untimed), so the
# timed runs with the pack read it from the cache, as every run after the first does; the runs with
# --no-cache compile it each time. The launcher's class-data archive is recorded again by that first
# run, so that runs with and without the pack start from the same archive, as for a team whose
# checks use the pack.
pack_svc=$work/svc-pack-50-streams
rm -rf "$pack_svc"
python3 bench/gen-service.py 50 "$pack_svc" streams
export SLSGUARD_CACHE_DIR=$work/cache
rm -rf "$SLSGUARD_CACHE_DIR"
rm -f cli/target/slsguard.jsa
./slsguard check "$pack_svc" --output "$work/out-pack" --fail-on never --rules samples/org-rules >/dev/null
bare=(); warm=(); nocache=()
for ((i = 1; i <= runs; i++)); do
  bare+=("$(elapsed ./slsguard check "$pack_svc" --output "$work/out-pack" --fail-on never)")
  warm+=("$(elapsed ./slsguard check "$pack_svc" --output "$work/out-pack" --fail-on never --rules samples/org-rules)")
  nocache+=("$(elapsed ./slsguard check "$pack_svc" --output "$work/out-pack" --fail-on never --rules samples/org-rules \
    --no-cache)")
  echo "org pack run $i: without ${bare[-1]} s, cache warm ${warm[-1]} s, --no-cache ${nocache[-1]} s" >&2
done
mb=$(printf '%s\n' "${bare[@]}" | median)
mw=$(printf '%s\n' "${warm[@]}" | median)
mn=$(printf '%s\n' "${nocache[@]}" | median)
rules=$(grep -rhc '^rule ' samples/org-rules --include='*.drl' | paste -sd+ | bc)
pack_table="| service | functions | runs | without org pack median (s) | with samples/org-rules, second run (cache warm) median (s) | overhead | with --no-cache median (s) | overhead |
|---|---:|---:|---:|---:|---:|---:|---:|
$(printf '| streams | 50 | %d | %.2f | %.2f | %+.0f%% | %.2f | %+.0f%% |' "$runs" "$mb" "$mw" \
    "$(echo "($mw / $mb - 1) * 100" | bc -l)" "$mn" "$(echo "($mn / $mb - 1) * 100" | bc -l)")"
unset SLSGUARD_CACHE_DIR

pack_section="## Org rule pack overhead

A cold \`slsguard check\` of the 50-function \`streams\` service without an org pack, and with
\`--rules samples/org-rules\` ($rules rules, DRL compiled at run time), measured $(date -u +%Y-%m-%d). The pack
was compiled once before the timed runs, so \"second run (cache warm)\" reads the compiled packages
from the on-disk cache (\`SLSGUARD_CACHE_DIR\`), as every run after the first does; \`--no-cache\`
compiles the pack every time. That first run also records the launcher's class-data archive, so all
runs start from the same archive (one recorded with the pack, as for a team whose checks use it).
The three kinds of run alternate; median over the runs. Accepted overhead, cache warm: at most 30%.

$pack_table"

if [[ -n $only_pack ]]; then
  kept=$(sed '/^## Org rule pack overhead$/,$d' bench/RESULTS.md)
  printf '%s\n\n%s\n' "$kept" "$pack_section" | cat -s > bench/RESULTS.md
  cat bench/RESULTS.md
  exit 0
fi

cat > bench/RESULTS.md <<MD
# Cold \`slsguard check\` vs Serverless Framework v3.40.0 \`package\`

Generated by \`bench/run.sh\` on $(date -u +%Y-%m-%d) ($(nproc) cores, $("$(./slsguard --launcher-java)" -version 2>&1 | head -1)).
Each row: a service from \`bench/gen-service.py\` with N functions of 5 events each (\`streams\`: 2 sqs and
3 stream events incl. a Kinesis consumer and an onFailure destination; \`api\`: 3 http, 1 httpApi, 1 s3; \`streaming\`: 2 kafka (SCRAM with VPC access; mutual TLS with a filter pattern), 1 msk, 2 eventBridge (a custom bus with retry policy and dead-letter queue; the default bus); all with three hand-written IAM statements), checked with every built-in pack; pairs run alternately (slsguard, then v3), each a new
process (cold JVM / cold node), wall-clock time and the peak RSS of the largest process (GNU time); median
over the runs. slsguard runs through the \`./slsguard\` launcher (JIT tier 1, serial GC; on Java 25+ the
ahead-of-time cache, else the class-data archive, it records on first use, before the timed runs).
v3 runs offline through
\`shared/oracle/sls-package\` (which copies the service to a temp dir first, as part of its time).

$table

$pack_section
MD
cat bench/RESULTS.md
