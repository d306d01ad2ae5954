#!/usr/bin/python3
"""The BI views (demo/views.sql) and a few functions through the PostgreSQL
ODBC driver (psqlODBC with unixODBC), the stack Power BI, Tableau and Excel use
on Linux servers: column names, ODBC types and values as a BI tool sees them.
Connection from the PG* environment (pg_virtualenv).  Prints TAP."""
import os
import sys

import pyodbc

n = 0
failed = 0


def ok(cond, name):
    global n, failed
    n += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (n, name))
    if not cond:
        failed += 1


conn = pyodbc.connect(
    # BoolsAsChar=0: booleans as SQL_BIT, not the driver's default "1"/"0" text (docs/bi.md)
    "DRIVER={PostgreSQL Unicode};SERVER=%s;PORT=%s;DATABASE=%s;UID=%s;PWD=%s;BoolsAsChar=0" % (
        os.environ.get("PGHOST", "localhost"), os.environ.get("PGPORT", "5432"),
        os.environ["PGDATABASE"], os.environ.get("PGUSER", "postgres"), os.environ.get("PGPASSWORD", "")),
    autocommit=True)
cur = conn.cursor()

expected = {
    "survey_shares": [("year", int), ("neighbourhood", str), ("race", str), ("outcome", str), ("share", float),
                      ("share_lower", float), ("share_upper", float), ("standard_error", float),
                      ("respondents", int), ("design_df", float), ("reliability", str)],
    "index_scores": [("tract", str), ("neighbourhood", str), ("year", int), ("level", str), ("name", str),
                     ("score", float), ("category", str), ("coverage", float), ("effective_weight", float)],
    "compared_with_2015": [("tract", str), ("neighbourhood", str), ("population_group", str), ("indicator", str),
                           ("domain", str), ("higher_is_better", bool), ("value_2015", float),
                           ("value_latest", float), ("latest_year", int), ("change", float),
                           ("relative_change", float), ("trend_per_year", float), ("trend_lower", float),
                           ("trend_upper", float), ("periods", int), ("status", str)],
    "disparity_tiles": [("neighbourhood", str), ("year", int), ("outcome", str), ("dimension", str),
                        ("measure", str), ("method", str), ("value", float), ("standard_error", float),
                        ("lower", float), ("upper", float), ("note", str)],
}
for view, cols in expected.items():
    cur.execute("SELECT * FROM city_bi.%s" % view)
    desc = [(d[0], d[1]) for d in cur.description]
    ok([c for c, _ in desc] == [c for c, _ in cols], "%s: column names as a BI tool sees them" % view)
    ok(all(t is want for (_, t), (_, want) in zip(desc, cols)), "%s: column types map to int/float/str/bool" % view)
    rows = cur.fetchall()
    ok(len(rows) > 0, "%s: %d rows" % (view, len(rows)))

# values through the driver equal the values in SQL
cur.execute("SELECT share, share_lower, share_upper, respondents FROM city_bi.survey_shares "
            "WHERE year = 2024 AND neighbourhood = 'Eastfield' AND race = 'Hispanic' AND outcome = 'food_insecure'")
share, lower, upper, resp = cur.fetchone()
cur.execute("SELECT (e).value, (e).lower, (e).upper, (e).n FROM (SELECT wellbeing.survey_proportion(s.food_insecure, "
            "s.weight, s.stratum, s.psu, NULL, 0.95, NULL, s.race = 'Hispanic') AS e FROM city.survey s "
            "JOIN city.neighbourhoods n USING (neighbourhood_id) WHERE s.year = 2024 AND n.name = 'Eastfield') x")
v, lo, hi, nn = cur.fetchone()
ok(abs(share - v) < 1e-12 and abs(lower - lo) < 1e-12 and abs(upper - hi) < 1e-12 and resp == nn,
   "survey_shares: a cell equals its survey_proportion (%.4f, %d respondents)" % (share, resp))
cur.execute("SELECT count(*) FROM city_bi.index_scores WHERE level = 'index' AND year = 2024")
ok(cur.fetchone()[0] == 50, "index_scores: one index score per tract in 2024")
# composite results as plain columns, and parameters bound by the driver
cur.execute("SELECT (e).value, (e).lower, (e).upper FROM (SELECT wellbeing.proportion_ci(?, ?) AS e) x", 30, 100)
v, lo, hi = cur.fetchone()
ok(abs(v - 0.3) < 1e-15 and 0.2 < lo < 0.3 < hi < 0.4, "proportion_ci with bound parameters: 0.3 (%.4f-%.4f)" % (lo, hi))
cur.execute("SELECT * FROM wellbeing.joinpoint_segments((SELECT wellbeing.joinpoint(x, exp(0.05 * x)) "
            "FROM generate_series(1, 12) x))")
