-- The generalised-entropy family: theil_t, mean_log_deviation,
-- generalized_entropy, atkinson.  Published fixtures
-- (reference/disparity.md 5.4, 5.1) and properties.
SET extra_float_digits = 0;
CREATE FUNCTION close(a float8, b float8, tol float8 DEFAULT 1e-12)
RETURNS boolean LANGUAGE sql IMMUTABLE
AS $$ SELECT abs(a - b) <= tol * greatest(abs(b), 1e-300) $$;

-- Julia Inequality.jl test values: v = 8,5,1,3,5,6,7,6,3, w = 0.1 ... 0.9
CREATE TABLE jl AS
SELECT * FROM unnest(ARRAY[8,5,1,3,5,6,7,6,3]::float8[],
                     ARRAY[0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9]::float8[]) t(v, w);
SELECT close((wellbeing.mean_log_deviation(v)).value, 0.1397460530936332) AS mld,
       close((wellbeing.mean_log_deviation(v, w)).value, 0.10375545537468207) AS mld_weighted,
       close((wellbeing.theil_t(v)).value, 0.10494562214323544) AS theil,
       close((wellbeing.theil_t(v, w)).value, 0.08120013911680612) AS theil_weighted,
       close((wellbeing.generalized_entropy(v, 1, 2)).value, 0.09039256198347094) AS ge2,
       close((wellbeing.generalized_entropy(v, w, 2)).value, 0.0709746654322026) AS ge2_weighted
FROM jl;
-- GE(0) is MLD and GE(1) is Theil T
SELECT close((wellbeing.generalized_entropy(v, w, 0)).value, (wellbeing.mean_log_deviation(v, w)).value) AS ge0_is_mld,
       close((wellbeing.generalized_entropy(v, w, 1)).value, (wellbeing.theil_t(v, w)).value) AS ge1_is_theil
FROM jl;
-- Julia Atkinson on v = 8,5,1,3,5 (printed to 12-14 digits)
SELECT close((wellbeing.atkinson(v, 1, 1)).value, 0.183083677559, 1e-11) AS eps_1,
       close((wellbeing.atkinson(v, 1, 0.8)).value, 0.14249378376024) AS eps_08,
       close((wellbeing.atkinson(v, 1, 1.2)).value, 0.2248733447899) AS eps_12
FROM unnest(ARRAY[8,5,1,3,5]::float8[]) v;
-- frequency weights equal the expanded sample: [1,2,1,3,1] on 8,5,1,3,5
SELECT close(a.value, b.value) AS frequency_weights
FROM (SELECT (wellbeing.theil_t(v, w)).* FROM unnest(ARRAY[8,5,1,3,5]::float8[], ARRAY[1,2,1,3,1]::float8[]) t(v, w)) a,
     (SELECT (wellbeing.theil_t(v)).* FROM unnest(ARRAY[8,5,5,1,3,3,3,5]::float8[]) v) b;
-- R ineq example: Atkinson(0.5) = 0.1796591 (printed to 7 digits)
SELECT round((wellbeing.atkinson(v, 1, 0.5)).value::numeric, 7) AS atkinson_05
FROM unnest(ARRAY[541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261]::float8[]) v;

-- WHO HEAT group-level MLD and TI with the Ahn (2018) standard errors, on
-- the healthequal fixture (five groups, estimates in %).  Published as
-- x1000 estimates with unscaled SEs; here both are on the natural scale:
-- MLD 0.0574015104 (SE 0.0314779), TI 0.0525174304 (SE 0.0291816)
CREATE TABLE heat AS
SELECT * FROM (VALUES (1, 78, 20, 5), (2, 91, 30, 7), (3, 162, 40, 10), (4, 103, 50, 12), (5, 105, 60, 14))
  t(ord, pop, y, se);
SELECT round(value::numeric, 10) AS mld, round(se::numeric, 7) AS se,
       close(lower, value - 1.959963984540054 * se) AS normal_interval, n
FROM (SELECT (wellbeing.mean_log_deviation(y, pop, se)).* FROM heat) s;
SELECT round(value::numeric, 10) AS theil, round(se::numeric, 7) AS se, level
FROM (SELECT (wellbeing.theil_t(y, pop, se, 0.9)).* FROM heat) s;
-- without se: the same value, no interval
SELECT round((wellbeing.theil_t(y, pop)).value::numeric, 10) AS theil,
       (wellbeing.theil_t(y, pop)).se IS NULL AS no_se
FROM heat;

-- properties: scale invariance (x 10 and x 1e-6), equality gives 0,
-- row order and partitions (state pivots differ) do not matter
SELECT close((wellbeing.theil_t(v * 10, w)).value, (wellbeing.theil_t(v, w)).value) AS theil_scale,
       close((wellbeing.mean_log_deviation(v * 1e-6, w)).value, (wellbeing.mean_log_deviation(v, w)).value) AS mld_scale,
       close((wellbeing.atkinson(v * 1e6, w, 2)).value, (wellbeing.atkinson(v, w, 2)).value) AS atkinson_scale
