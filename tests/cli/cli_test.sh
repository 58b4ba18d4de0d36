#!/usr/bin/env bash
# End-to-end checks of the storyline command line on shipped data.
# usage: cli_test.sh STORYLINE_BINARY SOURCE_DIR
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# stories: JSON by default when piped; every sample article in one story.
"$bin" stories "$src/data/sample" > "$tmp/stories.json"
python3 - "$tmp/stories.json" <<'PY'
import json, sys
out = json.load(open(sys.argv[1]))
ids = [a["id"] for s in out["stories"] for a in s["articles"]]
assert len(ids) == 163 == len(set(ids)), len(ids)
assert all(s["headline"] for s in out["stories"])
PY

# cluster: one TSV line per article (plus header).
"$bin" cluster "$src/data/sample" --assignments "$tmp/a.tsv"
[ "$(wc -l < "$tmp/a.tsv")" -eq 164 ] || fail "cluster assignments"

# Bad input: reported with its place, the rest goes on, exit status 2.
printf '{"id":"ok","text":"Navy foils pirate attack in the Gulf of Aden."}\n{"id": broken\n' > "$tmp/bad.jsonl"
set +e
"$bin" stories "$tmp/bad.jsonl" "$tmp/missing.txt" > "$tmp/out.json" 2> "$tmp/err.txt"
status=$?
set -e
[ "$status" -eq 2 ] || fail "exit status $status, expected 2"
grep -q "bad.jsonl:2: malformed JSON" "$tmp/err.txt" || fail "no line report"
grep -q "missing.txt: no such file" "$tmp/err.txt" || fail "no missing-file report"
grep -q '"ok"' "$tmp/out.json" || fail "good article lost"

# stdin and dedup.
head -20 "$src/data/sample/ecbplus-sample.jsonl" | "$bin" dedup - --json > "$tmp/d.json"
python3 -c "import json,sys; json.load(open(sys.argv[1]))['pairs']" "$tmp/d.json"

# Every subcommand documents itself with examples.
for cmd in stories cluster dedup eval; do
  "$bin" "$cmd" --help | grep -q "Examples" || fail "$cmd --help"
done
echo "cli: 1 passed, 0 failed"
