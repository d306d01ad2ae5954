-- Properties every aggregate must have (SPEC section 2, "Determinism"):
--  1. a forced parallel plan really is parallel (Partial Aggregate, workers
--     launched) and gives the serial answer;
--  2. rows split into random partitions, each aggregated to a partial
--     state, merged in SQL with the combine function, give the single-pass
--     answer;
--  3. row order does not change the answer.
-- "Same answer" is 1e-12 relative: sums taken in another order differ in
-- the last bits only.
BEGIN;
SELECT plan(154);

SELECT setseed(0.42);
CREATE TABLE prop_rows AS
SELECT g AS id,
       (g % 7) AS area,
       random() < 0.3 AS outcome,
       0.2 + 3 * random() AS weight,
       exp(8 + random() * 2) AS income,
       floor(random() * 20)::float8 AS events,
       1000 + floor(random() * 5000)::float8 AS population,
       (g % 19) + 1 AS band,
       floor(random() * 8)::int AS part7,
       floor(random() * 50)::int AS part50
FROM generate_series(1, 60000) g;
ANALYZE prop_rows;

-- Each measure as (name, aggregate call, the matching state call).
CREATE TEMP TABLE measures (name text, agg text, state text, final text);
INSERT INTO measures VALUES
  ('proportion', 'wellbeing.proportion(outcome)', 'proportion_transfn(outcome)', 'proportion_finalfn'),
  ('proportion weighted', 'wellbeing.proportion(outcome, weight, 0.9, ''exact'')', 'proportion_transfn(outcome, weight, 0.9, ''exact'')', 'proportion_finalfn'),
  ('mean', 'wellbeing.mean(income)', 'mean_transfn(income)', 'mean_finalfn'),
  ('mean weighted', 'wellbeing.mean(income, weight)', 'mean_transfn(income, weight)', 'mean_finalfn'),
  ('total weighted', 'wellbeing.total(income, weight)', 'total_transfn(income, weight)', 'total_finalfn'),
  ('rate', 'wellbeing.rate(events, population, 1000)', 'rate_transfn(events, population, 1000)', 'rate_finalfn'),
  ('standardized_rate', 'wellbeing.standardized_rate(events, population, band * 100.0, 1, 0.95, ''gamma'')', 'standardized_rate_transfn(events, population, band * 100.0, 1, 0.95, ''gamma'')', 'standardized_rate_finalfn'),
  ('standardized_ratio', 'wellbeing.standardized_ratio(events, population / 500.0)', 'standardized_ratio_transfn(events, population / 500.0)', 'standardized_ratio_finalfn'),
  ('poverty_rate', 'wellbeing.poverty_rate(income, weight)', 'poverty_rate_transfn(income, weight)', 'poverty_rate_finalfn'),
  ('theil_t', 'wellbeing.theil_t(income, weight)', 'theil_t_transfn(income, weight)', 'entropy_finalfn'),
  ('mean_log_deviation with se', 'wellbeing.mean_log_deviation(income, weight, income / 10)', 'mean_log_deviation_transfn(income, weight, income / 10)', 'entropy_finalfn'),
  ('theil_t with se', 'wellbeing.theil_t(income, weight, income / 10, 0.9)', 'theil_t_transfn(income, weight, income / 10, 0.9)', 'entropy_finalfn'),
  ('generalized_entropy', 'wellbeing.generalized_entropy(income, weight, -1)', 'generalized_entropy_transfn(income, weight, -1)', 'entropy_finalfn'),
  ('atkinson', 'wellbeing.atkinson(income, weight, 1.5)', 'atkinson_transfn(income, weight, 1.5)', 'entropy_finalfn'),
  ('between_group_variance with se', 'wellbeing.between_group_variance(income, weight, income / 10)', 'between_group_variance_transfn(income, weight, income / 10)', 'between_group_spread_finalfn'),
  ('coefficient_of_variation with se', 'wellbeing.coefficient_of_variation(income, weight, income / 10)', 'coefficient_of_variation_transfn(income, weight, income / 10)', 'between_group_spread_finalfn'),
  ('slope_index log with se', 'wellbeing.slope_index(income, weight, band, income / 10, ''log'')', 'slope_index_transfn(income, weight, band, income / 10, ''log'')', 'ordered_finalfn'),
  ('concentration_index persons', 'wellbeing.concentration_index(events, weight, income)', 'concentration_index_transfn(events, weight, income)', 'ordered_finalfn'),
  ('gini corrected', 'wellbeing.gini(income, weight, true)', 'gini_transfn(income, weight, true)', 'gini_finalfn'),
  ('quintile_share_ratio', 'wellbeing.quintile_share_ratio(income, weight)', 'quintile_share_ratio_transfn(income, weight)', 'quintile_share_ratio_finalfn'),
  ('palma', 'wellbeing.palma(income, weight)', 'palma_transfn(income, weight)', 'palma_finalfn'),
  ('hoover', 'wellbeing.hoover(income, weight)', 'hoover_transfn(income, weight)', 'hoover_finalfn'),
  ('dissimilarity', 'wellbeing.dissimilarity(events, population - events)', 'dissimilarity_transfn(events, population - events)', 'dissimilarity_finalfn'),
  ('isolation', 'wellbeing.isolation(events, population)', 'isolation_transfn(events, population)', 'exposure_finalfn'),
  ('mutual_information', 'wellbeing.mutual_information(area::text, band::text, events)', 'multigroup_transfn(area::text, band::text, events)', 'mutual_information_finalfn'),
  ('linear_trend', 'wellbeing.linear_trend(band, income)', 'linear_trend_transfn(band, income)', 'trend_finalfn'),
  ('annual_percent_change with se', 'wellbeing.annual_percent_change(band, income, income / 10)', 'annual_percent_change_transfn(band, income, income / 10)', 'trend_finalfn');

