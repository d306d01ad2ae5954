-- Mann-Kendall, Sen and the log-linear APC on two series R ships (Nile: few
-- ties; discoveries: counts with many ties; test/fixtures/r_datasets_series.R),
-- each statistic computed again here by its definition in plain SQL over
-- all pairs (O(n^2)).
BEGIN;
SELECT plan(22);
CREATE TEMP TABLE series (series text, t float8, y float8);
\copy series FROM 'test/fixtures/r_datasets_series.csv' WITH (FORMAT csv, HEADER true)

CREATE TEMP TABLE by_hand AS
WITH pairs AS (
  SELECT a.series, sign(b.y - a.y) AS s, (b.y - a.y) / (b.t - a.t) AS slope
  FROM series a JOIN series b ON b.series = a.series AND b.t > a.t
), ties AS (
  SELECT series, sum(c * (c - 1) * (2 * c + 5)) AS tie_var, sum(c * (c - 1) / 2) AS tie_pairs
  FROM (SELECT series, y, count(*)::float8 AS c FROM series GROUP BY series, y) g GROUP BY series
), base AS (
  SELECT p.series, sum(p.s) AS s, count(*)::float8 AS n0,
         (SELECT count(*)::float8 FROM series x WHERE x.series = p.series) AS n,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY p.slope) AS sen
  FROM pairs p GROUP BY p.series
)
SELECT b.series, b.s, b.n, b.sen,
       (b.n * (b.n - 1) * (2 * b.n + 5) - t.tie_var) / 18 AS var,
       (b.s - sign(b.s)) / sqrt((b.n * (b.n - 1) * (2 * b.n + 5) - t.tie_var) / 18) AS z,
       b.s / sqrt((b.n0 - t.tie_pairs) * b.n0) AS tau_b,
       -- Gilbert: C = z(0.975) sqrt(var); the round((N - C)/2)-th and round((N + C)/2)-th slopes
       (SELECT slope FROM (SELECT slope, row_number() OVER (ORDER BY slope) AS k FROM pairs q WHERE q.series = b.series) o
        WHERE k = round((b.n0 - 1.959963984540054 * sqrt((b.n * (b.n - 1) * (2 * b.n + 5) - t.tie_var) / 18)) / 2)) AS lower,
       (SELECT slope FROM (SELECT slope, row_number() OVER (ORDER BY slope) AS k FROM pairs q WHERE q.series = b.series) o
        WHERE k = round((b.n0 + 1.959963984540054 * sqrt((b.n * (b.n - 1) * (2 * b.n + 5) - t.tie_var) / 18)) / 2)) AS upper,
       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x.y - b.sen * x.t) FROM series x WHERE x.series = b.series) AS intercept,
       t.tie_pairs
FROM base b JOIN ties t USING (series);

CREATE TEMP TABLE ours AS
SELECT series, (wellbeing.mann_kendall(t, y)).* FROM series GROUP BY series;

SELECT is((SELECT o.s FROM ours o WHERE series = h.series), h.s, h.series || ': S = sum of pair signs') FROM by_hand h ORDER BY series;
SELECT ok(abs((SELECT o.variance FROM ours o WHERE series = h.series) - h.var) < 1e-9 * h.var,
          h.series || ': Var(S) with the tie term subtracted (' || h.tie_pairs || ' tied pairs)') FROM by_hand h ORDER BY series;
SELECT ok(abs((SELECT o.z FROM ours o WHERE series = h.series) - h.z) < 1e-12, h.series || ': Z with continuity correction') FROM by_hand h ORDER BY series;
SELECT ok(abs((SELECT o.tau FROM ours o WHERE series = h.series) - h.tau_b) < 1e-12, h.series || ': tau-b') FROM by_hand h ORDER BY series;
SELECT ok(abs((SELECT o.sen_slope FROM ours o WHERE series = h.series) - h.sen) < 1e-12, h.series || ': Sen slope = median pairwise slope') FROM by_hand h ORDER BY series;
SELECT ok((SELECT o.slope_lower FROM ours o WHERE series = h.series) = h.lower
          AND (SELECT o.slope_upper FROM ours o WHERE series = h.series) = h.upper, h.series || ': Gilbert interval ranks') FROM by_hand h ORDER BY series;
SELECT ok(abs((SELECT o.intercept FROM ours o WHERE series = h.series) - h.intercept) < 1e-9, h.series || ': intercept median(y - slope t)') FROM by_hand h ORDER BY series;
-- both series have 100 periods, more than the exact p's 50
SELECT ok((SELECT bool_and(exact_p_value IS NULL) FROM ours), 'exact p is NULL beyond 50 periods');

-- APC on Nile: log-linear OLS written out with the built-in regression
-- aggregates: b = regr_slope(ln y, t); se(b) = sqrt(SSE / (n - 2) / Sxx) with
-- SSE = Syy - Sxy^2 / Sxx; 100 (exp(b -/+ t(0.975, 98) se) - 1), t = 1.984467454426692
WITH r AS (
  SELECT regr_slope(ln(y), t) AS b, regr_sxx(ln(y), t) AS sxx,
         regr_syy(ln(y), t) - regr_sxy(ln(y), t) ^ 2 / regr_sxx(ln(y), t) AS sse, count(*) AS n
  FROM series WHERE series = 'Nile'
), a AS (SELECT (wellbeing.annual_percent_change(t, y)).* FROM series WHERE series = 'Nile')
SELECT ok(abs(a.value - 100 * (exp(r.b) - 1)) < 1e-10
          AND abs(a.lower - 100 * (exp(r.b - 1.984467454426692 * sqrt(r.sse / (r.n - 2) / r.sxx)) - 1)) < 1e-10
          AND abs(a.upper - 100 * (exp(r.b + 1.984467454426692 * sqrt(r.sse / (r.n - 2) / r.sxx)) - 1)) < 1e-10,
          'Nile: annual_percent_change = OLS on ln(flow) with its t interval')
