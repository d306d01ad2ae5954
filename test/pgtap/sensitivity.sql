-- Sensitivity of the index: index_scenarios against build_index on the same
-- choices, the Sobol estimators of sensitivity_indices against models whose
-- indices are known analytically, and index_sensitivity's design.
BEGIN;
SELECT plan(43);

-- a uniform in [0, 1) from md5, as the extension draws them
CREATE FUNCTION pg_temp.u(key text) RETURNS float8 LANGUAGE sql IMMUTABLE AS
$$ SELECT ('x' || substr(md5(key), 1, 12))::bit(48)::bigint / 281474976710656.0 $$;

-- ---------------------------------------------------------------------
-- sensitivity_indices on models with known indices.  Design: n rows of
-- A and B (uniforms from md5), then A with column i from B.
-- ---------------------------------------------------------------------
CREATE TEMP TABLE design AS
WITH runs AS (
    SELECT blk, j FROM generate_series(0, 4) blk, generate_series(1, 20000) j
)
SELECT blk, j,
       pg_temp.u('A:' || j || ':1') AS a1, pg_temp.u('A:' || j || ':2') AS a2, pg_temp.u('A:' || j || ':3') AS a3,
       pg_temp.u('B:' || j || ':1') AS b1, pg_temp.u('B:' || j || ':2') AS b2, pg_temp.u('B:' || j || ':3') AS b3
FROM runs;
CREATE TEMP TABLE x AS
SELECT blk, j,
       CASE WHEN blk = 1 OR blk = 2 THEN b1 ELSE a1 END AS x1,
       CASE WHEN blk = 1 OR blk = 3 THEN b2 ELSE a2 END AS x2,
       CASE WHEN blk = 1 OR blk = 4 THEN b3 ELSE a3 END AS x3
FROM design;

-- Two models with known indices:
-- linear y = x1 + 2 x2 + 3 x3, x ~ U(0, 1): V(y) = (1 + 4 + 9) / 12, so
--   S_i = S_Ti = c_i^2 / 14 (additive: no interactions);
-- Ishigami, a = 7, b = 0.1, z = pi (2 x - 1) ~ U(-pi, pi) (Saltelli et al.,
--   Global Sensitivity Analysis: The Primer, 2008): S = (0.3139, 0.4424, 0),
--   S_T = (0.5576, 0.4424, 0.2437); z3 acts only through its interaction.
CREATE TEMP TABLE ys AS
SELECT 'linear' AS model, blk, j, x1 + 2 * x2 + 3 * x3 AS y FROM x
UNION ALL
SELECT 'ishigami', blk, j, sin(z1) + 7 * sin(z2) ^ 2 + 0.1 * z3 ^ 4 * sin(z1)
FROM (SELECT blk, j, pi() * (2 * x1 - 1) AS z1, pi() * (2 * x2 - 1) AS z2, pi() * (2 * x3 - 1) AS z3 FROM x) z;
CREATE TEMP TABLE truth (model text, factor int, s float8, st float8);
INSERT INTO truth VALUES ('linear', 1, 1 / 14.0, 1 / 14.0), ('linear', 2, 4 / 14.0, 4 / 14.0), ('linear', 3, 9 / 14.0, 9 / 14.0),
                         ('ishigami', 1, 0.3139, 0.5576), ('ishigami', 2, 0.4424, 0.4424), ('ishigami', 3, 0, 0.2437);
-- the estimators written out (Saltelli 2010 first order on the output
-- centred on the mean of A and B, Jansen total, V from A and B together)
-- with their Monte-Carlo standard errors: each is the mean of n terms, so
-- SE = sd(terms) / sqrt(n) / V
CREATE TEMP TABLE by_hand AS
WITH v AS (SELECT model, var_samp(y) AS v, avg(y) AS m FROM ys WHERE blk <= 1 GROUP BY model)
SELECT ab.model, ab.blk - 1 AS factor,
       avg((b.y - v.m) * (ab.y - a.y)) / v.v AS s,
       stddev_samp((b.y - v.m) * (ab.y - a.y)) / sqrt(20000) / v.v AS se_s,
       sum((a.y - ab.y) ^ 2) / (2 * 20000 * v.v) AS st,
       stddev_samp((a.y - ab.y) ^ 2 / 2) / sqrt(20000) / v.v AS se_st
