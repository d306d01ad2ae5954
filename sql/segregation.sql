-- Two-group segregation: dissimilarity, isolation, exposure.
-- Fixture (reference/disparity.md 5.5, computed with the formulas): tracts
-- with group counts 100, 300, 50, 550 and totals 1000, 800, 600, 1600:
-- D = 0.3333333, isolation xPx = 0.3157292, exposure xPy = 0.6842708.
SET extra_float_digits = 0;
CREATE TABLE units AS
SELECT * FROM (VALUES ('T1', 100, 1000), ('T2', 300, 800), ('T3', 50, 600), ('T4', 550, 1600)) t(tract, x, t);
SELECT round((wellbeing.dissimilarity(x, t - x)).value::numeric, 7) AS dissimilarity,
       round((wellbeing.isolation(x, t)).value::numeric, 7) AS isolation,
       round((wellbeing.exposure(x, t - x, t)).value::numeric, 7) AS exposure,
       (wellbeing.isolation(x, t)).n AS units
FROM units;
-- for two groups exposure = 1 - isolation; D written out as
-- sum t |p - P| / (2 T P (1 - P)) with p = x/t, P = X/T
SELECT abs((wellbeing.exposure(x, t - x, t)).value + (wellbeing.isolation(x, t)).value - 1) < 1e-15 AS complement,
       abs((wellbeing.dissimilarity(x, t - x)).value
           - sum(t * abs(x::float8 / t - 1000.0 / 4000)) / (2 * 4000 * 0.25 * 0.75)) < 1e-15 AS d_alternative_form
FROM units;
-- even spread gives D = 0 and isolation = the group's share; total separation D = 1
SELECT (wellbeing.dissimilarity(x, y)).value AS even, (wellbeing.isolation(x, x + y)).value AS isolation_even
FROM (VALUES (10, 30), (20, 60)) t(x, y);
SELECT (wellbeing.dissimilarity(x, y)).value AS separated FROM (VALUES (10, 0), (0, 60)) t(x, y);
-- undefined: no members of the group; empty input
SELECT (wellbeing.dissimilarity(0, y)).value IS NULL AS no_group FROM (VALUES (5), (6)) t(y);
SELECT wellbeing.isolation(x, t) IS NULL AS empty FROM units WHERE false;
-- bad input
SELECT wellbeing.isolation(20, 10);
SELECT wellbeing.exposure(5, 6, 10);
SELECT wellbeing.dissimilarity(-1, 5);

DROP TABLE units;
