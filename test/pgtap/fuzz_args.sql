-- A random-argument fuzzer over every function of the extension (scalar,
-- aggregate, window): each is called with arguments drawn from ordinary,
-- extreme and hostile values of its argument types (NULL, NaN, +-Infinity,
-- +-1e308, 1e-308, 0, negatives, empty and malformed arrays, unknown method
-- names, bad composites), as a scalar call, an aggregate over three rows or
-- a window over three rows.  Every call must return or raise an error with
-- a SQLSTATE; a crash would end this session and fail the file; an internal
-- error (XX000) is a bug.  Deterministic (setseed), bounded (about 40 calls a
-- function).  The outcome counts are printed as diagnostics and summarised
-- in docs/reliability.md.
BEGIN;
SELECT plan(4);
SELECT setseed(0.2718);
CREATE TEMP TABLE fuzz_data (area text, grp text, period int, indicator text, value float8, population float8);
INSERT INTO fuzz_data SELECT 'A' || a, 'all', p, 'i' || k, a * k + p, 100 FROM generate_series(1, 4) a, generate_series(2020, 2022) p, generate_series(1, 3) k;
CREATE TEMP TABLE fuzz_catalog (indicator text, domain text, weight float8, higher_is_better bool);
INSERT INTO fuzz_catalog VALUES ('i1', 'D', 1, true), ('i2', 'D', 1, false), ('i3', 'E', 2, true);

CREATE TEMP TABLE pool (type text, expr text);
INSERT INTO pool
SELECT 'double precision', unnest(ARRAY['0', '-1', '1', '0.5', '2', '100', '0.95', '1e308', '-1e308', '1e-308',
                                         '''NaN''::float8', '''Infinity''::float8', '''-Infinity''::float8', 'NULL::float8',
                                         'g::float8', '(g * 1e307)::float8', '(1.0 / g)::float8', '(g - 2)::float8'])
