-- Longitudinal self-comparison, first slice: change, linear_trend,
-- annual_percent_change.  Checked against PostgreSQL's own regression
-- aggregates (regr_slope, regr_sxx, ...) and formulas written out.
SET extra_float_digits = 0;
CREATE TABLE series AS
SELECT * FROM (VALUES (2015, 10.2, 0.5), (2016, 10.9, 0.6), (2017, 11.1, 0.5), (2018, 12.0, 0.7),
                      (2019, 12.4, 0.6), (2020, 12.2, 0.8), (2021, 13.5, 0.6), (2022, 13.9, 0.7))
  t(yr, v, se);

-- OLS: slope = regr_slope; se = sqrt(SSE / (n - 2) / Sxx); t(0.975, 6) = 2.446911851144969 (R qt)
SELECT abs(e.value - regr_slope(v, yr)) < 1e-12 AS slope,
       abs(e.se - sqrt((regr_syy(v, yr) - regr_sxy(v, yr) ^ 2 / regr_sxx(v, yr)) / 6 / regr_sxx(v, yr))) < 1e-12 AS se,
       abs(e.lower - (e.value - 2.446911851144969 * e.se)) < 1e-12 AS t_interval, e.n
FROM series, (SELECT (wellbeing.linear_trend(yr, v)).* FROM series) e
GROUP BY e.value, e.se, e.lower, e.n;

-- APC: 100 (exp(b) - 1) with b the slope of ln(value); interval transformed
SELECT abs(e.value - 100 * (exp(regr_slope(ln(v), yr)) - 1)) < 1e-10 AS apc,
       abs(e.upper - 100 * (exp(regr_slope(ln(v), yr) + 2.446911851144969 *
           sqrt((regr_syy(ln(v), yr) - regr_sxy(ln(v), yr) ^ 2 / regr_sxx(ln(v), yr)) / 6 / regr_sxx(ln(v), yr))) - 1)) < 1e-10 AS apc_upper,
       round(e.value::numeric, 4) AS apc_percent
FROM series, (SELECT (wellbeing.annual_percent_change(yr, v)).* FROM series) e
GROUP BY e.value, e.upper;

-- WLS with known variances (weights 1/se^2): slope = Sxy_w / Sxx_w,
-- se = sqrt(1 / Sxx_w), normal interval; "scaled" uses the residual
-- variance on n - 2 df and t
WITH w AS (SELECT yr, v, 1 / se ^ 2 AS w FROM series),
     m AS (SELECT sum(w * yr) / sum(w) AS mx, sum(w * v) / sum(w) AS my FROM w),
     c AS (SELECT sum(w * (yr - mx) ^ 2) AS sxx, sum(w * (yr - mx) * (v - my)) AS sxy,
                  sum(w * (v - my) ^ 2) AS syy FROM w, m)
SELECT abs(k.value - sxy / sxx) < 1e-12 AS wls_slope,
       abs(k.se - sqrt(1 / sxx)) < 1e-12 AS known_se,
       abs(sc.se - sqrt((syy - sxy ^ 2 / sxx) / 6 / sxx)) < 1e-12 AS scaled_se,
       abs(sc.upper - (sc.value + 2.446911851144969 * sc.se)) < 1e-12 AS scaled_t
FROM c, (SELECT (wellbeing.linear_trend(yr, v, se)).* FROM series) k,
        (SELECT (wellbeing.linear_trend(yr, v, se, 0.95, 'scaled')).* FROM series) sc;

-- uneven and missing periods: the slope is per unit of period, not per row
SELECT abs((wellbeing.linear_trend(yr, v)).value - regr_slope(v, yr)) < 1e-12 AS gaps
FROM series WHERE yr NOT IN (2017, 2020);
-- two periods: a slope without an interval; one period: no slope
SELECT value, se IS NULL AS no_se FROM (SELECT (wellbeing.linear_trend(yr, v)).* FROM series WHERE yr IN (2015, 2022)) s;
SELECT (wellbeing.linear_trend(yr, v)).value IS NULL AS one_period FROM series WHERE yr = 2015;
SELECT wellbeing.annual_percent_change(yr, v - 11) FROM series;

