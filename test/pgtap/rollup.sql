-- Rollups (docs/rollup.md): for every measure, states made by
-- <measure>_state on parts of the rows, stored, merged with merge(state) and
-- finalised with <measure>(state), equal the aggregate over the raw rows;
-- a state is refused by every other measure's final.
BEGIN;
SELECT plan(36);
SET LOCAL client_min_messages = warning;

SELECT setseed(0.31);
CREATE TEMP TABLE rows AS
SELECT g AS id, g % 7 AS area, (g % 3)::text AS grp, random() < 0.3 AS outcome,
       0.2 + 3 * random() AS weight, exp(8 + random() * 2) AS income,
       floor(random() * 20)::float8 AS events, 1000 + floor(random() * 5000)::float8 AS population,
       ((g % 19) + 1)::float8 AS band, (2000 + g % 12)::float8 AS year, g % 4 AS stratum, g % 40 AS psu,
       floor(random() * 6)::int AS part
FROM generate_series(1, 3000) g;

-- numbers in two results agree to 1e-9 relative, whatever the result type
-- (compared through jsonb, leaf by leaf)
CREATE FUNCTION pg_temp.close(a jsonb, b jsonb) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE k text; i int;
BEGIN
  IF jsonb_typeof(a) IS DISTINCT FROM jsonb_typeof(b) THEN RETURN false; END IF;
  CASE jsonb_typeof(a)
    WHEN 'number' THEN RETURN abs(a::numeric - b::numeric) <= 1e-9 * abs(b::numeric) + 1e-12;
    WHEN 'object' THEN
      IF (SELECT array_agg(x ORDER BY x) FROM jsonb_object_keys(a) x) <> (SELECT array_agg(x ORDER BY x) FROM jsonb_object_keys(b) x) THEN RETURN false; END IF;
      FOR k IN SELECT jsonb_object_keys(a) LOOP
        IF NOT pg_temp.close(a -> k, b -> k) THEN RETURN false; END IF;
      END LOOP;
      RETURN true;
    WHEN 'array' THEN
      IF jsonb_array_length(a) <> jsonb_array_length(b) THEN RETURN false; END IF;
      FOR i IN 0 .. jsonb_array_length(a) - 1 LOOP
        IF NOT pg_temp.close(a -> i, b -> i) THEN RETURN false; END IF;
      END LOOP;
      RETURN true;
    ELSE RETURN a = b;
  END CASE;
END $$;

-- (measure, arguments, rows): the measure's aggregate on the rows against
-- its states per part, stored in a table, merged and finalised
CREATE TEMP TABLE cases (measure text, args text, filter text DEFAULT 'true');
INSERT INTO cases (measure, args, filter) VALUES
  ('proportion', 'outcome, weight', 'true'),
  ('mean', 'income, weight', 'true'),
  ('total', 'income, weight', 'true'),
  ('rate', 'events, population, 1000', 'true'),
  ('standardized_rate', 'events, population, band * 100, 1, 0.95, ''gamma''', 'true'),
  ('standardized_ratio', 'events, population / 500', 'true'),
  ('poverty_rate', 'income, weight', 'true'),
  ('poverty_threshold', 'income, weight', 'true'),
  ('gini', 'income, weight, true', 'true'),
  ('quintile_share_ratio', 'income, weight', 'true'),
  ('palma', 'income, weight', 'true'),
  ('hoover', 'income, weight', 'true'),
  ('dissimilarity', 'events, population - events', 'true'),
  ('category_cutpoints', 'income', 'true'),
  ('mann_kendall', 'year + id / 1000.0, income', 'id <= 300'),
  ('theil_t', 'income, weight', 'true'),
  ('mean_log_deviation', 'income, weight, income / 10', 'true'),
  ('generalized_entropy', 'income, weight, -1', 'true'),
  ('atkinson', 'income, weight, 1.5', 'true'),
  ('between_group_variance', 'income, weight, income / 10', 'true'),
  ('between_group_sd', 'income, weight', 'true'),
  ('coefficient_of_variation', 'income, weight, income / 10', 'true'),
  ('slope_index', 'income, weight, band, income / 10, ''log''', 'true'),
  ('relative_index', 'income, weight, band', 'true'),
  ('concentration_index', 'events, weight, income', 'true'),
  ('attributable_risk', 'income / 1e5, weight, true, band', 'true'),
  ('attributable_fraction', 'income / 1e5, weight, true, band', 'true'),
  ('index_of_disparity', 'income, weight, ''mean''', 'true'),
  ('mean_difference', 'income, weight, ''mean''', 'true'),
  ('isolation', 'events, population', 'true'),
  ('exposure', 'events, population - events, population', 'true'),
  ('mutual_information', 'area::text, grp, events', 'true'),
  ('entropy_index', 'area::text, grp, events', 'true'),
  ('linear_trend', 'year, income', 'true'),
  ('annual_percent_change', 'year, income, income / 10', 'true'),
  ('gap_trend', 'year, income, income / 10, events + 1, 0.5', 'true'),
  ('recent_trend', 'year, income, income * 0.9, income * 1.1', 'id <= 12'),
  ('recent_trend_proportion', 'year, events, population', 'id <= 12'),
  ('aggregate_scores', 'income / 1000, weight', 'true'),
  ('joinpoint', 'year, income', 'id <= 12'),
  ('life_expectancy', '(band - 1) * 5.0, events + 1, population', 'id <= 19'),
  ('survey_mean', 'income, weight, stratum, psu', 'true'),
  ('survey_total', 'income, weight, stratum, psu', 'true'),
  ('survey_ratio', 'income, population, weight, stratum, psu', 'true'),
  ('survey_proportion', 'outcome, weight, stratum, psu', 'true'),
  ('survey_mean_difference', 'income, weight, stratum, psu, grp = ''0'', grp = ''1''', 'true'),
  ('survey_proportion_difference', 'outcome, weight, stratum, psu, grp = ''0'', grp = ''1''', 'true'),
  ('survey_standardized_mean', 'income, weight, stratum, psu, area, 1 + area', 'true'),
  ('survey_standardized_proportion', 'outcome, weight, stratum, psu, area, 1 + area', 'true'),
  ('replicate_mean', 'income, weight, ARRAY[weight * 0.9, weight * 1.1, weight], ''bootstrap''', 'true'),
  ('replicate_total', 'income, weight, ARRAY[weight * 0.9, weight * 1.1, weight], ''jk1''', 'true'),
  ('replicate_ratio', 'income, population, weight, ARRAY[weight * 0.9, weight * 1.1, weight], ''jk1''', 'true'),
  ('replicate_proportion', 'outcome, weight, ARRAY[weight * 0.9, weight * 1.1, weight], ''jk1''', 'true');

