#!/bin/sh
# Side by side with what users would otherwise run, on one generated input
# (bench/e2e --write: dev-set articles replicated with edits, gold labels
# kept, reprints marked with "copy_of"; ECB+ articles stay undated as in the
# dev set, UNDATED=0 dates them):
#   1. clustering: storyline cluster vs the scikit-learn TF-IDF + average-link
#      baseline (../shared/tools/baseline_cluster.py), both scored with
#      ../shared/tools/score.py against the gold labels. The baseline is
#      quadratic in time and dense in memory (about 15 minutes of one core
#      and 2.6 GB at 10,000 articles), so BASELINE_ARTICLES can run it on
#      the first articles of the same stream only; storyline then runs on
#      both;
#   2. copies: storyline dedup vs the Go MinHash LSH peer
#      (../shared/tools/peers/go-minhash): time, peak RSS, pairs found,
#      overlap, and recall of the known reprints.
#
# usage: scripts/bench-peers.sh [ARTICLES] [WORK_DIR]
#   ARTICLES  size of the generated input (default 10000)
#   WORK_DIR  where input and outputs go (default: a new temp dir; never the
#             repository)
# env: BUILD (build dir, default build-bench), THRESHOLD (baseline distance
#      threshold, default 0.8 as in ../shared/data/README.md),
#      BASELINE_ARTICLES (default: all of them; 0 skips the baseline),
#      BASELINE_TIMEOUT (default 90m), UNDATED (default 1).
# Installs the Debian packages it needs when missing (sudo unless root).
set -eu

n=${1:-10000}
work=${2:-$(mktemp -d /tmp/storyline-peers.XXXXXX)}
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$repo/build-bench}
shared=${STORYLINE_SHARED_DIR:-$repo/../shared}
tools=$shared/tools
threshold=${THRESHOLD:-0.8}
mkdir -p "$work"

need=""
command -v go >/dev/null 2>&1 || need="$need golang-go"
dpkg -s golang-github-ekzhu-minhash-lsh-dev >/dev/null 2>&1 ||
  need="$need golang-github-ekzhu-minhash-lsh-dev golang-github-dgryski-go-minhash-dev"