ok([d[0] for d in cur.description] == ["segment", "start_period", "end_period", "apc", "apc_lower", "apc_upper"],
   "a set-returning function has named columns")

# driver settings (docs/bi.md): by default psqlODBC reports text as
# SQL_WLONGVARCHAR of 8190 characters (memo fields in many BI tools);
# TextAsLongVarchar=0 with MaxVarcharSize makes it SQL_WVARCHAR of that size
SQL_WVARCHAR, SQL_WLONGVARCHAR = -9, -10
cols = {r.column_name: (r.data_type, r.column_size) for r in cur.columns(table="survey_shares", schema="city_bi")}
ok(cols["neighbourhood"] == (SQL_WLONGVARCHAR, 8190), "default settings: text is SQL_WLONGVARCHAR(8190) %r" % (cols["neighbourhood"],))
ok(cols["respondents"][0] == 4, "respondents is SQL_INTEGER (the view casts the estimate's n)")
vc = pyodbc.connect(
    "DRIVER={PostgreSQL Unicode};SERVER=%s;PORT=%s;DATABASE=%s;UID=%s;PWD=%s;BoolsAsChar=0;TextAsLongVarchar=0;MaxVarcharSize=4000" % (
        os.environ.get("PGHOST", "localhost"), os.environ.get("PGPORT", "5432"),
        os.environ["PGDATABASE"], os.environ.get("PGUSER", "postgres"), os.environ.get("PGPASSWORD", "")),
    autocommit=True)
vcols = {r.column_name: (r.data_type, r.column_size) for r in vc.cursor().columns(table="survey_shares", schema="city_bi")}
ok(vcols["neighbourhood"] == (SQL_WVARCHAR, 4000), "TextAsLongVarchar=0;MaxVarcharSize=4000: text is SQL_WVARCHAR(4000) %r" % (vcols["neighbourhood"],))
vc.close()
# errors: the SQLSTATE, message and DETAIL arrive; the HINT does not (psqlODBC
# drops it), which is why docs/errors.md lists every hint
try:
    cur.execute("SELECT wellbeing.survey_mean(x, 1, s, p) FROM (VALUES (1.0, 1, 1)) t(x, s, p)")
    ok(False, "an error reaches the client")
except pyodbc.Error as e:
    text = str(e)
    ok(e.args[0] == "22023" and "a stratum has only one PSU" in text and "DETAIL" in text,
       "an error arrives with its SQLSTATE, message and DETAIL")
    ok("HINT" not in text and "survey_options" not in text, "and without its HINT (a driver limitation, documented)")

# as the BI role of docs/bi.md: a login in city_bi_reader (USAGE on wellbeing
# and city_bi, SELECT on the views) reads every view, and nothing of the city's
# own tables
cur.execute("DROP ROLE IF EXISTS wb_bi_login")
cur.execute("CREATE ROLE wb_bi_login LOGIN PASSWORD 'wb-bi-test' IN ROLE city_bi_reader")
counts = {}
for view in expected:
    cur.execute("SELECT count(*) FROM city_bi.%s" % view)
    counts[view] = cur.fetchone()[0]
bi = pyodbc.connect(
    "DRIVER={PostgreSQL Unicode};SERVER=%s;PORT=%s;DATABASE=%s;UID=wb_bi_login;PWD=wb-bi-test;BoolsAsChar=0" % (
        os.environ.get("PGHOST", "localhost"), os.environ.get("PGPORT", "5432"), os.environ["PGDATABASE"]),
    autocommit=True)
bcur = bi.cursor()
for view in expected:
    try:
        bcur.execute("SELECT count(*) FROM city_bi.%s" % view)
        got = bcur.fetchone()[0]
        ok(got == counts[view], "as the BI role: %s reads (%d rows, as its owner sees)" % (view, got))
    except pyodbc.Error as e:
        ok(False, "as the BI role: %s reads (%s)" % (view, str(e).splitlines()[0]))
try:
    bcur.execute("SELECT count(*) FROM city.survey")
    ok(False, "as the BI role: the city's microdata are not readable")
except pyodbc.Error as e:
    ok("permission denied" in str(e), "as the BI role: the city's microdata are not readable (permission denied)")
bi.close()
cur.execute("DROP ROLE wb_bi_login")

print("1..%d" % n)
sys.exit(1 if failed else 0)
