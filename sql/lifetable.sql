-- Life expectancy: the Chiang II abridged life table as PHE computes it.
SET extra_float_digits = 0;

-- PHEindicatormethods' published test case (tests/testthat/testLifeExpectancy.R,
-- data df1, package 2.1.0): 20 bands 0, 1-4, 5-9, ..., 85-89, 90+
CREATE TABLE le_df1 (age float8, population float8, deaths float8);
INSERT INTO le_df1 VALUES
  (0, 7060, 17), (1, 35059, 9), (5, 46974, 4), (10, 48489, 8), (15, 43219, 20), (20, 38561, 15),
  (25, 46009, 24), (30, 57208, 33), (35, 61435, 50), (40, 55601, 71), (45, 50209, 100),
  (50, 56416, 163), (55, 46411, 263), (60, 39820, 304), (65, 37978, 536), (70, 37039, 872),
  (75, 33288, 1390), (80, 23306, 1605), (85, 11936, 1936), (90, 11936, 1937);
-- its expected values (answer1, printed to 8-10 significant digits); the
-- published limits were made with z = 1.96, PHE's R code (and this) uses the
-- exact normal quantile, which gives limits about 5e-6 apart from them:
-- 79.88269075 to 80.45652551 at birth, the values these must match
CREATE TABLE le_answer1 (age float8, value float8, lowercl float8, uppercl float8);
INSERT INTO le_answer1 VALUES
  (0, 80.16960813, 79.88268548, 80.45653078), (1, 79.36245674, 79.0898816, 79.63503188),
  (5, 75.44193645, 75.17407307, 75.70979983), (10, 70.47299936, 70.20675732, 70.7392414),
  (15, 65.52909542, 65.26548673, 65.79270412), (20, 60.67510088, 60.41876577, 60.931436),
  (25, 55.78835987, 55.53801579, 56.03870395), (30, 50.92752727, 50.68279939, 51.17225516),
  (35, 46.06740425, 45.82666794, 46.30814055), (40, 41.24505636, 41.00842831, 41.48168441),
  (45, 36.49322717, 36.26223216, 36.72422219), (50, 31.83343842, 31.60996318, 32.05691365),
  (55, 27.26027992, 27.04337271, 27.47718713), (60, 22.9719144, 22.76653134, 23.17729746),
  (65, 18.76856852, 18.57570352, 18.96143352), (70, 14.95858336, 14.77985004, 15.13731667),
  (75, 11.51684445, 11.34831778, 11.68537112), (80, 8.618849241, 8.451134045, 8.786564437),
  (85, 6.163942934, 5.978358351, 6.349527517), (90, 6.16210635, 5.887683386, 6.436529314);

-- at birth: the value to the printed digits, the limits to the exact-quantile values
SELECT round(value::numeric, 8) AS e0, round(lower::numeric, 8) AS lower, round(upper::numeric, 8) AS upper,
       n, level, age, reason
FROM (SELECT (wellbeing.life_expectancy(age, deaths, population)).* FROM le_df1) e;
-- every age of the table against answer1: values within 1e-8 (the printed
-- digits), limits within 1e-5 of the published z = 1.96 ones (the
-- difference z = 1.96 makes) and within 1e-9 of the value +/- qnorm(0.975) se
SELECT count(*) AS ages,
       max(abs(t.e - a.value)) < 1e-8 AS values_match,
       max(abs(t.lower - a.lowercl)) < 1e-5 AND max(abs(t.upper - a.uppercl)) < 1e-5 AS limits_match_z196,
       max(abs(t.lower - (t.e - 1.959963984540054 * t.se))) < 1e-9 AS exact_quantile
FROM wellbeing.life_table((SELECT wellbeing.life_expectancy_state(age, deaths, population) FROM le_df1)) t
JOIN le_answer1 a USING (age);
-- at 90, the open band, and at 5 and 25 with the deaths and population used
-- (answer2: 75.4419, 745835 and 9331; 55.7884, 568592 and 9284)
SELECT round(value::numeric, 8) AS e90, round(lower::numeric, 8) AS lower, round(upper::numeric, 8) AS upper, n
FROM (SELECT (wellbeing.life_expectancy(age, deaths, population, 90)).* FROM le_df1) e;
SELECT age, round(e::numeric, 4) AS e, round(lower::numeric, 4) AS lower, round(upper::numeric, 4) AS upper,
       population_used, deaths_used
