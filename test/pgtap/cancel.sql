-- Long computations stop when cancelled: statement_timeout interrupts
-- joinpoint's grid search, index_uncertainty's draws and build_index, each
-- with SQLSTATE 57014, and the session (and server) carry on.
BEGIN;
SELECT plan(7);
CREATE TEMP TABLE long_series AS
SELECT x::float8 AS t, exp(0.01 * x + 0.05 * sin(x)) AS y FROM generate_series(1, 60) x;
CREATE TEMP TABLE big (area text, grp text, period int, indicator text, value float8);
INSERT INTO big SELECT 'A' || a, 'all', p, 'i' || k, a * k + p + sin(a * k)
FROM generate_series(1, 2000) a, generate_series(2020, 2024) p, generate_series(1, 20) k;
CREATE TEMP TABLE big_catalog AS
SELECT 'i' || k AS indicator, 'D' || (k % 4) AS domain, 1.0::float8 AS weight, true AS higher_is_better
FROM generate_series(1, 20) k;
ANALYZE big;
-- true when the query was cancelled (57014); pgTAP's throws_ok cannot catch a
-- cancellation (WHEN OTHERS does not include it)
CREATE FUNCTION pg_temp.cancelled(q text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN false;
EXCEPTION WHEN query_canceled THEN
  RETURN true;
END $$;
SET LOCAL statement_timeout = '300ms';
SELECT ok(pg_temp.cancelled($$SELECT wellbeing.joinpoint(t, y, NULL, 5) FROM long_series$$),
          'joinpoint: a 1.7 million-fit grid search is cancelled');
SELECT ok(pg_temp.cancelled($$SELECT count(*) FROM wellbeing.index_uncertainty('big', 'big_catalog', 2024, draws => 100000)$$),
          'index_uncertainty: 100 000 draws are cancelled');
SELECT ok(pg_temp.cancelled($$SELECT count(*) FROM wellbeing.build_index('big', 'big_catalog', 2020)$$),
          'build_index: cancelled');
SELECT throws_ok($$SELECT wellbeing.mann_kendall(x, sin(x)) FROM generate_series(1, 200000) x$$, '54000', NULL,
                 'mann_kendall: too many periods for the pairwise slopes is a clear error, not an allocation failure');
SET LOCAL statement_timeout = '30ms';
SELECT ok(pg_temp.cancelled($$SELECT wellbeing.index_of_disparity(v, 1, 'mean', true, 0.01) FROM (SELECT 0.2 + g / 5000.0 AS v FROM generate_series(1, 1000) g) s$$),
          'index_of_disparity: the 10 000-draw simulation over 1 000 groups (about 0.3 s) is cancelled');
SET LOCAL statement_timeout = 0;
SELECT is((SELECT count(*) FROM long_series), 60::bigint, 'the session carries on after the cancellations');
SELECT ok((SELECT wellbeing.joinpoint(t, y, NULL, 1) FROM long_series) IS NOT NULL, 'and the extension still answers');
SELECT * FROM finish();
ROLLBACK;
