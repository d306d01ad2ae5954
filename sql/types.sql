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

-- p_value inverts the interval: at an interval's end the p-value is 1 - level
-- (normal for an estimate; t on df for a survey estimate, whose interval is
-- value -/+ qt(1 - (1 - level)/2, df) se)
SELECT round(wellbeing.p_value(e, e.lower)::numeric, 12) AS p_at_lower_095,
       round(wellbeing.p_value(e, e.upper)::numeric, 12) AS p_at_upper_095
FROM wellbeing.estimate(10, 2) e;
SELECT round(wellbeing.p_value(e, e.lower)::numeric, 12) AS p_at_lower_090
FROM wellbeing.estimate(10, 2, level => 0.90) e;
-- written out: 2 Phi(-1.96) = 0.0499957902964, 2 Phi(-2) = 0.0455002638964
SELECT round(wellbeing.p_value(wellbeing.estimate(1.96, 1))::numeric, 13) AS p_196,
       round(wellbeing.p_value(wellbeing.estimate(3, 1), 1)::numeric, 13) AS p_2_from_1;
SELECT round(wellbeing.p_value(e, e.lower)::numeric, 12) AS survey_p_at_lower, e.df
FROM (SELECT (wellbeing.survey_mean(x, 1, 1, id)).* FROM (VALUES (1, 2.0), (2, 3.5), (3, 7.0), (4, 4.0)) t(id, x)) s,
     LATERAL (SELECT ROW(s.value, s.se, s.lower, s.upper, s.n, s.level, s.df)::wellbeing.survey_estimate AS e) r,
     LATERAL (SELECT (r.e).*) e;
-- no se, se 0 or df 0: no test; NULL in, NULL out
SELECT wellbeing.p_value(wellbeing.estimate(1, NULL)) IS NULL AS no_se,
       wellbeing.p_value(wellbeing.estimate(1, 0)) IS NULL AS zero_se,
       wellbeing.p_value(ROW(1, 1, 0, 2, 5, 0.95, 0)::wellbeing.survey_estimate) IS NULL AS zero_df,
       wellbeing.p_value(NULL::wellbeing.estimate) IS NULL AS null_in;
-- a survey estimate without df (unknown) takes the normal test
SELECT round(wellbeing.p_value(ROW(1.96, 1, 0, 4, 5, 0.95, NULL)::wellbeing.survey_estimate)::numeric, 13) AS df_unknown;
SELECT wellbeing.p_value(wellbeing.estimate(1, 1), 'Infinity');
