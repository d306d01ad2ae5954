-- Ordered measures: slope_index, relative_index, concentration_index.
-- Published fixtures: UKHSA PHEindicatormethods SII/RII test workbook and WHO
-- healthequal (reference/disparity.md 5.1, 5.2).  Position 1 = most
-- disadvantaged.
SET extra_float_digits = 0;
CREATE FUNCTION close(a float8, b float8, tol float8 DEFAULT 1e-12)
RETURNS boolean LANGUAGE sql IMMUTABLE
AS $$ SELECT abs(a - b) <= tol * greatest(abs(b), 1e-300) $$;

-- PHE (a): life expectancy by deprivation decile, linear fit, with the
-- workbook's 95 % limits
CREATE TABLE le AS
SELECT * FROM unnest(ARRAY[1,2,3,4,5,6,7,8,9,10]::float8[],
  ARRAY[7291,7997,6105,7666,5790,6934,5918,5974,7147,7534]::float8[],
  ARRAY[75.933459010308098,78.344238272784295,83.836063104165405,83.637539966493094,80.465503152955904,
        81.115675985702197,81.693083571856207,84.190006206098701,80.595564108147201,86.289434957862397],
  ARRAY[72.722053054645301,75.250980219080205,80.869729512475899,80.157578356035998,77.130878596927502,
        78.049998681117799,79.011578491948001,81.445728276934304,75.827185168894005,83.2190593454592],
  ARRAY[79.144864965970797,81.4374963264884,86.802396695854895,87.117501576950104,83.800127708984206,
        84.181353290286594,84.374588651764398,86.934284135263098,85.363943047400397,89.359810570265594])
  AS t(decile, pop, le, lcl, ucl);
SELECT close((wellbeing.slope_index(le, pop, decile)).value, 6.9346164736688189) AS sii,
       close((wellbeing.relative_index(le, pop, decile)).value, 1.0888180804446217) AS rii
FROM le;
SELECT close((wellbeing.slope_index(le, pop, decile)).value, 7.9193341471008738) AS sii_quintiles,
       close((wellbeing.relative_index(le, pop, decile)).value, 1.1037116952527257) AS rii_quintiles
FROM le WHERE decile <= 5;
-- Intervals: PHE simulates 100 000 draws with se = (UCL - LCL) / (2 x 1.959964).
-- The linear SII is linear in the group values, so the delta method gives its
-- exact normal interval; PHE's 3.1275946 - 10.7586874 agrees within its
-- simulation noise (1.2 % at the lower limit, whose Monte Carlo SE is about
-- 0.5 %), and the RII interval 1.0383691 - 1.1412993 within 0.1 %
SELECT round(lower::numeric, 4) AS lower, round(upper::numeric, 4) AS upper,
       abs(lower / 3.1275946 - 1) < 0.015 AND abs(upper / 10.7586874 - 1) < 0.015 AS matches_phe_simulation
FROM (SELECT (wellbeing.slope_index(le, pop, decile, (ucl - lcl) / (2 * 1.959964))).* FROM le) s;
SELECT round(lower::numeric, 5) AS lower, round(upper::numeric, 5) AS upper,
       abs(lower / 1.0383691 - 1) < 0.002 AND abs(upper / 1.1412993 - 1) < 0.002 AS matches_phe_simulation
FROM (SELECT (wellbeing.relative_index(le, pop, decile, (ucl - lcl) / (2 * 1.959964))).* FROM le) s;
-- the SII variance written out: c_j = p_j (X_j - 1/2) / sum p (X - 1/2)^2,
-- var = sum c_j^2 se_j^2, X the cumulative-midpoint ridits
WITH r AS (SELECT decile, le, (ucl - lcl) / (2 * 1.959964) AS se, pop / sum(pop) OVER () AS p,
                  (sum(pop) OVER (ORDER BY decile) - pop / 2) / sum(pop) OVER () AS x FROM le),
     c AS (SELECT se, p * (x - 0.5) / (SELECT sum(p * (x - 0.5) ^ 2) FROM r) AS c FROM r)
SELECT close((SELECT (wellbeing.slope_index(le, pop, decile, (ucl - lcl) / (2 * 1.959964))).se FROM le),
             sqrt(sum(c ^ 2 * se ^ 2)), 1e-10) AS sii_se_by_hand
