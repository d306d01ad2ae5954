-- Inequality measures against R on laeken's eusilc incomes (14 827 rows):
-- test/fixtures/inequality_reference.R made inequality_reference.csv (R 4.2.2,
-- laeken 0.5.2; ineq is not packaged in Debian, so its values come from a
-- replica of its source, checked against the written-out formulas).
BEGIN;
SELECT plan(33);
CREATE TEMP TABLE ref (case_id text, quantity text, value float8);
\copy ref FROM 'test/fixtures/inequality_reference.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE eusilc (eq_income float8, weight float8);
\copy eusilc FROM 'test/fixtures/eusilc_income.csv' WITH (FORMAT csv, HEADER true)
-- the decomposition fixture groups rows by their line number in the CSV
CREATE TEMP TABLE eusilc_rows (row serial, eq_income float8, weight float8);
\copy eusilc_rows (eq_income, weight) FROM 'test/fixtures/eusilc_income.csv' WITH (FORMAT csv, HEADER true)
CREATE FUNCTION pg_temp.r(c text, q text) RETURNS float8 LANGUAGE sql STABLE
AS $$ SELECT value FROM ref WHERE case_id = c AND quantity = q $$;
CREATE FUNCTION pg_temp.close(a float8, b float8, tol float8) RETURNS boolean LANGUAGE sql IMMUTABLE
AS $$ SELECT a IS NOT NULL AND b IS NOT NULL AND abs(a - b) <= tol * abs(b) + 1e-15 $$;

