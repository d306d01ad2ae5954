#!/usr/bin/env bash
# Runs every ```sql example of docs/*.md (recipes.md has its own checked
# output, sql/recipes.sql) against the demo city, each in a transaction that
# is rolled back: an example that no longer runs fails the suite.  Needs a
# database with the extension and the demo city (PG* environment).  Prints TAP.
set -uo pipefail
cd "$(dirname "$0")/.."
n=0; fail=0
tmp=$(mktemp -d)
for f in docs/*.md; do
  [ "$f" = docs/recipes.md ] && continue
  awk -v dir="$tmp" -v base="$(basename "$f" .md)" '
    /^```sql$/ { inside = 1; k++; file = sprintf("%s/%s.%02d.sql", dir, base, k); next }
    /^```/     { inside = 0; next }
    inside     { print > file }' "$f"
done
for ex in "$tmp"/*.sql; do
  [ -e "$ex" ] || continue
  n=$((n + 1))
  name=$(basename "$ex" .sql)
  if { echo "BEGIN;"; cat "$ex"; echo ";"; echo "ROLLBACK;"; } | psql -qX -v ON_ERROR_STOP=1 >/dev/null 2>"$tmp/err"; then
    echo "ok $n - docs example $name runs"
  else
    echo "not ok $n - docs example $name runs: $(head -1 "$tmp/err")"
    fail=1
  fi
done
rm -rf "$tmp"
echo "1..$n"
exit $fail