FROM r, a;
-- the single-segment joinpoint of Nile agrees (no joinpoint forced)
SELECT ok(abs((f).apc[1] - (a).value) < 1e-10, 'Nile: joinpoint with 0 joinpoints = annual_percent_change')
FROM (SELECT wellbeing.joinpoint(t, y, NULL, 0) AS f, wellbeing.annual_percent_change(t, y) AS a FROM series WHERE series = 'Nile') s;
-- edge cases: a constant series has S = 0 and no Z; all values tied: variance 0
SELECT ok((SELECT s = 0 AND z IS NULL AND sen_slope = 0 FROM (SELECT (wellbeing.mann_kendall(t, 5.0)).* FROM series WHERE series = 'Nile') m),
          'constant series: S = 0, no Z, Sen slope 0');
SELECT ok((SELECT (wellbeing.linear_trend(t, 5.0)).value = 0 FROM series WHERE series = 'Nile'), 'constant series: linear trend 0');

-- joinpoint against a brute-force search written out here: a series with a
-- break at 2008; for every allowed location tau (2 periods from each end)
-- the least-squares fit of ln y = a + b t + d (t - tau)+ by the normal
-- equations (3 x 3, Cramer's rule), the smallest SSE wins; BIC(1) =
-- ln(SSE/n) + 4 ln(n)/n
CREATE TEMP TABLE jp AS
SELECT x::float8 AS t, ln(100 * exp(CASE WHEN x <= 2008 THEN 0.02 * (x - 2000) ELSE 0.16 - 0.03 * (x - 2008) END)
                          * exp(0.01 * sin(x))) AS ly
FROM generate_series(2000, 2019) x;
CREATE FUNCTION pg_temp.det3(a float8[]) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$
  SELECT a[1]*(a[5]*a[9]-a[6]*a[8]) - a[2]*(a[4]*a[9]-a[6]*a[7]) + a[3]*(a[4]*a[8]-a[5]*a[7]) $$;
CREATE TEMP TABLE fits AS
WITH cand AS (
  SELECT t AS tau FROM (SELECT t, row_number() OVER (ORDER BY t) - 1 AS i, count(*) OVER () AS n FROM jp) c
  WHERE i >= 2 AND i <= n - 3
), m AS (   -- sums for X'X and X'y with columns 1, t - 2000, h = (t - tau)+
  SELECT tau, count(*)::float8 AS s11, sum(t - 2000) AS s12, sum(greatest(t - tau, 0)) AS s13,
         sum((t - 2000) ^ 2) AS s22, sum((t - 2000) * greatest(t - tau, 0)) AS s23, sum(greatest(t - tau, 0) ^ 2) AS s33,
         sum(ly) AS y1, sum((t - 2000) * ly) AS y2, sum(greatest(t - tau, 0) * ly) AS y3, sum(ly * ly) AS yy
  FROM cand, jp GROUP BY tau
), beta AS (
  SELECT tau, yy, y1, y2, y3, pg_temp.det3(ARRAY[s11, s12, s13, s12, s22, s23, s13, s23, s33]) AS d,
         pg_temp.det3(ARRAY[y1, s12, s13, y2, s22, s23, y3, s23, s33]) AS d1,
         pg_temp.det3(ARRAY[s11, y1, s13, s12, y2, s23, s13, y3, s33]) AS d2,
         pg_temp.det3(ARRAY[s11, s12, y1, s12, s22, y2, s13, s23, y3]) AS d3
  FROM m
)
SELECT tau, yy - (d1 * y1 + d2 * y2 + d3 * y3) / d AS sse, d2 / d AS b1, (d2 + d3) / d AS b2 FROM beta;
SELECT is((SELECT (wellbeing.joinpoint(t, exp(ly))).locations FROM jp),
          ARRAY[(SELECT tau FROM fits ORDER BY sse, tau LIMIT 1)],
          'joinpoint location = the brute-force SSE minimum (2008)');
SELECT ok(abs((SELECT (wellbeing.joinpoint(t, exp(ly))).bic[2] FROM jp)
              - (SELECT ln(min(sse) / 20) + 4 * ln(20.0) / 20 FROM fits)) < 1e-9,
          'joinpoint BIC(1) = ln(SSE/n) + (2k + 2) ln(n)/n of the brute-force minimum');
SELECT ok(abs((SELECT (wellbeing.joinpoint(t, exp(ly))).apc[1] FROM jp) - (SELECT 100 * (exp(b1) - 1) FROM fits ORDER BY sse LIMIT 1)) < 1e-8
          AND abs((SELECT (wellbeing.joinpoint(t, exp(ly))).apc[2] FROM jp) - (SELECT 100 * (exp(b2) - 1) FROM fits ORDER BY sse LIMIT 1)) < 1e-8,
          'joinpoint APCs = 100 (exp(slope) - 1) of the brute-force fit');

SELECT * FROM finish();
ROLLBACK;
