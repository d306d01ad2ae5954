#!/usr/bin/env bash
# pg_dump / pg_restore round trip of a database that uses the extension's
# types in tables and its functions in a view (issue 8).  Run inside a
# cluster environment (PGHOST etc. set, as pg_virtualenv does); prints TAP.
set -uo pipefail
src=wb_dump_src
dst=wb_dump_dst
n=0
fail=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi; }

dropdb --if-exists "$src" 2>/dev/null; dropdb --if-exists "$dst" 2>/dev/null
createdb "$src" && createdb "$dst"
psql -qX -v ON_ERROR_STOP=1 -d "$src" <<'SQL' >/dev/null
CREATE EXTENSION wellbeing;
CREATE TABLE results (id int PRIMARY KEY, e wellbeing.estimate, s wellbeing.survey_estimate, state float8[]);
INSERT INTO results
SELECT g, wellbeing.proportion_ci(g, 100), ROW(g, 0.1, g - 0.2, g + 0.2, 10, 0.95, 9)::wellbeing.survey_estimate,
       wellbeing.mean_transfn(NULL, g::float8)
FROM generate_series(1, 50) g;
CREATE VIEW summary AS
SELECT wellbeing.proportion(id % 3 = 0) AS share, wellbeing.reliability(e) AS flag, count(*) AS rows
FROM results GROUP BY wellbeing.reliability(e);
SQL
ok $? "a database with estimate columns, a state column and a view over the functions"
pg_dump -Fc -f /tmp/wb_dump.$$ "$src"
ok $? "pg_dump -Fc"
pg_restore -d "$dst" /tmp/wb_dump.$$ 2>/tmp/wb_restore.$$
ok $? "pg_restore into a new database (creates the extension, the table and the view)"
a=$(psql -qAtX -d "$src" -c "SELECT md5(string_agg(r::text, ',' ORDER BY id)) FROM results r")
b=$(psql -qAtX -d "$dst" -c "SELECT md5(string_agg(r::text, ',' ORDER BY id)) FROM results r")
[ -n "$a" ] && [ "$a" = "$b" ]; ok $? "the rows round-trip exactly (md5 $a)"
a=$(psql -qAtX -d "$src" -c "SELECT string_agg(v::text, ';' ORDER BY flag) FROM summary v")
b=$(psql -qAtX -d "$dst" -c "SELECT string_agg(v::text, ';' ORDER BY flag) FROM summary v")
[ -n "$a" ] && [ "$a" = "$b" ]; ok $? "the view gives the same answer after the restore"
c=$(psql -qAtX -d "$dst" -c "SELECT wellbeing.mean_finalfn(state) = wellbeing.mean_finalfn(wellbeing.mean_transfn(NULL, id::float8)) FROM results WHERE id = 7")
[ "$c" = "t" ]; ok $? "a stored aggregate state still finalises after the restore"
rm -f /tmp/wb_dump.$$ /tmp/wb_restore.$$
dropdb "$src"; dropdb "$dst"
echo "1..$n"
exit $fail
