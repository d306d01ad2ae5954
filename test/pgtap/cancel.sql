-- Long computations stop when cancelled.  Every function that can run for
-- seconds on a large input is started on one and cancelled by a
-- statement_timeout; pg_temp.stops measures how long after the start it
-- stops (SQLSTATE 57014) and requires that to be less than the timeout plus
-- 1.5 s.  A timeout that fires in a transition phase or in plain SQL is
-- honoured by the executor between rows, so the inputs make the final step
-- or the C computation long: stored states finalised by <measure>(state),
-- window partitions computed on their first row, a series whose final
-- step is quadratic.  Where PostgreSQL does work of its own first (detoasting
-- a stored state of 100 MB or more, which cannot be interrupted, or spooling
-- a window partition), pg_temp.arm times that work on the same input and
-- sets the timeout to its time plus a margin, so the timeout fires inside
-- the extension's loops.  The last test reports the stop delays.
BEGIN;
SELECT plan(41);
-- window partitions spill to disk as with the default work_mem
SET LOCAL work_mem = '4MB';

CREATE TEMP TABLE stop_times (label text, timeout interval, elapsed interval, cancelled boolean);

-- true when q was cancelled (57014) less than 1.5 s after the
-- statement_timeout; the times go to stop_times.  pgTAP's throws_ok cannot
-- catch a cancellation (WHEN OTHERS does not include it)
CREATE FUNCTION pg_temp.stops(label text, q text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  timeout interval := current_setting('statement_timeout')::interval;
  t0 timestamptz := clock_timestamp();
  elapsed interval;
  cancelled boolean := false;
BEGIN
  BEGIN
    EXECUTE q;
  EXCEPTION WHEN query_canceled THEN
    cancelled := true;
  END;
  elapsed := clock_timestamp() - t0;
  INSERT INTO stop_times VALUES (label, timeout, elapsed, cancelled);
  RETURN cancelled AND elapsed < timeout + interval '1.5 s';
END $$;

-- run prelude (the work PostgreSQL does before the extension's loops start)
-- and set statement_timeout, for the rest of the transaction, to its time
-- plus margin_ms; run it with statement_timeout 0
CREATE FUNCTION pg_temp.arm(prelude text, margin_ms integer) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  t0 timestamptz := clock_timestamp();
BEGIN
  EXECUTE prelude;
  RETURN set_config('statement_timeout',
                    (ceil(extract(epoch FROM clock_timestamp() - t0) * 1000) + margin_ms)::int || 'ms', true);
END $$;

-- a stored state with the header fields after its tag replaced: the same
-- rows finalised as another measure of the same state kind (building each
-- measure's state from millions of rows would take seconds each)
CREATE FUNCTION pg_temp.relabel(s float8[], fields float8[]) RETURNS float8[] LANGUAGE sql IMMUTABLE
AS $$ SELECT s[1:1] || fields || s[2 + cardinality(fields):] $$;

-- ----------------------------------------------------------------------
-- Inputs
-- ----------------------------------------------------------------------
SELECT setseed(0.5);
CREATE TEMP TABLE long_series AS
SELECT x::float8 AS t, exp(0.01 * x + 0.05 * sin(x)) AS y FROM generate_series(1, 60) x;
CREATE TEMP TABLE big (area text, grp text, period int, indicator text, value float8);
INSERT INTO big SELECT 'A' || a, 'all', p, 'i' || k, a * k + p + sin(a * k)
FROM generate_series(1, 2000) a, generate_series(2020, 2024) p, generate_series(1, 20) k;
CREATE TEMP TABLE big_catalog AS
SELECT 'i' || k AS indicator, 'D' || (k % 4) AS domain, 1.0::float8 AS weight, true AS higher_is_better
FROM generate_series(1, 20) k;
ANALYZE big;

-- stored states, uncompressed (their detoasting is timed by arm)
CREATE TEMP TABLE states (name text PRIMARY KEY, s float8[]);
ALTER TABLE states ALTER s SET STORAGE EXTERNAL;
-- the sample kind: 2^23 (income, weight) rows
INSERT INTO states SELECT 'gini', wellbeing.gini_state(1 + 1000 * random(), 0.5 + random())
FROM generate_series(1, 8388608);
-- header: measure code, parameter (see src/sample.h)
INSERT INTO states SELECT 'shares', pg_temp.relabel(s, '{3, 0}') FROM states WHERE name = 'gini';
INSERT INTO states SELECT 'poverty', pg_temp.relabel(s, '{1, 0.6}') FROM states WHERE name = 'gini';
INSERT INTO states SELECT 'category', pg_temp.relabel(s, '{5, 100}') FROM states WHERE name = 'gini';
INSERT INTO states SELECT 'dissimilarity', pg_temp.relabel(s, '{4, 0}') FROM states WHERE name = 'gini';
-- the groups kind: 2^20 groups in random order
INSERT INTO states SELECT 'slope_index', wellbeing.slope_index_state(0.2 + 0.5 * random(), 1 + random(), random())
FROM generate_series(1, 1048576);
-- header: measure, method, level (src/ordered.c)
INSERT INTO states SELECT 'relative_index', pg_temp.relabel(s, '{2, 6, 0.95}') FROM states WHERE name = 'slope_index';
INSERT INTO states SELECT 'concentration_index', pg_temp.relabel(s, '{3, 1, 0.95}') FROM states WHERE name = 'slope_index';
INSERT INTO states SELECT 'attributable_risk', pg_temp.relabel(s, '{4, 1, 0.95}') FROM states WHERE name = 'slope_index';
INSERT INTO states SELECT 'index_of_disparity', pg_temp.relabel(s, '{6, 1, 0.95}') FROM states WHERE name = 'slope_index';
INSERT INTO states SELECT 'mean_difference', pg_temp.relabel(s, '{7, 3, 0.95}') FROM states WHERE name = 'slope_index';
-- a survey design of 2^19 PSUs in 1 000 strata
INSERT INTO states SELECT 'survey', wellbeing.survey_mean_state(random(), 1 + random(), g % 1000, g)
FROM generate_series(1, 524288) g;
-- 2^20 (unit, group, count) rows over about 150 000 units
INSERT INTO states SELECT 'multigroup', wellbeing.mutual_information_state('u' || (g % 149993), 'g' || (g % 7), 1 + random())
FROM generate_series(1, 1048576) g;

-- window partitions: 2^21 rows; 400 000 rows with 2 000 distinct tail values
-- (every winsorising step replaces one of them, and the skew stays high)
CREATE TEMP TABLE win AS
SELECT random() AS x, round(100 * random()) AS c, random() < 0.001 AS p FROM generate_series(1, 2097152);
CREATE TEMP TABLE tails AS
SELECT CASE WHEN g % 200 = 0 THEN g::float8 ELSE 0 END AS x FROM generate_series(1, 400000) g;
-- the arrays of the decompositions: a million rows
CREATE TEMP TABLE arrays AS
SELECT array_agg(1 + 100 * random()) AS x, array_agg(1 + random()) AS w,
       array_agg('g' || (g % 1000)) AS grp, array_agg('u' || (g % 100000)) AS unit,
       array_agg('d' || (g % 100000 % 50)) AS district
FROM generate_series(1, 1000000) g;
ANALYZE win;

-- ----------------------------------------------------------------------
-- Final functions of stored states (the timeout after the detoasting)
-- ----------------------------------------------------------------------
SELECT diag('statement_timeout ' || pg_temp.arm($$SELECT array_length(s, 1) FROM states WHERE name = 'gini'$$, 200));
SELECT ok(pg_temp.stops('gini', $$SELECT wellbeing.gini(s) FROM states WHERE name = 'gini'$$),
          'gini of 8 million rows (radix sort, cumulative sums) is cancelled');
SELECT ok(pg_temp.stops('quintile_share_ratio', $$SELECT wellbeing.quintile_share_ratio(s) FROM states WHERE name = 'shares'$$),
          'quintile_share_ratio of 8 million rows is cancelled');
SELECT ok(pg_temp.stops('palma', $$SELECT wellbeing.palma(s) FROM states WHERE name = 'shares'$$),
          'palma of 8 million rows is cancelled');
SELECT ok(pg_temp.stops('hoover', $$SELECT wellbeing.hoover(s) FROM states WHERE name = 'shares'$$),
          'hoover of 8 million rows is cancelled');
SELECT ok(pg_temp.stops('poverty_rate', $$SELECT wellbeing.poverty_rate(s) FROM states WHERE name = 'poverty'$$),
          'poverty_rate of 8 million rows is cancelled');
SELECT ok(pg_temp.stops('poverty_threshold', $$SELECT wellbeing.poverty_threshold(s) FROM states WHERE name = 'poverty'$$),
          'poverty_threshold of 8 million rows is cancelled');
SELECT ok(pg_temp.stops('category_cutpoints', $$SELECT wellbeing.category_cutpoints(s) FROM states WHERE name = 'category'$$),
          'category_cutpoints: 99 weighted quantiles of 8 million rows are cancelled');
SELECT ok(pg_temp.stops('dissimilarity', $$SELECT wellbeing.dissimilarity(s) FROM states WHERE name = 'dissimilarity'$$),
          'dissimilarity of 8 million units is cancelled');

SET LOCAL statement_timeout = 0;
SELECT diag('statement_timeout ' || pg_temp.arm($$SELECT array_length(s, 1) FROM states WHERE name = 'slope_index'$$, 200));
SELECT ok(pg_temp.stops('slope_index', $$SELECT wellbeing.slope_index(s) FROM states WHERE name = 'slope_index'$$),
          'slope_index of a million groups (merge sort, ridits, WLS) is cancelled');
SELECT ok(pg_temp.stops('relative_index logistic', $$SELECT wellbeing.relative_index(s) FROM states WHERE name = 'relative_index'$$),
          'relative_index logistic of a million groups (IRLS) is cancelled');
SELECT ok(pg_temp.stops('concentration_index', $$SELECT wellbeing.concentration_index(s) FROM states WHERE name = 'concentration_index'$$),
          'concentration_index of a million groups is cancelled');
SELECT ok(pg_temp.stops('attributable_risk', $$SELECT wellbeing.attributable_risk(s) FROM states WHERE name = 'attributable_risk'$$),
          'attributable_risk of a million groups is cancelled');
SELECT ok(pg_temp.stops('index_of_disparity', $$SELECT wellbeing.index_of_disparity(s) FROM states WHERE name = 'index_of_disparity'$$),
          'index_of_disparity of a million groups is cancelled');
SELECT ok(pg_temp.stops('mean_difference', $$SELECT wellbeing.mean_difference(s) FROM states WHERE name = 'mean_difference'$$),
          'mean_difference of a million groups is cancelled');

SET LOCAL statement_timeout = 0;
SELECT diag('statement_timeout ' || pg_temp.arm($$SELECT array_length(s, 1) FROM states WHERE name = 'survey'$$, 200));
SELECT ok(pg_temp.stops('survey_mean', $$SELECT wellbeing.survey_mean(s) FROM states WHERE name = 'survey'$$),
          'survey_mean of half a million PSUs (state check, merge sort by stratum and PSU) is cancelled');
SET LOCAL statement_timeout = 0;
SELECT diag('statement_timeout ' || pg_temp.arm($$SELECT array_length(a.s, 1) + array_length(b.s, 1) FROM states a, states b WHERE a.name = 'survey' AND b.name = 'survey'$$, 200));
SELECT ok(pg_temp.stops('survey combine', $$SELECT wellbeing.state_combine(a.s, b.s) FROM states a, states b WHERE a.name = 'survey' AND b.name = 'survey'$$),
          'the combine function on two survey states of half a million PSUs is cancelled');

SET LOCAL statement_timeout = 0;
SELECT diag('statement_timeout ' || pg_temp.arm($$SELECT array_length(s, 1) FROM states WHERE name = 'multigroup'$$, 200));
SELECT ok(pg_temp.stops('mutual_information', $$SELECT wellbeing.mutual_information(s) FROM states WHERE name = 'multigroup'$$),
          'mutual_information of a million (unit, group) rows (two merge sorts) is cancelled');
SELECT ok(pg_temp.stops('entropy_index', $$SELECT wellbeing.entropy_index(s) FROM states WHERE name = 'multigroup'$$),
          'entropy_index of a million (unit, group) rows is cancelled');

-- ----------------------------------------------------------------------
-- Window functions (the timeout after the spooling of the partition)
-- ----------------------------------------------------------------------
SET LOCAL statement_timeout = 0;
SELECT diag('statement_timeout ' || pg_temp.arm($$SELECT count(*) OVER () FROM win LIMIT 1$$, 200));
SELECT ok(pg_temp.stops('percentile_rank', $$SELECT wellbeing.percentile_rank(x) OVER () FROM win LIMIT 1$$),
          'percentile_rank over a partition of 2 million rows is cancelled');
SELECT ok(pg_temp.stops('normalize_zscore', $$SELECT wellbeing.normalize_zscore(x) OVER () FROM win LIMIT 1$$),
          'normalize_zscore over a partition of 2 million rows is cancelled');
SELECT ok(pg_temp.stops('relative_inequity', $$SELECT wellbeing.relative_inequity(x, c) OVER () FROM win LIMIT 1$$),
          'relative_inequity over a partition of 2 million rows is cancelled');
SELECT ok(pg_temp.stops('complementary_suppression', $$SELECT wellbeing.complementary_suppression(c, p) OVER () FROM win LIMIT 1$$),
          'complementary_suppression over a partition of 2 million cells is cancelled');
SET LOCAL statement_timeout = 0;
-- winmax 0: reads the partition, no winsorising step
SELECT diag('statement_timeout ' || pg_temp.arm($$SELECT wellbeing.treat_outliers(x, 0) OVER () FROM tails LIMIT 1$$, 200));
SELECT ok(pg_temp.stops('treat_outliers', $$SELECT wellbeing.treat_outliers(x, 2147483647) OVER () FROM tails LIMIT 1$$),
          'treat_outliers: winsorising 2 000 tail values of 400 000 rows, winmax 2^31 - 1, is cancelled');
SELECT ok(pg_temp.stops('outlier_treatment', $$SELECT wellbeing.outlier_treatment(x, 2147483647) OVER () FROM tails LIMIT 1$$),
          'outlier_treatment: the same winsorising is cancelled');

-- ----------------------------------------------------------------------
-- Long C computations on small inputs, and functions built on SQL
-- ----------------------------------------------------------------------
-- 11 585 periods: the 67 million pairwise slopes take about half a second,
-- their sort (for Sen's slope and its interval) several seconds, so a 1.5 s
-- timeout falls in the sort
SET LOCAL statement_timeout = '1500ms';
SELECT ok(pg_temp.stops('mann_kendall', $$SELECT wellbeing.mann_kendall(x, sin(x)) FROM generate_series(1, 11585) x$$),
          'mann_kendall of 11 585 periods: the sort of 67 million pairwise slopes is cancelled');
SET LOCAL statement_timeout = '300ms';
SELECT ok(pg_temp.stops('joinpoint', $$SELECT wellbeing.joinpoint(t, y, NULL, 5) FROM long_series$$),
          'joinpoint: a 1.7 million-fit grid search is cancelled');
SELECT ok(pg_temp.stops('joinpoint permutation', $$SELECT wellbeing.joinpoint(t, y, NULL, 2, 0.95, 'permutation') FROM long_series$$),
          'joinpoint: the permutation tests (4 499 permutations of grid searches) are cancelled');
SELECT ok(pg_temp.stops('disparity_profile', $$SELECT count(*) FROM (SELECT array_agg(0.2 + g / 5000.0) e, array_agg(1.0::float8) p,
                                              array_agg(g::float8) pos, array_agg(0.01::float8) se
                                              FROM generate_series(1, 1000) g) s,
                                             wellbeing.disparity_profile(e, p, pos, se)$$),
          'disparity_profile of 1 000 groups with standard errors (simulation intervals) is cancelled');
SELECT ok(pg_temp.stops('theil_decomposition', $$SELECT count(*) FROM arrays, wellbeing.theil_decomposition(x, w, grp)$$),
          'theil_decomposition of a million rows is cancelled');
SELECT ok(pg_temp.stops('mutual_information_decomposition', $$SELECT count(*) FROM arrays, wellbeing.mutual_information_decomposition(unit, district, grp, w)$$),
          'mutual_information_decomposition of a million rows is cancelled');
-- without JIT: compiling this large query (about 0.5 s here) is PostgreSQL's
-- and cannot be interrupted
SET LOCAL jit = off;
SELECT ok(pg_temp.stops('sensitivity_indices', $$SELECT count(*) FROM wellbeing.sensitivity_indices(
                                               (SELECT array_agg(random()) FROM generate_series(1, 100000)), 20000, 3, 10000)$$),
          'sensitivity_indices with 10 000 bootstrap draws of 20 000 design rows is cancelled');
SET LOCAL jit TO DEFAULT;
SELECT ok(pg_temp.stops('index_uncertainty', $$SELECT count(*) FROM wellbeing.index_uncertainty('big', 'big_catalog', 2024, draws => 100000)$$),
          'index_uncertainty: 100 000 draws are cancelled');
SELECT ok(pg_temp.stops('index_sensitivity', $$SELECT count(*) FROM wellbeing.index_sensitivity('big', 'big_catalog', 2024, n => 20)$$),
          'index_sensitivity: 101 scenarios are cancelled');
SELECT ok(pg_temp.stops('build_index', $$SELECT count(*) FROM wellbeing.build_index('big', 'big_catalog', 2020)$$),
          'build_index: cancelled');
SELECT ok(pg_temp.stops('self_comparison', $$SELECT count(*) FROM wellbeing.self_comparison('big', 'big_catalog', 2020)$$),
          'self_comparison of 40 000 series is cancelled');
SELECT ok(pg_temp.stops('index_reliability', $$SELECT count(*) FROM wellbeing.index_reliability('big', 'big_catalog', 2024)$$),
          'index_reliability is cancelled');
SELECT throws_ok($$SELECT wellbeing.mann_kendall(x, sin(x)) FROM generate_series(1, 200000) x$$, '54000', NULL,
                 'mann_kendall: too many periods for the pairwise slopes is a clear error, not an allocation failure');
SET LOCAL statement_timeout = '30ms';
SELECT ok(pg_temp.stops('index_of_disparity simulation', $$SELECT wellbeing.index_of_disparity(v, 1, 'mean', true, 0.01) FROM (SELECT 0.2 + g / 5000.0 AS v FROM generate_series(1, 1000) g) s$$),
          'index_of_disparity: the 10 000-draw simulation over 1 000 groups (about 0.3 s) is cancelled');

-- ----------------------------------------------------------------------
-- After the cancellations
-- ----------------------------------------------------------------------
SET LOCAL statement_timeout = 0;
SELECT is((SELECT count(*) FROM long_series), 60::bigint, 'the session carries on after the cancellations');
SELECT ok((SELECT wellbeing.joinpoint(t, y, NULL, 1) FROM long_series) IS NOT NULL, 'and the extension still answers');
SELECT is((SELECT count(*) FROM stop_times WHERE NOT cancelled), 0::bigint, 'every long computation was cancelled');
SELECT diag(format('stop delay after the timeout: at most %s ms, median %s ms over %s cancellations',
                   round(max(d)), round(percentile_cont(0.5) WITHIN GROUP (ORDER BY d)), count(*)))
FROM (SELECT extract(epoch FROM elapsed - timeout) * 1000 AS d FROM stop_times) t;
SELECT diag('stop delays (ms): ' || string_agg(format('%s %s', label, round(d)), ', ' ORDER BY d DESC))
FROM (SELECT label, extract(epoch FROM elapsed - timeout) * 1000 AS d FROM stop_times) t;
SELECT * FROM finish();
ROLLBACK;