-- change: absolute 13.9 - 10.2 = 3.7, se = sqrt(0.7^2 + 0.5^2) = 0.8602325;
-- relative 13.9 / 10.2 - 1 = 0.3627451, interval
-- exp(ln(13.9/10.2) -/+ z sqrt(0.7^2/13.9^2 + 0.5^2/10.2^2)) - 1
SELECT round(absolute::numeric, 7) AS absolute, round(absolute_se::numeric, 7) AS se,
       round(relative::numeric, 7) AS relative,
       abs(relative_upper - (exp(ln(13.9 / 10.2) + 1.959963984540054 * sqrt(0.7 ^ 2 / 13.9 ^ 2 + 0.5 ^ 2 / 10.2 ^ 2)) - 1)) < 1e-12 AS relative_interval,
       abs(p_value - 2 * (1 - 0.9999915047850262)) < 1e-10 AS p_by_hand, significant
FROM wellbeing.change(wellbeing.estimate(10.2, 0.5), wellbeing.estimate(13.9, 0.7));
-- (Phi(3.7 / 0.8602325) = Phi(4.3011626) = 0.9999915047850262 in R)
-- overlapping samples: a positive covariance narrows the interval of the change
SELECT round(absolute_se::numeric, 7) AS se_with_covariance
FROM wellbeing.change(wellbeing.estimate(10.2, 0.5), wellbeing.estimate(13.9, 0.7), covariance => 0.2);
SELECT significant, round(p_value::numeric, 4) AS p
FROM wellbeing.change(wellbeing.estimate(10.2, 0.5), wellbeing.estimate(10.9, 0.6));
SELECT * FROM wellbeing.change(wellbeing.estimate(1, 1), wellbeing.estimate(2, 1), 1.5);

-- Mann-Kendall and Sen's slope: the zyp example (reference/index_longitudinal.md
-- C.9): x = 0..5, y = 6, 4, 1, 8, 7, 8: Sen slope 0.6666667, intercept 4.5,
-- 95 % lower limit -2.5, 99 % interval -3 to 3; S = 6, Var(S) = 27.33 (one
-- tied pair), Z = 0.956, p = 0.339
CREATE TABLE zyp AS SELECT * FROM unnest(ARRAY[0,1,2,3,4,5]::float8[], ARRAY[6,4,1,8,7,8]::float8[]) t(x, y);
SELECT s, round(variance::numeric, 4) AS variance, round(z::numeric, 3) AS z, round(p_value::numeric, 3) AS p,
       round(tau::numeric, 6) AS tau_b, round(sen_slope::numeric, 7) AS slope, slope_lower,
       round(slope_upper::numeric, 4) AS slope_upper, intercept, n
FROM (SELECT (wellbeing.mann_kendall(x, y)).* FROM zyp) m;
SELECT slope_lower, slope_upper FROM (SELECT (wellbeing.mann_kendall(x, y, 0.99)).* FROM zyp) m;
-- tau-b written out: S / sqrt((n0 - ties in y)(n0 - ties in period)) = 6 / sqrt(14 x 15)
SELECT abs(tau - 6 / sqrt(14.0 * 15)) < 1e-15 AS tau_b FROM (SELECT (wellbeing.mann_kendall(x, y)).* FROM zyp) m;
-- slopes divide by time differences: stretching the periods by 2 halves the slope
SELECT (wellbeing.mann_kendall(2 * x, y)).sen_slope * 2 = (wellbeing.mann_kendall(x, y)).sen_slope AS time_scaled FROM zyp;
-- a strictly increasing series of 5: S = 10, tau = 1; row order does not matter
SELECT s, tau FROM (SELECT (wellbeing.mann_kendall(x, x * x)).* FROM (SELECT generate_series(1, 5)::float8 AS x ORDER BY random()) r) m;
-- one period: nothing to test (NULLs), n = 1; NULL rows are skipped
SELECT s, z IS NULL AS no_z, n FROM (SELECT (wellbeing.mann_kendall(2020, 5.0)).*) m;
SELECT n FROM (SELECT (wellbeing.mann_kendall(x, y)).* FROM (VALUES (1.0, 2.0), (NULL, 3.0), (3.0, NULL), (4.0, 5.0)) t(x, y)) m;
DROP TABLE zyp;