FROM c;

-- PHE (b): infant mortality per 1000, log transform, and untransformed
CREATE TABLE imr AS
SELECT * FROM unnest(ARRAY[1,2,3,4,5,6,7,8,9,10]::float8[],
  ARRAY[279012, 255993, 236961, 214315, 192812, 183546, 168593, 164822, 154836, 138165]::float8[],
  ARRAY[5.8922196894757208, 4.7345044591063035, 3.827634083245766, 3.8681380211371112, 3.6771570234217785,
        3.1436261209723995, 3.1258711808912585, 2.9425683464586041, 2.8287995039913199, 2.7648101907140012])
  AS t(decile, pop, rate);
SELECT close((wellbeing.slope_index(rate, pop, decile, NULL, 'log')).value, -3.1559071389545599) AS sii_log,
       close((wellbeing.relative_index(rate, pop, decile, NULL, 'log')).value, 0.44188484360768232) AS rii_log,
       close((wellbeing.slope_index(rate, pop, decile)).value, -3.2752012326471758) AS sii_linear,
       close((wellbeing.relative_index(rate, pop, decile)).value, 0.40600068953980034) AS rii_linear
FROM imr;
-- PHE (c): child obesity proportions, logit transform, and untransformed
CREATE TABLE obesity AS
SELECT decile, c::float8 / n AS p, n
FROM unnest(ARRAY[1,2,3,4,5,6,7,8,9,10]::float8[], ARRAY[7287,6881,5656,4868,4176,3876,3617,3546,3314,2960],
            ARRAY[34353,32112,27715,25372,23889,23260,23180,24193,23609,24488]) AS t(decile, c, n);
SELECT close((wellbeing.slope_index(p, n, decile, NULL, 'logit')).value, -0.1096462611125906) AS sii_logit,
       close((wellbeing.relative_index(p, n, decile, NULL, 'logit')).value, 0.53417757432539459) AS rii_logit,
       close((wellbeing.slope_index(p, n, decile)).value, -0.10720032333730493) AS sii_linear,
       close((wellbeing.relative_index(p, n, decile)).value, 0.53340153064655071) AS rii_linear
FROM obesity;

-- WHO healthequal fixture: ACI 7.3284202 (SE 0.29368517), RCI 0.17776859
-- (SE 0.0071240491, CI 0.16380545 - 0.19173172).  Without group SEs the
-- SE is HEAT's convenient regression; it agrees to 6 significant digits
-- (the published values carry HEAT's own rounding)
CREATE TABLE heat AS
SELECT * FROM (VALUES (1, 78, 20, 5), (2, 91, 30, 7), (3, 162, 40, 10), (4, 103, 50, 12), (5, 105, 60, 14))
  t(ord, pop, y, se);
SELECT round(value::numeric, 6) AS aci, round(se::numeric, 6) AS se
FROM (SELECT (wellbeing.concentration_index(y, pop, ord, NULL, 'absolute')).* FROM heat) s;
SELECT round(value::numeric, 7) AS rci, round(se::numeric, 8) AS se,
       round(lower::numeric, 6) AS lower, round(upper::numeric, 6) AS upper
FROM (SELECT (wellbeing.concentration_index(y, pop, ord)).* FROM heat) s;
-- HEAT v6's default logistic SII/RII (binomial GLM with prior weights N,
-- delta method with the HC1 sandwich): SII 44.44502 (SE 0.02190822 on the
-- proportion scale, CI 40.15109 - 48.73895), RII 3.159506 (SE 0.07644001
-- on the log scale, CI 2.719902 - 3.67016); our SII SE 0.021908214 differs
-- by 3e-7 relative (marginaleffects differentiates numerically)
SELECT round(value::numeric, 7) AS sii, round(se::numeric, 8) AS se,
       round(lower::numeric, 7) AS lower, round(upper::numeric, 7) AS upper
FROM (SELECT (wellbeing.slope_index(y / 100.0, pop, ord, NULL, 'logistic')).* FROM heat) s;
SELECT round(value::numeric, 6) AS rii, round((se / value)::numeric, 8) AS se_log,
       round(lower::numeric, 6) AS lower, round(upper::numeric, 5) AS upper