-- Partial-state aggregates for the test: the extension's own transition
-- functions with no final function, and the shared combine as a merge.
CREATE SCHEMA wbtest;
CREATE AGGREGATE wbtest.proportion_transfn(boolean) (SFUNC = wellbeing.proportion_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.proportion_transfn(boolean, float8, float8, text) (SFUNC = wellbeing.proportion_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.mean_transfn(float8) (SFUNC = wellbeing.mean_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.mean_transfn(float8, float8) (SFUNC = wellbeing.mean_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.total_transfn(float8, float8) (SFUNC = wellbeing.total_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.rate_transfn(float8, float8, float8) (SFUNC = wellbeing.rate_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.standardized_rate_transfn(float8, float8, float8, float8, float8, text) (SFUNC = wellbeing.standardized_rate_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.standardized_ratio_transfn(float8, float8) (SFUNC = wellbeing.standardized_ratio_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.poverty_rate_transfn(float8, float8) (SFUNC = wellbeing.poverty_rate_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.theil_t_transfn(float8, float8) (SFUNC = wellbeing.theil_t_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.theil_t_transfn(float8, float8, float8, float8) (SFUNC = wellbeing.theil_t_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.mean_log_deviation_transfn(float8, float8, float8) (SFUNC = wellbeing.mean_log_deviation_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.generalized_entropy_transfn(float8, float8, float8) (SFUNC = wellbeing.generalized_entropy_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.atkinson_transfn(float8, float8, float8) (SFUNC = wellbeing.atkinson_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.between_group_variance_transfn(float8, float8, float8) (SFUNC = wellbeing.between_group_variance_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.coefficient_of_variation_transfn(float8, float8, float8) (SFUNC = wellbeing.coefficient_of_variation_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.slope_index_transfn(float8, float8, float8, float8, text) (SFUNC = wellbeing.slope_index_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.concentration_index_transfn(float8, float8, float8) (SFUNC = wellbeing.concentration_index_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.gini_transfn(float8, float8, boolean) (SFUNC = wellbeing.gini_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.quintile_share_ratio_transfn(float8, float8) (SFUNC = wellbeing.quintile_share_ratio_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.palma_transfn(float8, float8) (SFUNC = wellbeing.palma_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.hoover_transfn(float8, float8) (SFUNC = wellbeing.hoover_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.dissimilarity_transfn(float8, float8) (SFUNC = wellbeing.dissimilarity_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.isolation_transfn(float8, float8) (SFUNC = wellbeing.isolation_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.multigroup_transfn(text, text, float8) (SFUNC = wellbeing.multigroup_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.linear_trend_transfn(float8, float8) (SFUNC = wellbeing.linear_trend_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.annual_percent_change_transfn(float8, float8, float8) (SFUNC = wellbeing.annual_percent_change_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.merge_states(float8[]) (SFUNC = wellbeing.state_combine, STYPE = float8[]);

CREATE FUNCTION wbtest.same(a wellbeing.estimate, b wellbeing.estimate) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT NOT (a IS NULL) AND NOT (b IS NULL)  -- row IS NOT NULL would need every field set
     AND a.n = b.n AND a.level IS NOT DISTINCT FROM b.level
     AND abs(a.value - b.value) <= 1e-12 * abs(b.value)
     AND coalesce(abs(a.se - b.se) <= 1e-10 * abs(b.se), a.se IS NULL AND b.se IS NULL)
     AND coalesce(abs(a.lower - b.lower) <= 1e-10 * abs(b.lower) + 1e-300, a.lower IS NULL AND b.lower IS NULL)
     AND coalesce(abs(a.upper - b.upper) <= 1e-10 * abs(b.upper), a.upper IS NULL AND b.upper IS NULL)
$$;

CREATE FUNCTION wbtest.one(q text) RETURNS wellbeing.estimate LANGUAGE plpgsql AS $$
DECLARE r wellbeing.estimate;
BEGIN EXECUTE format('SELECT (x).* FROM (%s) s(x)', q) INTO r; RETURN r; END $$;

-- true when the statement ran with a Partial Aggregate and launched workers
CREATE FUNCTION wbtest.ran_parallel(q text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE plan text;
BEGIN
  EXECUTE 'EXPLAIN (ANALYZE, FORMAT JSON) ' || q INTO plan;
  RETURN plan LIKE '%"Partial Mode": "Partial"%' AND plan ~ '"Workers Launched": [1-9]';
END $$;

-- 1. serial vs forced parallel
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL parallel_leader_participation = off;

SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial AS
SELECT name, wbtest.one(format('SELECT %s FROM prop_rows', agg)) AS e FROM measures;
CREATE TEMP TABLE serial_by_area AS
SELECT area, wellbeing.proportion(outcome, weight) AS e FROM prop_rows GROUP BY area;

SET LOCAL max_parallel_workers_per_gather = 2;
SELECT ok(wbtest.ran_parallel(format('SELECT %s FROM prop_rows', agg)), name || ': plan is parallel with workers launched')
FROM measures ORDER BY name;
SELECT ok(wbtest.same(wbtest.one(format('SELECT %s FROM prop_rows', agg)), s.e), name || ': parallel answer = serial answer')
FROM measures JOIN serial s USING (name) ORDER BY name;

-- grouped parallel aggregation equals the serial grouped answer too
SELECT ok((
  SELECT bool_and(wbtest.same(p.e, s.e)) AND count(*) = 7
  FROM (SELECT area, wellbeing.proportion(outcome, weight) AS e FROM prop_rows GROUP BY area) p
  JOIN serial_by_area s USING (area)), 'proportion by area: parallel grouped answer = serial');
SET LOCAL max_parallel_workers_per_gather = 0;

-- 2. random partitions merged in SQL = single pass
SELECT ok(wbtest.same(
  wbtest.one(format('SELECT wellbeing.%s(wbtest.merge_states(st)) FROM (SELECT wbtest.%s AS st FROM prop_rows GROUP BY part7) p',
                    final, state)),
  wbtest.one(format('SELECT %s FROM prop_rows', agg))), name || ': 8 random partitions merged = single pass')
FROM measures ORDER BY name;
SELECT ok(wbtest.same(
  wbtest.one(format('SELECT wellbeing.%s(wbtest.merge_states(st)) FROM (SELECT wbtest.%s AS st FROM prop_rows GROUP BY part50 ORDER BY random()) p',
                    final, state)),
  wbtest.one(format('SELECT %s FROM prop_rows', agg))), name || ': 50 random partitions merged in random order = single pass')
FROM measures ORDER BY name;

-- 3. row order
SELECT ok(wbtest.same(
  wbtest.one(format('SELECT %s FROM (SELECT * FROM prop_rows ORDER BY random()) r', agg)),
  wbtest.one(format('SELECT %s FROM prop_rows', agg))), name || ': shuffled rows = same answer')
FROM measures ORDER BY name;

-- 4. The composite-index aggregates (other result types): parallel =
-- serial, partitions merged = single pass, shuffled rows = same.
CREATE AGGREGATE wbtest.aggregate_scores_transfn(float8, float8, text) (SFUNC = wellbeing.aggregate_scores_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.category_cutpoints_transfn(float8, float8) (SFUNC = wellbeing.category_cutpoints_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.cronbach_alpha_transfn(float8[]) (SFUNC = wellbeing.cronbach_alpha_transfn, STYPE = float8[]);
CREATE FUNCTION wbtest.close(a float8, b float8) RETURNS boolean LANGUAGE sql IMMUTABLE
AS $$ SELECT abs(a - b) <= 1e-12 * abs(b) $$;
CREATE TEMP VIEW index_rows AS
SELECT id, part7, part50, CASE WHEN outcome THEN NULL ELSE income / 1000 END AS score, weight,
       population, ARRAY[income / 1000, income / 1000 + events / 4, income / 1000 * (0.5 + weight / 4)] AS items
FROM prop_rows;
CREATE TEMP TABLE index_serial AS
SELECT wellbeing.aggregate_scores(score, weight, 'geometric') AS scores,
       wellbeing.category_cutpoints(score, population) AS cuts,
       wellbeing.cronbach_alpha(items) AS alpha
FROM index_rows;

SET LOCAL max_parallel_workers_per_gather = 2;
SELECT ok(wbtest.ran_parallel('SELECT wellbeing.aggregate_scores(score, weight, ''geometric''), wellbeing.category_cutpoints(score, population), wellbeing.cronbach_alpha(items) FROM index_rows'),
          'index aggregates: plan is parallel with workers launched');
SELECT ok((SELECT wbtest.close((p.scores).score, (s.scores).score) AND (p.scores).available = (s.scores).available
                  AND (p.scores).missing = (s.scores).missing AND wbtest.close((p.scores).coverage, (s.scores).coverage)
           FROM (SELECT wellbeing.aggregate_scores(score, weight, 'geometric') AS scores FROM index_rows) p, index_serial s),
          'aggregate_scores: parallel answer = serial answer');
SELECT is((SELECT wellbeing.category_cutpoints(score, population) FROM index_rows), (SELECT cuts FROM index_serial),
          'category_cutpoints: parallel answer = serial answer');
SELECT ok((SELECT wbtest.close(wellbeing.cronbach_alpha(items), (SELECT alpha FROM index_serial)) FROM index_rows),
          'cronbach_alpha: parallel answer = serial answer');
SET LOCAL max_parallel_workers_per_gather = 0;

SELECT ok((SELECT wbtest.close((m.scores).score, (s.scores).score) AND (m.scores).missing = (s.scores).missing
           FROM (SELECT wellbeing.aggregate_scores_finalfn(wbtest.merge_states(st)) AS scores
                 FROM (SELECT wbtest.aggregate_scores_transfn(score, weight, 'geometric') AS st
                       FROM index_rows GROUP BY part50 ORDER BY random()) p) m, index_serial s),
          'aggregate_scores: 50 random partitions merged in random order = single pass');
SELECT is((SELECT wellbeing.category_cutpoints_finalfn(wbtest.merge_states(st))
           FROM (SELECT wbtest.category_cutpoints_transfn(score, population) AS st
                 FROM index_rows GROUP BY part50 ORDER BY random()) p),
          (SELECT cuts FROM index_serial),
          'category_cutpoints: 50 random partitions merged in random order = single pass');
SELECT ok((SELECT wbtest.close(wellbeing.cronbach_alpha_finalfn(wbtest.merge_states(st)), (SELECT alpha FROM index_serial))
           FROM (SELECT wbtest.cronbach_alpha_transfn(items) AS st FROM index_rows GROUP BY part50 ORDER BY random()) p),
          'cronbach_alpha: 50 random partitions merged in random order = single pass');
SELECT ok((SELECT wbtest.close((a.scores).score, (s.scores).score) AND a.cuts = s.cuts AND wbtest.close(a.alpha, s.alpha)
           FROM (SELECT wellbeing.aggregate_scores(score, weight, 'geometric') AS scores,
                        wellbeing.category_cutpoints(score, population) AS cuts,
                        wellbeing.cronbach_alpha(items) AS alpha
                 FROM (SELECT * FROM index_rows ORDER BY random()) r) a, index_serial s),
          'index aggregates: shuffled rows = same answers');

-- 5. joinpoint (a collected series): partial states merged = single pass,
-- shuffled rows = same fit
CREATE AGGREGATE wbtest.joinpoint_transfn(float8, float8, float8) (SFUNC = wellbeing.joinpoint_transfn, STYPE = float8[]);
CREATE TEMP TABLE jp_series AS
SELECT x::float8 AS x,
       100 * exp(CASE WHEN x <= 2008 THEN 0.02 * (x - 2000) ELSE 0.16 - 0.03 * (x - 2008) END) * exp(0.01 * sin(x)) AS y,
       floor(random() * 4)::int AS part
FROM generate_series(2000, 2019) x;
CREATE TEMP TABLE jp_single AS SELECT wellbeing.joinpoint(x, y, y / 50) AS fit FROM jp_series;
SELECT is((SELECT (wellbeing.joinpoint_finalfn(wbtest.merge_states(st))).apc
           FROM (SELECT wbtest.joinpoint_transfn(x, y, y / 50) AS st FROM jp_series GROUP BY part ORDER BY random()) p),
          (SELECT (fit).apc FROM jp_single),
          'joinpoint: 4 random partitions merged in random order = single pass');
SELECT is((SELECT (wellbeing.joinpoint(x, y, y / 50)).apc_upper FROM (SELECT * FROM jp_series ORDER BY random()) r),
          (SELECT (fit).apc_upper FROM jp_single),
          'joinpoint: shuffled rows = same fit');

-- 6. survey estimates (a PSU-keyed state): parallel = serial, partitions
-- merged = single pass, shuffled rows = same (sums in another order: 1e-12)
CREATE AGGREGATE wbtest.survey_mean_transfn(float8, float8, bigint, bigint) (SFUNC = wellbeing.survey_mean_transfn, STYPE = float8[]);
CREATE AGGREGATE wbtest.survey_proportion_transfn(boolean, float8, bigint, bigint, float8, float8, text, boolean) (SFUNC = wellbeing.survey_proportion_transfn, STYPE = float8[]);
CREATE FUNCTION wbtest.same_survey(a wellbeing.survey_estimate, b wellbeing.survey_estimate) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT a.n = b.n AND a.df = b.df AND abs(a.value - b.value) <= 1e-12 * abs(b.value)
     AND abs(a.se - b.se) <= 1e-10 * b.se AND abs(a.lower - b.lower) <= 1e-10 * abs(b.lower)
$$;
CREATE TEMP VIEW survey_rows AS
SELECT id, part50, income, weight, outcome, band % 6 AS stratum, (id % 211) AS psu, area FROM prop_rows;
CREATE TEMP TABLE survey_serial AS
SELECT wellbeing.survey_mean(income, weight, stratum, psu) AS m,
       wellbeing.survey_proportion(outcome, weight, stratum, psu, NULL, 0.95, 'interval=beta', area = 3) AS p
FROM survey_rows;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT ok(wbtest.ran_parallel('SELECT wellbeing.survey_mean(income, weight, stratum, psu) FROM survey_rows'),
          'survey_mean: plan is parallel with workers launched');
SELECT ok((SELECT wbtest.same_survey(wellbeing.survey_mean(income, weight, stratum, psu), (SELECT m FROM survey_serial)) FROM survey_rows),
          'survey_mean: parallel answer = serial answer');
SELECT ok((SELECT wbtest.same_survey(wellbeing.survey_proportion(outcome, weight, stratum, psu, NULL, 0.95, 'interval=beta', area = 3),
                                     (SELECT p FROM survey_serial)) FROM survey_rows),
          'survey_proportion in a domain: parallel answer = serial answer');
SET LOCAL max_parallel_workers_per_gather = 0;
SELECT ok((SELECT wbtest.same_survey(wellbeing.survey_finalfn(wbtest.merge_states(st)), (SELECT m FROM survey_serial))
           FROM (SELECT wbtest.survey_mean_transfn(income, weight, stratum, psu) AS st
                 FROM survey_rows GROUP BY part50 ORDER BY random()) p),
          'survey_mean: 50 random partitions merged in random order = single pass');
SELECT ok((SELECT wbtest.same_survey(wellbeing.survey_finalfn(wbtest.merge_states(st)), (SELECT p FROM survey_serial))
           FROM (SELECT wbtest.survey_proportion_transfn(outcome, weight, stratum, psu, NULL, 0.95, 'interval=beta', area = 3) AS st
                 FROM survey_rows GROUP BY part50 ORDER BY random()) p),
          'survey_proportion in a domain: 50 random partitions merged = single pass');
SELECT ok((SELECT wbtest.same_survey(wellbeing.survey_mean(income, weight, stratum, psu), (SELECT m FROM survey_serial))
           FROM (SELECT * FROM survey_rows ORDER BY random()) r),
          'survey_mean: shuffled rows = same answer');

-- 7. replicate weights: partitions merged = single pass, shuffled = same
CREATE AGGREGATE wbtest.replicate_mean_transfn(float8, float8, float8[], text) (SFUNC = wellbeing.replicate_mean_transfn, STYPE = float8[]);
CREATE TEMP VIEW rep_rows AS
SELECT part50, income, weight, ARRAY[weight * (1 + (id % 3)), weight * (2 - (id % 2)), weight * (1 + (id % 5) / 4.0), weight] AS rw
FROM prop_rows;
CREATE TEMP TABLE rep_serial AS SELECT wellbeing.replicate_mean(income, weight, rw, 'jk1') AS m FROM rep_rows;
SELECT ok((SELECT wbtest.same_survey(wellbeing.replicate_finalfn(wbtest.merge_states(st)), (SELECT m FROM rep_serial))
           FROM (SELECT wbtest.replicate_mean_transfn(income, weight, rw, 'jk1') AS st
                 FROM rep_rows GROUP BY part50 ORDER BY random()) p),
          'replicate_mean: 50 random partitions merged in random order = single pass');
SELECT ok((SELECT wbtest.same_survey(wellbeing.replicate_mean(income, weight, rw, 'jk1'), (SELECT m FROM rep_serial))
           FROM (SELECT * FROM rep_rows ORDER BY random()) r),
          'replicate_mean: shuffled rows = same answer');

SELECT * FROM finish();
ROLLBACK;