FROM ys ab JOIN ys a ON a.model = ab.model AND a.j = ab.j AND a.blk = 0
     JOIN ys b ON b.model = ab.model AND b.j = ab.j AND b.blk = 1
     JOIN v ON v.model = ab.model
WHERE ab.blk >= 2 GROUP BY ab.model, ab.blk, v.v, v.m;
CREATE TEMP TABLE est AS
SELECT m.model, si.* FROM (VALUES ('linear'), ('ishigami')) m(model),
     LATERAL wellbeing.sensitivity_indices((SELECT array_agg(y ORDER BY blk, j) FROM ys WHERE ys.model = m.model), 20000, 3) si;
SELECT is((SELECT count(*) FROM est e JOIN by_hand h USING (model, factor)
           WHERE abs(e.first_order - h.s) <= 1e-12 * (1e-3 + abs(h.s)) AND abs(e.total_order - h.st) <= 1e-12 * h.st),
          6::bigint, 'sensitivity_indices: the Saltelli and Jansen estimators written out, 1e-12');
SELECT ok((SELECT bool_and(abs(e.first_order - t.s) < 3 * h.se_s) FROM est e JOIN truth t USING (model, factor) JOIN by_hand h USING (model, factor)
           WHERE model = 'linear'),
          'linear model: first-order indices 1/14, 4/14, 9/14 within 3 Monte-Carlo SEs (20 000 rows)');
SELECT ok((SELECT bool_and(abs(e.total_order - t.st) < 3 * h.se_st) FROM est e JOIN truth t USING (model, factor) JOIN by_hand h USING (model, factor)
           WHERE model = 'linear'),
          'linear model: total indices equal the first-order ones within 3 SEs');
SELECT ok((SELECT bool_and(abs(e.first_order - t.s) < 3 * h.se_s) FROM est e JOIN truth t USING (model, factor) JOIN by_hand h USING (model, factor)
           WHERE model = 'ishigami'),
          'Ishigami: first-order indices 0.3139, 0.4424, 0 within 3 SEs (20 000 rows)');
SELECT ok((SELECT bool_and(abs(e.total_order - t.st) < 3 * h.se_st) FROM est e JOIN truth t USING (model, factor) JOIN by_hand h USING (model, factor)
           WHERE model = 'ishigami'),
          'Ishigami: total indices 0.5576, 0.4424, 0.2437 within 3 SEs');
SELECT ok((SELECT bool_and(se_s < 0.025 AND se_st < 0.015) FROM by_hand),
          'the Monte-Carlo SEs are small enough for the checks to mean something (< 0.025, < 0.015)');
SELECT ok((SELECT total_order - first_order > 0.2 FROM est WHERE model = 'ishigami' AND factor = 1)
          AND (SELECT total_order - first_order > 0.2 FROM est WHERE model = 'ishigami' AND factor = 3),
          'Ishigami: x1 and x3 interact (S_T - S > 0.2)');

-- bootstrap bands (COINr's Nboot): on the first 2 000 design rows (a design
-- of its own), 200 resamplings of the rows.  The bands written out with the
-- same md5 draws; and their width against the analytic Monte-Carlo SE
-- (a 5-95 % band of a normal estimate is 2 x 1.645 SE wide)
CREATE TEMP TABLE ys2 AS SELECT * FROM ys WHERE model = 'linear' AND j <= 2000;
CREATE TEMP TABLE est2 AS
SELECT * FROM wellbeing.sensitivity_indices((SELECT array_agg(y ORDER BY blk, j) FROM ys2), 2000, 3, 200, 7);
CREATE TEMP TABLE bands_by_hand AS
WITH v AS (SELECT var_samp(y) AS v, avg(y) AS m FROM ys2 WHERE blk <= 1),
terms AS (
    SELECT ab.blk - 1 AS factor, ab.j, (b.y - v.m) * (ab.y - a.y) / v.v AS s, (a.y - ab.y) ^ 2 / 2 / v.v AS st
    FROM ys2 ab JOIN ys2 a ON a.j = ab.j AND a.blk = 0 JOIN ys2 b ON b.j = ab.j AND b.blk = 1, v
    WHERE ab.blk >= 2),