FROM wellbeing.life_table((SELECT wellbeing.life_expectancy_state(age, deaths, population) FROM le_df1))
WHERE age IN (5, 25);
-- the table itself: q, l, d, L, T written out for the first band
-- (a = 0.1, n = 1: q = m / (1 + 0.9 m), l1 = 1e5 (1 - q), L = l1 + 0.1 d)
SELECT age, width, round(m::numeric, 10) AS m, a, round(q::numeric, 10) AS q,
       CASE WHEN age = 0 THEN abs(q - (17 / 7060.0) / (1 + 0.9 * 17 / 7060.0)) < 1e-15 END AS q_by_hand,
       round(l::numeric, 4) AS l, round(d::numeric, 6) AS d, round(person_years::numeric, 6) AS person_years
FROM wellbeing.life_table((SELECT wellbeing.life_expectancy_state(age, deaths, population) FROM le_df1))
WHERE age IN (0, 1, 90) ORDER BY age;
-- row order does not matter (df2: the same rows in another order)
SELECT (SELECT wellbeing.life_expectancy(age, deaths, population) FROM (SELECT * FROM le_df1 ORDER BY age DESC) s)::text
     = (SELECT wellbeing.life_expectancy(age, deaths, population) FROM le_df1)::text AS order_free;
-- the interval at 99.8 %: the value -/+ qnorm(0.999) se
SELECT round(lower::numeric, 6) AS lower_998, round(upper::numeric, 6) AS upper_998,
       abs(lower - (value - 3.090232306167814 * se)) < 1e-9 AS exact_quantile
FROM (SELECT (wellbeing.life_expectancy(age, deaths, population, 0, 0.998)).* FROM le_df1) e;
-- the estimate it casts to, for difference() and reliability()
SELECT (wellbeing.life_expectancy(age, deaths, population))::wellbeing.estimate IS NOT NULL AS casts,
       wellbeing.reliability(wellbeing.life_expectancy(age, deaths, population)) AS reliability
FROM le_df1;

-- the 95 % interval wider than 20 years (df_widecis_plus, Area 2): the value
-- is suppressed from age 40 on, its interval kept (published to 8 decimals)
CREATE TABLE le_widecis (age float8, population float8, deaths float8);
INSERT INTO le_widecis VALUES
  (0, 270, 17), (1, 235, 9), (5, 246, 4), (10, 248, 8), (15, 243, 20), (20, 238, 15), (25, 246, 24),
  (30, 257, 33), (35, 261, 50), (40, 355, 51), (45, 350, 10), (50, 356, 16), (55, 346, 26),
  (60, 339, 30), (65, 337, 36), (70, 337, 22), (75, 333, 13), (80, 323, 5), (85, 311, 6), (90, 311, 1);
SELECT age, round(e::numeric, 8) AS e, round(lower::numeric, 4) AS lower, round(upper::numeric, 4) AS upper, reason
FROM wellbeing.life_table((SELECT wellbeing.life_expectancy_state(age, deaths, population) FROM le_widecis))
WHERE age IN (0, 35, 40, 90) ORDER BY age;
-- published: e0 19.22914685 (16.43900644 to 22.01928726), e35 11.95846561
-- (2.37762283 to 21.53930839); at 40 no value, the interval -1.60695210 to
-- 50.29765396, which wellbeing clamps at 0 (life expectancy is not negative)

-- other band sets: 85+ as the open band, and coarse bands 0-4, 5-14, ...
SELECT round(value::numeric, 4) AS e0_85plus, n
FROM (SELECT (wellbeing.life_expectancy(age, deaths, CASE WHEN age = 85 THEN 23872 ELSE population END)).*
      FROM le_df1 WHERE age < 90) e;
