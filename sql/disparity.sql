-- Disparity measures (SPEC section 4), checked against the WHO healthequal
-- fixture (reference/disparity.md 5.1): five ordered groups, favourable
-- indicator in percent; the most advantaged group is 60 (se 14), the most
-- disadvantaged 20 (se 5).
SET extra_float_digits = 0;

-- D = 60 - 20 = 40, se = sqrt(14^2 + 5^2) = 14.8660687, CI 10.8630 - 69.1370
SELECT value, round(se::numeric, 7) AS se, round(lower::numeric, 4) AS lower,
       round(upper::numeric, 4) AS upper, n
FROM wellbeing.difference(wellbeing.estimate(60, 14, 105), wellbeing.estimate(20, 5, 78));
-- R = 3, se = sqrt(14^2 + 9 * 5^2) / 20 = 1.0259142, CI exp(ln 3 -/+ z se / 3) = 1.53474 - 5.86419
SELECT value, round(se::numeric, 7) AS se, round(lower::numeric, 5) AS lower,
       round(upper::numeric, 5) AS upper
FROM wellbeing.ratio(wellbeing.estimate(60, 14), wellbeing.estimate(20, 5));
-- without error the interval is the ratio itself: exp(ln 3) is
-- 3.0000000000000004, so the limits are r exp(-/+ h), not exp(ln r -/+ h)
SELECT value, lower = value AS lower_is_value, upper = value AS upper_is_value
FROM wellbeing.ratio(wellbeing.estimate(3, 0), wellbeing.estimate(1, 0));
-- level is an argument; a composite from an aggregate works directly
SELECT round(lower::numeric, 4) AS lower90
FROM wellbeing.difference(wellbeing.estimate(60, 14), wellbeing.estimate(20, 5), 0.90);
SELECT round((wellbeing.difference(a, b)).value::numeric, 6) AS gap
FROM (SELECT wellbeing.proportion(g % 3 = 0) AS a, wellbeing.proportion(g % 4 = 0) AS b
      FROM generate_series(1, 1200) g) s;
-- undefined: no ratio to zero; no log interval for a negative ratio;
-- no se on either side gives no interval
SELECT value IS NULL AS no_ratio FROM wellbeing.ratio(wellbeing.estimate(1, 1), wellbeing.estimate(0, 1));
SELECT value, lower IS NULL AS no_interval FROM wellbeing.ratio(wellbeing.estimate(-2, 1), wellbeing.estimate(4, 1));
SELECT value, se IS NULL AND lower IS NULL AS no_interval
FROM wellbeing.difference(wellbeing.estimate(5, NULL), wellbeing.estimate(3, 1));
-- NULL estimate: NULL; bad level: error
SELECT wellbeing.difference(NULL, wellbeing.estimate(3, 1)) IS NULL AS null_in_null_out;
SELECT wellbeing.ratio(wellbeing.estimate(6, 1), wellbeing.estimate(3, 1), 1.5);

-- between-group variance over the same five groups (non-ordered formulas on
-- the ordered fixture, reference/disparity.md 5.1 "regression fixture"):
-- BGV 170.3002537 (SE 135.9167576), BGSD 13.0499139, COV 31.6557318 / 100
CREATE TABLE heat AS
SELECT * FROM (VALUES (1, 78, 20, 5), (2, 91, 30, 7), (3, 162, 40, 10), (4, 103, 50, 12), (5, 105, 60, 14))
  t(ord, pop, y, se);
SELECT round((wellbeing.between_group_variance(y, pop, se)).value::numeric, 7) AS bgv,
       round((wellbeing.between_group_variance(y, pop, se)).se::numeric, 7) AS bgv_se,
       round((wellbeing.between_group_sd(y, pop)).value::numeric, 7) AS bgsd,
       round((wellbeing.coefficient_of_variation(y, pop)).value::numeric, 9) AS cov
FROM heat;
-- the same variance written out: 4 sum p^2 se^2 (y - mu)^2
--   + 2 ((sum p^2 se^2)^2 - sum p^4 se^4 + sum p^2 (1 - p)^2 se^4)
WITH p AS (SELECT y, se, pop::float8 / sum(pop) OVER () AS p FROM heat),
     m AS (SELECT sum(p * y) AS mu FROM p),
     parts AS (SELECT sum(p ^ 2 * se ^ 2 * (y - mu) ^ 2) AS a, sum(p ^ 2 * se ^ 2) AS b,
                      sum(p ^ 4 * se ^ 4) AS c, sum(p ^ 2 * (1 - p) ^ 2 * se ^ 4) AS d,
                      sum(p * (y - mu) ^ 2) AS bgv, mu,
                      2 * sum(p ^ 2 * se ^ 2 * (y - mu)) AS cov_bm
               FROM p, m GROUP BY mu),
     v AS (SELECT *, 4 * a + 2 * (b ^ 2 - c + d) AS var_bgv FROM parts)
SELECT abs(e_bgv.se - sqrt(var_bgv)) < 1e-9 AS bgv_se_by_hand,
       -- BGSD = sqrt(BGV): se = se_BGV / (2 BGSD)
       abs(e_sd.se - sqrt(var_bgv) / (2 * sqrt(bgv))) < 1e-12 AS bgsd_se_delta,
       -- COV = sqrt(BGV) / mu: delta method with var(mu) = sum p^2 se^2
       abs(e_cov.se - sqrt(bgv) / mu * sqrt(var_bgv / (4 * bgv ^ 2) + b / mu ^ 2 - cov_bm / (bgv * mu))) < 1e-12 AS cov_se_delta