boot AS (
    SELECT draw, 1 + floor(2000 * pg_temp.u('7:' || draw || ':' || slot))::int AS j
    FROM generate_series(1, 200) draw, generate_series(1, 2000) slot),
reps AS (SELECT t.factor, b.draw, avg(t.s) AS s, avg(t.st) AS st FROM boot b JOIN terms t USING (j) GROUP BY t.factor, b.draw)
SELECT factor, percentile_cont(0.05) WITHIN GROUP (ORDER BY s) AS s05, percentile_cont(0.95) WITHIN GROUP (ORDER BY s) AS s95,
       percentile_cont(0.05) WITHIN GROUP (ORDER BY st) AS st05, percentile_cont(0.95) WITHIN GROUP (ORDER BY st) AS st95,
       (SELECT stddev_samp(t2.s) / sqrt(2000) FROM terms t2 WHERE t2.factor = r.factor) AS se_s,
       (SELECT stddev_samp(t2.st) / sqrt(2000) FROM terms t2 WHERE t2.factor = r.factor) AS se_st
FROM reps r GROUP BY factor;
SELECT is((SELECT count(*) FROM est2 e JOIN bands_by_hand h USING (factor)
           WHERE abs(e.first_order_p05 - h.s05) < 1e-12 AND abs(e.first_order_p95 - h.s95) < 1e-12
             AND abs(e.total_order_p05 - h.st05) < 1e-12 AND abs(e.total_order_p95 - h.st95) < 1e-12),
          3::bigint, 'sensitivity_indices: bootstrap bands = the resampling written out (same draws), 1e-12');
SELECT ok((SELECT bool_and((e.first_order_p95 - e.first_order_p05) / (2 * 1.6448536269514722) BETWEEN 0.75 * h.se_s AND 1.25 * h.se_s
                       AND (e.total_order_p95 - e.total_order_p05) / (2 * 1.6448536269514722) BETWEEN 0.75 * h.se_st AND 1.25 * h.se_st)
           FROM est2 e JOIN bands_by_hand h USING (factor)),
          'sensitivity_indices: band widths match the analytic Monte-Carlo SEs within 25 %');
SELECT ok((SELECT bool_and(first_order_p05 IS NULL AND total_order_p95 IS NULL) FROM est),
          'sensitivity_indices: no bootstrap, no bands');
SELECT throws_ok($$SELECT * FROM wellbeing.sensitivity_indices(ARRAY[1, 2, 3, 4, 5, 6]::float8[], 2, 1, -1)$$, '22023',
                 'bootstrap must lie between 0 and 10000, got -1', 'sensitivity_indices: a negative bootstrap count');

-- edges
SELECT is((SELECT count(*) FILTER (WHERE first_order IS NULL AND total_order IS NULL)
           FROM wellbeing.sensitivity_indices(array_fill(5.0::float8, ARRAY[8]), 2, 2)),
          2::bigint, 'a constant output: no variance to apportion, NULL indices for each factor');
SELECT is((SELECT array_agg(round(total_order::numeric, 12) ORDER BY factor)
           FROM wellbeing.sensitivity_indices(ARRAY[0, 1, 1, 0, 1, 0]::float8[], 2, 1)),
          -- A = (0, 1), B = (1, 0), AB = B: V = var(0, 1, 1, 0) = 1/3, S_T = 2 / (2 * 2 / 3)
          ARRAY[1.5]::numeric[], 'one factor, two rows: S_T = sum (yA - yAB)^2 / (2 n V) by hand');
