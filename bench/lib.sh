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