CREATE FUNCTION pg_temp.rolled_up(c cases) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE direct jsonb; rolled jsonb;
BEGIN
  EXECUTE format('SELECT to_jsonb(wellbeing.%I(%s)) FROM rows WHERE %s', c.measure, c.args, c.filter) INTO direct;
  EXECUTE 'DROP TABLE IF EXISTS stored';
  EXECUTE format('CREATE TEMP TABLE stored AS SELECT part, wellbeing.%I(%s) AS s FROM rows WHERE %s GROUP BY part',
                 c.measure || '_state', c.args, c.filter);
  EXECUTE format('SELECT to_jsonb(wellbeing.%I(wellbeing.merge(s))) FROM (SELECT s FROM stored ORDER BY part DESC) t', c.measure) INTO rolled;
  IF direct IS NULL OR NOT pg_temp.close(rolled, direct) THEN
    RAISE NOTICE '%: direct % rolled up %', c.measure, direct, rolled;
    RETURN false;
  END IF;
  RETURN true;
END $$;

SELECT is((SELECT count(*) FROM cases), 53::bigint, 'every measure with a (state) final is a case');
SELECT is_empty($$SELECT measure FROM cases c WHERE NOT pg_temp.rolled_up(c)$$,
                'for every measure: per-part states stored, merged and finalised = the aggregate over the rows');
SELECT ok((SELECT pg_temp.rolled_up(c) FROM cases c WHERE measure = m), m || ': rolled up = raw rows')
FROM (VALUES ('proportion'), ('gini'), ('theil_t'), ('survey_mean'), ('replicate_mean'), ('joinpoint')) v(m);

-- every aggregate has its _state twin with the same arguments
SELECT is_empty($$
  SELECT p.oid::regprocedure FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
  WHERE p.pronamespace = 'wellbeing'::regnamespace AND p.proname NOT LIKE '%\_state' AND p.proname <> 'merge'
    AND NOT EXISTS (SELECT 1 FROM pg_proc q WHERE q.pronamespace = p.pronamespace AND q.proname = p.proname || '_state'
                    AND q.proargtypes = p.proargtypes AND q.prokind = 'a')$$,
  'every aggregate has a <measure>_state aggregate with the same arguments');
SELECT is_empty($$
  SELECT p.oid::regprocedure FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
  WHERE p.pronamespace = 'wellbeing'::regnamespace AND (a.aggcombinefn = 0 OR a.aggtranstype <> 'float8[]'::regtype OR p.proparallel <> 's')$$,
  'the _state aggregates and merge combine in parallel too');

