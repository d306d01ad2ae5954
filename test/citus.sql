-- Every aggregate family on a real Citus cluster, run by test/citus.sh on
-- the coordinator (docs/citus.md).  A deterministic data set of 200 000
-- rows is kept twice: wbc.people, distributed by area over 32 shards, and
-- wbc.people_local, an ordinary table on the coordinator.  Every call of
-- wbc.calls (at least one per aggregate of the extension, so every state
-- kind) runs grouped by the distribution column, grouped by another
-- column and ungrouped, on both tables; every number of the answer must be
-- within 1e-9 (relative) of the local one, and EXPLAIN (VERBOSE) must show
-- how Citus ran it: whole on the shards when grouped by the distribution
-- column, partial aggregation (worker_partial_agg on the shards,
-- coord_combine_agg on the coordinator) otherwise.  The window functions
-- run partitioned by area, by another column and over everything; the
-- rollups store <measure>_state per area in a distributed table and merge
-- them on the coordinator.  Prints TAP lines ("ok N - ...") and writes the
-- measured table of docs/citus.md to the file named by :docs_out.
\set ON_ERROR_STOP 1
\pset format unaligned
\pset tuples_only on
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS wellbeing;
DROP SCHEMA IF EXISTS wbc CASCADE;
CREATE SCHEMA wbc;

-- the data: hashed fractions of the row number (no random(): the rows are
-- the same on every run); area = 500 consecutive rows, 400 areas
CREATE TABLE wbc.people_local (
    id bigint, area integer, grp text, outcome boolean, x double precision,
    weight double precision, events double precision, population double precision,
    band integer, year double precision, stratum integer, psu integer, unit text,
    repw double precision[]);
INSERT INTO wbc.people_local
SELECT g, (g - 1) / 500, 'g' || (g % 3), h1 < 0.3, exp(8 + 2 * h2), 0.5 + 3 * h3,
       floor(20 * h1), 1000 + floor(5000 * h2), 1 + g % 19, 2000 + g % 12, g % 4, g % 97,
       'u' || (g % 50),
       ARRAY[(0.5 + 3 * h3) * (0.8 + 0.4 * h1), (0.5 + 3 * h3) * (1.2 - 0.4 * h1),
             (0.5 + 3 * h3) * (0.9 + 0.2 * h2), (0.5 + 3 * h3) * (1.1 - 0.2 * h2)]
FROM generate_series(1, 200000) g,
     LATERAL (SELECT g * 0.6180339887498949 - floor(g * 0.6180339887498949) AS h1,
                     g * 0.7548776662466927 - floor(g * 0.7548776662466927) AS h2,
                     g * 0.5698402909980532 - floor(g * 0.5698402909980532) AS h3) h;
CREATE TABLE wbc.people (LIKE wbc.people_local);
SELECT create_distributed_table('wbc.people', 'area', shard_count => 32) \g /dev/null
INSERT INTO wbc.people SELECT * FROM wbc.people_local;
-- the rollup: states per area (and grp), colocated with the rows
CREATE TABLE wbc.states (area integer, grp text, label text, s double precision[]);
SELECT create_distributed_table('wbc.states', 'area', colocate_with => 'wbc.people') \g /dev/null
ANALYZE wbc.people_local;
ANALYZE wbc.people;