-- trend_status reads the interval through the direction; periods_to_target
-- divides the remaining gap by the slope
SELECT wellbeing.trend_status(t) AS asset, wellbeing.trend_status(t, higher_is_better => false) AS deficit,
       wellbeing.trend_status(t, min_periods => 10) AS short_series
FROM (SELECT wellbeing.linear_trend(yr, v) AS t FROM series) s;
SELECT wellbeing.trend_status(wellbeing.estimate(0.1, 0.2, 8)) AS flat,
       wellbeing.trend_status(wellbeing.estimate(-0.5, 0.1, 8)) AS falling_asset,
       wellbeing.trend_status(wellbeing.estimate(0.5, NULL, 8)) AS no_interval;
-- 13.9 now, target 16: (16 - 13.9) / slope; bounds from the slope's limits
SELECT abs(p.value - 2.1 / (t).value) < 1e-12 AS periods,
       abs(p.lower - 2.1 / (t).upper) < 1e-12 AS earliest, abs(p.upper - 2.1 / (t).lower) < 1e-12 AS latest,
       abs(p.se - 2.1 * (t).se / (t).value ^ 2) < 1e-12 AS delta_se
FROM (SELECT wellbeing.linear_trend(yr, v) AS t FROM series) s,
     LATERAL wellbeing.periods_to_target(s.t, 13.9, 16) p;
-- pointing away: NULL; reached: 0; a slope interval that reaches 0: no upper bound
SELECT (wellbeing.periods_to_target(wellbeing.estimate(0.5, 0.1), 13.9, 10)).value IS NULL AS away,
       (wellbeing.periods_to_target(wellbeing.estimate(0.5, 0.1), 13.9, 13.9)).value AS reached,
       (wellbeing.periods_to_target(wellbeing.estimate(0.5, 0.4), 13.9, 16)).upper IS NULL AS no_upper_bound;

-- gap_trend: a gap of 4 falling by 0.5 a period is closing; the difference's
-- slope is the WLS slope of (a - b) with weights 1 / (se_a^2 + se_b^2)
CREATE TABLE gap AS
SELECT yr, 10 + 0.2 * (yr - 2015) + 0.1 * ((yr * 7) % 3 - 1) AS a, 0.4 AS se_a,
       6 + 0.7 * (yr - 2015) AS b, 0.3 AS se_b
FROM generate_series(2015, 2022) yr;
SELECT round(difference_slope::numeric, 6) AS slope, status, round(mean_gap::numeric, 4) AS mean_gap, n,
       abs(difference_slope - (SELECT regr_slope(a - b, yr) FROM gap)) < 1e-12 AS equal_weights_is_ols,
       abs(difference_se - 0.5 / sqrt((SELECT regr_sxx(a - b, yr) FROM gap))) < 1e-12 AS known_se,
       ratio_percent_change < 0 AS ratio_falls
FROM (SELECT (wellbeing.gap_trend(yr, a, se_a, b, se_b)).* FROM gap) g;
-- (equal variances 0.4^2 + 0.3^2 = 0.25 make the WLS slope the OLS slope and se = 0.5 / sqrt(Sxx))
-- the ratio's trend is the APC of a / b with weights (se_a^2/a^2 + se_b^2/b^2)^-1
WITH w AS (SELECT yr, ln(a / b) AS y, 1 / (se_a ^ 2 / a ^ 2 + se_b ^ 2 / b ^ 2) AS w FROM gap),
     m AS (SELECT sum(w * yr) / sum(w) AS mx, sum(w * y) / sum(w) AS my FROM w)
SELECT abs((SELECT (wellbeing.gap_trend(yr, a, se_a, b, se_b)).ratio_percent_change FROM gap)
           - 100 * (exp(sum(w * (yr - mx) * (y - my)) / sum(w * (yr - mx) ^ 2)) - 1)) < 1e-10 AS ratio_apc
