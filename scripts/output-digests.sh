#!/bin/sh
# Digests of `storyline stories` JSON on fixed inputs: the bundled sample,
# and when ../shared is there, the seeds, the clustering dev sets and a
# generated 10,000-article stream. Run it before and after a change that
# should not alter any output (a speed-up, a refactoring) and compare.
#
# usage: scripts/output-digests.sh [BUILD_DIR] [WORK_DIR]
#   BUILD_DIR  default build (needs storyline and, for the stream, bench/e2e)
#   WORK_DIR   where outputs and the stream go (default: a new temp dir)
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build}
work=${2:-$(mktemp -d /tmp/storyline-digests.XXXXXX)}
shared=$repo/../shared
storyline=$build/src/cli/storyline
mkdir -p "$work"

# Exit status 2 (some input skipped, e.g. an empty article) is expected.
stories() {
  name=$1
  shift
  "$storyline" stories "$@" --format json --out "$work/$name.json" \
    2>/dev/null || [ $? -eq 2 ]
  echo "$(md5sum <"$work/$name.json" | cut -d' ' -f1)  $name"
}

stories sample "$repo/data/sample"
[ -d "$shared" ] || exit 0
stories seeds "$shared/seeds"
for set in ecbplus g5w1h-newscluster newswcl50 duc2006-dev uci-news-partial; do
  stories "$set" "$shared/data/$set/$set.jsonl"
done
if [ -x "$build/bench/e2e" ]; then
  stream=$work/stream-10000.jsonl
  [ -s "$stream" ] || "$build/bench/e2e" --write "$stream" --size 10000 >/dev/null
  stories stream-10000 "$stream"
fi
