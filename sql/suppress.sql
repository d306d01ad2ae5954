-- reliability, suppress and complementary_suppression.
SET extra_float_digits = 0;

-- reliability: suppress when n < 11; unreliable when RSE = se/|value| > 0.30
SELECT n, se, wellbeing.reliability(wellbeing.estimate(1, se, n)) AS flag
FROM (VALUES (10, 0.1), (11, 0.1), (11, 0.30), (11, 0.31), (500, 0.5), (NULL, 0.1)) t(n, se)
ORDER BY n NULLS LAST, se;
-- thresholds are arguments; no se is unreliable; a zero value is unreliable
-- (its RSE is undefined), also with se = 0; se = 0 with a value is reliable
SELECT wellbeing.reliability(wellbeing.estimate(1, 0.5, 5), min_n => 5, max_rse => 0.5) AS custom,
       wellbeing.reliability(wellbeing.estimate(1, NULL, 50)) AS no_se,
       wellbeing.reliability(wellbeing.estimate(0, 0.1, 50)) AS zero_value,
       wellbeing.reliability(wellbeing.estimate(0, 0, 50)) AS zero_exact,
       wellbeing.reliability(wellbeing.estimate(3, 0, 50)) AS exact_count;
-- RSE of a Poisson count is 1/sqrt(D) (reference/index_longitudinal.md C.10):
-- D = 10 gives 31.6 % (unreliable), D = 12 gives 28.9 %
SELECT events, round(((e).se / (e).value)::numeric, 3) AS rse, wellbeing.reliability(e, 10) AS flag
FROM (SELECT events, wellbeing.rate_ci(events, 10000) AS e FROM (VALUES (10), (12), (16), (20)) t(events)) s;

-- suppress hides value, interval and n where the flag says suppress
SELECT (wellbeing.suppress(wellbeing.estimate(0.2, 0.05, 8))).*;
SELECT (wellbeing.suppress(wellbeing.estimate(0.2, 0.05, 80))).*;
SELECT (wellbeing.suppress(wellbeing.estimate(0.2, 0.10, 80), suppress_unreliable => true)).*;
SELECT wellbeing.suppress(NULL::wellbeing.estimate) IS NULL AS null_in_null_out;
SELECT wellbeing.reliability(wellbeing.estimate(1, 1, 20), -1);

-- complementary suppression: one primary cell in a row would be
-- recoverable from the row total, so the smallest other non-zero cell goes
-- too (CMS rule: counts 1-10 are primary, 0 may be shown and protects nothing)
CREATE TABLE cells (tract text, grp text, count int);
INSERT INTO cells VALUES
  ('A', 'g1', 4), ('A', 'g2', 120), ('A', 'g3', 0), ('A', 'g4', 35), ('A', 'g5', 60),
  ('B', 'g1', 40), ('B', 'g2', 3), ('B', 'g3', 7), ('B', 'g4', 90),
  ('C', 'g1', 50), ('C', 'g2', 60), ('C', 'g3', 70),
  ('D', 'g1', 2), ('D', 'g2', 0);
SELECT tract, grp, count, count BETWEEN 1 AND 10 AS primary_cell,
       wellbeing.complementary_suppression(count, count BETWEEN 1 AND 10)
         OVER (PARTITION BY tract ORDER BY grp) AS hidden
FROM cells ORDER BY tract, grp;
-- with min_total 20 the hidden cells of a row must add up to 20 or more
SELECT tract, grp, count,
       wellbeing.complementary_suppression(count, count BETWEEN 1 AND 10, 20)
         OVER (PARTITION BY tract ORDER BY grp) AS hidden
FROM cells WHERE tract IN ('A', 'B') ORDER BY tract, grp;
-- NULL counts are never complements; NULL primary means not primary
SELECT grp, wellbeing.complementary_suppression(c, p) OVER () AS hidden
FROM (VALUES ('x', 5, true), ('y', NULL, false), ('z', 50, NULL), ('w', 70, false)) t(grp, c, p)
ORDER BY grp;
-- the result does not depend on the order rows arrive in, given ORDER BY
SELECT count(*) AS disagreements FROM (
  SELECT tract, grp, wellbeing.complementary_suppression(count, count < 11) OVER (PARTITION BY tract ORDER BY grp) AS h
  FROM (SELECT * FROM cells ORDER BY random()) s) a
JOIN (
  SELECT tract, grp, wellbeing.complementary_suppression(count, count < 11) OVER (PARTITION BY tract ORDER BY grp) AS h
  FROM cells) b USING (tract, grp)
WHERE a.h <> b.h;
SELECT wellbeing.complementary_suppression(c, true) OVER () FROM (VALUES (-1)) t(c);

-- clean up: test files share one database
DROP TABLE cells;