FROM jl;
SELECT (wellbeing.theil_t(7.0)).value AS one_row,
       (SELECT (wellbeing.mean_log_deviation(x)).value FROM (VALUES (3.0), (3.0), (3.0)) t(x)) AS all_equal;
-- tiny inequality keeps relative precision (the pivot keeps r near 1)
SELECT close((wellbeing.theil_t(x)).value, 2.0e-12, 1e-4) AS small_theil
FROM (VALUES (1e6 - 2), (1e6 + 2)) t(x);
-- theil_t: 0 ln 0 = 0; mean_log_deviation refuses zeros (it takes ln x)
SELECT close((wellbeing.theil_t(x)).value, ln(2)) AS theil_with_zero
FROM (VALUES (0.0), (5.0)) t(x);
SELECT wellbeing.mean_log_deviation(x) FROM (VALUES (0.0), (5.0)) t(x);
SELECT wellbeing.theil_t(-1.0);
SELECT wellbeing.atkinson(x, 1, 1) FROM (VALUES (0.0), (5.0)) t(x);
SELECT wellbeing.atkinson(3, 1, -0.5);
-- NULL rows are skipped, empty input and zero weights give NULL
SELECT (wellbeing.theil_t(v, w)).n FROM (VALUES (1.0, 1.0), (NULL, 1.0), (2.0, NULL), (3.0, 1.0)) t(v, w);
SELECT wellbeing.theil_t(v) IS NULL AS empty FROM jl WHERE false;
SELECT (wellbeing.theil_t(v, 0)).value IS NULL AS zero_weights FROM jl;

------------------------------------------------------------------------
-- Measures that sort: gini, quintile_share_ratio, palma, hoover
------------------------------------------------------------------------
-- R ineq example: Gini 0.4620911 (printed to 7 digits)
SELECT round((wellbeing.gini(v)).value::numeric, 7) AS gini
FROM unnest(ARRAY[541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261]::float8[]) v;
-- Inequality.jl: 0.237373737373737, weighted 0.2065239551478077; DescTools
-- unbiased (corrected): x 9/8 = 0.2670455, weighted 1/(1 - sum w^2) = 0.2403512
SELECT close((wellbeing.gini(v)).value, 0.237373737373737) AS gini,
       close((wellbeing.gini(v, w)).value, 0.2065239551478077) AS gini_weighted,
       round((wellbeing.gini(v, 1, true)).value::numeric, 7) AS corrected,
       round((wellbeing.gini(v, w, true)).value::numeric, 7) AS corrected_weighted
FROM jl;
-- Damgaard & Weiner: nine values 50/9 and one 50, and five 2s and five 18s:
-- corrected Gini 0.4444444 for both
SELECT round((wellbeing.gini(x, 1, true)).value::numeric, 7) AS dw1
FROM (SELECT 50.0 / 9 AS x FROM generate_series(1, 9) UNION ALL SELECT 50) s;
SELECT round((wellbeing.gini(x, 1, true)).value::numeric, 7) AS dw2
FROM (SELECT 2.0 AS x FROM generate_series(1, 5) UNION ALL SELECT 18 FROM generate_series(1, 5)) s;
-- frequency weights [1,2,1,3,1] on 8,5,1,3,5 equal the expanded sample
-- (uncorrected); DescTools' corrected form gives 0.3383838 there
SELECT close(a.value, b.value) AS frequency_weights,
       round(c.value::numeric, 7) AS desctools_corrected
FROM (SELECT (wellbeing.gini(v, w)).* FROM unnest(ARRAY[8,5,1,3,5]::float8[], ARRAY[1,2,1,3,1]::float8[]) t(v, w)) a,
     (SELECT (wellbeing.gini(v)).* FROM unnest(ARRAY[8,5,5,1,3,3,3,5]::float8[]) v) b,
     (SELECT (wellbeing.gini(v, w, true)).* FROM unnest(ARRAY[8,5,1,3,5]::float8[], ARRAY[1,2,1,3,1]::float8[]) t(v, w)) c;
-- the definition written out: sum_i sum_k w_i w_k |x_i - x_k| / (2 W^2 mu)
SELECT close((SELECT (wellbeing.gini(v, w)).value FROM jl),
             (SELECT sum(a.w * b.w * abs(a.v - b.v)) / (2 * sum(a.w * b.w) * (SELECT sum(w * v) / sum(w) FROM jl))
              FROM jl a, jl b)) AS gini_pairs;