-- The calls: label, aggregate, arguments, optional FILTER.  Measures that
-- take one row per period run over the first rows only (ids 1..N: distinct
-- periods, all in area 0).  Every aggregate of the catalog must be here
-- (checked below).
CREATE TABLE wbc.calls (label text PRIMARY KEY, name text NOT NULL, args text NOT NULL, filter text);
INSERT INTO wbc.calls VALUES
  ('proportion', 'proportion', 'outcome, weight', NULL),
  ('proportion (integer outcome)', 'proportion', 'outcome::int, weight', NULL),
  ('proportion (numeric outcome)', 'proportion', 'outcome::int::numeric, weight, 0.9', NULL),
  ('mean', 'mean', 'x, weight', NULL),
  ('total', 'total', 'x, weight', NULL),
  ('rate', 'rate', 'events, population', NULL),
  ('standardized_rate', 'standardized_rate', 'events, population, band * 1000.0', NULL),
  ('standardized_ratio', 'standardized_ratio', 'events, population / 500', NULL),
  ('poverty_rate', 'poverty_rate', 'x, weight', NULL),
  ('poverty_threshold', 'poverty_threshold', 'x, weight', NULL),
  ('gini', 'gini', 'x, weight', NULL),
  ('quintile_share_ratio', 'quintile_share_ratio', 'x, weight', NULL),
  ('palma', 'palma', 'x, weight', NULL),
  ('hoover', 'hoover', 'x, weight', NULL),
  ('dissimilarity', 'dissimilarity', 'events, population - events', NULL),
  ('category_cutpoints', 'category_cutpoints', 'x, population', NULL),
  ('mann_kendall', 'mann_kendall', '(2000 + id)::float8, x', 'id <= 30'),
  ('theil_t', 'theil_t', 'x, weight', NULL),
  ('mean_log_deviation', 'mean_log_deviation', 'x, weight', NULL),
  ('generalized_entropy', 'generalized_entropy', 'x, weight, 2', NULL),
  ('atkinson', 'atkinson', 'x, weight, 0.5', NULL),
  ('between_group_variance', 'between_group_variance', 'x, weight', NULL),
  ('between_group_sd', 'between_group_sd', 'x, weight', NULL),
  ('coefficient_of_variation', 'coefficient_of_variation', 'x, weight', NULL),
  ('slope_index', 'slope_index', 'events / population, population, x', NULL),
  ('relative_index', 'relative_index', 'events / population, population, x', NULL),
  ('concentration_index', 'concentration_index', 'events / population, population, x', NULL),
  ('attributable_risk', 'attributable_risk', 'events / population, population, false', NULL),
  ('attributable_fraction', 'attributable_fraction', 'events / population, population, false', NULL),
  ('index_of_disparity', 'index_of_disparity', $$events / population, population, 'best'$$, NULL),
  ('mean_difference', 'mean_difference', $$events / population, population, 'mean'$$, NULL),
  ('isolation', 'isolation', 'events, population', NULL),
  ('exposure', 'exposure', 'events, population - events, population', NULL),
  ('mutual_information', 'mutual_information', 'unit, grp, events', NULL),
  ('entropy_index', 'entropy_index', 'unit, grp, events', NULL),
  ('linear_trend', 'linear_trend', 'year, x', NULL),
  ('annual_percent_change', 'annual_percent_change', 'year, x', NULL),
  ('gap_trend', 'gap_trend', '(2000 + id)::float8, x, x / 10, x * weight, x / 8', 'id <= 30'),
  ('recent_trend', 'recent_trend', '(2000 + id)::float8, x, x * 0.9, x * 1.1', 'id <= 12'),
  ('recent_trend_proportion', 'recent_trend_proportion', '(2000 + id)::float8, events, population', 'id <= 12'),
  ('aggregate_scores', 'aggregate_scores', 'x / 1000, weight', NULL),
  ('cronbach_alpha', 'cronbach_alpha', 'ARRAY[ln(x), ln(x) + weight, ln(x) + events / 10]', NULL),
  ('cronbach_alpha_if_deleted', 'cronbach_alpha_if_deleted', 'ARRAY[ln(x), ln(x) + weight, ln(x) + events / 10]', NULL),
  ('joinpoint', 'joinpoint', '(2000 + id)::float8, x', 'id <= 20'),
  -- one row per age band in every grouping: the rows of one grp, in one area
  ('life_expectancy', 'life_expectancy', '5.0 * ((id - 1) / 3), events + 1, population', 'id <= 60 AND mod(id, 3) = 1'),
  ('life_expectancy (at 65, 0.9, uniform)', 'life_expectancy', $$5.0 * ((id - 1) / 3), events + 1, population, 65, 0.9, 'uniform'$$, 'id <= 60 AND mod(id, 3) = 1'),
  ('survey_mean', 'survey_mean', 'x, weight, stratum, psu', NULL),
  ('survey_mean (text keys)', 'survey_mean', $$x, weight, 's' || stratum, 'p' || psu$$, NULL),
  ('survey_mean (fpc, level, options)', 'survey_mean', $$x, weight, stratum, psu, 200, 0.9, 'lonely_psu=adjust'$$, NULL),
  ('survey_total', 'survey_total', 'x, weight, stratum::bigint, psu::text', NULL),
  ('survey_ratio', 'survey_ratio', 'x, population, weight, stratum, psu', NULL),
  ('survey_proportion', 'survey_proportion', 'outcome, weight, stratum, psu', NULL),
  ('survey_proportion (beta interval, domain)', 'survey_proportion', $$outcome, weight, stratum, psu, NULL, 0.95, 'interval=beta', x > 5000$$, NULL),
  ('survey_mean_difference', 'survey_mean_difference', 'x, weight, stratum, psu, outcome, NOT outcome', NULL),
  ('survey_proportion_difference', 'survey_proportion_difference', 'outcome, weight, stratum, psu, x > 10000, x <= 10000', NULL),
  ('survey_standardized_mean', 'survey_standardized_mean', 'x, weight, stratum, psu, band, band * 100.0', NULL),
  ('survey_standardized_proportion (boolean band)', 'survey_standardized_proportion',
   'outcome, weight, stratum, psu, x > 10000, CASE WHEN x > 10000 THEN 3 ELSE 1 END', NULL),
  ('replicate_mean', 'replicate_mean', $$x, weight, repw, 'bootstrap'$$, NULL),
  ('replicate_total', 'replicate_total', $$x, weight, repw, 'sdr'$$, NULL),
  ('replicate_ratio', 'replicate_ratio', $$x, population, weight, repw, 'brr'$$, NULL),
  ('replicate_proportion', 'replicate_proportion', $$outcome, weight, repw, 'jk1'$$, NULL);