FROM (SELECT (wellbeing.relative_index(y / 100.0, pop, ord, NULL, 'logistic')).* FROM heat) s;
SELECT wellbeing.slope_index(y, pop, ord, NULL, 'logistic') FROM heat;
-- linear SII/RII on the same groups (HEAT's linear option): 46.253811 and 3.5558003
SELECT round((wellbeing.slope_index(y / 100.0, pop, ord)).value::numeric * 100, 6) AS sii_percent,
       round((wellbeing.relative_index(y, pop, ord)).value::numeric, 7) AS rii,
       round((wellbeing.relative_index(y, pop, ord, NULL, 'pamuk')).value::numeric, 7) AS pamuk,
       round((wellbeing.relative_index(y, pop, ord, NULL, 'kunst_mackenbach')).value::numeric, 7) AS kunst_mackenbach
FROM heat;
-- with group SEs: delta method; ACI = sum p (2X - 1) y so se^2 = sum p^2 (2X - 1)^2 se^2
WITH r AS (SELECT se, pop::float8 / sum(pop) OVER () AS p,
                  (sum(pop) OVER (ORDER BY ord) - pop / 2.0) / sum(pop) OVER () AS x FROM heat)
SELECT close((SELECT (wellbeing.concentration_index(y, pop, ord, se, 'absolute')).se FROM heat),
             sqrt(sum(p ^ 2 * (2 * x - 1) ^ 2 * se ^ 2)), 1e-10) AS aci_se_by_hand
FROM r;
-- bounded indicators in [0, 1]: Erreygers = 4 ACI, Wagstaff = RCI / (1 - mu)
SELECT close((wellbeing.concentration_index(y / 100.0, pop, ord, NULL, 'erreygers')).value,
             4 * (wellbeing.concentration_index(y / 100.0, pop, ord, NULL, 'absolute')).value) AS erreygers,
       close((wellbeing.concentration_index(y / 100.0, pop, ord, NULL, 'wagstaff')).value,
             (wellbeing.concentration_index(y / 100.0, pop, ord)).value / (1 - 22220.0 / 539 / 100)) AS wagstaff,
       round((wellbeing.concentration_index(y / 100.0, pop, ord, NULL, 'erreygers')).value::numeric, 7) AS erreygers_value
FROM heat;
SELECT wellbeing.concentration_index(y, pop, ord, NULL, 'wagstaff') FROM heat;

-- properties: person-level rows with tied positions equal the group rows
-- (midpoint ranks); scale invariance of RII and RCI; input order
SELECT close(a.value, b.value) AS persons_equal_groups
FROM (SELECT (wellbeing.concentration_index(y, 1, ord)).* FROM heat, generate_series(1, pop)) a,
     (SELECT (wellbeing.concentration_index(y, pop, ord)).* FROM heat) b;
SELECT close((wellbeing.relative_index(y * 10, pop, ord)).value, (wellbeing.relative_index(y, pop, ord)).value) AS rii_scale,
       close((wellbeing.concentration_index(y * 10, pop, ord)).value, (wellbeing.concentration_index(y, pop, ord)).value) AS rci_scale,
       close((wellbeing.slope_index(y * 10, pop, ord)).value, 10 * (wellbeing.slope_index(y, pop, ord)).value) AS sii_scales
FROM heat;
SELECT close((wellbeing.slope_index(le, pop, decile)).value, 6.9346164736688189) AS shuffled
FROM (SELECT * FROM le ORDER BY random()) s;
-- undefined: one position, zero-weight groups ignored; a group without se
-- gives no interval; NULL value rows are skipped
SELECT (wellbeing.slope_index(y, pop, 1)).value IS NULL AS one_position FROM heat;
SELECT (e).value IS NOT NULL AND (e).se IS NULL AS value_without_interval
FROM (SELECT wellbeing.slope_index(y, pop, ord, CASE WHEN ord = 3 THEN NULL ELSE se END) AS e FROM heat) s;
SELECT (wellbeing.slope_index(v, 1, o)).n FROM (VALUES (1.0, 1), (NULL, 2), (3.0, 3)) t(v, o);
-- a fitted end at or below zero: no ratio (the linear fit of a falling
-- proportion can cross zero), while the slope is still defined
SELECT (wellbeing.relative_index(y, 1, o)).value IS NULL AS no_ratio,
       (wellbeing.slope_index(y, 1, o)).value AS sii
FROM (VALUES (0.30, 1), (0.10, 2), (0.00, 3)) t(y, o);
SELECT wellbeing.slope_index(rate - 4, pop, decile, NULL, 'log') FROM imr;
SELECT wellbeing.slope_index(rate, pop, decile, NULL, 'poisson') FROM imr;

-- attributable risk and fraction (WHO HEAT PAR, PAF), healthequal fixture in
-- percent: PAR 18.775509 (SE 4.4066348, CI 10.138505 - 27.412513), PAF
-- 45.544548 (SE 0.10689361 on the fraction scale).  Here as fractions: the
-- values and SEs agree to 7 digits; HEAT's limits use z = 1.96, ours
-- qnorm(0.975), so they differ in the 6th digit; HEAT's PAF interval pairs
-- the x100 estimate with the unscaled SE (100 times too narrow), ours does not
SELECT round(value::numeric, 8) AS par, round(se::numeric, 8) AS se,
       round(lower::numeric, 5) AS lower, round(upper::numeric, 5) AS upper
FROM (SELECT (wellbeing.attributable_risk(y / 100.0, pop, true, ord)).* FROM heat) s;
SELECT round(value::numeric, 8) AS paf, round(se::numeric, 8) AS se,
       round(lower::numeric, 4) AS lower, round(upper::numeric, 4) AS upper
FROM (SELECT (wellbeing.attributable_fraction(y / 100.0, pop, true, ord)).* FROM heat) s;
-- Walter's SE written out: c = y_ref N_ref, d = N_ref - c, a = mu N - c,
-- b = N - a - N_ref, T = N; se_f = sqrt(c T (a d (T - c) + b c^2) / ((a + c)^3 (c + d)^3))
WITH v AS (SELECT 0.60 * 105 AS c, 105 - 0.60 * 105 AS d,
                  22220.0 / 539 / 100 * 539 - 0.60 * 105 AS a, 539.0 AS t, 22220.0 / 539 / 100 AS mu),
     w AS (SELECT *, t - a - c - d AS b FROM v)
SELECT abs((SELECT (wellbeing.attributable_fraction(y / 100.0, pop, true, ord)).se FROM heat)
           - sqrt(c * t * (a * d * (t - c) + b * c ^ 2) / ((a + c) ^ 3 * (c + d) ^ 3))) < 1e-12 AS walter_by_hand
FROM w;
-- without positions the reference is the best group: the highest value when
-- higher is better, the lowest otherwise; the "no excess" side is 0
SELECT round((wellbeing.attributable_risk(y / 100.0, pop, true)).value::numeric, 8) AS best_favourable,
       round((wellbeing.attributable_risk(y / 100.0, pop, false)).value::numeric, 8) AS best_adverse,
       (wellbeing.attributable_risk(y / 100.0, pop, false, ord)).value AS adverse_truncated
FROM heat;
-- values that are not proportions: a value, no interval; one group: NULL
SELECT (e).value > 0 AND (e).se IS NULL AS no_walter_for_rates
FROM (SELECT wellbeing.attributable_risk(y, pop, true, ord) AS e FROM heat) s;
SELECT (wellbeing.attributable_risk(0.5, 10, true)).value IS NULL AS one_group;

-- index of disparity and mean difference (WHO HEAT formulas on the same
-- groups, reference/disparity.md 5.1): IDISU 29.7029703 %, IDISW 25.8803431 %,
-- MDBU 20.0, MDBW 18.7755102, MDMU 12.2448980, MDMW 10.6690394
SELECT round((wellbeing.index_of_disparity(y, pop, 'mean_unweighted')).value::numeric * 100, 7) AS idisu,
       round((wellbeing.index_of_disparity(y, pop, 'mean')).value::numeric * 100, 7) AS idisw,
       round((wellbeing.mean_difference(y, pop, 'best_unweighted')).value::numeric, 7) AS mdbu,
       round((wellbeing.mean_difference(y, pop, 'best')).value::numeric, 7) AS mdbw,
       round((wellbeing.mean_difference(y, pop, 'mean_unweighted')).value::numeric, 7) AS mdmu,
       round((wellbeing.mean_difference(y, pop, 'mean')).value::numeric, 7) AS mdmw
FROM heat;
-- Healthy People IDisp from the best group: adverse indicator, best = 20:
-- mean |y - 20| over the other four = (10 + 20 + 30 + 40) / 4 = 25, / 20 = 1.25
SELECT (wellbeing.index_of_disparity(y, pop, 'best', false)).value AS idisp_adverse,
       (wellbeing.mean_difference(y, pop, 'best_unweighted', false)).value AS mdbu_adverse
FROM heat;
-- simulation intervals (10 000 seeded draws from Normal(y, se), kept >= 0):
-- deterministic, independent of row order, contain the value
SELECT a.lower = b.lower AND a.upper = b.upper AND a.se = b.se AS same_draws,
       a.lower < a.value AND a.value < a.upper AS brackets
FROM (SELECT (wellbeing.index_of_disparity(y, pop, 'mean', true, se)).* FROM heat) a,
     (SELECT (wellbeing.index_of_disparity(y, pop, 'mean', true, se)).* FROM (SELECT * FROM heat ORDER BY random()) s) b;
-- se = 0 everywhere: every draw is the value
SELECT se < 1e-12 * value AND lower = value AND upper = value AS degenerate
FROM (SELECT (wellbeing.mean_difference(y, pop, 'mean', true, 0)).* FROM heat) s;
-- where the measure is linear in the group values the simulated SE must be
-- the delta-method SE: best group 100 far above 10, 20, 30, so
-- MDBW = y_best - mu and se^2 = (1 - p_best)^2 se_best^2 + sum_other p^2 se^2
-- (weights 1, 1, 1, 1; se 2, 2, 2, 2: se = 2 sqrt(0.75^2 + 3 x 0.25^2) = 1.7320508);
-- 10 000 draws estimate it within about 0.7 %
SELECT abs(se / (2 * sqrt(0.75 ^ 2 + 3 * 0.25 ^ 2)) - 1) < 0.03 AS simulated_se_matches_delta
FROM (SELECT (wellbeing.mean_difference(y, 1, 'best', true, 2)).* FROM (VALUES (10.0), (20.0), (30.0), (100.0)) t(y)) s;
-- one group: NULL; a group without se: no interval
SELECT (wellbeing.index_of_disparity(0.3, 10, 'mean')).value IS NULL AS one_group,
       (SELECT (wellbeing.mean_difference(y, pop, 'mean', true, CASE WHEN ord = 2 THEN NULL ELSE se END)).lower FROM heat) IS NULL AS no_interval;
SELECT wellbeing.index_of_disparity(y, pop, 'median') FROM heat;

-- clean up: test files share one database
DROP TABLE le, imr, obesity, heat;
DROP FUNCTION close(float8, float8, float8);
-- mean difference from a designated reference group (HEAT MDRW / MDRU): the
-- fourth argument flags the reference.  y = 0.2, 0.3, 0.5, w = 1, 2, 1,
-- reference 0.2: MDRW = (1 * 0 + 2 * 0.1 + 1 * 0.3) / 4 = 0.125,
-- MDRU = (0 + 0.1 + 0.3) / 3 = 0.133333; the best group as the reference
-- (adverse indicator: the lowest) gives MDB
SELECT round((wellbeing.mean_difference(y, w, 'reference', g = 1)).value::numeric, 12) AS mdrw,
       round((wellbeing.mean_difference(y, w, 'reference_unweighted', g = 1)).value::numeric, 12) AS mdru,
       abs((wellbeing.mean_difference(y, w, 'reference', g = 1)).value
           - (wellbeing.mean_difference(y, w, 'best', false)).value) < 1e-15 AS best_as_reference_is_mdb
FROM (VALUES (1, 0.2, 1.0), (2, 0.3, 2), (3, 0.5, 1)) t(g, y, w);
-- no reference, or two: an error
SELECT wellbeing.mean_difference(y, 1, 'reference', false) FROM (VALUES (0.2), (0.3)) t(y);
SELECT wellbeing.mean_difference(y, 1, 'reference', true) FROM (VALUES (0.2), (0.3)) t(y);