SELECT ok(pg_temp.close((SELECT (wellbeing.theil_t(eq_income, weight)).value FROM eusilc WHERE eq_income > 0), pg_temp.r('eusilc_pos','theil_t'), 1e-10), 'theil_t eusilc_pos = R formula');
SELECT ok(pg_temp.close((SELECT (wellbeing.mean_log_deviation(eq_income, weight)).value FROM eusilc WHERE eq_income > 0), pg_temp.r('eusilc_pos','mld'), 1e-10), 'mean_log_deviation eusilc_pos = R formula');
SELECT ok(pg_temp.close((SELECT (wellbeing.generalized_entropy(eq_income, weight, 2)).value FROM eusilc WHERE eq_income > 0), pg_temp.r('eusilc_pos','ge2'), 1e-10), 'generalized_entropy(2) eusilc_pos = R formula');
SELECT ok(pg_temp.close((SELECT (wellbeing.generalized_entropy(eq_income, weight, 0.5)).value FROM eusilc WHERE eq_income > 0), pg_temp.r('eusilc_pos','ge_half'), 1e-10), 'generalized_entropy(0.5) eusilc_pos = R formula');
SELECT ok(pg_temp.close((SELECT (wellbeing.generalized_entropy(eq_income, weight, -1)).value FROM eusilc WHERE eq_income > 0), pg_temp.r('eusilc_pos','ge_minus1'), 1e-10), 'generalized_entropy(-1) eusilc_pos = R formula');
SELECT ok(pg_temp.close((SELECT (wellbeing.atkinson(eq_income, weight, 0.5)).value FROM eusilc WHERE eq_income > 0), pg_temp.r('eusilc_pos','atkinson_05'), 1e-10), 'atkinson(0.5) eusilc_pos = R formula');
SELECT ok(pg_temp.close((SELECT (wellbeing.atkinson(eq_income, weight, 1)).value FROM eusilc WHERE eq_income > 0), pg_temp.r('eusilc_pos','atkinson_1'), 1e-10), 'atkinson(1) eusilc_pos = R formula');
SELECT ok(pg_temp.close((SELECT (wellbeing.atkinson(eq_income, weight, 2)).value FROM eusilc WHERE eq_income > 0), pg_temp.r('eusilc_pos','atkinson_2'), 1e-10), 'atkinson(2) eusilc_pos = R formula');
SELECT ok((SELECT (wellbeing.theil_t(eq_income, weight)).n FROM eusilc WHERE eq_income > 0) = pg_temp.r('eusilc_pos','n'), 'eusilc_pos: row count');
SELECT ok(pg_temp.close((SELECT (wellbeing.theil_t(eq_income, 1)).value FROM eusilc WHERE eq_income > 0), pg_temp.r('eusilc_pos_unweighted','theil_t'), 1e-10), 'theil_t eusilc_pos_unweighted = R formula');
SELECT ok(pg_temp.close((SELECT (wellbeing.mean_log_deviation(eq_income, 1)).value FROM eusilc WHERE eq_income > 0), pg_temp.r('eusilc_pos_unweighted','mld'), 1e-10), 'mean_log_deviation eusilc_pos_unweighted = R formula');
SELECT ok(pg_temp.close((SELECT (wellbeing.generalized_entropy(eq_income, 1, 2)).value FROM eusilc WHERE eq_income > 0), pg_temp.r('eusilc_pos_unweighted','ge2'), 1e-10), 'generalized_entropy(2) eusilc_pos_unweighted = R formula');
SELECT ok(pg_temp.close((SELECT (wellbeing.generalized_entropy(eq_income, 1, 0.5)).value FROM eusilc WHERE eq_income > 0), pg_temp.r('eusilc_pos_unweighted','ge_half'), 1e-10), 'generalized_entropy(0.5) eusilc_pos_unweighted = R formula');
SELECT ok(pg_temp.close((SELECT (wellbeing.generalized_entropy(eq_income, 1, -1)).value FROM eusilc WHERE eq_income > 0), pg_temp.r('eusilc_pos_unweighted','ge_minus1'), 1e-10), 'generalized_entropy(-1) eusilc_pos_unweighted = R formula');
SELECT ok(pg_temp.close((SELECT (wellbeing.atkinson(eq_income, 1, 0.5)).value FROM eusilc WHERE eq_income > 0), pg_temp.r('eusilc_pos_unweighted','atkinson_05'), 1e-10), 'atkinson(0.5) eusilc_pos_unweighted = R formula');
SELECT ok(pg_temp.close((SELECT (wellbeing.atkinson(eq_income, 1, 1)).value FROM eusilc WHERE eq_income > 0), pg_temp.r('eusilc_pos_unweighted','atkinson_1'), 1e-10), 'atkinson(1) eusilc_pos_unweighted = R formula');
SELECT ok(pg_temp.close((SELECT (wellbeing.atkinson(eq_income, 1, 2)).value FROM eusilc WHERE eq_income > 0), pg_temp.r('eusilc_pos_unweighted','atkinson_2'), 1e-10), 'atkinson(2) eusilc_pos_unweighted = R formula');
SELECT ok((SELECT (wellbeing.theil_t(eq_income, 1)).n FROM eusilc WHERE eq_income > 0) = pg_temp.r('eusilc_pos_unweighted','n'), 'eusilc_pos_unweighted: row count');
SELECT ok(pg_temp.close((SELECT (wellbeing.theil_t(eq_income)).value FROM eusilc WHERE eq_income > 0), pg_temp.r('eusilc_pos_unweighted','ineq_theil_t'), 1e-10), 'theil_t = ineq Theil(x, 0) (replica of ineq 0.2-13)');
SELECT ok(pg_temp.close((SELECT (wellbeing.mean_log_deviation(eq_income)).value FROM eusilc WHERE eq_income > 0), pg_temp.r('eusilc_pos_unweighted','ineq_mld'), 1e-10), 'mean_log_deviation = ineq Theil(x, 1) (replica)');
SELECT ok(pg_temp.close((SELECT (wellbeing.atkinson(eq_income, 1, 0.5)).value FROM eusilc WHERE eq_income > 0), pg_temp.r('eusilc_pos_unweighted','ineq_atkinson_05'), 1e-10), 'atkinson(0.5) = ineq Atkinson (replica)');
SELECT ok(pg_temp.close((SELECT (wellbeing.generalized_entropy(eq_income, 1, 2)).value FROM eusilc WHERE eq_income > 0), pg_temp.r('eusilc_pos_unweighted','ineq_entropy_2'), 1e-10), 'generalized_entropy(2) = ineq entropy(x, 2) (replica)');
SELECT ok(pg_temp.close((SELECT (wellbeing.gini(eq_income)).value FROM eusilc WHERE eq_income > 0), pg_temp.r('eusilc_pos_unweighted','ineq_gini'), 1e-12), 'gini = ineq Gini (replica)');
SELECT ok(pg_temp.close((SELECT (wellbeing.theil_t(eq_income, weight)).value FROM eusilc), pg_temp.r('eusilc_all','theil_t'), 1e-10), 'theil_t with zero incomes (0 ln 0 = 0) = R formula');
SELECT ok(pg_temp.close((SELECT (wellbeing.gini(eq_income, weight)).value FROM eusilc), pg_temp.r('eusilc_all','gini'), 1e-12), 'gini weighted = laeken gini / 100 (published 26.48962)');
SELECT ok(round((SELECT (wellbeing.gini(eq_income, weight)).value FROM eusilc)::numeric * 100, 5) = 26.48962, 'gini weighted = laeken documentation value 26.48962');
SELECT ok(pg_temp.close((SELECT (wellbeing.gini(eq_income)).value FROM eusilc), pg_temp.r('eusilc_all','gini_unweighted'), 1e-12), 'gini unweighted = laeken gini / 100');
SELECT ok(pg_temp.close((SELECT (wellbeing.quintile_share_ratio(eq_income, weight)).value FROM eusilc), pg_temp.r('eusilc_all','qsr'), 1e-12), 'quintile_share_ratio = laeken qsr (published 3.970004)');
SELECT ok(round((SELECT (wellbeing.quintile_share_ratio(eq_income, weight)).value FROM eusilc)::numeric, 6) = 3.970004, 'quintile_share_ratio = laeken documentation value 3.970004');