UNION ALL SELECT 'integer', unnest(ARRAY['0', '-1', '1', '3', '5', '2147483647', 'NULL::int', 'g::int'])
UNION ALL SELECT 'boolean', unnest(ARRAY['true', 'false', 'NULL::boolean', '(g % 2 = 0)'])
UNION ALL SELECT 'text', unnest(ARRAY['''''::text', '''logit''::text', '''zzz''::text', 'NULL::text', '''lonely_psu=remove''::text',
                                      '''interval=beta''::text', '''r/n''::text', '''min''::text', '''exact''::text', '''jk1''::text',
                                      '''a=b=c,,=''::text', 'repeat(''x'', 2000)'])
UNION ALL SELECT 'double precision[]', unnest(ARRAY['''{}''::float8[]', '''{1,2,3}''::float8[]', '''{NaN}''::float8[]',
                                                    '''{1,NULL}''::float8[]', 'NULL::float8[]', '''{{1,2},{3,4}}''::float8[]',
                                                    '''{0,0}''::float8[]', '''{1e308,1e308}''::float8[]', 'ARRAY[g, g + 1]::float8[]',
                                                    '''{1001,0.95,1,1,0,0,0,0,0,0}''::float8[]', '''{7001,2,0,3,1,1}''::float8[]',
                                                    '''{19001,1,1,0,0.95,0,0,0,16,0}''::float8[]',
                                                    '''{21001,1,0.95,0,2,0,10,10000,85,50,1000}''::float8[]'])
UNION ALL SELECT 'text[]', unnest(ARRAY['''{a,b}''::text[]', 'NULL::text[]', '''{}''::text[]', '''{a,b,c,d,e}''::text[]'])
UNION ALL SELECT 'bigint', unnest(ARRAY['0', '1', '-1', '9223372036854775807', '(-9223372036854775807 - 1)', 'NULL::bigint', 'g::bigint', '(g % 2)::bigint'])
UNION ALL SELECT 'regclass', unnest(ARRAY['''fuzz_data''::regclass', '''fuzz_catalog''::regclass', '''pg_class''::regclass', 'NULL::regclass'])
UNION ALL SELECT 'wellbeing.estimate', unnest(ARRAY['wellbeing.estimate(0.5, 0.1)', 'NULL::wellbeing.estimate',
                                                    'ROW(''NaN'', 1, 0, 1, 10, 0.95)::wellbeing.estimate',
                                                    'ROW(1, -1, 0, 1, 10, 2)::wellbeing.estimate',
                                                    'ROW(NULL, NULL, NULL, NULL, NULL, NULL)::wellbeing.estimate',
                                                    'ROW(1e308, 1e308, -1e308, 1e308, 0, 0.95)::wellbeing.estimate'])
UNION ALL SELECT 'wellbeing.survey_estimate', unnest(ARRAY['NULL::wellbeing.survey_estimate',
                                                           'ROW(0.5, 0.1, 0.3, 0.7, 10, 0.95, 3)::wellbeing.survey_estimate'])
UNION ALL SELECT 'wellbeing.recent_trend', unnest(ARRAY['NULL::wellbeing.recent_trend',
                                                        'ROW(''increasing'', 1, 0.1, 10, 5)::wellbeing.recent_trend',
                                                        'ROW(''zzz'', NULL, NULL, NULL, NULL)::wellbeing.recent_trend'])
UNION ALL SELECT 'wellbeing.joinpoint_fit', unnest(ARRAY['NULL::wellbeing.joinpoint_fit',
                                                         'ROW(1, ''{5}'', ''{1,2}'', ''{1,2}'', ''{1,2}'', 1, 0, 2, ''{1}'', 9, 5, 0.95, 0, 10, ''{1,1,1}'', ''{1,0,0,0,1,0,0,0,1}'', ''bic'')::wellbeing.joinpoint_fit',
                                                         'ROW(3, ''{}'', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)::wellbeing.joinpoint_fit']);

CREATE TEMP TABLE funcs AS
SELECT p.oid, p.proname, p.prokind, array(SELECT format_type(t, NULL) FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY u(t, i) ORDER BY i) AS types
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.refclassid = 'pg_extension'::regclass
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'wellbeing';

CREATE TEMP TABLE outcomes (proname text, kind "char", sqlstate text);
DO $$
DECLARE f record; i int; args text; q text; st text; t text;
BEGIN
  FOR f IN SELECT * FROM funcs ORDER BY proname, oid LOOP
    FOR i IN 1..40 LOOP
      args := '';
      FOREACH t IN ARRAY f.types LOOP
        args := args || CASE WHEN args = '' THEN '' ELSE ', ' END ||
                coalesce((SELECT expr FROM pool WHERE type = t ORDER BY random() LIMIT 1), 'NULL');
      END LOOP;
      q := CASE f.prokind
             WHEN 'a' THEN format('SELECT wellbeing.%I(%s) FROM generate_series(1, 3) g', f.proname, args)
             WHEN 'w' THEN format('SELECT wellbeing.%I(%s) OVER () FROM generate_series(1, 3) g', f.proname, args)
             ELSE format('SELECT wellbeing.%I(%s) FROM generate_series(1, 1) g', f.proname, args) END;
      BEGIN
        EXECUTE q;
        st := '00000';
      EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE;
        IF st = 'XX000' THEN
          RAISE NOTICE 'internal error from %: %', q, SQLERRM;
        END IF;
      END;
      INSERT INTO outcomes VALUES (f.proname, f.prokind, st);
    END LOOP;
  END LOOP;
END $$;

SELECT ok((SELECT count(*) FROM outcomes) = 40 * (SELECT count(*) FROM funcs), 'every call returned or raised an error with a SQLSTATE (no crash)');
SELECT is((SELECT count(*) FROM outcomes WHERE sqlstate LIKE 'XX%'), 0::bigint, 'no internal errors (XX000)');
SELECT ok((SELECT count(DISTINCT proname) FROM outcomes WHERE sqlstate = '00000') > 0.8 * (SELECT count(DISTINCT proname) FROM funcs),
          'most functions returned a value for some arguments');
SELECT ok((SELECT count(*) FROM outcomes WHERE sqlstate NOT IN ('00000')) > 0, 'bad arguments were rejected');
SELECT diag(format('%s calls of %s functions: %s values, %s errors', count(*), count(DISTINCT proname),
                   count(*) FILTER (WHERE sqlstate = '00000'), count(*) FILTER (WHERE sqlstate <> '00000')))
FROM outcomes;
SELECT diag(sqlstate || ': ' || count(*)) FROM outcomes GROUP BY sqlstate ORDER BY count(*) DESC;
SELECT * FROM finish();
ROLLBACK;
