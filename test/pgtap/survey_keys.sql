-- The survey aggregates' key types.  stratum, psu and the standardisation
-- band are declared bigint or text (boolean too for a band), so that Citus
-- can check and ship them; smallint, integer, varchar and char(n) columns
-- reach those overloads through implicit casts.  The answer must not
-- depend on which key type a design uses, and integer keys must hash as
-- they did when the aggregates took "any" (hashint4extended), so that
-- states stored before still merge with new ones.
BEGIN;
SELECT plan(9);

CREATE TEMP TABLE d AS
SELECT g, 10 + (g * 7919 % 101) / 10.0 AS x, 1 + g % 3 AS w, g % 4 AS s, g % 23 AS p,
       (g % 5 = 0) AS y, g % 3 AS band
FROM generate_series(1, 600) g;

CREATE FUNCTION pg_temp.same(a wellbeing.survey_estimate, b wellbeing.survey_estimate) RETURNS boolean
LANGUAGE sql AS $$ SELECT a IS NOT DISTINCT FROM b $$;

SELECT ok(pg_temp.same((SELECT wellbeing.survey_mean(x, w, s, p) FROM d),
                       (SELECT wellbeing.survey_mean(x, w, s::bigint, p::bigint) FROM d)),
          'integer keys give exactly the bigint overload''s answer');
SELECT ok(pg_temp.same((SELECT wellbeing.survey_mean(x, w, s::smallint, p::smallint) FROM d),
                       (SELECT wellbeing.survey_mean(x, w, s::bigint, p::bigint) FROM d)),
          'smallint keys give exactly the bigint overload''s answer');
SELECT ok(pg_temp.same((SELECT wellbeing.survey_mean(x, w, 's' || s, 'p' || p) FROM d),
                       (SELECT wellbeing.survey_mean(x, w, s, p) FROM d)),
          'text keys give the same design as integer keys (same strata and PSUs)');
SELECT ok(pg_temp.same((SELECT wellbeing.survey_proportion(y, w, ('s' || s)::varchar, ('p' || p)::char(5)) FROM d),
                       (SELECT wellbeing.survey_proportion(y, w, s, ('p' || p)::text) FROM d)),
          'varchar and char(n) keys reach the text overload; mixed key types combine');
SELECT ok(pg_temp.same((SELECT wellbeing.survey_standardized_mean(x, w, s, p, band > 0, CASE WHEN band > 0 THEN 2.0 ELSE 1.0 END) FROM d),
                       (SELECT wellbeing.survey_standardized_mean(x, w, s, p, CASE WHEN band > 0 THEN 'b' ELSE 'a' END, CASE WHEN band > 0 THEN 2.0 ELSE 1.0 END) FROM d)),
          'a boolean band and a text band with the same classes give the same answer');
SELECT throws_ok($$SELECT wellbeing.survey_mean(x, w, s::numeric, p) FROM d$$, '42883', NULL,
                 'a numeric stratum has no overload (cast it to text or bigint)');
SELECT is(wellbeing.survey_mean(x, w, s::numeric::text, p), wellbeing.survey_mean(x, w, s::text, p),
          'a numeric key cast to text is a text key')
FROM d;
SELECT is((SELECT count(*) FROM generate_series(-100000, 100000, 7) k
           WHERE hashint4extended(k::int, 0) <> hashint8extended(k::bigint, 0))
          + (SELECT count(*) FROM unnest(ARRAY[-2147483648, 2147483647, 0, -1]) k
             WHERE hashint4extended(k::int, 0) <> hashint8extended(k::bigint, 0)), 0::bigint,
          'integer keys hash as bigint exactly as they hashed as integer (states stored with integer keys still merge)');
SELECT is((SELECT count(*) FROM pg_proc pr
           WHERE pr.pronamespace = 'wellbeing'::regnamespace AND '"any"'::regtype = ANY (pr.proargtypes)), 0::bigint,
          'no function of the extension takes "any" (Citus cannot check it)');
SELECT * FROM finish();
ROLLBACK;