-- the window functions (over every 200th row: their rows are pulled to the coordinator)
CREATE TABLE wbc.windows (label text PRIMARY KEY, name text NOT NULL, args text NOT NULL);
INSERT INTO wbc.windows VALUES
  ('complementary_suppression', 'complementary_suppression', 'events, events < 3'),
  ('relative_inequity', 'relative_inequity', 'events, population'),
  ('normalize_zscore', 'normalize_zscore', 'x, weight'),
  ('normalize_minmax', 'normalize_minmax', 'x'),
  ('percentile_rank', 'percentile_rank', 'x'),
  ('treat_outliers', 'treat_outliers', 'x'),
  ('outlier_treatment', 'outlier_treatment', 'x');

-- the largest relative difference of two JSON values (0: equal; Infinity:
-- a different shape, a NULL against a value, different text)
CREATE FUNCTION wbc.jdiff(a jsonb, b jsonb) RETURNS double precision
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  d double precision := 0;
  x double precision;
  y double precision;
  k text;
BEGIN
  IF a IS NULL AND b IS NULL THEN RETURN 0; END IF;
  IF a IS NULL OR b IS NULL OR jsonb_typeof(a) <> jsonb_typeof(b) THEN RETURN 'Infinity'; END IF;
  CASE jsonb_typeof(a)
    WHEN 'number' THEN
      x := a::text::double precision;
      y := b::text::double precision;
      RETURN CASE WHEN x = y THEN 0 ELSE abs(x - y) / greatest(abs(x), abs(y)) END;
    WHEN 'array' THEN
      IF jsonb_array_length(a) <> jsonb_array_length(b) THEN RETURN 'Infinity'; END IF;
      FOR i IN 0 .. jsonb_array_length(a) - 1 LOOP
        d := greatest(d, wbc.jdiff(a -> i, b -> i));
      END LOOP;
      RETURN d;
    WHEN 'object' THEN
      IF (SELECT array_agg(k1 ORDER BY k1) FROM jsonb_object_keys(a) k1)
         IS DISTINCT FROM (SELECT array_agg(k2 ORDER BY k2) FROM jsonb_object_keys(b) k2) THEN
        RETURN 'Infinity';
      END IF;
      FOR k IN SELECT jsonb_object_keys(a) LOOP
        d := greatest(d, wbc.jdiff(a -> k, b -> k));
      END LOOP;
      RETURN d;
    ELSE
      RETURN CASE WHEN a = b THEN 0 ELSE 'Infinity'::double precision END;
  END CASE;
END $$;

