#!/bin/sh
# Scaling on one machine: `storyline MODE` in one process against
# `mpirun -np N storyline-mpi MODE` on the same generated streams
# (bench/e2e --write: dev-set articles replicated with edits, about 260 a
# day, 2.5 KB of text each), with wall time, articles/s and peak memory of
# every process, and a check that the ranks wrote exactly what one process
# wrote. Prints a Markdown table.
#
# usage: scripts/bench-scaling.sh [SIZES] [RANKS] [WORK_DIR]
#   SIZES     article counts, comma separated (default 10000,100000)
#   RANKS     MPI rank counts, comma separated (default 2)
#   WORK_DIR  where inputs and outputs go (default: a new temp dir); an
#             input already there (stream-N.jsonl) is reused
# env: BUILD (build dir, default build-bench), MODE (cluster or stories,
#      default cluster), THREADS (threads per rank, default 1: one rank per
#      core), MPIRUN_FLAGS (default "--oversubscribe --bind-to none").
# Memory at 1M (`cluster`): one process about 18 GB, two ranks 14 and 10 GB;
# the largest size must fit the machine.
set -eu

sizes=$(echo "${1:-10000,100000}" | tr ',' ' ')
ranks=$(echo "${2:-2}" | tr ',' ' ')
work=${3:-$(mktemp -d /tmp/storyline-scaling.XXXXXX)}
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$repo/build-bench}
mode=${MODE:-cluster}
threads=${THREADS:-1}
mpirun_flags=${MPIRUN_FLAGS:---oversubscribe --bind-to none}
mkdir -p "$work"
case $mode in cluster | stories) ;; *) echo "MODE: cluster or stories" >&2; exit 1 ;; esac

if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DSTORYLINE_BENCH=ON -DBUILD_TESTING=OFF >/dev/null
fi
ninja -C "$build" storyline storyline-mpi e2e >"$work/build.log" 2>&1 || {
  cat "$work/build.log"
  exit 1
}
storyline=$build/src/cli/storyline
storyline_mpi=$build/src/cli/mpi/storyline-mpi
# Test machines often run as root, which Open MPI refuses unless told.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1

# Output flag of the mode, writing to $1.
out_flag() {
  if [ "$mode" = cluster ]; then echo "--assignments $1"; else echo "--out $1"; fi
}

# Runs "$@" under GNU time into $work/time.txt; exit 0 and 2 (some input
# skipped: empty articles in the dev sets) count as success.
timed() {
  set +e
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" 2>"$work/stderr.txt"
  status=$?
  set -e
  if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then
    cat "$work/stderr.txt" >&2
    echo "failed: $*" >&2
    exit 1
  fi
}

# Sets wall and rss_kb from the last line of GNU time's report (a line
# before it tells a non-zero exit status).
read_time() {
  set -- $(tail -n 1 "$work/time.txt")
  wall=$1
  rss_kb=$2
}

echo "| articles | run | wall | articles/s | peak RSS per process | sent per rank | output |"
echo "| ---: | --- | ---: | ---: | --- | --- | --- |"
for n in $sizes; do
  input=$work/stream-$n.jsonl
  [ -s "$input" ] || "$build/bench/e2e" --write "$input" --size "$n" >/dev/null
  one=$work/one-$n.out
  # shellcheck disable=SC2046
  timed "$storyline" "$mode" "$input" $(out_flag "$one")
  read_time
  awk -v n="$n" -v w="$wall" -v kb="$rss_kb" 'BEGIN {
    printf "| %d | one process | %.1f s | %d | %d MB | | |\n", n, w, n / w, kb / 1024 }'
  for np in $ranks; do
    mine=$work/mpi-$np-$n.out
    # shellcheck disable=SC2046,SC2086
    timed mpirun $mpirun_flags -np "$np" "$storyline_mpi" "$mode" "$input" \
      --threads "$threads" --report $(out_flag "$mine")
    read_time
    # "rank R: ... peak RSS X MB, sent Y MB (...)" -> "X1 / X2" and "Y1 / Y2".
    per_rank=$(sed -n 's/^rank [0-9]*:.*peak RSS \([0-9.]*\) MB, sent.*/\1/p' \
      "$work/stderr.txt" | awk '{ printf "%s%d", (NR > 1 ? " / " : ""), $1 }')
    sent=$(sed -n 's/^rank [0-9]*:.*, sent \([0-9.]*\) MB .*/\1/p' \
      "$work/stderr.txt" | awk '{ printf "%s%d", (NR > 1 ? " / " : ""), $1 }')
    same=differs
    cmp -s "$one" "$mine" && same=same
    awk -v n="$n" -v w="$wall" -v np="$np" -v t="$threads" -v r="$per_rank" \
      -v sent="$sent" -v s="$same" 'BEGIN {
      printf "| %d | %d ranks, %d threads each | %.1f s | %d | %s MB | %s MB | %s |\n",
        n, np, t, w, n / w, r, sent, s }'
    [ "$same" = same ] || echo "warning: $mine differs from $one" >&2
  done
done
