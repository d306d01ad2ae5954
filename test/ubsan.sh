#!/usr/bin/env bash
# The whole test suite against a build with UndefinedBehaviorSanitizer
# (signed overflow, misaligned or out-of-bounds access, invalid shifts,
# float-to-int overflow, ...).  -fno-sanitize-recover makes any undefined
# behaviour abort the backend, so it shows up as a failed test and a
# "runtime error" line in the server log.  Installs the sanitized build,
# runs test/run.sh's suites, then reinstalls a normal build.
#   bash test/ubsan.sh          (root, Debian bookworm; about 2 minutes)
set -uo pipefail
cd "$(dirname "$0")/.."
bash test/install-deps.sh >/dev/null || exit 1

UBSAN="-fsanitize=undefined,float-cast-overflow -fno-sanitize-recover=all -fno-omit-frame-pointer -g"
make -s clean >/dev/null 2>&1
if ! make -s PG_CFLAGS="$UBSAN -Wall -Werror -Wno-unused-parameter -Wno-sign-compare" \
          SHLIB_LINK="-lRmath -lm -fsanitize=undefined" >/dev/null || ! make -s install >/dev/null; then
  echo "ubsan: build failed"; exit 1
fi
log=$(mktemp -d)
pg_virtualenv -t bash -c '
  make -s installcheck > "$0/regress.out" 2>&1; echo $? > "$0/regress.rc"
  psql -qX -c "CREATE EXTENSION IF NOT EXISTS pgtap" -c "CREATE EXTENSION IF NOT EXISTS wellbeing" >/dev/null
  pg_prove test/pgtap/*.sql > "$0/pgtap.out" 2>&1; echo $? > "$0/pgtap.rc"
  # the server log of the throwaway cluster, for runtime errors
  cat "$PGDATA"/../../../log/* /var/log/postgresql/*regress* 2>/dev/null | grep -i "runtime error" > "$0/ubsan.log"
  find / -path /proc -prune -o -name "postgresql-*-regress.log" -newer "$0/regress.rc" -print 2>/dev/null \
    | xargs -r grep -ih "runtime error" >> "$0/ubsan.log"
' "$log"
tail -3 "$log/regress.out"; tail -3 "$log/pgtap.out"
reports=$(sort -u "$log/ubsan.log" 2>/dev/null | wc -l)
echo "ubsan: pg_regress rc=$(cat "$log/regress.rc"), pgTAP rc=$(cat "$log/pgtap.rc"), runtime error reports: $reports"
sort -u "$log/ubsan.log" 2>/dev/null | head -20
rc=0
[ "$(cat "$log/regress.rc")" = 0 ] && [ "$(cat "$log/pgtap.rc")" = 0 ] && [ "$reports" = 0 ] || rc=1
rm -rf "$log" regression.diffs regression.out results
# back to a normal build
make -s clean >/dev/null 2>&1; make -s >/dev/null && make -s install >/dev/null
exit $rc