-- how Citus ran a query, from its EXPLAIN (VERBOSE): 'pushed down' (the
-- call itself in the shard query), 'partial' (worker_partial_agg and
-- coord_combine_agg) or 'rows pulled' (the shards return rows, the
-- coordinator computes)
CREATE FUNCTION wbc.plan_of(q text, call_name text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  r record;
  plan text := '';
  task text := '';
BEGIN
  FOR r IN EXECUTE 'EXPLAIN (VERBOSE) ' || q LOOP
    plan := plan || r."QUERY PLAN" || E'\n';
    IF r."QUERY PLAN" ~ '^\s*Query: ' THEN
      task := task || r."QUERY PLAN" || E'\n';
    END IF;
  END LOOP;
  IF plan !~ 'Custom Scan \(Citus' THEN RETURN 'not distributed'; END IF;
  IF task ~ 'worker_partial_agg\(' AND plan ~ 'coord_combine_agg\(' THEN RETURN 'partial'; END IF;
  IF position('wellbeing.' || call_name || '(' IN task) > 0 THEN RETURN 'pushed down'; END IF;
  RETURN 'rows pulled';
END $$;

CREATE TABLE wbc.results (
  n serial, part text, label text, name text, by_col text, groups integer,
  max_diff double precision, nonnull boolean, plan text, expected_plan text,
  local_ms double precision, dist_ms double precision, error text);

-- one query (an aggregate or a window, grouped or partitioned by area, grp
-- or nothing) on both tables, with its plan
CREATE FUNCTION wbc.run(part text, label text, by_col text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  c record;
  call text;
  q text;
  qj text;
  r record;
  loc jsonb := '{}';
  dist jsonb := '{}';
  t0 timestamptz;
  lms double precision;
  dms double precision;
  p text;
  expected text;
BEGIN
  IF part = 'window' THEN
    SELECT * INTO c FROM wbc.windows w WHERE w.label = run.label;
    call := format('wellbeing.%I(%s) OVER (%s)', c.name, c.args,
                   CASE by_col WHEN 'none' THEN '' ELSE 'PARTITION BY ' || by_col END);
    q := format('SELECT id::text AS g, %s AS v FROM wbc.%%I WHERE mod(id, 200) = 0', call);
    qj := format('SELECT id::text AS g, to_jsonb(%s) AS v FROM wbc.%%I WHERE mod(id, 200) = 0', call);
    expected := CASE by_col WHEN 'area' THEN 'pushed down' ELSE 'rows pulled' END;
  ELSE
    SELECT * INTO c FROM wbc.calls k WHERE k.label = run.label;
    call := format('wellbeing.%I(%s)%s', c.name, c.args,
                   coalesce(' FILTER (WHERE ' || c.filter || ')', ''));
    q := CASE by_col WHEN 'none' THEN format('SELECT ''all'' AS g, %s AS v FROM wbc.%%I', call)
         ELSE format('SELECT %1$s::text AS g, %2$s AS v FROM wbc.%%I GROUP BY %1$s', by_col, call) END;
    qj := CASE by_col WHEN 'none' THEN format('SELECT ''all'' AS g, to_jsonb(%s) AS v FROM wbc.%%I', call)
          ELSE format('SELECT %1$s::text AS g, to_jsonb(%2$s) AS v FROM wbc.%%I GROUP BY %1$s', by_col, call) END;
    expected := CASE by_col WHEN 'area' THEN 'pushed down' ELSE 'partial' END;
  END IF;
  BEGIN
    t0 := clock_timestamp();
    FOR r IN EXECUTE format(qj, 'people_local') LOOP
      loc := loc || jsonb_build_object(r.g, r.v);
    END LOOP;
    lms := 1000 * extract(epoch FROM clock_timestamp() - t0);
    t0 := clock_timestamp();
    FOR r IN EXECUTE format(qj, 'people') LOOP
      dist := dist || jsonb_build_object(r.g, r.v);
    END LOOP;
    dms := 1000 * extract(epoch FROM clock_timestamp() - t0);
    p := wbc.plan_of(format(q, 'people'), c.name);
    INSERT INTO wbc.results (part, label, name, by_col, groups, max_diff, nonnull, plan, expected_plan, local_ms, dist_ms)
    VALUES (part, label, c.name, by_col, (SELECT count(*) FROM jsonb_object_keys(loc)), wbc.jdiff(loc, dist),
            jsonb_path_exists(loc, '$.** ? (@.type() == "number" || @.type() == "boolean" || @.type() == "string")'), p, expected, lms, dms);
  EXCEPTION WHEN OTHERS THEN
    INSERT INTO wbc.results (part, label, name, by_col, expected_plan, error)
    VALUES (part, label, c.name, by_col, expected, SQLSTATE || ': ' || SQLERRM);
  END;
END $$;

-- the rollup of one call: <measure>_state per (area, grp) stored in the
-- distributed wbc.states, merged on the coordinator, against one pass
CREATE FUNCTION wbc.run_rollup(label text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  c record;
  final text;
  loc jsonb;
  dist jsonb;
  loc_g jsonb;
  dist_g jsonb;
  p text;
  t0 timestamptz;
  dms double precision;
BEGIN
  SELECT * INTO c FROM wbc.calls k WHERE k.label = run_rollup.label;
  final := CASE WHEN c.name LIKE 'cronbach\_alpha%' THEN c.name || '_finalfn' ELSE c.name END;
  BEGIN
    t0 := clock_timestamp();
    EXECUTE format('INSERT INTO wbc.states SELECT area, grp, %L, wellbeing.%I(%s)%s FROM wbc.people GROUP BY area, grp',
                   c.label, c.name || '_state', c.args, coalesce(' FILTER (WHERE ' || c.filter || ')', ''));
    EXECUTE format('SELECT to_jsonb(wellbeing.%I(wellbeing.merge(s))) FROM wbc.states WHERE label = %L', final, c.label)
      INTO dist;
    EXECUTE format('SELECT jsonb_object_agg(grp, v) FROM (SELECT grp, to_jsonb(wellbeing.%I(wellbeing.merge(s))) AS v FROM wbc.states WHERE label = %L GROUP BY grp) m',
                   final, c.label) INTO dist_g;
    dms := 1000 * extract(epoch FROM clock_timestamp() - t0);
    EXECUTE format('SELECT to_jsonb(wellbeing.%I(%s)%s) FROM wbc.people_local',
                   c.name, c.args, coalesce(' FILTER (WHERE ' || c.filter || ')', '')) INTO loc;
    EXECUTE format('SELECT jsonb_object_agg(grp, v) FROM (SELECT grp, to_jsonb(wellbeing.%I(%s)%s) AS v FROM wbc.people_local GROUP BY grp) m',
                   c.name, c.args, coalesce(' FILTER (WHERE ' || c.filter || ')', '')) INTO loc_g;
    p := wbc.plan_of(format('SELECT grp, wellbeing.%I(wellbeing.merge(s)) FROM wbc.states WHERE label = %L GROUP BY grp', final, c.label), 'merge');
    INSERT INTO wbc.results (part, label, name, by_col, groups, max_diff, nonnull, plan, expected_plan, dist_ms)
    VALUES ('rollup', label, c.name, 'grp and none', 1 + (SELECT count(*) FROM jsonb_object_keys(loc_g)),
            greatest(wbc.jdiff(loc, dist), wbc.jdiff(loc_g, dist_g)),
            jsonb_path_exists(loc, '$.** ? (@.type() == "number" || @.type() == "boolean" || @.type() == "string")'), p, 'partial', dms);
  EXCEPTION WHEN OTHERS THEN
    INSERT INTO wbc.results (part, label, name, by_col, expected_plan, error)
    VALUES ('rollup', label, c.name, 'grp and none', 'partial', SQLSTATE || ': ' || SQLERRM);
  END;
END $$;

-- every query as its own statement (its own transaction)
SELECT format('SELECT wbc.run(%L, %L, %L)', 'aggregate', label, g)
FROM wbc.calls, unnest(ARRAY['area', 'grp', 'none']) g ORDER BY label, g \gexec
SELECT format('SELECT wbc.run(%L, %L, %L)', 'window', label, g)
FROM wbc.windows, unnest(ARRAY['area', 'grp', 'none']) g ORDER BY label, g \gexec
SELECT format('SELECT wbc.run_rollup(%L)', label) FROM wbc.calls ORDER BY label \gexec

-- the state kind of every call, from the tags of its stored states
CREATE TABLE wbc.tags AS SELECT DISTINCT label, s[1] AS tag FROM wbc.states WHERE s IS NOT NULL;

-- TAP: the coverage, then two lines per query (the answer, the plan)
CREATE TABLE wbc.tap (n serial, ok boolean, line text);
INSERT INTO wbc.tap (ok, line)
SELECT missing IS NULL, 'every aggregate of the extension is called' || coalesce(' (missing: ' || missing || ')', '')
FROM (SELECT string_agg(DISTINCT p.proname, ', ') AS missing
      FROM pg_proc p WHERE p.pronamespace = 'wellbeing'::regnamespace AND p.prokind = 'a'
       AND p.proname NOT LIKE '%\_state' AND p.proname <> 'merge'
       AND p.proname NOT IN (SELECT name FROM wbc.calls)) m;
INSERT INTO wbc.tap (ok, line)
SELECT missing IS NULL, format('every state kind of wellbeing.state_kinds() (%s) has a call', kinds)
       || coalesce(' (missing: ' || missing || ')', '')
FROM (SELECT count(DISTINCT kind) AS kinds,
             string_agg(DISTINCT name, ', ') FILTER (WHERE tag NOT IN (SELECT tag FROM wbc.tags)) AS missing
      FROM wellbeing.state_kinds()) k;
INSERT INTO wbc.tap (ok, line)
SELECT missing IS NULL, 'every window function of the extension is called' || coalesce(' (missing: ' || missing || ')', '')
FROM (SELECT string_agg(DISTINCT p.proname, ', ') AS missing
      FROM pg_proc p WHERE p.pronamespace = 'wellbeing'::regnamespace AND p.prokind = 'w'
       AND p.proname NOT IN (SELECT name FROM wbc.windows)) m;
INSERT INTO wbc.tap (ok, line)
SELECT ok, line FROM (
  SELECT r.n, 1 AS k, r.error IS NULL AND r.max_diff <= 1e-9 AND r.nonnull AS ok,
         format('%s %s %s: %s', r.part, r.label,
                CASE r.part WHEN 'rollup' THEN 'merged from states per area on the coordinator (grouped by grp and ungrouped)'
                            WHEN 'window' THEN CASE r.by_col WHEN 'none' THEN 'OVER ()' ELSE 'PARTITION BY ' || r.by_col END
                            ELSE CASE r.by_col WHEN 'none' THEN 'ungrouped' ELSE 'GROUP BY ' || r.by_col END END,
                CASE WHEN r.error IS NOT NULL THEN r.error
                     WHEN NOT r.nonnull THEN 'the local answer has no value'
                     ELSE format('%s %s equal to the local table (largest relative difference %s)', r.groups,
                                 CASE r.part WHEN 'window' THEN 'rows' ELSE 'groups' END,
                                 to_char(r.max_diff, '9.9EEEE')) END) AS line
  FROM wbc.results r
  UNION ALL
  SELECT r.n, 2, r.plan IS NOT DISTINCT FROM r.expected_plan,
         format('%s %s %s: %s (expected %s)', r.part, r.label,
                CASE r.part WHEN 'rollup' THEN 'merge GROUP BY grp'
                            WHEN 'window' THEN CASE r.by_col WHEN 'none' THEN 'OVER ()' ELSE 'PARTITION BY ' || r.by_col END
                            ELSE CASE r.by_col WHEN 'none' THEN 'ungrouped' ELSE 'GROUP BY ' || r.by_col END END,
                coalesce(r.plan, 'no plan'), r.expected_plan)
  FROM wbc.results r
) t ORDER BY n, k;

\pset format unaligned
\pset tuples_only on
SELECT CASE WHEN ok THEN 'ok ' ELSE 'not ok ' END || n || ' - ' || line FROM wbc.tap ORDER BY n;
SELECT '1..' || count(*) FROM wbc.tap;
SELECT format('# %s queries on the distributed table compared with the local table: %s equal within 1e-9; plans: %s',
              count(*), count(*) FILTER (WHERE error IS NULL AND max_diff <= 1e-9 AND nonnull),
              (SELECT string_agg(format('%s %s', c, coalesce(plan, 'error')), ', ' ORDER BY c DESC)
               FROM (SELECT plan, count(*) AS c FROM wbc.results GROUP BY plan) p))
FROM wbc.results;
SELECT format('# time: local %s s, distributed %s s; slowest distributed: %s', round(sum(local_ms)::numeric / 1000, 1),
              round(sum(dist_ms)::numeric / 1000, 1),
              (SELECT string_agg(format('%s %s %s ms', part, label || ' ' || by_col, round(dist_ms::numeric)), '; ')
               FROM (SELECT * FROM wbc.results ORDER BY dist_ms DESC NULLS LAST LIMIT 3) s))
FROM wbc.results;

-- the measured table of docs/citus.md: one row per state kind (and one per
-- window function), how Citus ran each grouping, from the plans above
\o :docs_out
SELECT '| state kind | aggregates called | GROUP BY area (distribution column) | GROUP BY grp | no GROUP BY | rollup: merge(state) on the coordinator |';
SELECT '|---|---|---|---|---|---|';
WITH k AS (
  SELECT DISTINCT t.label, s.kind, s.name AS kind_name
  FROM wbc.tags t JOIN (SELECT DISTINCT kind, name, tag FROM wellbeing.state_kinds()) s ON s.tag = t.tag
), cell AS (
  SELECT r.label, r.part, r.by_col,
         CASE WHEN r.error IS NOT NULL THEN 'error'
              WHEN r.max_diff <= 1e-9 AND r.nonnull THEN r.plan || ', equal'
              ELSE r.plan || ', DIFFERENT' END AS v
  FROM wbc.results r
)
SELECT format('| %s | %s | %s | %s | %s | %s |', kind_name, names, a, g, n, ro)
FROM (
  SELECT k.kind, k.kind_name, string_agg(DISTINCT '`' || c.name || '`', ', ') AS names,
         string_agg(DISTINCT ca.v, '; ') AS a, string_agg(DISTINCT cg.v, '; ') AS g,
         string_agg(DISTINCT cn.v, '; ') AS n, string_agg(DISTINCT cr.v, '; ') AS ro
  FROM k JOIN wbc.calls c ON c.label = k.label
  JOIN cell ca ON ca.label = k.label AND ca.part = 'aggregate' AND ca.by_col = 'area'
  JOIN cell cg ON cg.label = k.label AND cg.part = 'aggregate' AND cg.by_col = 'grp'
  JOIN cell cn ON cn.label = k.label AND cn.part = 'aggregate' AND cn.by_col = 'none'
  JOIN cell cr ON cr.label = k.label AND cr.part = 'rollup'
  GROUP BY k.kind, k.kind_name
) t ORDER BY kind;
SELECT '';
SELECT '| window function | PARTITION BY area | PARTITION BY grp | OVER () |';
SELECT '|---|---|---|---|';
SELECT format('| `%s` | %s | %s | %s |', w.name,
              max(v) FILTER (WHERE by_col = 'area'), max(v) FILTER (WHERE by_col = 'grp'),
              max(v) FILTER (WHERE by_col = 'none'))
FROM wbc.windows w
JOIN (SELECT label, by_col,
             CASE WHEN error IS NOT NULL THEN 'error'
                  WHEN max_diff <= 1e-9 AND nonnull THEN plan || ', equal'
                  ELSE plan || ', DIFFERENT' END AS v
      FROM wbc.results WHERE part = 'window') r ON r.label = w.label
GROUP BY w.name ORDER BY w.name;
SELECT '';
SELECT format('%s queries: %s aggregate calls (%s aggregates, all %s state kinds) x 3 groupings, %s window calls x 3 partitionings, %s rollups.',
              count(*), (SELECT count(*) FROM wbc.calls), (SELECT count(DISTINCT name) FROM wbc.calls),
              (SELECT count(DISTINCT kind) FROM wellbeing.state_kinds()),
              (SELECT count(*) FROM wbc.windows), count(*) FILTER (WHERE part = 'rollup'))
FROM wbc.results;
\o
DROP SCHEMA wbc CASCADE;
