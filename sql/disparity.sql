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
