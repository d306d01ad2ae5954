-- Composite index building blocks: normalisations.  Fixture: the OECD/JRC
-- Handbook Table 15 (TAI mean years of school, 23 countries;
-- reference/index_longitudinal.md C.1): z with the n - 1 sd, min-max,
-- percentile rank r/n, rank with min ties.
SET extra_float_digits = 0;
CREATE TABLE tai (country text, x float8);
INSERT INTO tai VALUES ('Finland', 10), ('United States', 12), ('Sweden', 11.4), ('Japan', 9.5),
  ('Korea', 10.8), ('Netherlands', 9.4), ('United Kingdom', 9.4), ('Canada', 11.6), ('Australia', 10.9),
  ('Singapore', 7.1), ('Germany', 10.2), ('Norway', 11.9), ('Ireland', 9.4), ('Belgium', 9.3),
  ('New Zealand', 11.7), ('Austria', 8.4), ('France', 7.9), ('Israel', 9.6), ('Spain', 7.3),
  ('Italy', 7.2), ('Czech Rep.', 9.5), ('Hungary', 9.1), ('Slovenia', 7.1);
-- printed: Finland 0.26 0.59 65.2 rank 15; US 1.52 1.00 100 23; Korea 0.76 0.76 73.9 17;
-- Netherlands -0.12 0.47 39.1 9; Norway 1.46 0.98 95.7 22; Singapore -1.58 0.00 4.3 1
SELECT country, round(z::numeric, 2) AS z, round(mm::numeric, 2) AS minmax,
       round((100 * pr)::numeric, 1) AS percentile, round(pr * 23) AS rank
FROM (SELECT country, wellbeing.normalize_zscore(x) OVER () AS z,
             wellbeing.normalize_minmax(x) OVER () AS mm,
             wellbeing.percentile_rank(x) OVER () AS pr
      FROM tai) s
WHERE country IN ('Finland', 'United States', 'Korea', 'Netherlands', 'Norway', 'Singapore')
ORDER BY country;
-- the window z equals the scalar z with the partition's mean and sample sd
SELECT bool_and(abs(wz - wellbeing.normalize_zscore(x, m, sd)) < 1e-14) AS scalar_equals_window
FROM (SELECT x, wellbeing.normalize_zscore(x) OVER () AS wz, avg(x) OVER () AS m, stddev_samp(x) OVER () AS sd FROM tai) s;
-- (r-1)/(n-1) and the built-in percent_rank() agree (min ties); average ties
SELECT bool_and(abs(wellbeing_pr - builtin) < 1e-15) AS equals_percent_rank
FROM (SELECT wellbeing.percentile_rank(x, '(r-1)/(n-1)') OVER () AS wellbeing_pr,
             percent_rank() OVER (ORDER BY x) AS builtin FROM tai) s;
SELECT country, round(pr::numeric, 4) AS pr
FROM (SELECT country, wellbeing.percentile_rank(x, 'r/n', 'average') OVER () AS pr FROM tai) s
WHERE country IN ('Netherlands', 'United Kingdom', 'Ireland') ORDER BY country;
-- (Netherlands, UK and Ireland tie at 9.4 on ranks 9, 10, 11: average 10, 10/23 = 0.4348)
-- weighted z: population-weighted mean and sd; equal weights give the
-- population sd (n), not n - 1: z_w = z * sqrt(n / (n - 1))
SELECT bool_and(abs(zw - z * sqrt(23.0 / 22)) < 1e-12) AS weighted_equal_weights
FROM (SELECT wellbeing.normalize_zscore(x, 5.0) OVER () AS zw, wellbeing.normalize_zscore(x) OVER () AS z FROM tai) s;
-- partitions, NULLs and the window's ORDER BY do not matter to the statistics
SELECT g, v, round((100 * wellbeing.normalize_minmax(v) OVER (PARTITION BY g ORDER BY v DESC))::numeric, 1) AS score
FROM (VALUES ('a', 1.0), ('a', 3.0), ('a', NULL), ('a', 2.0), ('b', 5.0), ('b', 5.0)) t(g, v)
ORDER BY g, v;