/usr/bin/python3 -c 'import sklearn' 2>/dev/null || need="$need python3-sklearn"
[ -x /usr/bin/time ] || need="$need time"
if [ -n "$need" ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  $sudo apt-get install -y -qq $need
fi

if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DSTORYLINE_BENCH=ON -DBUILD_TESTING=OFF >/dev/null
fi
ninja -C "$build" storyline e2e >"$work/build.log" 2>&1 || {
  cat "$work/build.log"
  exit 1
}
storyline=$build/src/cli/storyline
peer=$work/peer-go
sh "$tools/peers/go-minhash/build.sh" "" "$peer" >/dev/null

input=$work/input.jsonl
"$build/bench/e2e" --write "$input" --size "$n" --undated "${UNDATED:-1}"
baseline_n=${BASELINE_ARTICLES:-$n}
# shellcheck disable=SC1091
echo "machine: $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), $(g++ --version | head -1)"
echo "input: $input ($n articles, $(du -m "$input" | cut -f1) MB)"

# Runs a command under GNU time; its last line of $1 is "wall_s user_s sys_s
# maxrss_kb". Exit status 2 (finished, some input skipped) is not a failure.
timed() {
  out=$1
  shift
  rc=0
  /usr/bin/time -f "%e %U %S %M" -o "$out" "$@" || rc=$?
  [ "$rc" -eq 0 ] || [ "$rc" -eq 2 ]
}

# Sets $1..$4 of the caller from a timed() file: use as
#   set -- $(times_of FILE)
times_of() {
  tail -n 1 "$1"
}

# storyline cluster on FILE; prints time, memory and score.
cluster_storyline() {
  timed "$work/storyline-cluster.time" "$storyline" cluster "$1" \
    --assignments "$work/storyline.tsv"
  # shellcheck disable=SC2046  # four numbers, split on purpose
  set -- "$1" $(times_of "$work/storyline-cluster.time")
  echo "storyline cluster: wall $2 s, cpu $(echo "$3 + $4" | bc) s, peak RSS $(($5 / 1024)) MB"
  echo "  score: $(/usr/bin/python3 "$tools/score.py" "$1" "$work/storyline.tsv")"
  sl_wall=$2
}

echo
echo "== clustering (event level), $n articles =="
cluster_storyline "$input"
if [ "$baseline_n" -gt 0 ]; then
  head -n "$baseline_n" "$input" >"$work/baseline-input.jsonl"
  echo
  echo "== clustering (event level), first $baseline_n articles =="
  cluster_storyline "$work/baseline-input.jsonl"
  if timed "$work/baseline.time" timeout "${BASELINE_TIMEOUT:-90m}" \
      /usr/bin/python3 "$tools/baseline_cluster.py" \
      "$work/baseline-input.jsonl" "$work/baseline.tsv" \
      --threshold "$threshold" 2>"$work/baseline.log"; then
    # shellcheck disable=SC2046
    set -- $(times_of "$work/baseline.time")
    echo "sklearn baseline (threshold $threshold): wall $1 s, cpu $(echo "$2 + $3" | bc) s, peak RSS $(($4 / 1024)) MB ($(cat "$work/baseline.log"))"
    echo "  score: $(/usr/bin/python3 "$tools/score.py" "$work/baseline-input.jsonl" "$work/baseline.tsv")"
    echo "  storyline is $(echo "scale=1; $1 / $sl_wall" | bc)x faster (wall)"
  else
    echo "sklearn baseline: did not finish within ${BASELINE_TIMEOUT:-90m}"
  fi
fi

echo
echo "== copies =="
timed "$work/storyline-dedup.time" "$storyline" dedup "$input" --json \
  --out "$work/storyline-pairs.json"
# shellcheck disable=SC2046
set -- $(times_of "$work/storyline-dedup.time")
echo "storyline dedup: wall $1 s, cpu $(echo "$2 + $3" | bc) s, peak RSS $(($4 / 1024)) MB"
timed "$work/peer.time" "$peer" "$input" >"$work/peer-pairs.json" \
  2>"$work/peer.log"
# shellcheck disable=SC2046
set -- $(times_of "$work/peer.time")
echo "go-minhash peer: wall $1 s, cpu $(echo "$2 + $3" | bc) s, peak RSS $(($4 / 1024)) MB ($(cat "$work/peer.log"))"
/usr/bin/python3 - "$input" "$work/storyline-pairs.json" "$work/peer-pairs.json" <<'PY'
import json, sys
from collections import Counter
inp, ours, theirs = sys.argv[1:]
reprints = set()
for line in open(inp):
    o = json.loads(line)
    if o.get("copy_of"):
        reprints.add(frozenset((o["id"], o["copy_of"])))
sl = json.load(open(ours))["pairs"]
kinds = Counter(p["kind"] for p in sl)
a = {frozenset((p["a"], p["b"])) for p in sl}
a_close = {frozenset((p["a"], p["b"])) for p in sl if p["kind"] != "partial"}
b = {frozenset((p["a"], p["b"])) for p in json.load(open(theirs))}
def pct(x, y):
    return f"{100.0 * x / y:.1f}%" if y else "n/a"
print(f"pairs: storyline {len(a)} ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}), peer {len(b)}")
print(f"overlap: {len(a & b)} in both; storyline only {len(a - b)} "
      f"(of them partial reuse: {sum(1 for p in sl if p['kind'] == 'partial' and frozenset((p['a'], p['b'])) not in b)}); "
      f"peer only {len(b - a)}")
print(f"storyline exact+near-duplicate vs peer: {len(a_close & b)} in both, "
      f"{len(a_close - b)} storyline only, {len(b - a_close)} peer only")
print(f"known reprints found ({len(reprints)}): storyline {pct(len(reprints & a), len(reprints))}, "
      f"peer {pct(len(reprints & b), len(reprints))}")
PY
echo
echo "outputs in $work"