FROM w, m;
-- a steady gap: no significant change; a growing one: widening; two periods: not enough data
SELECT (wellbeing.gap_trend(yr, b + 4, 0.4, b, 0.3)).status AS steady,
       (wellbeing.gap_trend(yr, b + 4 + (yr - 2015), 0.4, b, 0.3)).status AS growing
FROM gap;
SELECT (wellbeing.gap_trend(yr, a, se_a, b, se_b)).status FROM gap WHERE yr < 2017;
SELECT wellbeing.gap_trend(yr, a, 0, b, 0) FROM gap;
DROP TABLE gap;

-- Fingertips recent-trend markers on four real England series
-- (reference/index_longitudinal.md C.6; expected markers from FingertipsNext's
-- unit tests, "as per website")
-- 241 diabetes prevalence 17+ (counts): Cochran-Armitage chi2 16 494.8 -> increasing
SELECT marker, round(chi_square::numeric, 1) AS chi_square
FROM (SELECT (wellbeing.recent_trend_proportion(yr, r, n)).*
      FROM unnest(ARRAY[2020,2021,2022,2023,2024]::float8[],
                  ARRAY[3455176,3491868,3625401,3774801,3938080]::float8[],
                  ARRAY[48783947,49122259,49956777,50649129,51441896]::float8[]) t(yr, r, n)) m;
-- 30309 MMR at 2 years (high is good): slope -0.7405, SE 0.0362, chi2 418.5 -> decreasing and getting worse
SELECT marker, round(slope::numeric, 4) AS slope, round(se::numeric, 4) AS se, round(chi_square::numeric, 1) AS chi_square
FROM (SELECT (wellbeing.recent_trend(yr, v, l, u, true)).*
      FROM unnest(ARRAY[2020,2021,2022,2023,2024]::float8[], ARRAY[92.6254,92.3221,90.8708,90.017,90.1013],
                  ARRAY[92.4168,92.1072,90.6358,89.7694,89.8578], ARRAY[92.8288,92.5315,91.1004,90.2594,90.3396]) t(yr, v, l, u)) m;
-- 41203 preventable sight loss (low is good): +0.1398, SE 0.0242, chi2 33.49 -> increasing and getting worse
SELECT marker, round(slope::numeric, 4) AS slope, round(se::numeric, 4) AS se, round(chi_square::numeric, 2) AS chi_square
FROM (SELECT (wellbeing.recent_trend(yr, v, l, u, false)).*
      FROM unnest(ARRAY[2020,2021,2022,2023,2024]::float8[], ARRAY[2.935,1.93028,2.7567,2.8701,3.0121],
                  ARRAY[2.7841,1.8085,2.6113,2.7225,2.8616], ARRAY[3.0919,2.058,2.9082,3.0237,3.1683]) t(yr, v, l, u)) m;
-- 40501 under-75 cancer mortality DSR (low is good), 2019-2023: -1.5707, SE 0.1594, chi2 97.10
SELECT marker, round(slope::numeric, 4) AS slope, round(se::numeric, 4) AS se, round(chi_square::numeric, 2) AS chi_square
FROM (SELECT (wellbeing.recent_trend(yr, v, l, u, false)).*
      FROM unnest(ARRAY[2019,2020,2021,2022,2023]::float8[], ARRAY[126.9341,125.829,121.5234,122.3782,120.7742],
                  ARRAY[125.9343,124.8371,120.5533,121.4012,119.8035], ARRAY[127.94,126.8268,122.4993,123.361,121.7507]) t(yr, v, l, u)) m;
-- only the 5 most recent periods count (older rows change nothing; row order neither);
-- fewer than 5 periods: cannot be calculated; no polarity: plain direction
SELECT (wellbeing.recent_trend(yr, v, v - 1, v + 1)).marker AS longer_series
FROM (SELECT * FROM (VALUES (2010, 500.0), (2011, 1.0), (2019, 10.0), (2020, 10.5), (2021, 11.2),
                            (2022, 11.8), (2023, 12.6)) t(yr, v) ORDER BY random()) s;
