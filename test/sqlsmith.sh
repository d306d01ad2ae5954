#!/usr/bin/env bash
# sqlsmith against a database holding the extension and the demo city:
# random SQL that mixes the extension's functions, types and aggregates with
# the rest of PostgreSQL, for a bounded number of queries (default 5000).
# Errors are expected (random SQL is mostly wrong); a crash is not: the script
# checks that the server never restarted and is still up.
#   bash test/sqlsmith.sh [queries]      (root, Debian bookworm)
set -uo pipefail
cd "$(dirname "$0")/.."
queries=${1:-5000}
bash test/install-deps.sh >/dev/null || exit 1
command -v sqlsmith >/dev/null || { apt-get install -y sqlsmith >/dev/null || exit 1; }
make -s >/dev/null && make -s install >/dev/null || exit 1
out=$(mktemp -d)
pg_virtualenv -t bash -c '
  set -u
  psql -qX -c "CREATE EXTENSION wellbeing" >/dev/null
  psql -qX -f demo/city.sql >/dev/null
  # statement_timeout keeps slow random queries bounded
  psql -qX -c "ALTER DATABASE \"$PGDATABASE\" SET statement_timeout = '"'"'2s'"'"'" >/dev/null
  start=$(psql -qAtX -c "SELECT pg_postmaster_start_time()")
  timeout 1800 sqlsmith --target="host=$PGHOST port=$PGPORT user=$PGUSER password=$PGPASSWORD dbname=$PGDATABASE" \
      --exclude-catalog --seed=20261123 --max-queries="$1" --verbose > "$0/sqlsmith.out" 2>&1
  echo $? > "$0/sqlsmith.rc"
  # how many of the same queries call the extension (a dry run with the same seed)
  sqlsmith --target="host=$PGHOST port=$PGPORT user=$PGUSER password=$PGPASSWORD dbname=$PGDATABASE" \
      --exclude-catalog --seed=20261123 --max-queries="$1" --dry-run 2>/dev/null \
    | tr "\n" " " | sed "s/;/;\n/g" | grep -c "wellbeing\." > "$0/ours" || true
  now=$(psql -qAtX -c "SELECT pg_postmaster_start_time()")
  [ "$start" = "$now" ] && echo same > "$0/restart" || echo restarted > "$0/restart"
  psql -qAtX -c "SELECT count(*) FROM pg_stat_database" > "$0/alive" 2>&1
  cat /var/log/postgresql/*.log 2>/dev/null | grep -E "terminated by signal|PANIC" > "$0/crashes" || true
' "$out" "$queries"
echo "sqlsmith: $queries queries ($(cat "$out/ours") calling the extension), exit code $(cat "$out/sqlsmith.rc"), server $(cat "$out/restart"), crash lines: $(wc -l < "$out/crashes")"
tr "\r" "\n" < "$out/sqlsmith.out" | grep -aE "queries|error" | tail -15
ok=0
[ "$(cat "$out/restart")" = same ] && [ -s "$out/alive" ] && [ ! -s "$out/crashes" ] || ok=1
rm -rf "$out"
exit $ok
