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

-- NCHS Data Presentation Standards for Proportions (Parker et al. 2017).
-- Each step of the standard on an estimate built to land in it (simple
-- random sample: n_eff = n, df = n - 1, the interval Clopper-Pearson):
SELECT label, (wellbeing.nchs_presentation(e)).decision, (wellbeing.nchs_presentation(e)).reason,
       round((wellbeing.nchs_presentation(e)).ci_width::numeric, 4) AS width
FROM (VALUES
  ('n_eff 20', wellbeing.estimate(0.5, sqrt(0.25 / 20), 20)),
  ('narrow, n 2000', wellbeing.estimate(0.5, sqrt(0.25 / 2000), 2000)),
  ('wide, n 40', wellbeing.estimate(0.5, sqrt(0.25 / 40), 40)),
  ('rare, n 100', wellbeing.estimate(0.05, sqrt(0.05 * 0.95 / 100), 100)),
  ('common, n 100', wellbeing.estimate(0.95, sqrt(0.05 * 0.95 / 100), 100)),
  ('half, n 100', wellbeing.estimate(0.5, 0.05, 100)),
  ('zero, n 100', wellbeing.estimate(0, 0, 100)),
  ('no se', wellbeing.estimate(0.3, NULL, 100)),
  ('no value', wellbeing.estimate(NULL, NULL, 100))) t(label, e);
-- the interval is Clopper-Pearson on n_eff when df = n - 1: 5 of 100 against
-- proportion_ci's exact method (another code path; binom.test(5, 100) gives
-- 0.01643 to 0.11284)
SELECT round(n.lower::numeric, 10) = round(c.lower::numeric, 10) AS lower_is_exact,
       round(n.upper::numeric, 10) = round(c.upper::numeric, 10) AS upper_is_exact,
       round(n.lower::numeric, 5) AS lower, round(n.upper::numeric, 5) AS upper
FROM wellbeing.nchs_presentation(wellbeing.estimate(0.05, sqrt(0.05 * 0.95 / 100), 100)) n,
     wellbeing.proportion_ci(5, 100, 0.95, 'exact') c;
-- a design with few degrees of freedom: Korn-Graubard scales n_eff by
-- (qt(0.025, n - 1) / qt(0.025, df))^2, and df < 8 sends it to review
SELECT decision, reason, effective_n, df, round(ci_width::numeric, 4) AS width
FROM wellbeing.nchs_presentation(ROW(0.5, 0.05, 0.4, 0.6, 100, 0.95, 5)::wellbeing.survey_estimate);
-- on a survey design the interval is survey_proportion's 'beta' interval
-- (checked against R svyciprop(method = "beta")) wherever n_eff < n (no cap)
CREATE TEMP TABLE nchs_design AS
SELECT g AS id, 1 + (g % 40) % 4 AS s, g % 40 AS psu, (g * 7) % 10 < 3 + (g / 50) % 4 AS y, 0.5 + (g * 13 % 10) / 4.0 AS w, (g / 7) % 4 AS grp
FROM generate_series(1, 600) g;
SELECT count(*) AS cells, min((e).df) AS min_df,
       count(*) FILTER (WHERE abs(n.lower - (e).lower) <= 1e-12 AND abs(n.upper - (e).upper) <= 1e-12) AS same_interval
FROM (SELECT k, (SELECT wellbeing.survey_proportion(y, w, s, psu, NULL, 0.95, 'interval=beta', grp = k AND s <> 2) FROM nchs_design) AS e
      FROM generate_series(0, 3) k) c,
     LATERAL wellbeing.nchs_presentation(e) n
WHERE n.effective_n < (e).n;
-- where the RSE rule and the standard disagree: n 11 and df 2 (the RSE
-- rule says reliable; the standard suppresses)
SELECT wellbeing.reliability(e) AS rse_rule, (wellbeing.nchs_presentation(e)).decision AS nchs
FROM (SELECT ROW(0.24, 0.059, 0.065, 0.505, 11, 0.95, 2)::wellbeing.survey_estimate AS e) t;
SELECT wellbeing.nchs_presentation(wellbeing.estimate(1.5, 0.1, 100));
DROP TABLE nchs_design;

-- clean up: test files share one database
DROP TABLE cells;