SELECT (wellbeing.recent_trend(yr, v, v - 1, v + 1)).marker AS four_periods
FROM (VALUES (2020, 10.0), (2021, 10.5), (2022, 11.2), (2023, 11.8)) t(yr, v);
-- a noisy series: no significant change (chi2 below 9.5495)
SELECT (wellbeing.recent_trend(yr, v, v - 2, v + 2, true)).marker AS noisy
FROM (VALUES (2019, 10.0), (2020, 11.0), (2021, 9.5), (2022, 10.8), (2023, 10.4)) t(yr, v);
SELECT wellbeing.recent_trend(2020, 5, 6, 4);
-- trend_status by the Fingertips rule: MMR (high is good) decreasing -> worsening,
-- the same series read as a deficit -> improving; four periods -> not enough
-- data (with or without a direction); noisy -> no significant change
SELECT wellbeing.trend_status(wellbeing.recent_trend(yr, v, l, u), true) AS mmr,
       wellbeing.trend_status(wellbeing.recent_trend(yr, v, l, u), false) AS mmr_as_deficit
FROM unnest(ARRAY[2020,2021,2022,2023,2024]::float8[], ARRAY[92.6254,92.3221,90.8708,90.017,90.1013],
            ARRAY[92.4168,92.1072,90.6358,89.7694,89.8578], ARRAY[92.8288,92.5315,91.1004,90.2594,90.3396]) t(yr, v, l, u);
SELECT wellbeing.trend_status(wellbeing.recent_trend(yr, v, v - 1, v + 1)) AS four_periods,
       wellbeing.trend_status(wellbeing.recent_trend(yr, v, v - 1, v + 1), NULL) AS no_direction
FROM (VALUES (2020, 10.0), (2021, 10.5), (2022, 11.2), (2023, 11.8)) t(yr, v);
SELECT wellbeing.trend_status(wellbeing.recent_trend(yr, v, v - 2, v + 2), false) AS noisy
FROM (VALUES (2019, 10.0), (2020, 11.0), (2021, 9.5), (2022, 10.8), (2023, 10.4)) t(yr, v);

-- self_comparison: each area x group x indicator against its own baseline.
-- A table with a hostile name and an se column, a catalog with a direction
CREATE TABLE "my data; drop table x" (area text, grp text, period int, indicator text, value float8, se float8);
INSERT INTO "my data; drop table x"
SELECT a, 'all', yr, ind,
       CASE ind WHEN 'income' THEN 100 + 5 * (yr - 2015) ELSE 10 - 0.05 * (yr - 2015) + 0.3 * ((yr * 7) % 3 - 1) END,
       CASE ind WHEN 'income' THEN 2 ELSE 0.5 END
FROM unnest(ARRAY['A', 'B']) a, generate_series(2015, 2022) yr, unnest(ARRAY['income', 'crime']) ind;
CREATE TABLE catalog (indicator text, higher_is_better boolean);
INSERT INTO catalog VALUES ('income', true), ('crime', false);
SELECT area, indicator, baseline, latest, latest_period_used AS latest_period, change,
       round(change_lower::numeric, 4) AS change_lower, round(relative_change::numeric, 4) AS relative,
       round(trend::numeric, 4) AS trend, periods, status
FROM wellbeing.self_comparison('"my data; drop table x"', 'catalog', 2015) WHERE area = 'A';
-- the columns equal the functions they come from: change() of the two
-- estimates, and linear_trend with the period SEs
SELECT abs(s.change_lower - (wellbeing.change(wellbeing.estimate(100, 2), wellbeing.estimate(135, 2))).absolute_lower) < 1e-12 AS change_interval,
       abs(s.trend - (SELECT (wellbeing.linear_trend(period, value, se)).value FROM "my data; drop table x"
                      WHERE area = 'A' AND indicator = 'income')) < 1e-12 AS trend_from_linear_trend