SELECT is((SELECT count(*) FROM wellbeing.sensitivity_indices(NULL, 2, 1)), 0::bigint,
          'a NULL argument: no rows (strict)');
SELECT throws_ok($$SELECT * FROM wellbeing.sensitivity_indices(ARRAY[1, 2, 3]::float8[], 2, 1)$$, '22023', NULL,
                 'sensitivity_indices: y of the wrong length');
SELECT throws_ok($$SELECT * FROM wellbeing.sensitivity_indices(ARRAY[1, 2, NULL, 4, 5, 6]::float8[], 2, 1)$$, '22004', NULL,
                 'sensitivity_indices: a NULL output');
SELECT throws_ok($$SELECT * FROM wellbeing.sensitivity_indices(ARRAY[1, 2, 'NaN', 4, 5, 6]::float8[], 2, 1)$$, '22023', NULL,
                 'sensitivity_indices: a NaN output');
SELECT throws_ok($$SELECT * FROM wellbeing.sensitivity_indices(ARRAY[1, 2, 3]::float8[], 1, 1)$$, '22023', NULL,
                 'sensitivity_indices: n = 1');
SELECT throws_ok($$SELECT * FROM wellbeing.sensitivity_indices(ARRAY[1, 2, 3, 4]::float8[], 2, 0)$$, '22023', NULL,
                 'sensitivity_indices: no factor');

-- ---------------------------------------------------------------------
-- index_scenarios = build_index on the same choices.  20 areas x 6
-- indicators in 2 domains (values from a formula; k6 is a deficit).
-- ---------------------------------------------------------------------
CREATE TABLE sens (area text, grp text, period int, indicator text, value float8);
INSERT INTO sens
SELECT 'A' || lpad(a::text, 2, '0'), 'all', 2024, 'k' || k,
       (CASE WHEN k = 6 THEN -1 ELSE 1 END) * (a + 7 * sin(a * k) + 3 * k + 20)
FROM generate_series(1, 20) a, generate_series(1, 6) k;
CREATE TABLE sens_catalog (indicator text, domain text, weight float8, higher_is_better bool);
INSERT INTO sens_catalog SELECT 'k' || k, CASE WHEN k <= 3 THEN 'X' ELSE 'Y' END, k, k <> 6 FROM generate_series(1, 6) k;

CREATE FUNCTION pg_temp.same_scores(scenario_sql text, build_sql text) RETURNS boolean LANGUAGE plpgsql AS $f$
DECLARE ok boolean;
BEGIN
    EXECUTE format($q$
        SELECT count(*) = 20 AND bool_and(abs(s.score - b.score) <= 1e-12 * (1 + abs(b.score)))
        FROM (%s) s JOIN (SELECT area, score FROM (%s) b WHERE level = 'index') b USING (area)$q$,
        scenario_sql, build_sql) INTO ok;
    RETURN ok;
END $f$;

SELECT ok(pg_temp.same_scores(
    $$SELECT area, score FROM wellbeing.index_scenarios('sens', 'sens_catalog', 2024, ARRAY['zscore/arithmetic'])$$,
    $$SELECT * FROM wellbeing.build_index('sens', 'sens_catalog')$$),
    'index_scenarios: the nominal scenario is build_index (z-scores, arithmetic)');
SELECT ok(pg_temp.same_scores(
    $$SELECT area, score FROM wellbeing.index_scenarios('sens', 'sens_catalog', 2024, ARRAY['minmax/geometric'])$$,
    $$SELECT * FROM wellbeing.build_index('sens', 'sens_catalog', normalization => 'minmax', aggregation => 'geometric', lo => 1, hi => 100)$$),
    'index_scenarios: minmax/geometric is build_index with min-max on [1, 100] and geometric means');
