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

-- clean up: test files share one database
DROP TABLE jl, heat;
DROP FUNCTION close(float8, float8, float8);