SELECT ok(pg_temp.close((SELECT value FROM wellbeing.theil_decomposition(
             (SELECT array_agg(eq_income ORDER BY row) FROM eusilc_rows WHERE eq_income > 0),
             (SELECT array_agg(weight ORDER BY row) FROM eusilc_rows WHERE eq_income > 0),
             (SELECT array_agg(((row - 1) % 4 + 1)::text ORDER BY row) FROM eusilc_rows WHERE eq_income > 0))
           WHERE index = 'theil_t' AND component = 'within'), pg_temp.r('decomp','theil_within'), 1e-10), 'theil_decomposition within = R');
SELECT ok(pg_temp.close((SELECT value FROM wellbeing.theil_decomposition(
             (SELECT array_agg(eq_income ORDER BY row) FROM eusilc_rows WHERE eq_income > 0),
             (SELECT array_agg(weight ORDER BY row) FROM eusilc_rows WHERE eq_income > 0),
             (SELECT array_agg(((row - 1) % 4 + 1)::text ORDER BY row) FROM eusilc_rows WHERE eq_income > 0))
           WHERE index = 'theil_t' AND component = 'between'), pg_temp.r('decomp','theil_between'), 1e-6), 'theil_decomposition between = R (a tiny part: 6.7e-6)');
SELECT ok(pg_temp.close((SELECT value FROM wellbeing.theil_decomposition(
             (SELECT array_agg(eq_income ORDER BY row) FROM eusilc_rows WHERE eq_income > 0),
             (SELECT array_agg(weight ORDER BY row) FROM eusilc_rows WHERE eq_income > 0),
             (SELECT array_agg(((row - 1) % 4 + 1)::text ORDER BY row) FROM eusilc_rows WHERE eq_income > 0))
           WHERE index = 'mean_log_deviation' AND component = 'within'), pg_temp.r('decomp','mld_within'), 1e-10), 'theil_decomposition MLD within = R');
SELECT ok(pg_temp.close((SELECT value FROM wellbeing.theil_decomposition(
             (SELECT array_agg(eq_income ORDER BY row) FROM eusilc_rows WHERE eq_income > 0),
             (SELECT array_agg(weight ORDER BY row) FROM eusilc_rows WHERE eq_income > 0),
             (SELECT array_agg(((row - 1) % 4 + 1)::text ORDER BY row) FROM eusilc_rows WHERE eq_income > 0))
           WHERE index = 'mean_log_deviation' AND component = 'between'), pg_temp.r('decomp','mld_between'), 1e-6), 'theil_decomposition MLD between = R (a tiny part)');

SELECT * FROM finish();
ROLLBACK;