CREATE TEMP VIEW sens_without_k2 AS SELECT * FROM sens WHERE indicator <> 'k2';
CREATE TEMP VIEW sens_catalog_without_k2 AS SELECT * FROM sens_catalog WHERE indicator <> 'k2';
SELECT ok(pg_temp.same_scores(
    $$SELECT area, score FROM wellbeing.index_scenarios('sens', 'sens_catalog', 2024, ARRAY['minmax/arithmetic'], left_out => ARRAY['k2'])$$,
    $$SELECT * FROM wellbeing.build_index('sens_without_k2', 'sens_catalog_without_k2', normalization => 'minmax')$$),
    'index_scenarios: leaving k2 out is build_index on the data and catalog without k2');
-- weights times 1 + 0.25 (2 u - 1), u from md5 of seed:key:indicator
CREATE TEMP VIEW sens_catalog_noisy AS
SELECT indicator, domain, weight * (1 + 0.25 * (2 * pg_temp.u('1:w7:' || indicator) - 1)) AS weight, higher_is_better
FROM sens_catalog;
SELECT ok(pg_temp.same_scores(
    $$SELECT area, score FROM wellbeing.index_scenarios('sens', 'sens_catalog', 2024, ARRAY['zscore/arithmetic'], weight_keys => ARRAY['w7'])$$,
    $$SELECT * FROM wellbeing.build_index('sens', 'sens_catalog_noisy')$$),
    'index_scenarios: noisy weights are build_index with the catalog weights times the written-out factors');
SELECT is((SELECT array_agg(DISTINCT scenario ORDER BY scenario)
           FROM wellbeing.index_scenarios('sens', 'sens_catalog', 2024, ARRAY['zscore/arithmetic', 'minmax/arithmetic', 'zscore/arithmetic'],
                                          ARRAY[NULL, NULL, 'k'], ARRAY[NULL, 'k1', NULL])),
          ARRAY[1, 2, 3], 'index_scenarios: one ranking per scenario, numbered from 1');
SELECT throws_ok($$SELECT * FROM wellbeing.index_scenarios('sens', 'sens_catalog', 2024, ARRAY['zscore/arithmetic'], ARRAY['a', 'b'])$$,
                 '22023', NULL, 'index_scenarios: arrays of different lengths');
SELECT throws_ok($$SELECT * FROM wellbeing.index_scenarios('sens', 'sens_catalog', 2024, ARRAY['zscore/arithmetic'], left_out => ARRAY['k9'])$$,
                 '22023', 'left_out names indicator "k9", which is not in public.sens_catalog', 'index_scenarios: an unknown indicator to leave out');
SELECT throws_ok($$SELECT * FROM wellbeing.index_scenarios('sens', 'sens_catalog', 2024, ARRAY['zscore/arithmetic', NULL])$$,
                 '22023', 'unknown recipe "NULL"', 'index_scenarios: a NULL recipe');
SELECT throws_ok($$SELECT * FROM wellbeing.index_scenarios('sens', 'sens_catalog', 2024, '{}')$$,
                 '22023', 'recipes must name at least one recipe', 'index_scenarios: no scenario');