FROM wellbeing.self_comparison('"my data; drop table x"', 'catalog', 2015) s
WHERE s.area = 'A' AND s.indicator = 'income';
-- a later baseline and an earlier latest period narrow the window
SELECT baseline, latest, periods FROM wellbeing.self_comparison('"my data; drop table x"', 'catalog', 2017, 2020)
WHERE area = 'B' AND indicator = 'income';
-- the caller's rights: a role without SELECT on the data cannot read it
CREATE ROLE regress_wellbeing_reader;
GRANT SELECT ON catalog TO regress_wellbeing_reader;
GRANT USAGE ON SCHEMA wellbeing TO regress_wellbeing_reader;
\set VERBOSITY terse
SET ROLE regress_wellbeing_reader;
SELECT count(*) FROM wellbeing.self_comparison('"my data; drop table x"', 'catalog', 2015);
RESET ROLE;
-- a table without the needed columns
SELECT * FROM wellbeing.self_comparison('catalog', 'catalog', 2015);
\set VERBOSITY default
DROP TABLE "my data; drop table x", catalog;
REVOKE USAGE ON SCHEMA wellbeing FROM regress_wellbeing_reader;
DROP ROLE regress_wellbeing_reader;

DROP TABLE series;

-- joinpoint (the R reference values are in test/pgtap/joinpoint_reference.sql).
-- A series with a break at 2008 (slope 0.02 before, -0.03 after, a small
-- wiggle): one joinpoint at 2008, APCs about 100 (e^0.02 - 1) = 2.02 % and
-- 100 (e^-0.03 - 1) = -2.96 %, as built in.
CREATE TABLE jp (x int, y float8);
INSERT INTO jp SELECT x, 100 * exp(CASE WHEN x <= 2008 THEN 0.02 * (x - 2000) ELSE 0.16 - 0.03 * (x - 2008) END) * exp(0.01 * sin(x))
FROM generate_series(2000, 2019) x;
SELECT (f).joinpoints, (f).locations, (f).n, (f).df, (f).selection, round((f).aapc::numeric, 4) AS aapc
FROM (SELECT wellbeing.joinpoint(x, y) AS f FROM jp) s;
SELECT segment, start_period, end_period, round(apc::numeric, 4) AS apc,
       round(apc_lower::numeric, 4) AS apc_lower, round(apc_upper::numeric, 4) AS apc_upper
FROM (SELECT wellbeing.joinpoint(x, y) AS f FROM jp) s, wellbeing.joinpoint_segments(f);
-- at most 0 joinpoints: the log-linear APC of annual_percent_change
SELECT abs((f).apc[1] - (a).value) < 1e-12 AS equals_annual_percent_change, (f).joinpoints
FROM (SELECT wellbeing.joinpoint(x, y, NULL, 0) AS f, wellbeing.annual_percent_change(x, y) AS a FROM jp) s;
-- NULL rows are skipped; two periods: a line with no interval (df 0);
-- one period or none: NULL
SELECT (f).joinpoints, (f).apc, (f).apc_lower, (f).df
FROM (SELECT wellbeing.joinpoint(x, y) AS f FROM (VALUES (1, 2.0), (2, 4.0), (NULL, 5), (3, NULL)) t(x, y)) s;
SELECT wellbeing.joinpoint(x, y) IS NULL AS one_period FROM (VALUES (1, 2.0)) t(x, y);
SELECT wellbeing.joinpoint(x, y) IS NULL AS empty FROM jp WHERE false;
-- extreme values: growth by 10^40 a period, from 1e40 to 1e280
SELECT (f).joinpoints, round(log((f).apc[1]::numeric / 100 + 1), 9) AS log10_growth
FROM (SELECT wellbeing.joinpoint(x, 10 ^ (40 * x)) AS f FROM generate_series(1, 7) x) s;
-- errors
SELECT wellbeing.joinpoint(x, 0) FROM generate_series(1, 3) x;
SELECT wellbeing.joinpoint(x, 1) FROM (VALUES (1), (1)) t(x);
SELECT wellbeing.joinpoint(x, 1, NULL, 7) FROM generate_series(1, 3) x;
SELECT wellbeing.joinpoint_aapc(wellbeing.joinpoint(x, y), 1990, 2019) FROM jp;
DROP TABLE jp;