SELECT round(value::numeric, 4) AS e0_coarse, round(se::numeric, 4) AS se
FROM (SELECT (wellbeing.life_expectancy(b, deaths, population, 0, 0.95, 'uniform')).*
      FROM (SELECT b, sum(deaths) AS deaths, sum(population) AS population
            FROM (SELECT CASE WHEN age < 5 THEN 0 WHEN age < 15 THEN 5 WHEN age >= 85 THEN 85
                              ELSE floor((age - 5) / 10) * 10 + 5 END AS b, deaths, population FROM le_df1) s
            GROUP BY b) c) e;
-- the conventions differ only through a in the band starting at 0
SELECT round(p.value::numeric, 6) AS phe, round(u.value::numeric, 6) AS uniform
FROM (SELECT (wellbeing.life_expectancy(age, deaths, population, 0, 0.95, 'phe')).* FROM le_df1) p,
     (SELECT (wellbeing.life_expectancy(age, deaths, population, 0, 0.95, 'Uniform')).* FROM le_df1) u;
-- by group: one table per area, as GROUP BY tract
SELECT area, round((wellbeing.life_expectancy(age, deaths, population)).value::numeric, 4) AS e0
FROM (SELECT 'a' AS area, * FROM le_df1 UNION ALL SELECT 'b', age, population * 2, deaths FROM le_df1) s
GROUP BY area ORDER BY area;

-- not calculated, with the reason (PHE's rules)
SELECT reason FROM (SELECT (wellbeing.life_expectancy(age, deaths, population)).*
                    FROM (SELECT age, population / 200 AS population, deaths / 200 AS deaths FROM le_df1) s) e;
SELECT reason FROM (SELECT (wellbeing.life_expectancy(age, CASE WHEN age = 20 THEN 0 ELSE deaths END,
                                                      CASE WHEN age = 20 THEN 0 ELSE population END)).* FROM le_df1) e;
SELECT value IS NULL AS no_value, reason FROM (SELECT (wellbeing.life_expectancy(age, CASE WHEN age = 90 THEN 0 ELSE deaths END, population)).* FROM le_df1) e;
-- exactly 5 000 person-years: not calculated (PHE's code: 5 000 or fewer)
SELECT reason FROM (SELECT (wellbeing.life_expectancy(age, 1, 250)).* FROM generate_series(0, 95, 5) age) e;
-- just above it the rule passes (and the next one, the interval width, decides)
SELECT reason FROM (SELECT (wellbeing.life_expectancy(age, 1, 250.05)).* FROM generate_series(0, 95, 5) age) e;
-- empty input: NULL; one band (the open band from 0): e0 = 1 / m = 80 and
-- se = 1 / (m sqrt(D)) = 80 / sqrt(1000)
SELECT wellbeing.life_expectancy(age, deaths, population) IS NULL AS empty FROM le_df1 WHERE false;
SELECT value, abs(se - 80 / sqrt(1000)) < 1e-12 AS se_by_hand FROM (SELECT (wellbeing.life_expectancy(0, 1000, 80000)).*) e;

-- bad input: an error naming the band
SELECT wellbeing.life_expectancy(age, CASE WHEN age = 10 THEN -5 ELSE deaths END, population) FROM le_df1;
SELECT wellbeing.life_expectancy(age, deaths, CASE WHEN age = 85 THEN 119 ELSE population END) FROM le_df1;
SELECT wellbeing.life_expectancy(age, CASE WHEN age = 20 THEN 3 ELSE deaths END, CASE WHEN age = 20 THEN 0 ELSE population END) FROM le_df1;
SELECT wellbeing.life_expectancy(age, deaths, population) FROM (SELECT * FROM le_df1 UNION ALL SELECT 40, 100, 10) s;
SELECT wellbeing.life_expectancy(age, deaths, population) FROM le_df1 WHERE age > 0;
SELECT wellbeing.life_expectancy(age, CASE WHEN age = 5 THEN NULL ELSE deaths END, population) FROM le_df1;
SELECT wellbeing.life_expectancy(age, deaths, population, 62) FROM le_df1;
SELECT wellbeing.life_expectancy(age, deaths, population, 0, 95) FROM le_df1;
SELECT wellbeing.life_expectancy(age, deaths, population, 0, 0.95, 'chiang') FROM le_df1;
SELECT wellbeing.life_expectancy(age, deaths, population, age) FROM le_df1;
SELECT wellbeing.life_expectancy('NaN', 1, 100);