-- scalar forms with explicit parameters (a baseline's mean, sd, goalposts):
-- z = (12 - 9.5957) / 1.5770 = 1.5246; min-max beyond the max leaves [0, 100]:
-- 100 (13 - 7.1) / 4.9 = 120.41; goalposts (12 - 5) / 10 = 0.7; a deficit
-- (0.50 - 0.30) / 0.45 = 0.444; capped at 1 unless cap => false (1.5);
-- distance to target (0.8 - 0.5) / (0.9 - 0.5) = 0.75 and (30 - 50) / (10 - 50) = 0.5
SELECT round(wellbeing.normalize_zscore(12, 9.5957, 1.5770)::numeric, 6) AS z,
       round(wellbeing.normalize_minmax(12, 7.1, 12)::numeric, 12) AS minmax,
       round(wellbeing.normalize_minmax(13, 7.1, 12, 0, 100)::numeric, 6) AS beyond_max,
       wellbeing.normalize_goalposts(12, 5, 15) AS goalposts,
       wellbeing.normalize_goalposts(0.30, 0.05, 0.50, higher_is_better => false) AS deficit,
       wellbeing.normalize_goalposts(20, 5, 15) AS capped,
       wellbeing.normalize_goalposts(20, 5, 15, cap => false) AS uncapped,
       wellbeing.distance_to_target(0.8, 0.9, 0.5) AS asset_to_target,
       wellbeing.distance_to_target(30, 10, 50) AS deficit_to_target;
SELECT wellbeing.normalize_zscore(1, 1, 0) IS NULL AS zero_sd, wellbeing.normalize_minmax(1, 1, 1) IS NULL AS zero_range;
SELECT wellbeing.normalize_goalposts(1, 5, 5);
SELECT wellbeing.percentile_rank(x, 'rank') OVER () FROM tai;

DROP TABLE tai;

-- Aggregation.  Handbook compensability example (reference C.2): (21,1,1,1)
-- arithmetic 6, geometric 21^(1/4) = 2.1407; (21,2,1,1) geometric 2.5457;
-- (6,7,6,6) geometric 6.2357.
SELECT round((wellbeing.aggregate_scores(s, 1)).score::numeric, 4) AS arithmetic,
       round((wellbeing.aggregate_scores(s, 1, 'geometric')).score::numeric, 4) AS geometric
FROM unnest('{21,1,1,1}'::float8[]) s;
SELECT round((wellbeing.aggregate_scores(s, 1, 'geometric')).score::numeric, 4) AS geometric
FROM unnest('{21,2,1,1}'::float8[]) s;
SELECT round((wellbeing.aggregate_scores(s, 1, 'geometric')).score::numeric, 4) AS geometric
FROM unnest('{6,7,6,6}'::float8[]) s;
-- weights by hand: arithmetic (2 * 4 + 1 * 1) / 3 = 3; geometric
-- exp((2 ln 4 + ln 1) / 3) = 4^(2/3) = 2.519842; harmonic 3 / (2/4 + 1/1) = 2;
-- power mean p = 2: sqrt((2 * 16 + 1) / 3) = 3.316625
SELECT (wellbeing.aggregate_scores(s, w)).score AS arithmetic,
       round((wellbeing.aggregate_scores(s, w, 'geometric')).score::numeric, 6) AS geometric,
       (wellbeing.aggregate_scores(s, w, 'harmonic')).score AS harmonic,
       round((wellbeing.aggregate_scores(s, w, 'generalized', 0, 2)).score::numeric, 6) AS power_2
FROM (VALUES (4.0, 2.0), (1.0, 1.0)) t(s, w);
-- the power mean is the arithmetic mean at p = 1, the geometric at p = 0,
-- the harmonic at p = -1
SELECT abs((wellbeing.aggregate_scores(s, w, 'generalized', 0, 1)).score - (wellbeing.aggregate_scores(s, w)).score) < 1e-14 AS p1,
       abs((wellbeing.aggregate_scores(s, w, 'generalized', 0, 0)).score - (wellbeing.aggregate_scores(s, w, 'geometric')).score) < 1e-14 AS p0,
       abs((wellbeing.aggregate_scores(s, w, 'generalized', 0, -1)).score - (wellbeing.aggregate_scores(s, w, 'harmonic')).score) < 1e-14 AS p_minus_1
FROM (VALUES (0.3, 1.0), (0.9, 2.5), (0.5, 0.7)) t(s, w);
-- missing indicators drop out with their weight renormalised: (1 + 2 + 3) / 3;
-- coverage 3/5 = 0.6 meets min_coverage 0.6, not 0.61 (score NULL,
-- coverage still reported); NULL weight rows are skipped
SELECT (a).* FROM (SELECT wellbeing.aggregate_scores(s, w, 'arithmetic', 0.6) AS a
                   FROM (VALUES (1.0, 1.0), (NULL, 1), (2, 1), (3, 1), (NULL, 1), (99, NULL)) t(s, w)) x;
SELECT (a).* FROM (SELECT wellbeing.aggregate_scores(s, w, 'arithmetic', 0.61) AS a
                   FROM (VALUES (1.0, 1.0), (NULL, 1), (2, 1), (3, 1), (NULL, 1)) t(s, w)) x;
-- all missing: no score, coverage 0; no rows: NULL; one row: itself
SELECT (a).* FROM (SELECT wellbeing.aggregate_scores(NULL::float8, 1) AS a FROM generate_series(1, 3)) x;
SELECT wellbeing.aggregate_scores(s, 1) IS NULL AS empty FROM unnest('{}'::float8[]) s;
SELECT (wellbeing.aggregate_scores(-0.7, 3)).score AS one_row;
-- extremes: huge scores keep their scale, tiny positive ones work under logs
SELECT (wellbeing.aggregate_scores(s, 1)).score AS huge,
       round(((wellbeing.aggregate_scores(s / 1e300 * 1e-300, 1, 'geometric')).score / 1e-300)::numeric, 10) AS tiny_over_1e_300
FROM unnest('{1e300,1e300}'::float8[]) s;
-- errors
SELECT (wellbeing.aggregate_scores(s, 1)).score FROM unnest('{1e308,1e308}'::float8[]) s;
SELECT (wellbeing.aggregate_scores(s, 1, 'geometric')).score FROM unnest('{0.5,0}'::float8[]) s;
SELECT (wellbeing.aggregate_scores(s, 1, 'generalized', 0, 2)).score FROM unnest('{0.5,-1}'::float8[]) s;
SELECT (wellbeing.aggregate_scores(1, 0)).score;
SELECT (wellbeing.aggregate_scores(1, 1, 'median')).score;
SELECT (wellbeing.aggregate_scores(1, 1, 'generalized')).score;
SELECT (wellbeing.aggregate_scores(1, 1, 'geometric', 0, 2)).score;
SELECT (wellbeing.aggregate_scores(1, 1, 'arithmetic', 1.5)).score;

-- Categories.  Cut points are R's quantile(type = 2) without weights:
-- 1..10 at 0.2 (n p = 2, an exact step: (2 + 3) / 2), 0.4, 0.6, 0.8;
-- 1..7 at n p = 1.4, 2.8, 4.2, 5.6: x2, x3, x5, x6.
SELECT wellbeing.category_cutpoints(x) AS ten, (SELECT wellbeing.category_cutpoints(x) FROM generate_series(1, 7) x) AS seven
FROM generate_series(1, 10) x;
-- weights act as frequencies: (1, 2, 3, 4) weighted (1, 1, 1, 2) equals
-- (1, 2, 3, 4, 4) unweighted: 1.5, 2.5, 3.5, 4; three levels: 1/3, 2/3
SELECT wellbeing.category_cutpoints(x, w) AS weighted,
       (SELECT wellbeing.category_cutpoints(x) FROM unnest('{4,1,3,4,2}'::float8[]) x) AS expanded,
       wellbeing.category_cutpoints(x, w, 3) AS tertiles
FROM (VALUES (1.0, 1.0), (2, 1), (3, 1), (4, 2), (NULL, 5), (5, NULL)) t(x, w);
-- a score on a cut point belongs to the lower level
SELECT x, wellbeing.category_level(x, '{2.5,4.5,6.5,8.5}') AS level,
       wellbeing.category(x, '{2.5,4.5,6.5,8.5}') AS category,
       wellbeing.category(x, '{3}', '{below,above}') AS two_levels
FROM unnest('{-1e308,2.5,2.6,8.5,9,1e308}'::float8[]) x;
-- window use with cut points frozen on a reference period
SELECT period, x, wellbeing.category(x, (SELECT wellbeing.category_cutpoints(v) FROM (VALUES (1.0), (2), (3), (4), (5)) b(v))) AS frozen
FROM (VALUES (2020, 0.5), (2024, 5.5), (2024, 3.0)) t(period, x) ORDER BY period, x;
SELECT wellbeing.category_cutpoints(x) IS NULL AS empty FROM unnest('{}'::float8[]) x;
SELECT wellbeing.category_cutpoints(x) AS one_row FROM unnest('{7}'::float8[]) x;
SELECT wellbeing.category(NULL, '{1,2,3,4}') IS NULL AS null_score;
-- errors
SELECT wellbeing.category_cutpoints(x, 1, 1) FROM generate_series(1, 3) x;
SELECT wellbeing.category(1, '{3,2,1,0}');
SELECT wellbeing.category(1, '{1,NULL,3,4}');
SELECT wellbeing.category(1, '{1,2,3}');
SELECT wellbeing.category(1, '{1,2,3}', '{a,b}');
SELECT wellbeing.category_level('NaN', '{1,2}');

-- Cronbach's alpha.  By hand: items a = 1..5 (var 2.5), b = 2,2,5,3,6
-- (var 3.3), c = 3,4,4,6,5 (var 1.3), totals 6,8,12,13,16 (var 16):
-- alpha = 3/2 (1 - 7.1/16) = 0.834375; without a: b + c = 5,6,9,9,11 (var 6),
-- 2 (1 - 4.6/6) = 0.466667
CREATE TABLE items (a float8, b float8, c float8);
INSERT INTO items VALUES (1, 2, 3), (2, 2, 4), (3, 5, 4), (4, 3, 6), (5, 6, 5), (NULL, 1, 1);
SELECT wellbeing.cronbach_alpha(ARRAY[a, b, c]) AS alpha,
       round((wellbeing.cronbach_alpha_if_deleted(ARRAY[a, b, c]))[1]::numeric, 6) AS without_a
FROM items;
-- the same from the built-in variances (the Handbook's eq. 18), for every
-- "if deleted" too; and the standardised alpha k r / (1 + (k - 1) r)
-- (r the mean correlation) equals alpha of the z-scores
SELECT abs(wellbeing.cronbach_alpha(ARRAY[a, b, c])
           - 1.5 * (1 - (var_samp(a) + var_samp(b) + var_samp(c)) / var_samp(a + b + c))) < 1e-14 AS alpha_formula,
       abs((wellbeing.cronbach_alpha_if_deleted(ARRAY[a, b, c]))[2] - 2 * (1 - (var_samp(a) + var_samp(c)) / var_samp(a + c))) < 1e-14 AS without_b,
       abs((wellbeing.cronbach_alpha_if_deleted(ARRAY[a, b, c]))[3] - 2 * (1 - (var_samp(a) + var_samp(b)) / var_samp(a + b))) < 1e-14 AS without_c
FROM items WHERE a IS NOT NULL;
SELECT abs(wellbeing.cronbach_alpha(ARRAY[za, zb, zc]) - 3 * r / (1 + 2 * r)) < 1e-14 AS standardized
FROM (SELECT wellbeing.normalize_zscore(a) OVER () AS za, wellbeing.normalize_zscore(b) OVER () AS zb,
             wellbeing.normalize_zscore(c) OVER () AS zc,
             (corr(a, b) OVER () + corr(a, c) OVER () + corr(b, c) OVER ()) / 3 AS r
      FROM items WHERE a IS NOT NULL) z
GROUP BY r;
-- partial states merged = single pass
SELECT abs(wellbeing.cronbach_alpha_finalfn(wellbeing.state_combine(s1, s2)) - 0.834375) < 1e-14 AS merged
FROM (SELECT wellbeing.cronbach_alpha_transfn(wellbeing.cronbach_alpha_transfn(NULL, '{1,2,3}'), '{4,3,6}') AS s1,
             wellbeing.cronbach_alpha_transfn(wellbeing.cronbach_alpha_transfn(wellbeing.cronbach_alpha_transfn(NULL, '{2,2,4}'), '{5,6,5}'), '{3,5,4}') AS s2) s;
-- one row or constant totals: undefined (NULL); two items: no "if deleted"
SELECT wellbeing.cronbach_alpha('{1,2}'::float8[]) IS NULL AS one_row,
       wellbeing.cronbach_alpha(ARRAY[x, -x]) IS NULL AS constant_total,
       wellbeing.cronbach_alpha_if_deleted(ARRAY[x, x * x]) AS two_items
FROM generate_series(1, 4) x;
-- errors
SELECT wellbeing.cronbach_alpha('{1}'::float8[]);
SELECT wellbeing.cronbach_alpha(x) FROM (VALUES ('{1,2}'::float8[]), ('{1,2,3}')) t(x);
SELECT wellbeing.cronbach_alpha('{1,Infinity}'::float8[]);
SELECT wellbeing.cronbach_alpha_finalfn('{17001,3,2,0,0}');
DROP TABLE items;

-- Outlier treatment (COINr Treat defaults; R values in test/pgtap/r_reference.sql).
-- COINr's example 1..10, 30, 100 fails (skew 3.06 >= 2 and kurtosis 9.74 >= 3.5);
-- replacing 100 by 30 gives skew and kurtosis below, so it passes winsorised:
CREATE TABLE outl (g text, x float8);
INSERT INTO outl SELECT 'coinr', x FROM unnest('{1,2,3,4,5,6,7,8,9,10,30,100}'::float8[]) x;
SELECT round(skew::numeric, 4) AS skew, round(kurt::numeric, 4) AS kurt, abs(skew) < 2 OR kurt < 3.5 AS passes
FROM (SELECT sqrt(n) * m3 / m2 ^ 1.5 * sqrt(n * (n - 1)) / (n - 2) AS skew,
             ((n + 1) * (n * m4 / (m2 * m2) - 3) + 6) * (n - 1) / ((n - 2) * (n - 3)) AS kurt
      FROM (SELECT count(*)::float8 AS n, sum((x - m) ^ 2) AS m2, sum((x - m) ^ 3) AS m3, sum((x - m) ^ 4) AS m4
            FROM (SELECT least(x, 30) AS x, avg(least(x, 30)) OVER () AS m FROM outl) d) s) k;
SELECT * FROM (SELECT x, wellbeing.treat_outliers(x) OVER () AS treated,
                      wellbeing.outlier_treatment(x) OVER () AS treatment FROM outl) t
WHERE x >= 9 ORDER BY x;
-- NULLs stay NULL and are left out; each partition is treated on its own;
-- constant data and fewer than 4 values are left as they are
INSERT INTO outl VALUES ('coinr', NULL), ('flat', 5), ('flat', 5), ('flat', 5), ('flat', 5), ('flat', 5),
  ('three', 1), ('three', 2), ('three', 1000);
SELECT * FROM (SELECT g, x, wellbeing.treat_outliers(x) OVER (PARTITION BY g ORDER BY x DESC) AS treated,
                      wellbeing.outlier_treatment(x) OVER (PARTITION BY g) AS treatment FROM outl) t
WHERE g <> 'coinr' OR x IS NULL OR x > 20 ORDER BY g, x;
-- winmax 0: no winsorising, straight to the log transform ln(x - 1 + 0.99)
SELECT * FROM (SELECT x, round(wellbeing.treat_outliers(x, 0) OVER ()::numeric, 6) AS treated,
                      round(ln(x - 1 + 0.99)::numeric, 6) AS by_hand,
                      wellbeing.outlier_treatment(x, 0) OVER () AS treatment
               FROM outl WHERE g = 'coinr') t
WHERE x IN (1, 100) ORDER BY x;
-- errors
SELECT wellbeing.treat_outliers(x, -1) OVER () FROM outl;
SELECT wellbeing.treat_outliers(x, 5, 0) OVER () FROM outl;
SELECT wellbeing.treat_outliers(x) OVER () FROM (VALUES ('NaN'::float8)) t(x);
DROP TABLE outl;

-- build_index.  Three areas, two periods, three indicators in two domains;
-- period 2 lacks i3 for area A.  Catalog weights i1 = i2 = 1 (domain D1),
-- i3 = 2 (domain D2); i2 is a deficit.
CREATE TABLE "index data; drop table catalog" (area text, grp text, period int, indicator text, value float8, population int);
INSERT INTO "index data; drop table catalog" VALUES
  ('A', 'all', 1, 'i1', 1, 100), ('B', 'all', 1, 'i1', 2, 300), ('C', 'all', 1, 'i1', 3, 200),
  ('A', 'all', 1, 'i2', 30, 100), ('B', 'all', 1, 'i2', 20, 300), ('C', 'all', 1, 'i2', 10, 200),
  ('A', 'all', 1, 'i3', 5, 100), ('B', 'all', 1, 'i3', 5, 300), ('C', 'all', 1, 'i3', 8, 200),
  ('A', 'all', 2, 'i1', 2, 110), ('B', 'all', 2, 'i1', 3, 290), ('C', 'all', 2, 'i1', 4, 210),
  ('A', 'all', 2, 'i2', 20, 110), ('B', 'all', 2, 'i2', 20, 290), ('C', 'all', 2, 'i2', 10, 210),
                                  ('B', 'all', 2, 'i3', 6, 290), ('C', 'all', 2, 'i3', 8, 210),
  ('A', 'g1', 1, 'i1', 1.5, 40), ('A', 'g1', 1, 'i2', 25, 40), ('A', 'g1', 1, 'i3', 6, 40);
CREATE TABLE catalog (indicator text, domain text, weight float8, higher_is_better bool,
                      lower_goalpost float8, upper_goalpost float8);
INSERT INTO catalog VALUES ('i1', 'D1', 1, true, 0, 4), ('i2', 'D1', 1, false, 10, 30), ('i3', 'D2', 2, true, 5, 10);
-- Min-max on the baseline period 1 ('all' rows): i1 (x - 1) / 2, i2 (30 - x) / 20,
-- i3 (x - 5) / 3.  Period 1: A 0 0 0, B .5 .5 0, C 1 1 1; period 2: A .5 .5 -,
-- B 1 .5 1/3, C 1.5 1 1 (values beyond the baseline's range leave [0, 1]).
-- D1 = mean(i1, i2); D2 = i3 (A in period 2: coverage 0, NULL);
-- index = mean of the domains: period 1 A 0, B .25, C 1; period 2 A .5 (D1
-- only, coverage .5 meets min_coverage .5), B (.75 + 1/3)/2 = .541667,
-- C (1.25 + 1)/2 = 1.125.  Effective weights: B period 2 i1 = i2 = .25,
-- i3 = .5; A period 2 i1 = i2 = .5.  Group g1 is scored on the same scale:
-- i1 .25, i2 .25, i3 1/3, index (.25 + 1/3)/2 = .291667.
-- Categories use cut points frozen on period 1 ('all'): index values
-- 0, .25, 1 give type-2 quintiles {0, .25, .25, 1}: A very low, B low, C high
-- in period 1; A (.5) and B (.54) high, C (1.125) very high in period 2.
SELECT area, grp, period, level, name, round(score::numeric, 6) AS score, category,
       round(coverage::numeric, 6) AS coverage, round(effective_weight::numeric, 6) AS effective_weight
FROM wellbeing.build_index('"index data; drop table catalog"', 'catalog', baseline_period => 1, normalization => 'minmax',
                           reference_group => 'all')
ORDER BY area, grp, period, CASE level WHEN 'index' THEN 0 WHEN 'domain' THEN 1 ELSE 2 END, name;
-- goalposts from the catalog, capped: i1 x / 4, i2 (30 - x) / 20, i3 (x - 5) / 5;
-- period 1 index A ((.25 + 0)/2 + 0)/2 = .0625, B ((.5 + .5)/2 + 0)/2 = .25,
-- C ((.75 + 1)/2 + .6)/2 = .7375; period 2 A (.5 + .5)/2 = .5 (D1 only),
-- B ((.75 + .5)/2 + .2)/2 = .4125, C ((1 + 1)/2 + .6)/2 = .8
SELECT area, period, round(score::numeric, 6) AS score
FROM wellbeing.build_index('"index data; drop table catalog"', 'catalog', normalization => 'goalposts')
WHERE level = 'index' AND grp = 'all' ORDER BY area, period;
-- geometric aggregation on [1, 100]: the index of B in period 1 by hand,
-- i1 = i2 = 50.5, i3 = 1: D1 = 50.5, D2 = 1, index sqrt(50.5) = 7.106335
SELECT area, round(score::numeric, 6) AS score
FROM wellbeing.build_index('"index data; drop table catalog"', 'catalog', 1, 'minmax', 'geometric', lo => 1, hi => 100)
WHERE level = 'index' AND grp = 'all' AND period = 1 ORDER BY area;
-- z-scores on each period equal a plain-SQL recomputation of the recipe
-- (stddev_samp, direction, weighted domain means, mean of domains)
WITH z AS (
  SELECT d.area, d.period, c.domain, c.weight,
         CASE WHEN c.higher_is_better THEN 1 ELSE -1 END * (d.value - avg(d.value) OVER w) / stddev_samp(d.value) OVER w AS z
  FROM "index data; drop table catalog" d JOIN catalog c USING (indicator)
  WHERE d.grp = 'all'
  WINDOW w AS (PARTITION BY d.indicator, d.period)
), dom AS (
  SELECT area, period, domain, sum(weight * z) / sum(weight) AS s FROM z GROUP BY area, period, domain
), plain AS (
  SELECT area, period, avg(s) AS s FROM dom GROUP BY area, period
)
SELECT count(*) AS areas_periods, bool_and(abs(b.score - p.s) < 1e-12) AS index_equals_plain_sql
FROM wellbeing.build_index('"index data; drop table catalog"', 'catalog', min_coverage => 0, reference_group => 'all') b
JOIN plain p ON p.area = b.area AND p.period = b.period
WHERE b.level = 'index' AND b.grp = 'all';
-- population-weighted z equals the weighted window z-score, period by period
SELECT bool_and(abs(b.score - w.z) < 1e-12) AS weighted_z_equals_window, count(*) AS scores
FROM wellbeing.build_index('"index data; drop table catalog"', 'catalog', population_weighted => true, reference_group => 'all') b
JOIN (SELECT d.area, d.period, d.indicator,
             CASE WHEN c.higher_is_better THEN 1 ELSE -1 END
             * wellbeing.normalize_zscore(d.value, d.population) OVER (PARTITION BY d.indicator, d.period) AS z
      FROM "index data; drop table catalog" d JOIN catalog c USING (indicator) WHERE d.grp = 'all') w
  ON w.area = b.area AND w.period = b.period AND w.indicator = b.name
WHERE b.level = 'indicator' AND b.grp = 'all';
-- effective weights sum to 1 over the indicators, and over the domains, of
-- every area, group and period with an index score
SELECT level, bool_and(abs(total - 1) < 1e-12) AS sums_to_one, count(*) AS cells
FROM (SELECT area, grp, period, level, sum(effective_weight) AS total
      FROM wellbeing.build_index('"index data; drop table catalog"', 'catalog', 1, 'minmax', reference_group => 'all')
      WHERE level <> 'index' GROUP BY area, grp, period, level HAVING count(effective_weight) > 0) s
GROUP BY level ORDER BY level;
-- frozen on the baseline, a later score moves only because its own value
-- moved: raise A's i1 in period 2 from 2 to 4 and only A's scores change
-- (i1 (4 - 1)/2 = 1.5, its domain and index); normalised on each period,
-- B's scores move too (its i1 falls from 0.5 to 0 though B did not change)
CREATE TEMP TABLE before_change AS
SELECT area, level, name, score, 'baseline' AS mode
FROM wellbeing.build_index('"index data; drop table catalog"', 'catalog', 1, 'minmax', reference_group => 'all')
WHERE grp = 'all' AND period = 2
UNION ALL
SELECT area, level, name, score, 'each period'
FROM wellbeing.build_index('"index data; drop table catalog"', 'catalog', NULL, 'minmax', reference_group => 'all')
WHERE grp = 'all' AND period = 2;
UPDATE "index data; drop table catalog" SET value = 4 WHERE area = 'A' AND period = 2 AND indicator = 'i1';
SELECT b.mode, b.area, count(*) FILTER (WHERE abs(a.score - b.score) > 1e-12) AS scores_changed,
       round(max(a.score) FILTER (WHERE a.level = 'indicator' AND a.name = 'i1')::numeric, 6) AS i1_now
FROM before_change b
JOIN (SELECT area, level, name, score, 'baseline' AS mode
      FROM wellbeing.build_index('"index data; drop table catalog"', 'catalog', 1, 'minmax', reference_group => 'all')
      WHERE grp = 'all' AND period = 2
      UNION ALL
      SELECT area, level, name, score, 'each period'
      FROM wellbeing.build_index('"index data; drop table catalog"', 'catalog', NULL, 'minmax', reference_group => 'all')
      WHERE grp = 'all' AND period = 2) a USING (mode, area, level, name)
GROUP BY b.mode, b.area ORDER BY b.mode, b.area;
UPDATE "index data; drop table catalog" SET value = 2 WHERE area = 'A' AND period = 2 AND indicator = 'i1';
-- diagnostics on directed values (i2 negated): period 1 i1 = 1, 2, 3 and
-- -i2 = -30, -20, -10 correlate perfectly; period 2 i1 = 2, 3, 4 and
-- -i2 = -20, -20, -10: r = 10 / sqrt(2 * 66.67) = sqrt(3)/2 = 0.866025;
-- the standardised alpha of two items is 2 r / (1 + r): 1 and 0.928203;
-- D2 has one indicator: no pairs, no alpha
SELECT period, c.*
FROM (VALUES (1), (2)) p(period),
     wellbeing.index_correlations('"index data; drop table catalog"', 'catalog', p.period) c;
SELECT period, domain, indicators, areas, round(cronbach_alpha::numeric, 6) AS alpha,
       round(mean_correlation::numeric, 6) AS mean_correlation
FROM (VALUES (1), (2)) p(period),
     wellbeing.index_reliability('"index data; drop table catalog"', 'catalog', p.period) r;
-- the caller's rights: a role without SELECT on the data cannot read it
CREATE ROLE regress_wellbeing_index_reader;
GRANT SELECT ON catalog TO regress_wellbeing_index_reader;
GRANT USAGE ON SCHEMA wellbeing TO regress_wellbeing_index_reader;
\set VERBOSITY terse
SET ROLE regress_wellbeing_index_reader;
SELECT count(*) FROM wellbeing.build_index('"index data; drop table catalog"', 'catalog');
RESET ROLE;
\set VERBOSITY default
-- an empty table: no rows
CREATE TABLE empty_data (LIKE "index data; drop table catalog");
SELECT count(*) AS rows FROM wellbeing.build_index('empty_data', 'catalog');
-- catalog and data errors (the message names the table and the indicator)
\set SHOW_CONTEXT never
UPDATE catalog SET weight = 0 WHERE indicator = 'i2';
SELECT count(*) FROM wellbeing.build_index('"index data; drop table catalog"', 'catalog');
UPDATE catalog SET weight = 1, higher_is_better = NULL WHERE indicator = 'i2';
SELECT count(*) FROM wellbeing.build_index('"index data; drop table catalog"', 'catalog');
UPDATE catalog SET higher_is_better = false WHERE indicator = 'i2';
INSERT INTO catalog VALUES ('i3', 'D2', 2, true, 5, 10);
SELECT count(*) FROM wellbeing.build_index('"index data; drop table catalog"', 'catalog');
DELETE FROM catalog WHERE ctid = (SELECT max(ctid) FROM catalog);
DELETE FROM catalog WHERE indicator = 'i3';
SELECT count(*) FROM wellbeing.build_index('"index data; drop table catalog"', 'catalog');
INSERT INTO catalog VALUES ('i3', 'D2', 2, true, 10, 5);
SELECT count(*) FROM wellbeing.build_index('"index data; drop table catalog"', 'catalog', normalization => 'goalposts');
INSERT INTO "index data; drop table catalog" VALUES ('A', 'all', 1, 'i1', 9, 1);
SELECT count(*) FROM wellbeing.build_index('"index data; drop table catalog"', 'catalog');
SELECT count(*) FROM wellbeing.build_index('"index data; drop table catalog"', 'catalog', aggregation => 'geometric');
SELECT count(*) FROM wellbeing.build_index('"index data; drop table catalog"', 'catalog', normalization => 'rank');
\set SHOW_CONTEXT errors
DROP TABLE "index data; drop table catalog", catalog, empty_data;
REVOKE USAGE ON SCHEMA wellbeing FROM regress_wellbeing_index_reader;
DROP ROLE regress_wellbeing_index_reader;

-- index_uncertainty on 20 areas x 6 indicators in 2 domains (values from a
-- formula; area A20 is the best on every indicator)
CREATE TABLE unc (area text, grp text, period int, indicator text, value float8);
INSERT INTO unc
SELECT 'A' || lpad(a::text, 2, '0'), 'all', 2024, 'k' || k,
       CASE WHEN a = 20 THEN 1000 ELSE a + 7 * sin(a * k) + 3 * k END
FROM generate_series(1, 20) a, generate_series(1, 6) k;
CREATE TABLE unc_catalog (indicator text, domain text, weight float8, higher_is_better bool);
INSERT INTO unc_catalog SELECT 'k' || k, CASE WHEN k <= 3 THEN 'X' ELSE 'Y' END, k, true FROM generate_series(1, 6) k;
UPDATE unc SET value = -value WHERE indicator = 'k6';
UPDATE unc_catalog SET higher_is_better = false WHERE indicator = 'k6';
CREATE TEMP TABLE u1 AS SELECT * FROM wellbeing.index_uncertainty('unc', 'unc_catalog', 2024, draws => 200);
-- the nominal ranking is build_index's (z-scores, arithmetic, catalog weights)
SELECT bool_and(u.nominal_rank = b.rnk) AS nominal_is_build_index, count(*) AS areas
FROM u1 u JOIN (SELECT area, rank() OVER (ORDER BY score DESC) AS rnk
                FROM wellbeing.build_index('unc', 'unc_catalog') WHERE level = 'index') b USING (area);
-- bands are ordered, the dominating area is first in every draw, some ranks move
SELECT bool_and(rank_p05 <= median_rank AND median_rank <= rank_p95) AS ordered_bands,
       bool_and(rank_p95 = 1) FILTER (WHERE area = 'A20') AS a20_always_first,
       count(*) FILTER (WHERE rank_p95 > rank_p05) > 0 AS some_ranks_move
FROM u1;
-- seeded: the same call gives the same answer, another seed another one
SELECT (SELECT string_agg(u::text, ';' ORDER BY area) FROM wellbeing.index_uncertainty('unc', 'unc_catalog', 2024, draws => 200) u)
       = (SELECT string_agg(u::text, ';' ORDER BY area) FROM u1 u) AS repeatable,
       (SELECT string_agg(u::text, ';' ORDER BY area) FROM wellbeing.index_uncertainty('unc', 'unc_catalog', 2024, draws => 200, seed => 2) u)
       <> (SELECT string_agg(u::text, ';' ORDER BY area) FROM u1 u) AS seed_matters;
-- no noise and one recipe: every draw is the nominal ranking
SELECT bool_and(median_rank = nominal_rank AND rank_p05 = nominal_rank AND rank_p95 = nominal_rank
                AND mean_rank_shift = 0) AS collapses_to_nominal
FROM wellbeing.index_uncertainty('unc', 'unc_catalog', 2024, draws => 20, weight_noise => 0,
                                 recipes => ARRAY['zscore/arithmetic']);
-- errors
\set SHOW_CONTEXT never
SELECT * FROM wellbeing.index_uncertainty('unc', 'unc_catalog', 2024, draws => 0);
SELECT * FROM wellbeing.index_uncertainty('unc', 'unc_catalog', 2024, weight_noise => 1);
SELECT * FROM wellbeing.index_uncertainty('unc', 'unc_catalog', 2024, recipes => ARRAY['rank/borda']);
SELECT * FROM wellbeing.index_correlations('unc', 'unc_catalog', NULL);
\set SHOW_CONTEXT errors
DROP TABLE unc, unc_catalog;
