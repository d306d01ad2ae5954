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

-- The decomposition of a gap by age.
-- decompositionLE's README (package 1.0, data us_females from Ponnapalli
-- 2005: US women, life tables of 1935 and 1995): decomp_age(us_females,
-- method = "arriaga3") prints every band's effects to 7-9 significant
-- digits, among them the age-0 total effect 2.8051081.
CREATE TABLE us_females (age float8, l1 float8, e1 float8, l2 float8, e2 float8,
                         direct float8, indirect float8, interaction float8, total float8);
INSERT INTO us_females VALUES
  (0, 1.00000, 63.32, 1.00000, 79.00, 0.02645220, 2.7786559, 0.000000000, 2.8051081),
  (1, 0.95458, 65.32, 0.99321, 78.54, 0.03890153, 1.0046032, -0.003558610, 1.0399461),
  (5, 0.93887, 62.39, 0.99179, 74.65, 0.01835259, 0.4171028, -0.002120567, 0.4333348),
  (10, 0.93174, 57.85, 0.99096, 69.71, 0.01264484, 0.2867811, -0.001730363, 0.2976956),
  (15, 0.92613, 53.19, 0.98999, 64.78, 0.01658115, 0.4057047, -0.002783792, 0.4195021),
  (20, 0.91681, 48.70, 0.98772, 59.92, 0.02818036, 0.5754256, -0.004583696, 0.5990223),
  (25, 0.90341, 44.38, 0.98524, 55.06, 0.04102099, 0.6185978, -0.005956216, 0.6536626),
  (30, 0.88746, 40.14, 0.98206, 50.23, 0.02330090, 0.5835122, -0.006899530, 0.5999136),
  (35, 0.86997, 35.89, 0.97769, 45.45, 0.04856497, 0.6203954, -0.008900702, 0.6600597),
  (40, 0.84847, 31.74, 0.97152, 40.72, 0.03666408, 0.5970722, -0.010619689, 0.6231166),
  (45, 0.82368, 27.61, 0.96298, 36.06, 0.06641661, 0.6915976, -0.015121718, 0.7428925),
  (50, 0.79012, 23.67, 0.95048, 31.49, 0.07906885, 0.7463816, -0.020643620, 0.8048068),
  (55, 0.74539, 19.94, 0.93085, 27.10, 0.08717324, 0.7740000, -0.027839442, 0.8333338),
  (60, 0.68688, 16.41, 0.90071, 22.92, 0.12886018, 0.8437428, -0.039890424, 0.9327126),
  (65, 0.60779, 13.21, 0.85504, 19.00, 0.15499332, 0.8375481, -0.054237938, 0.9383034),
  (70, 0.50757, 10.31, 0.78775, 15.40, 0.20366438, 0.8768650, -0.077473759, 1.0030556),
  (75, 0.38276, 7.82, 0.69655, 12.07, 0.28108338, 0.8533742, -0.095541086, 1.0389165),
  (80, 0.23930, 6.03, 0.57275, 9.12, 0.24621067, 0.5110394, -0.074591117, 0.6826590),
  (85, 0.12281, 4.49, 0.41424, 6.62, 0.57195825, NULL, NULL, 0.5719583);
CREATE VIEW us_females_decomposed AS
SELECT d.* FROM (SELECT array_agg(age ORDER BY age) AS a, array_agg(l1 ORDER BY age) AS l1,
                        array_agg(e1 ORDER BY age) AS e1, array_agg(l2 ORDER BY age) AS l2,
                        array_agg(e2 ORDER BY age) AS e2 FROM us_females) s,
     wellbeing.life_expectancy_decomposition(s.a, s.l1, s.e1, s.l2, s.e2) d;
-- the first bands as printed, then every band within half a unit of the
-- last printed digit; the open band has no indirect or interaction effect
SELECT age, round(direct::numeric, 8) AS direct, round(indirect::numeric, 7) AS indirect,
       round(interaction::numeric, 9) AS interaction, round(total::numeric, 7) AS total, reason
