-- wellbeing.estimate and its constructors.
SET extra_float_digits = 0;

-- estimate(value, se): normal interval value ± z se, z = 1.959963984540054
SELECT value, se, round(lower::numeric, 10) AS lower, round(upper::numeric, 10) AS upper, n, level
FROM wellbeing.estimate(10, 2);
SELECT round((10 - 1.959963984540054 * 2)::numeric, 10) AS lower_by_hand;
-- n and level by name
SELECT n, level, round(upper::numeric, 10) AS upper  -- 10 + qnorm(0.95) * 2 = 13.2897072539
FROM wellbeing.estimate(10, 2, n => 40, level => 0.90);
-- missing se: no interval
SELECT * FROM wellbeing.estimate(10, NULL);
-- composite fields are plain columns for BI tools
SELECT (wellbeing.estimate(1, 0.5)).value, (wellbeing.estimate(1, 0.5)).se;

-- estimate_from_ci recovers se from a published symmetric interval
SELECT round(se::numeric, 10) AS se FROM wellbeing.estimate_from_ci(10, 6.080072030919892, 13.919927969080108);
-- on the log scale (ratio 2 with interval 1..4): se = 2 * ln 4 / (2 z)
SELECT round(se::numeric, 10) AS se, round((2 * ln(4) / (2 * 1.959963984540054))::numeric, 10) AS by_hand
FROM wellbeing.estimate_from_ci(2, 1, 4, log_scale => true);

-- bad input: messages name the argument and the value
SELECT wellbeing.estimate(1, -1);
SELECT wellbeing.estimate(1, 1, level => 95);
SELECT wellbeing.estimate('NaN', 1);
SELECT wellbeing.estimate_from_ci(5, 6, 4);
SELECT wellbeing.estimate_from_ci(0, -1, 4, log_scale => true);
