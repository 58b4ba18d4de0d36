#!/usr/bin/env bash
# storyline-mpi with 1, 2 and 3 ranks (oversubscribed on a small machine)
# writes exactly what the single-process storyline writes; bad lines are
# reported with their file and line; a rank that runs out of memory ends the
# whole job with a message naming it and no output.
# usage: mpi_test.sh MPIRUN STORYLINE_MPI STORYLINE SOURCE_DIR [DEV_SET.jsonl]
#        [SANITIZED]   (1: skip the memory-limit case)
set -euo pipefail
mpirun=$1
mpi_bin=$2
bin=$3
src=$4
dev_set=${5:-}
sanitized=${6:-0}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# Test machines often run as root, which Open MPI refuses unless told.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
run() { "$mpirun" --oversubscribe --bind-to none -np "$@"; }

same_as_one_process() {
  local input=$1
  "$bin" stories "$input" --format json --threads 1 > "$tmp/one.json"
  "$bin" stories "$input" --format md --threads 1 > "$tmp/one.md"
  "$bin" cluster "$input" --assignments "$tmp/one.tsv" --threads 1
  for np in 1 2 3; do
    run "$np" "$mpi_bin" stories "$input" --format json --threads 1 \
      --out "$tmp/mpi.json"
    cmp -s "$tmp/one.json" "$tmp/mpi.json" || fail "$input: JSON differs at -np $np"
    run "$np" "$mpi_bin" stories "$input" --format md --threads 1 \
      --out "$tmp/mpi.md"
    cmp -s "$tmp/one.md" "$tmp/mpi.md" || fail "$input: Markdown differs at -np $np"
    run "$np" "$mpi_bin" cluster "$input" --threads 1 \
      --assignments "$tmp/mpi.tsv"
    cmp -s "$tmp/one.tsv" "$tmp/mpi.tsv" || fail "$input: clusters differ at -np $np"
  done
  # Not a trivial pass: the input forms several stories.
  python3 - "$tmp/one.json" <<'PY'
import json, sys
out = json.load(open(sys.argv[1]))
assert len(out["stories"]) > 3 and out["articles"] > 100, out["articles"]
PY
}

same_as_one_process "$src/data/sample"
if [ -n "$dev_set" ]; then same_as_one_process "$dev_set"; fi

# Bad lines in a JSONL file split across ranks keep their real line numbers.
head -n 60 "$src/data/sample/ecbplus-sample.jsonl" > "$tmp/bad.jsonl"
sed -i '7s/.*/{"id": broken/; 52s/.*/not json/' "$tmp/bad.jsonl"
set +e
run 3 "$mpi_bin" cluster "$tmp/bad.jsonl" --assignments "$tmp/bad.tsv" \
  2> "$tmp/err.txt"
status=$?
set -e
[ "$status" -ne 0 ] || fail "bad input: exit status 0"
grep -q "bad.jsonl:7: malformed JSON" "$tmp/err.txt" || fail "line 7 not reported"
grep -q "bad.jsonl:52: malformed JSON" "$tmp/err.txt" || fail "line 52 not reported"
[ "$(wc -l < "$tmp/bad.tsv")" -eq 59 ] || fail "good lines lost"

if [ "$sanitized" = 1 ]; then echo "ok"; exit 0; fi

# A rank without enough memory fails the job, named, with no output.
for _ in 1 2 3 4 5 6; do cat "$src/data/sample/ecbplus-sample.jsonl"; done |
  awk '{ sub(/"id": *"/, "&" NR "-"); print }' > "$tmp/big.jsonl"
set +e
"$mpirun" --oversubscribe --bind-to none -np 1 "$mpi_bin" stories "$tmp/big.jsonl" \
    --out "$tmp/oom.json" : \
  -np 1 "$mpi_bin" stories "$tmp/big.jsonl" --out "$tmp/oom.json" \
    --memory-limit 40 \
  > /dev/null 2> "$tmp/oom.txt"
status=$?
set -e
[ "$status" -ne 0 ] || fail "out of memory: exit status 0"
grep -q "rank 1: out of memory" "$tmp/oom.txt" || {
  cat "$tmp/oom.txt" >&2; fail "out of memory not reported with the rank"; }
[ ! -e "$tmp/oom.json" ] || fail "partial output written"
echo "ok"