FROM us_females_decomposed WHERE age <= 5 OR age = 85 ORDER BY age;
SELECT count(*) AS bands,
       max(abs(d.direct - u.direct)) < 5e-9 AS direct_match,
       max(abs(d.indirect - u.indirect)) < 5e-8 AS indirect_match,
       max(abs(d.interaction - u.interaction)) < 5e-10 AS interaction_match,
       max(abs(d.total - u.total)) < 5.1e-8 AS total_match,  -- three end in 5 at the 8th decimal
       bool_and((d.indirect IS NULL) = (u.indirect IS NULL)) AS open_band_nulls
FROM us_females_decomposed d JOIN us_females u USING (age);
-- the totals add up to the gap, 79.00 - 63.32 = 15.68 (the sum telescopes)
SELECT abs(sum(total) - 15.68) < 1e-12 AS adds_up FROM us_females_decomposed;
-- l on another radix (100 000) gives the same contributions
SELECT max(abs(d.total - u.total)) < 1e-12 AS radix_free
FROM (SELECT array_agg(age ORDER BY age) AS a, array_agg(l1 * 1e5 ORDER BY age) AS l1,
             array_agg(e1 ORDER BY age) AS e1, array_agg(l2 * 1e5 ORDER BY age) AS l2,
             array_agg(e2 ORDER BY age) AS e2 FROM us_females) s,
     wellbeing.life_expectancy_decomposition(s.a, s.l1, s.e1, s.l2, s.e2) d
JOIN us_females_decomposed u USING (age);

-- From our own tables: two areas of df1, the second with mortality 30 %
-- lower above 45.  The totals add up to the difference of the two
-- life_expectancy values; swapping the tables negates every effect; the
-- contributions equal the array form applied to the two life_table outputs.
CREATE TABLE le_two AS
SELECT 'from'::text AS area, age, deaths, population FROM le_df1
UNION ALL SELECT 'to', age, CASE WHEN age >= 45 THEN round(deaths * 0.7) ELSE deaths END, population FROM le_df1;
CREATE TABLE le_two_states AS
SELECT area, wellbeing.life_expectancy_state(age, deaths, population) AS s FROM le_two GROUP BY area;
CREATE VIEW le_two_decomposed AS
SELECT d.* FROM wellbeing.life_expectancy_decomposition(
    (SELECT s FROM le_two_states WHERE area = 'from'), (SELECT s FROM le_two_states WHERE area = 'to')) d;
SELECT round(sum(total)::numeric, 6) AS gap,
       abs(sum(total) - ((SELECT (wellbeing.life_expectancy(age, deaths, population)).value FROM le_two WHERE area = 'to')
                       - (SELECT (wellbeing.life_expectancy(age, deaths, population)).value FROM le_two WHERE area = 'from'))) < 1e-9 AS adds_up,
       count(*) AS bands, count(*) FILTER (WHERE age < 45 AND abs(total) > 1e-3) AS young_bands_matter
FROM le_two_decomposed;
SELECT max(abs(f.total + b.total)) < 1e-12 AS antisymmetric,
       max(abs(f.direct + b.direct)) < 1e-12 AND max(abs(f.indirect + b.indirect)) < 1e-12 AS effects_negate
FROM le_two_decomposed f
JOIN wellbeing.life_expectancy_decomposition(
    (SELECT s FROM le_two_states WHERE area = 'to'), (SELECT s FROM le_two_states WHERE area = 'from')) b USING (age);
SELECT max(abs(d.total - a.total)) < 1e-12 AS same_as_arrays
FROM le_two_decomposed d
JOIN (SELECT x.* FROM (SELECT array_agg(t1.age ORDER BY t1.age) AS a, array_agg(t1.l ORDER BY t1.age) AS l1,
                              array_agg(t1.e ORDER BY t1.age) AS e1, array_agg(t2.l ORDER BY t1.age) AS l2,
                              array_agg(t2.e ORDER BY t1.age) AS e2
                       FROM wellbeing.life_table((SELECT s FROM le_two_states WHERE area = 'from')) t1
                       JOIN wellbeing.life_table((SELECT s FROM le_two_states WHERE area = 'to')) t2 USING (age)) s,
           wellbeing.life_expectancy_decomposition(s.a, s.l1, s.e1, s.l2, s.e2) x) a USING (age);