-- the registry (state_measures) lists exactly the aggregates, and every
-- measure but cronbach_alpha* (whose finals take the state) has its final
SELECT set_eq($$SELECT measure FROM wellbeing.state_measures()$$,
  $$SELECT DISTINCT p.proname::text FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
    WHERE p.pronamespace = 'wellbeing'::regnamespace AND p.proname NOT LIKE '%\_state' AND p.proname <> 'merge'$$,
  'state_measures() lists every aggregate, and nothing else');
SELECT is_empty($$SELECT measure FROM wellbeing.state_measures()
  WHERE measure NOT LIKE 'cronbach\_alpha%' AND to_regprocedure('wellbeing.' || measure || '(double precision[])') IS NULL$$,
  'every measure has its <measure>(state) final');
SELECT throws_ok($$SELECT wellbeing.state_of('{1001}', 'no_such_measure')$$, '22023',
                 'unknown measure "no_such_measure"', 'state_of names an unknown measure');

-- every measure's state against every measure's final: accepted exactly
-- when the registry gives both the same kind and code
CREATE TEMP TABLE case_states AS SELECT c.measure, NULL::float8[] AS s FROM cases c;
CREATE FUNCTION pg_temp.fill_states() RETURNS void LANGUAGE plpgsql AS $$
DECLARE c cases;
BEGIN
  FOR c IN SELECT * FROM cases LOOP
    EXECUTE format('UPDATE case_states SET s = (SELECT wellbeing.%I(%s) FROM rows WHERE %s) WHERE measure = %L',
                   c.measure || '_state', c.args, c.filter, c.measure);
  END LOOP;
END $$;
SELECT pg_temp.fill_states();
CREATE FUNCTION pg_temp.accepts(final text, state float8[]) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('SELECT wellbeing.%I($1)', final) USING state;
  RETURN true;
EXCEPTION WHEN sqlstate '22000' THEN RETURN false;
END $$;
SELECT is_empty($$
  SELECT a.measure AS state_of, b.measure AS final
  FROM case_states a CROSS JOIN case_states b
  JOIN wellbeing.state_measures() ma ON ma.measure = a.measure
  JOIN wellbeing.state_measures() mb ON mb.measure = b.measure
  WHERE pg_temp.accepts(b.measure, a.s) IS DISTINCT FROM (ma.kind = mb.kind AND ma.code = mb.code)$$,
  'each of the 53 x 53 (state, final) pairs is accepted exactly when kind and code agree');

-- a state is accepted only by its own measure
CREATE TEMP TABLE one_state AS
SELECT 'theil_t' AS measure, wellbeing.theil_t_state(income, weight) AS s FROM rows
UNION ALL SELECT 'gini', wellbeing.gini_state(income, weight) FROM rows
UNION ALL SELECT 'palma', wellbeing.palma_state(income, weight) FROM rows
UNION ALL SELECT 'proportion', wellbeing.proportion_state(outcome, weight) FROM rows
UNION ALL SELECT 'survey_mean', wellbeing.survey_mean_state(income, weight, stratum, psu) FROM rows
UNION ALL SELECT 'linear_trend', wellbeing.linear_trend_state(year, income) FROM rows;
SELECT throws_ok($$SELECT wellbeing.mean_log_deviation(s) FROM one_state WHERE measure = 'theil_t'$$, '22000',
                 'the state was not made by mean_log_deviation_state', 'an entropy state made for theil_t is refused by mean_log_deviation');
SELECT throws_ok($$SELECT wellbeing.poverty_rate(s) FROM one_state WHERE measure = 'gini'$$, '22000',
                 'the state was not made by poverty_rate_state', 'a gini state is refused by poverty_rate (its parameter means something else)');
SELECT throws_ok($$SELECT wellbeing.gini(s) FROM one_state WHERE measure = 'palma'$$, '22000',
                 'the state was not made by gini_state', 'a palma state is refused by gini');
SELECT throws_ok($$SELECT wellbeing.gini_finalfn(s) FROM one_state WHERE measure = 'palma'$$, '22000',
                 NULL, 'and by gini''s final function called directly');
SELECT throws_ok($$SELECT wellbeing.mean(s) FROM one_state WHERE measure = 'proportion'$$, '22000',
                 'the state was not made by mean_state', 'a proportion state is refused by mean');
SELECT throws_ok($$SELECT wellbeing.survey_total(s) FROM one_state WHERE measure = 'survey_mean'$$, '22000',
                 'the state was not made by survey_total_state', 'a survey_mean state is refused by survey_total');
SELECT throws_ok($$SELECT wellbeing.annual_percent_change(s) FROM one_state WHERE measure = 'linear_trend'$$, '22000',
                 'the state was not made by annual_percent_change_state', 'a linear_trend state is refused by annual_percent_change');