-- ---------------------------------------------------------------------
-- index_sensitivity
-- ---------------------------------------------------------------------
-- only the recipe varies: the weights column of the design changes nothing,
-- so its indices are exactly 0 (COINr's own test of get_sensitivity)
CREATE TEMP TABLE only_recipe AS
SELECT * FROM wellbeing.index_sensitivity('sens', 'sens_catalog', 2024, n => 200, weight_noise => 0, leave_one_out => false);
SELECT is((SELECT array_agg(factor ORDER BY factor) FROM only_recipe), ARRAY['recipe', 'weights'],
          'index_sensitivity: without leave-one-out, two factors');
SELECT ok((SELECT first_order = 0 AND total_order = 0 FROM only_recipe WHERE factor = 'weights'),
          'index_sensitivity: weights without noise have indices exactly 0');
-- the runs that take the recipe from B are the B runs, so S_T = mean((yA - yB)^2) / 2V
-- and S = mean((yB - mean) (yB - yA)) / V, both 1 in expectation; the
-- first-order estimator (a mean of products) is the noisier at 200 rows
SELECT ok((SELECT abs(total_order - 1) < 0.1 AND abs(first_order - 1) < 0.25 FROM only_recipe WHERE factor = 'recipe'),
          'index_sensitivity: the only factor that varies carries all the variance (S_T within 0.1 of 1, S within 0.25)');
SELECT is((SELECT DISTINCT runs FROM only_recipe), 200 * 4 + 1, 'index_sensitivity: n (d + 2) + 1 runs');
-- and the recipe alone, without noise, is nothing
SELECT ok((SELECT bool_and(first_order IS NULL AND total_order IS NULL AND mean_rank_shift = 0)
           FROM wellbeing.index_sensitivity('sens', 'sens_catalog', 2024, n => 10, weight_noise => 0,
                                            recipes => ARRAY['zscore/arithmetic'], leave_one_out => false)),
          'index_sensitivity: nothing varies, no rank moves, NULL indices');
CREATE TEMP TABLE all3 AS SELECT * FROM wellbeing.index_sensitivity('sens', 'sens_catalog', 2024, n => 50);
SELECT is((SELECT array_agg(factor ORDER BY factor) FROM all3), ARRAY['left-out indicator', 'recipe', 'weights'],
          'index_sensitivity: three factors');
SELECT ok((SELECT bool_and(total_order >= 0 AND mean_rank_shift > 0 AND rank_shift_variance > 0) FROM all3),
          'index_sensitivity: total indices are sums of squares (>= 0); ranks move');
SELECT is((SELECT string_agg(a::text, ';' ORDER BY factor) FROM all3 a),
          (SELECT string_agg(a::text, ';' ORDER BY factor) FROM wellbeing.index_sensitivity('sens', 'sens_catalog', 2024, n => 50) a),
          'index_sensitivity: seeded, the same call gives the same answer');
SELECT isnt((SELECT string_agg(a::text, ';' ORDER BY factor) FROM all3 a),
            (SELECT string_agg(a::text, ';' ORDER BY factor) FROM wellbeing.index_sensitivity('sens', 'sens_catalog', 2024, n => 50, seed => 2) a),
            'index_sensitivity: another seed, another design');
SELECT throws_ok($$SELECT * FROM wellbeing.index_sensitivity('sens', 'sens_catalog', 2024, bootstrap => NULL)$$, '22023',
                 'bootstrap must lie between 0 and 10000, got <NULL>', 'index_sensitivity: a NULL bootstrap count');
SELECT throws_ok($$SELECT * FROM wellbeing.index_sensitivity('sens', 'sens_catalog', 2024, leave_one_out => NULL)$$, '22023',
                 'leave_one_out must not be NULL', 'index_sensitivity: a NULL leave_one_out');
SELECT throws_ok($$SELECT * FROM wellbeing.index_sensitivity('sens', 'sens_catalog', 2024, seed => NULL)$$, '22023',
                 'seed must not be NULL', 'index_sensitivity: a NULL seed');
SELECT throws_ok($$SELECT * FROM wellbeing.index_scenarios('sens', 'sens_catalog', 2024, ARRAY['zscore/arithmetic'], weight_noise => 1)$$, '22023',
                 'weight_noise must lie in [0, 1), got 1', 'index_scenarios: weight noise 1');
SELECT throws_ok($$SELECT * FROM wellbeing.index_sensitivity('sens', 'sens_catalog', 2024, n => 1)$$, '22023',
                 'n must lie between 2 and 20000, got 1', 'index_sensitivity: n = 1');
SELECT throws_ok($$SELECT * FROM wellbeing.index_sensitivity('sens', 'sens_catalog', 2024, recipes => ARRAY['rank/borda'])$$, '22023',
                 'unknown recipe "rank/borda"', 'index_sensitivity: an unknown recipe');

SELECT * FROM finish();
ROLLBACK;