-- The gap with its interval: life expectancy casts to an estimate, so
-- difference() gives e2 - e1 with se = sqrt(se1^2 + se2^2) (independent
-- areas), and the gap is the sum of the decomposition's totals
WITH e AS (SELECT area, wellbeing.life_expectancy(age, deaths, population) AS le FROM le_two GROUP BY area),
     g AS (SELECT wellbeing.difference((SELECT le FROM e WHERE area = 'to'), (SELECT le FROM e WHERE area = 'from')) AS d)
SELECT round((d).value::numeric, 6) AS gap, round((d).lower::numeric, 4) AS lower, round((d).upper::numeric, 4) AS upper,
       abs((d).se - sqrt((SELECT (le).se ^ 2 FROM e WHERE area = 'to') + (SELECT (le).se ^ 2 FROM e WHERE area = 'from'))) < 1e-15 AS se_by_formula,
       abs((d).value - (SELECT sum(total) FROM le_two_decomposed)) < 1e-9 AS equals_decomposition
FROM g;
-- The slope index of inequality in life expectancy across deprivation
-- quintiles (PHE's headline indicator): slope_index over the quintiles'
-- life expectancies with their populations and se, quintile 1 the most
-- deprived (position 1 = most disadvantaged).  Equal populations put
-- the quintiles at ridits 0.1, 0.3, ..., 0.9, so the weighted least-squares
-- slope is sum (X - 0.5) e / sum (X - 0.5)^2 and its se
-- sqrt(sum (X - 0.5)^2 se^2) / sum (X - 0.5)^2, written out here.
CREATE TABLE le_quintiles AS
SELECT q, (wellbeing.life_expectancy(age, round(deaths * f), population)) AS le, sum(population) AS population
FROM le_df1, (VALUES (1, 1.3), (2, 1.15), (3, 1.0), (4, 0.9), (5, 0.8)) f(q, f)
GROUP BY q;
SELECT round(s.value::numeric, 4) AS sii, round(s.lower::numeric, 4) AS lower, round(s.upper::numeric, 4) AS upper,
       abs(s.value - (SELECT sum(((q - 0.5) / 5 - 0.5) * (le).value) / sum(((q - 0.5) / 5 - 0.5) ^ 2) FROM le_quintiles)) < 1e-9 AS slope_by_formula,
       abs(s.se - (SELECT sqrt(sum(((q - 0.5) / 5 - 0.5) ^ 2 * (le).se ^ 2)) / sum(((q - 0.5) / 5 - 0.5) ^ 2) FROM le_quintiles)) < 1e-12 AS se_by_formula
FROM (SELECT (wellbeing.slope_index((le).value, population, q, (le).se)).* FROM le_quintiles) s;
-- a table that is not calculated: every band, no contributions, the reason
SELECT count(*) AS bands, count(total) AS contributions, min(reason) AS reason
FROM wellbeing.life_expectancy_decomposition(
    (SELECT s FROM le_two_states WHERE area = 'from'),
    (SELECT wellbeing.life_expectancy_state(age, deaths / 200, population / 200) FROM le_df1));
-- one band (the open band from 0): the whole gap is its contribution;
-- empty arrays: no rows
SELECT age, direct, indirect, total
FROM wellbeing.life_expectancy_decomposition(
    (SELECT wellbeing.life_expectancy_state(0, 1000, 80000)), (SELECT wellbeing.life_expectancy_state(0, 1000, 70000)));
SELECT count(*) AS no_bands FROM wellbeing.life_expectancy_decomposition('{}'::float8[], '{}', '{}', '{}', '{}');

-- the part of each cause (decompositionLE's README, india_china_males_1990
-- from Murray and Lopez 1996: decomp_disease(breakdown = "proportion") with
-- cause rates = all-cause rate times the cause's share of deaths)
SELECT round(wellbeing.cause_contribution(5.6, 0.0267 * 0.882, 0.0084 * 0.677, 0.0267, 0.0084)::numeric, 7) AS cd_0,
       round(wellbeing.cause_contribution(5.6, 0.0267 * 0.073, 0.0084 * 0.174, 0.0267, 0.0084)::numeric, 7) AS ncd_0,
       round(wellbeing.cause_contribution(5.6, 0.0267 * 0.046, 0.0084 * 0.149, 0.0267, 0.0084)::numeric, 9) AS injuries_0,
       round(wellbeing.cause_contribution(-0.3, 0.0929 * 0.728, 0.1003 * 0.877, 0.0929, 0.1003)::numeric, 7) AS ncd_70;
-- published: 5.4661508, 0.1491803, -0.007160656 and -0.8242662.  The
-- causes of a band add up to its contribution when their rates add up to
-- the all-cause rate (the README's shares for India add up to 1.001, so
-- this uses other rates); no change in the all-cause rate: NULL
SELECT abs(wellbeing.cause_contribution(5.6, 0.02, 0.005, 0.0267, 0.0084)
         + wellbeing.cause_contribution(5.6, 0.005, 0.002, 0.0267, 0.0084)
         + wellbeing.cause_contribution(5.6, 0.0017, 0.0014, 0.0267, 0.0084) - 5.6) < 1e-12 AS causes_add_up,
       wellbeing.cause_contribution(0.1, 0.01, 0.02, 0.05, 0.05) IS NULL AS no_change,
       wellbeing.cause_contribution(NULL, 0.01, 0.02, 0.05, 0.04) IS NULL AS null_in;

-- bad input: an error naming the band or argument (SQLSTATEs: test/pgtap/errors.sql)
\set VERBOSITY terse
SELECT * FROM wellbeing.life_expectancy_decomposition('{0,1}'::float8[], '{1,0.9}', '{70,69}', '{1}', '{72}');
SELECT * FROM wellbeing.life_expectancy_decomposition('{0,1}'::float8[], '{1,NULL}', '{70,69}', '{1,0.9}', '{72,71}');
SELECT * FROM wellbeing.life_expectancy_decomposition('{0,0}'::float8[], '{1,0.9}', '{70,69}', '{1,0.9}', '{72,71}');
SELECT * FROM wellbeing.life_expectancy_decomposition('{0,1}'::float8[], '{1,1.1}', '{70,69}', '{1,0.9}', '{72,71}');
SELECT * FROM wellbeing.life_expectancy_decomposition('{0,1}'::float8[], '{1,0.9}', '{70,-69}', '{1,0.9}', '{72,71}');
SELECT * FROM wellbeing.life_expectancy_decomposition('{0,1}'::float8[], '{1,0}', '{70,69}', '{1,0.9}', '{72,71}');
SELECT * FROM wellbeing.life_expectancy_decomposition('{0,NaN}'::float8[], '{1,0.9}', '{70,69}', '{1,0.9}', '{72,71}');
SELECT * FROM wellbeing.life_expectancy_decomposition('{{0,1}}'::float8[], '{1,0.9}', '{70,69}', '{1,0.9}', '{72,71}');
SELECT count(*) FROM wellbeing.life_expectancy_decomposition(
    (SELECT array_agg(g::float8) FROM generate_series(0, 1000) g), '{1}', '{1}', '{1}', '{1}');
SELECT * FROM wellbeing.life_expectancy_decomposition(
    (SELECT s FROM le_two_states WHERE area = 'from'),
    (SELECT wellbeing.life_expectancy_state(age, deaths, population) FROM le_df1 WHERE age <> 40));
SELECT * FROM wellbeing.life_expectancy_decomposition(
    (SELECT s FROM le_two_states WHERE area = 'from'), (SELECT wellbeing.slope_index_state(1, 1, 0.5)));
SELECT * FROM wellbeing.life_expectancy_decomposition('{0,1}'::float8[], '{1,1}', '{0,0}', '{1,1}', '{1e308,1e308}');
SELECT wellbeing.cause_contribution(1, -0.01, 0.02, 0.05, 0.04);
SELECT wellbeing.cause_contribution(1, 0.06, 0.02, 0.05, 0.04);
SELECT wellbeing.cause_contribution('Infinity', 0.01, 0.02, 0.05, 0.04);
\set VERBOSITY default
-- the views call the extension's functions; later files drop the extension
DROP VIEW us_females_decomposed, le_two_decomposed;
DROP TABLE le_quintiles;
