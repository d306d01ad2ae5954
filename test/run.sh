#!/usr/bin/env bash
# The whole test suite on a fresh Debian bookworm machine (run as root):
# installs the build dependencies, builds with -Werror and assertions,
# installs, then runs pg_regress (sql/, expected/) and pgTAP (test/pgtap/)
# on a throwaway PostgreSQL cluster.  Ends with one "N passed, N failed"
# line and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
top=$(pwd)

bash test/install-deps.sh || { echo "wellbeing: 0 passed, 1 failed"; exit 1; }

STRICT_CFLAGS="-DUSE_ASSERT_CHECKING -Wall -Wextra -Werror -Wno-unused-parameter -Wno-sign-compare -Wno-missing-field-initializers"
make -s clean >/dev/null 2>&1
if ! make -s PG_CFLAGS="$STRICT_CFLAGS" >/dev/null || ! make -s install >/dev/null; then
  echo "build failed"
  echo "wellbeing: 0 passed, 1 failed"
  exit 1
fi

log=$(mktemp -d)
# the recipes printed in docs/recipes.md are the ones sql/recipes.sql runs
bash test/docs_sql.sh --check > "$log/docs.out" 2>&1
# pg_virtualenv (postgresql-common) starts a temporary cluster, exports
# PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE, and drops it afterwards.
pg_virtualenv -t bash -c '
  set -u
  make -s installcheck > "$0/regress.out" 2>&1; echo $? > "$0/regress.rc"
  psql -qX -c "CREATE EXTENSION IF NOT EXISTS pgtap" -c "CREATE EXTENSION IF NOT EXISTS wellbeing" >/dev/null
  pg_prove -v test/pgtap/*.sql > "$0/pgtap.out" 2>&1; echo $? > "$0/pgtap.rc"
  { bash test/dump_restore.sh && bash test/state_kinds_doc.sh --check; } > "$0/dump.out" 2>&1; echo $? > "$0/dump.rc"
  # the BI views through the ODBC driver, on the demo city
  { psql -qX -v ON_ERROR_STOP=1 -f demo/city.sql && psql -qX -v ON_ERROR_STOP=1 -f demo/views.sql; } >/dev/null 2>&1 &&
    /usr/bin/python3 test/bi_odbc.py >> "$0/dump.out" 2>&1 &&
    bash test/jdbc/run.sh >> "$0/dump.out" 2>&1 &&
    bash test/docs_examples.sh >> "$0/dump.out" 2>&1; echo $? > "$0/bi.rc"
' "$log"

# every aggregate family on a real Citus cluster against a local table
# (skipped, and said so, when Citus is neither installed nor buildable)
bash test/citus.sh > "$log/citus.out" 2>&1; echo $? > "$log/citus.rc"

cat "$log/regress.out" 2>/dev/null
[ -f regression.diffs ] && cat regression.diffs
grep -vE '^ok [0-9]' "$log/pgtap.out" 2>/dev/null
grep -vE '^ok [0-9]' "$log/dump.out" 2>/dev/null
grep -v '^ok' "$log/docs.out" 2>/dev/null
grep -vE '^ok [0-9 -]' "$log/citus.out" 2>/dev/null

# pg_regress prints "ok N - name" / "not ok N - name" (PG 15: "test name ... ok")
reg_pass=$(grep -cE '\.\.\. ok|^ok ' "$log/regress.out" 2>/dev/null || true)
reg_fail=$(grep -cE '\.\.\. FAILED|^not ok ' "$log/regress.out" 2>/dev/null || true)
tap_pass=$(cat "$log/pgtap.out" "$log/dump.out" "$log/docs.out" "$log/citus.out" 2>/dev/null | grep -cE '^ok [0-9 -]' || true)
tap_fail=$(cat "$log/pgtap.out" "$log/dump.out" "$log/docs.out" "$log/citus.out" 2>/dev/null | grep -cE '^not ok [0-9 -]' || true)

failed=$(( reg_fail + tap_fail ))
rc_regress=$(cat "$log/regress.rc" 2>/dev/null || echo 1)
rc_pgtap=$(cat "$log/pgtap.rc" 2>/dev/null || echo 1)
rc_dump=$(cat "$log/dump.rc" 2>/dev/null || echo 1)
rc_bi=$(cat "$log/bi.rc" 2>/dev/null || echo 1)
rc_citus=$(cat "$log/citus.rc" 2>/dev/null || echo 1)
citus_skipped=$(grep -m1 '^# Citus tests SKIPPED' "$log/citus.out" 2>/dev/null || true)
if [ "$rc_regress" != 0 ] || [ "$rc_pgtap" != 0 ] || [ "$rc_dump" != 0 ] || [ "$rc_bi" != 0 ] || [ "$rc_citus" != 0 ]; then
  [ "$failed" -eq 0 ] && failed=1
fi
rm -rf "$log"
echo
echo "pg_regress: $reg_pass files passed, $reg_fail failed; pgTAP, dump/restore, ODBC, JDBC, docs examples and Citus: $tap_pass assertions passed, $tap_fail failed"
[ -n "$citus_skipped" ] && echo "$citus_skipped"
echo "wellbeing: $(( reg_pass + tap_pass )) passed, $failed failed"
[ "$failed" -eq 0 ]
