# Shared by bench/run.sh and bench/compare.sh: wall-clock timing of one command and medians.

# elapsed CMD [ARG...]: runs the command with its output discarded, prints its wall-clock seconds;
# a failing command fails the caller (set -e).
elapsed() {
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >/dev/null
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l
}

# median: the median of the numbers on standard input, one per line.
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# measure CMD [ARG...]: runs the command with its output discarded; prints "WALL CPU RSS": wall-clock
# seconds, CPU seconds (user + system, its children included) and the peak resident set size of its
# largest process (MiB), as GNU time (/usr/bin/time) reports them. A failing command fails the caller.
measure() {
  local out
  out=$(mktemp)
  /usr/bin/time -o "$out" -f '%e %U %S %M' "$@" >/dev/null || { rm -f "$out"; return 1; }
  awk '{printf "%s %.2f %.0f\n", $1, $2 + $3, $4 / 1024}' "$out"
  rm -f "$out"
}