SELECT throws_ok($$SELECT wellbeing.merge(s) FROM one_state WHERE measure IN ('gini', 'palma')$$, '22023',
                 NULL, 'merge refuses to mix states of two measures of the same kind');
SELECT throws_ok($$SELECT wellbeing.merge(s) FROM one_state WHERE measure IN ('theil_t', 'proportion')$$, NULL,
                 NULL, 'merge refuses to mix states of two kinds');
SELECT throws_ok($$SELECT wellbeing.gini('{1,2,3}'::float8[])$$, '22000', NULL, 'a hand-made array is refused');

-- NULLs, empty input, one row, the window form
SELECT is((SELECT wellbeing.merge(s) FROM one_state WHERE false), NULL, 'merge of no states is NULL');
SELECT is((SELECT wellbeing.gini(wellbeing.merge(s)) FROM one_state WHERE false), NULL, 'its final is NULL');
SELECT is((SELECT wellbeing.merge(s) FROM (VALUES (NULL::float8[])) t(s)), NULL, 'merge skips NULL states');
SELECT ok(pg_temp.close(to_jsonb((SELECT wellbeing.theil_t(wellbeing.merge(s)) FROM (SELECT s FROM one_state WHERE measure = 'theil_t' UNION ALL SELECT NULL) t)),
                        to_jsonb((SELECT wellbeing.theil_t(income, weight) FROM rows))), 'a NULL among the states adds nothing');
SELECT is((SELECT (wellbeing.mean(wellbeing.merge(s))).value FROM (SELECT wellbeing.mean_state(42.0) AS s) t), 42::float8,
          'one row: mean of its state is the value');
SELECT is((SELECT wellbeing.proportion_state(outcome) FROM rows WHERE false), NULL, '_state of no rows is NULL');

-- the dashboard pattern: states per year x area stored once, rolled up to
-- each area over all years and to the city per year
CREATE TEMP TABLE daily AS
SELECT year, area, wellbeing.proportion_state(outcome, weight) AS p, wellbeing.gini_state(income, weight) AS g
FROM rows GROUP BY year, area;
SELECT ok(bool_and(pg_temp.close(to_jsonb(r.p), to_jsonb(d.p)) AND pg_temp.close(to_jsonb(r.g), to_jsonb(d.g))),
          'per area over all years: merged stored states = raw rows')
FROM (SELECT area, wellbeing.proportion(wellbeing.merge(p)) AS p, wellbeing.gini(wellbeing.merge(g)) AS g FROM daily GROUP BY area) r
JOIN (SELECT area, wellbeing.proportion(outcome, weight) AS p, wellbeing.gini(income, weight) AS g FROM rows GROUP BY area) d USING (area);
SELECT ok(bool_and(pg_temp.close(to_jsonb(r.p), to_jsonb(d.p))), 'city per year: merged stored states = raw rows')
FROM (SELECT year, wellbeing.proportion(wellbeing.merge(p)) AS p FROM daily GROUP BY year) r
JOIN (SELECT year, wellbeing.proportion(outcome, weight) AS p FROM rows GROUP BY year) d USING (year);
SELECT ok((SELECT count(DISTINCT v) = 1 FROM (SELECT (wellbeing.gini(wellbeing.merge(g) OVER ())).value AS v FROM daily) t),
          'merge works as a window aggregate');

-- stored states survive a text round trip (a CSV export, a foreign table)
SELECT ok(pg_temp.close(to_jsonb((SELECT wellbeing.gini(wellbeing.merge(g::text::float8[])) FROM daily)),
                        to_jsonb((SELECT wellbeing.gini(income, weight) FROM rows))), 'states through text merge to the same answer');

-- parallel: merge over many stored states in a forced parallel plan
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
CREATE TEMP TABLE many AS SELECT id, wellbeing.mean_state(income, weight) AS s FROM rows GROUP BY id;
ANALYZE many;
-- temp tables are not scanned by workers; the plan shape is checked on a regular table
CREATE TABLE public.rollup_many AS SELECT * FROM many;
ANALYZE public.rollup_many;
SELECT ok(pg_temp.close(to_jsonb((SELECT wellbeing.mean(wellbeing.merge(s)) FROM public.rollup_many)),
                        to_jsonb((SELECT wellbeing.mean(income, weight) FROM rows))), 'merge in a parallel plan = raw rows');
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text; p text := '';
BEGIN FOR r IN EXECUTE 'EXPLAIN ' || q LOOP p := p || r || E'\n'; END LOOP; RETURN p; END $$;
SELECT ok(pg_temp.plan_of('SELECT wellbeing.mean(wellbeing.merge(s)) FROM public.rollup_many') LIKE '%Partial Aggregate%',
          'and that plan is parallel (Partial Aggregate under a Gather)');
SELECT * FROM finish();
ROLLBACK;