-- quintile share ratio, 10 equal weights, 1..10: laeken quantiles
-- q20 = 3 (first cumulative share > 0.2), q80 = 9; income above 9 is 10,
-- income at or below 3 is 1 + 2 + 3 = 6: S80/S20 = 10/6 (laeken
-- quintileRatio divides the totals, i.e. the income shares)
SELECT (wellbeing.quintile_share_ratio(x)).value AS qsr, 10.0 / 6 AS by_hand FROM generate_series(1, 10) x;
-- palma on 1..10: q40 = 5, q90 = 10: income above 10 is 0, so use 1..20:
-- q40 = 9 (share 9/20 > 0.4), q90 = 19: top = 20, bottom = 1 + ... + 9 = 45
SELECT (wellbeing.palma(x)).value AS palma, 20.0 / 45 AS by_hand FROM generate_series(1, 20) x;
-- hoover: 1/2 sum |x - mu| / sum x; 1, 2, 3, 6: mu 3, deviations 2+1+0+3 = 6, total 12
SELECT (wellbeing.hoover(x)).value AS hoover FROM unnest(ARRAY[1, 2, 3, 6]::float8[]) x;
-- properties: scale invariance, equality, order
SELECT close((wellbeing.gini(v * 10, w)).value, (wellbeing.gini(v, w)).value) AS gini_scale,
       close((wellbeing.hoover(v * 10, w)).value, (wellbeing.hoover(v, w)).value) AS hoover_scale,
       close((wellbeing.quintile_share_ratio(v * 1e-6, w)).value, (wellbeing.quintile_share_ratio(v, w)).value) AS qsr_scale
FROM jl;
SELECT (wellbeing.gini(3.0)).value AS one_row, (wellbeing.gini(x)).value AS all_equal
FROM (VALUES (4.0), (4.0)) t(x);
SELECT close((wellbeing.gini(v, w)).value, 0.2065239551478077) AS shuffled
FROM (SELECT * FROM jl ORDER BY random()) s;
-- undefined: no income at all; empty input; NULL rows skipped
SELECT (wellbeing.gini(0.0)).value IS NULL AS zero_total,
       (SELECT wellbeing.gini(v) FROM jl WHERE false) IS NULL AS empty,
       (SELECT (wellbeing.gini(v, w)).n FROM (VALUES (1.0, 1.0), (NULL, 1.0), (2.0, NULL)) t(v, w)) AS n;
SELECT wellbeing.gini('NaN'::float8);
SELECT wellbeing.gini(1, -1);

------------------------------------------------------------------------
-- theil_decomposition: groups {8,5,1,3} and {5,6,7,6,3} with the
-- Inequality.jl weights (reference/disparity.md 5.4): T = 0.08120014 =
-- within 0.06533603 + between 0.01586411; L = 0.10375546 = within
-- 0.08624502 + between 0.01751043
------------------------------------------------------------------------
SELECT index, component, group_name, round(value::numeric, 8) AS value,
       round(contribution::numeric, 8) AS contribution, round(share_of_total::numeric, 4) AS share
FROM wellbeing.theil_decomposition(ARRAY[8,5,1,3,5,6,7,6,3], ARRAY[0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9],
                                   ARRAY['a','a','a','a','b','b','b','b','b']);
-- between + within = total exactly, and the group contributions add up to within
SELECT d.index,
       abs(sum(d.value) FILTER (WHERE component IN ('between', 'within')) - max(d.value) FILTER (WHERE component = 'total')) < 1e-15 AS adds_up,
       abs(sum(d.contribution) FILTER (WHERE component = 'group') - max(d.value) FILTER (WHERE component = 'within')) < 1e-15 AS groups_add_up
FROM wellbeing.theil_decomposition(ARRAY[8,5,1,3,5,6,7,6,3], ARRAY[0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9],
                                   ARRAY['a','a','a','a','b','b','b','b','b']) d
GROUP BY d.index ORDER BY d.index;
-- one group: no between part; arrays of different lengths: error
SELECT round(value::numeric, 12) AS between_one_group
FROM wellbeing.theil_decomposition(ARRAY[1.0, 2.0], ARRAY[1.0, 1.0], ARRAY['a', 'a'])
WHERE index = 'theil_t' AND component = 'between';
\set VERBOSITY terse
SELECT * FROM wellbeing.theil_decomposition(ARRAY[1.0, 2.0], ARRAY[1.0], ARRAY['a', 'b']);
\set VERBOSITY default

-- clean up: test files share one database
DROP TABLE jl, heat;
DROP FUNCTION close(float8, float8, float8);
-- all weights zero: the decomposition is undefined (NULL values), not a division error
SELECT count(*) FILTER (WHERE value IS NOT NULL) AS values_given, count(*) AS rows
FROM wellbeing.theil_decomposition('{1,2}', '{0,0}', '{a,b}');