FROM v,
     (SELECT (wellbeing.between_group_variance(y, pop, se)).* FROM heat) e_bgv,
     (SELECT (wellbeing.between_group_sd(y, pop, se)).* FROM heat) e_sd,
     (SELECT (wellbeing.coefficient_of_variation(y, pop, se)).* FROM heat) e_cov;
-- all groups equal: no spread; one group: undefined (NULL); rescaled values
SELECT (wellbeing.between_group_variance(y, 10)).value AS equal_groups
FROM (VALUES (5.0), (5.0), (5.0)) t(y);
SELECT (e).value IS NULL AS one_group_undefined, (e).n FROM (SELECT wellbeing.between_group_variance(7.0, 3.0) AS e) s;
SELECT abs((wellbeing.coefficient_of_variation(y * 100, pop)).value - (wellbeing.coefficient_of_variation(y, pop)).value) < 1e-14 AS cov_scale_free
FROM heat;
SELECT wellbeing.between_group_variance(y, pop, -se) FROM heat;

-- clean up: test files share one database
DROP TABLE heat;

-- relative_inequity (Health Equity Tracker), per partition: 40 % of the
-- burden on 20 % of the population: 0.4 / 0.2 - 1 = 1; 10 % on 30 %: -2/3
SELECT grp, round(wellbeing.relative_inequity(burden, pop) OVER (PARTITION BY area)::numeric, 6) AS inequity
FROM (VALUES ('a', 'g1', 40, 200), ('a', 'g2', 10, 300), ('a', 'g3', 50, 500),
             ('b', 'g1', 0, 100), ('b', 'g2', 5, 0), ('b', 'g3', NULL, 50)) t(area, grp, burden, pop)
ORDER BY area, grp;
-- no burden in the partition: NULL
SELECT wellbeing.relative_inequity(0, 10) OVER () IS NULL AS no_burden;
SELECT wellbeing.relative_inequity(-1, 10) OVER ();

-- disparity_profile: every applicable measure as rows, for a dashboard.
-- On the healthequal groups (as fractions) each row equals the measure's own
-- function (checked for a few), ordered measures need positions, entropy
-- measures need positive values, and each absent value says why
SELECT measure, round(value::numeric, 6) AS value, round(lower::numeric, 6) AS lower,
       round(upper::numeric, 6) AS upper, n, method, note
FROM wellbeing.disparity_profile(ARRAY[0.20, 0.30, 0.40, 0.50, 0.60], ARRAY[78, 91, 162, 103, 105],
                                 ARRAY[1, 2, 3, 4, 5], ARRAY[0.05, 0.07, 0.10, 0.12, 0.14]);
SELECT p.value = (SELECT (wellbeing.concentration_index(y, w, o, s)).value
                  FROM unnest(ARRAY[0.20, 0.30, 0.40, 0.50, 0.60], ARRAY[78, 91, 162, 103, 105]::float8[],
                              ARRAY[1, 2, 3, 4, 5]::float8[], ARRAY[0.05, 0.07, 0.10, 0.12, 0.14]) t(y, w, o, s)) AS same_as_function
FROM wellbeing.disparity_profile(ARRAY[0.20, 0.30, 0.40, 0.50, 0.60], ARRAY[78, 91, 162, 103, 105],
                                 ARRAY[1, 2, 3, 4, 5], ARRAY[0.05, 0.07, 0.10, 0.12, 0.14]) p
WHERE p.measure = 'concentration_index' AND p.method = 'relative';
-- no order, no SEs, a zero value: what applies is computed, the rest noted
SELECT measure, round(value::numeric, 6) AS value, se IS NULL AS no_se, note
FROM wellbeing.disparity_profile(ARRAY[20, 30, 0], ARRAY[1, 2, 3]);
-- a usable profile from GROUP BY output in one query
SELECT count(*) AS measures
FROM (SELECT array_agg((e).value) AS v, array_agg(pop) AS w, array_agg((e).se) AS s
      FROM (SELECT g % 4 AS grp, wellbeing.proportion(g % 7 < g % 4 + 2) AS e, count(*)::float8 AS pop
            FROM generate_series(1, 400) g GROUP BY g % 4) x) a,
     LATERAL wellbeing.disparity_profile(a.v, a.w, NULL, a.s);
-- with the groups' sample sizes, every row's n is the smallest group's (9),
-- so reliability() says suppress for all of them at the default min_n 11;
-- without, n is the measure's own (the number of groups for most)
SELECT count(*) FILTER (WHERE n = 9) AS rows_with_n_9,
       count(*) FILTER (WHERE wellbeing.reliability(wellbeing.estimate(value, se, n)) = 'suppress') AS suppressed,
       count(*) AS rows
FROM wellbeing.disparity_profile(ARRAY[0.20, 0.30, 0.40, 0.50, 0.60], ARRAY[78, 91, 162, 103, 105],
                                 ARRAY[1, 2, 3, 4, 5], ARRAY[0.05, 0.07, 0.10, 0.12, 0.14],
                                 sample_sizes => ARRAY[40, 9, 55, 31, 60]);
-- empty input: no rows; different lengths, bad sample sizes: errors
SELECT count(*) AS rows_for_empty FROM wellbeing.disparity_profile('{}', '{}');
\set VERBOSITY terse
SELECT * FROM wellbeing.disparity_profile(ARRAY[1.0, 2.0], ARRAY[1.0]);
SELECT * FROM wellbeing.disparity_profile(ARRAY[1.0, 2.0], ARRAY[1.0, 1.0], sample_sizes => ARRAY[5]);
SELECT * FROM wellbeing.disparity_profile(ARRAY[1.0, 2.0], ARRAY[1.0, 1.0], sample_sizes => ARRAY[5, -1]);
\set VERBOSITY default
