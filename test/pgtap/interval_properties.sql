-- Interval properties, swept over the inputs where floating point goes
-- wrong: every interval contains its estimate (lower <= value <= upper), a
-- proportion's interval lies in [0, 1], a rate's or ratio's lower limit is
-- >= 0, and an overflow is an error (22003), never a NULL or an Infinity.
-- Deterministic (no random input) and quick (a few seconds).
--
-- Each check counts the rows that break the property and shows up to five
-- of them, so a failure names its inputs.
BEGIN;
SELECT plan(69);

-- the first five offending rows as text, or NULL when there are none
CREATE FUNCTION pg_temp.offenders(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
  EXECUTE format('SELECT count(*) || '' rows, e.g. '' || string_agg(t, ''; '') FILTER (WHERE k <= 5)
                  FROM (SELECT t, row_number() OVER () AS k FROM (%s) s(t)) s2', q)
    INTO r;
  RETURN r;
EXCEPTION WHEN OTHERS THEN RETURN 'error ' || SQLSTATE || ': ' || SQLERRM;
END $$;
-- an estimate that breaks "lower <= value <= upper, all present, inside [lo, hi]"
CREATE FUNCTION pg_temp.bad(e wellbeing.estimate, lo float8, hi float8) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT NOT coalesce((e).lower <= (e).value AND (e).value <= (e).upper
                      AND (e).lower >= lo AND (e).upper <= hi, false) $$;
CREATE FUNCTION pg_temp.bad(e wellbeing.survey_estimate, lo float8, hi float8) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT NOT coalesce((e).lower <= (e).value AND (e).value <= (e).upper
                      AND (e).lower >= lo AND (e).upper <= hi, false) $$;

-- ----------------------------------------------------------------------
-- proportions: n = 1..300, x = 0..n
--
-- The aggregates run as running window aggregates over x true rows followed
-- by false ones, so one pass over 300 rows gives (n, x) for every n >= x;
-- the state holds counts and sums, so the order of the rows does not matter,
-- and the window results are checked equal to GROUP BY ones below.
-- ----------------------------------------------------------------------
CREATE TEMP TABLE grid AS
SELECT n, x FROM generate_series(1, 300) n, generate_series(0, 300) x WHERE x <= n;

-- proportion_ci, every method, at 95 % on the whole grid and at 90 % and
-- 99.8 % up to n = 100
CREATE TEMP TABLE ci AS
SELECT m, level, n, x, wellbeing.proportion_ci(x, n, level, m) AS e
FROM grid, unnest(ARRAY['wilson', 'exact', 'wald', 'logit']) m, unnest(ARRAY[0.9, 0.95, 0.998]) level
WHERE level = 0.95 OR n <= 100;
SELECT is(pg_temp.offenders(format($$SELECT format('%%s %%s/%%s level %%s: %%s', m, x, n, level, e) FROM ci
                                      WHERE m = %L AND pg_temp.bad(e, 0, 1)$$, m)), NULL,
          format('proportion_ci %s, n = 1..300, x = 0..n: 0 <= lower <= value <= upper <= 1', m))
FROM unnest(ARRAY['wilson', 'exact', 'wald', 'logit']) m;
-- the edges exactly: no ulp left over
SELECT is(pg_temp.offenders($$SELECT format('%s %s/%s: %s', m, x, n, e) FROM ci
                              WHERE (x = 0 AND (e).lower <> 0) OR (x = n AND (e).upper <> 1)$$), NULL,
          'proportion_ci, every method: lower exactly 0 at x = 0, upper exactly 1 at x = n');

-- the aggregate, unweighted (wilson) and with unit weights (every method)
CREATE TEMP TABLE agg AS
SELECT i AS n, x, plain, wilson, exact, wald, logit
FROM (SELECT i, x,
             wellbeing.proportion(i <= x) OVER w AS plain,
             wellbeing.proportion(i <= x, 1, 0.95, 'wilson') OVER w AS wilson,
             wellbeing.proportion(i <= x, 1, 0.95, 'exact') OVER w AS exact,
             wellbeing.proportion(i <= x, 1, 0.95, 'wald') OVER w AS wald,
             wellbeing.proportion(i <= x, 1, 0.95, 'logit') OVER w AS logit
      FROM generate_series(0, 300) x, generate_series(1, 300) i
      WINDOW w AS (PARTITION BY x ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) s
WHERE i >= x;
SELECT is((SELECT count(*) FROM agg JOIN grid USING (n, x)), (SELECT count(*) FROM grid),
          'the running aggregates cover the grid');
SELECT is(pg_temp.offenders($$
  SELECT format('%s/%s', x, n) FROM agg a,
         LATERAL (SELECT wellbeing.proportion(i <= x) AS plain, wellbeing.proportion(i <= x, 1, 0.95, 'logit') AS logit
                  FROM generate_series(1, n) i) g
  WHERE n <= 40 AND (a.plain IS DISTINCT FROM g.plain OR a.logit IS DISTINCT FROM g.logit)$$), NULL,
  'running window results equal GROUP BY results (n <= 40)');
SELECT is(pg_temp.offenders($$SELECT format('%s/%s: %s', x, n, plain) FROM agg WHERE pg_temp.bad(plain, 0, 1)$$), NULL,
          'proportion(outcome), n = 1..300, x = 0..n: 0 <= lower <= value <= upper <= 1');
SELECT is(pg_temp.offenders($$SELECT format('%s/%s: %s', x, n, plain) FROM agg
                              WHERE (x = 0 AND (plain).lower <> 0) OR (x = n AND (plain).upper <> 1)$$), NULL,
          'proportion(outcome): lower exactly 0 when every outcome is false, upper exactly 1 when every one is true');
SELECT is(pg_temp.offenders($$SELECT format('%s/%s: %s', x, n, plain) FROM agg
                              JOIN ci USING (n, x) WHERE m = 'wilson' AND level = 0.95 AND plain IS DISTINCT FROM e$$), NULL,
          'proportion(outcome) equals proportion_ci(x, n) on the whole grid');
SELECT is(pg_temp.offenders(format($$SELECT format('%%s/%%s: %%s', x, n, %1$s) FROM agg
                                      WHERE n > 1 AND pg_temp.bad(%1$s, 0, 1)$$, m)), NULL,
          format('proportion(outcome, 1, 0.95, %L), n = 2..300, x = 0..n: 0 <= lower <= value <= upper <= 1', m))
FROM unnest(ARRAY['wilson', 'exact', 'wald', 'logit']) m;

-- weighted: uneven weights (a cycle of 13, ratio up to 25), n = 1..80, three levels
CREATE TEMP TABLE wgrid AS
SELECT i AS n, x, level, dflt, wilson, exact, wald, logit
FROM (SELECT i, x, level,
             wellbeing.proportion(i <= x, w) OVER p AS dflt,
             wellbeing.proportion(i <= x, w, level, 'wilson') OVER p AS wilson,
             wellbeing.proportion(i <= x, w, level, 'exact') OVER p AS exact,
             wellbeing.proportion(i <= x, w, level, 'wald') OVER p AS wald,
             wellbeing.proportion(i <= x, w, level, 'logit') OVER p AS logit
      FROM generate_series(0, 80) x, generate_series(1, 80) i, unnest(ARRAY[0.9, 0.95, 0.998]) level,
           LATERAL (SELECT 0.2 + (i * 7 % 13) * 0.4) ww(w)
      WINDOW p AS (PARTITION BY x, level ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) s
WHERE i >= x;
SELECT is(pg_temp.offenders(format($$SELECT format('%%s/%%s level %%s: %%s', x, n, level, %1$s) FROM wgrid
                                      WHERE n > 1 AND pg_temp.bad(%1$s, 0, 1)$$, m)), NULL,
          format('proportion(outcome, uneven weight%s), n = 2..80, x = 0..n: 0 <= lower <= value <= upper <= 1',
                 CASE m WHEN 'dflt' THEN '' ELSE ', level, ' || quote_literal(m) END))
FROM unnest(ARRAY['dflt', 'wilson', 'exact', 'wald', 'logit']) m;

-- survey_proportion, every interval: one stratum and one PSU a row (df n - 1),
-- and two strata of two PSUs (df 2, where t is wide), n up to 60; the
-- first rows of the running aggregate leave a stratum with one PSU, hence
-- lonely_psu=remove (no stratum is lonely from n = 4 on)
CREATE TEMP TABLE svgrid AS
SELECT i AS n, x, m, one, two
FROM (SELECT i, x, m,
             wellbeing.survey_proportion(i <= x, 0.2 + (i * 7 % 13) * 0.4, 1, i, NULL, 0.95,
                                         'lonely_psu=remove, interval=' || m) OVER p AS one,
             wellbeing.survey_proportion(i <= x, 1 + i % 3, i % 2, i % 4, NULL, 0.95,
                                         'lonely_psu=remove, interval=' || m) OVER p AS two
      FROM generate_series(0, 60) x, generate_series(1, 60) i,
           unnest(ARRAY['logit', 'mean', 'beta', 'asin', 'xlogit', 'likelihood']) m
      WINDOW p AS (PARTITION BY x, m ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) s
WHERE i >= x AND i >= 2;
SELECT is(pg_temp.offenders(format($$SELECT format('%%s/%%s: %%s %%s', x, n, one, two) FROM svgrid
                                      WHERE m = %L AND (pg_temp.bad(one, 0, 1) OR n >= 4 AND pg_temp.bad(two, 0, 1))$$, m)), NULL,
          format('survey_proportion interval=%s, n = 2..60, x = 0..n, df n - 1 and 2: 0 <= lower <= value <= upper <= 1', m))
FROM unnest(ARRAY['logit', 'mean', 'beta', 'asin', 'xlogit', 'likelihood']) m;
-- standardised over two bands (a t interval), and a difference of two domains in [-1, 1]
SELECT is(pg_temp.offenders($$
  SELECT format('%s/%s: %s %s', x, i, st, d)
  FROM (SELECT i, x,
               wellbeing.survey_standardized_proportion(i <= x, 0.2 + (i * 7 % 13) * 0.4, 1, i, i % 2,
                                                        CASE i % 2 WHEN 0 THEN 3 ELSE 1 END,
                                                        NULL, 0.95, 'lonely_psu=remove') OVER p AS st,
               wellbeing.survey_proportion_difference(i <= x, 1, 1, i, i % 2 = 0, i % 2 = 1,
                                                      NULL, 0.95, 'lonely_psu=remove') OVER p AS d
        FROM generate_series(0, 60) x, generate_series(1, 60) i
        WINDOW p AS (PARTITION BY x ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) s
  WHERE i >= x AND i >= 4 AND (pg_temp.bad(st, 0, 1) OR pg_temp.bad(d, -1, 1))$$), NULL,
  'survey_standardized_proportion in [0, 1] and survey_proportion_difference in [-1, 1], n = 4..60, x = 0..n, containing the value');

-- replicate_proportion (jk1, one replicate a dropped row), every interval
CREATE TEMP TABLE rpgrid AS
SELECT n, x, m, (SELECT wellbeing.replicate_proportion(i <= x, 1 + i % 3, rw, 'jk1', 'interval=' || m)
                 FROM generate_series(1, n) i,
                      LATERAL (SELECT array_agg(CASE WHEN r = i THEN 0 ELSE (1 + i % 3) * n / (n - 1.0) END ORDER BY r)
                               FROM generate_series(1, n) r) a(rw)) AS e
FROM generate_series(2, 20) n, generate_series(0, 20) x,
     unnest(ARRAY['logit', 'mean', 'beta', 'asin', 'xlogit', 'likelihood']) m
WHERE x <= n;
-- (at p = 0 or 1 a replicate proportion has no interval: se 0, limits NULL)
SELECT is(pg_temp.offenders($$SELECT format('%s/%s %s: %s', x, n, m, e) FROM rpgrid
                              WHERE (e).se > 0 AND pg_temp.bad(e, 0, 1)$$), NULL,
          'replicate_proportion jk1, every interval, n = 2..20, x = 0..n: 0 <= lower <= value <= upper <= 1');
SELECT is(pg_temp.offenders($$
  SELECT format('%s/%s: %s', x, n, e)
  FROM generate_series(4, 20) n, generate_series(0, 20) x,
       LATERAL (SELECT wellbeing.replicate_difference(
                         wellbeing.replicate_proportion_state(i <= x, 1, rw, 'jk1') FILTER (WHERE i % 2 = 0),
                         wellbeing.replicate_proportion_state(i <= x, 1, rw, 'jk1') FILTER (WHERE i % 2 = 1)) AS e
                FROM generate_series(1, n) i,
                     LATERAL (SELECT array_agg(CASE WHEN r = i THEN 0 ELSE n / (n - 1.0) END ORDER BY r)
                              FROM generate_series(1, n) r) a(rw)) s
  WHERE x <= n AND pg_temp.bad(e, -1, 1)$$), NULL,
  'replicate_difference of two proportions, n = 4..20: -1 <= lower <= value <= upper <= 1');

-- ----------------------------------------------------------------------
-- rates: events x populations x per x level x method
-- ----------------------------------------------------------------------
CREATE TEMP TABLE rgrid AS
SELECT ev, pop, per, level, m, wellbeing.rate_ci(ev, pop, per, level, m) AS e
FROM unnest(ARRAY[0, 0.5, 1, 2, 5, 9, 10, 11, 100, 1e6]::float8[]) ev,
     unnest(ARRAY[1, 10, 1000, 1e5, 1e7, 1e9, 1e12]::float8[]) pop,
     unnest(ARRAY[1, 1000, 1e5]::float8[]) per,
     unnest(ARRAY[0.9, 0.95, 0.998]) level,
     unnest(ARRAY['auto', 'exact', 'byar', 'normal']) m
WHERE ev <= pop;
SELECT is(pg_temp.offenders(format($$SELECT format('%%s / %%s x %%s level %%s: %%s', ev, pop, per, level, e) FROM rgrid
                                      WHERE m = %L AND pg_temp.bad(e, 0, 'Infinity')$$, m)), NULL,
          format('rate_ci %s, events {0, 0.5, ..., 1e6}, populations 1..1e12: 0 <= lower <= value <= upper', m))
FROM unnest(ARRAY['auto', 'exact', 'byar', 'normal']) m;
SELECT is(pg_temp.offenders($$SELECT format('%s %s / %s: %s', m, ev, pop, e) FROM rgrid WHERE ev = 0 AND (e).lower <> 0$$), NULL,
          'rate_ci, every method: lower exactly 0 with no events');
-- the aggregate, its events split over two rows, equals the scalar twin
SELECT is(pg_temp.offenders($$
  SELECT format('%s %s / %s: %s vs %s', m, ev, pop, a, e)
  FROM rgrid, LATERAL (SELECT wellbeing.rate(h.e, h.p, per, level, m) AS a
                       FROM (VALUES (ev / 2, pop / 2), (ev / 2, pop / 2)) h(e, p)) s
  WHERE per = 1000 AND (pg_temp.bad(a, 0, 'Infinity') OR abs((a).lower - (e).lower) > 1e-12 * (e).upper
                        OR abs((a).upper - (e).upper) > 1e-12 * (e).upper)$$), NULL,
  'rate(events, population, per, level, method) over two rows: inside its range and equal to rate_ci');

-- standardized_ratio: observed x expected x method
SELECT is(pg_temp.offenders($$
  SELECT format('%s %s / %s: %s', m, o, ex, e)
  FROM unnest(ARRAY[0, 0.5, 1, 2, 5, 9, 10, 11, 100, 1e6]::float8[]) o,
       unnest(ARRAY[0.01, 0.5, 1, 7.3, 100, 1e4, 1e7]::float8[]) ex,
       unnest(ARRAY['auto', 'exact', 'byar', 'normal']) m,
       unnest(ARRAY[0.9, 0.95, 0.998]) level,
       LATERAL (SELECT wellbeing.standardized_ratio(h.o, h.ex, level, m) AS e FROM (VALUES (o, ex)) h(o, ex)) s
  WHERE pg_temp.bad(e, 0, 'Infinity')$$), NULL,
  'standardized_ratio, every method, observed {0, 0.5, ..., 1e6}, expected 0.01..1e7: 0 <= lower <= value <= upper');

-- standardized_rate: three bands with uneven standard weights, events spread over them
CREATE TEMP TABLE dgrid AS
SELECT ev, pop, m, level,
       (SELECT wellbeing.standardized_rate(ev * f, pop * g, sw, 1e5, level, m)
        FROM (VALUES (0.1, 0.5, 1.0), (0.3, 0.3, 20.0), (0.6, 0.2, 300.0)) b(f, g, sw)) AS e
FROM unnest(ARRAY[0, 0.5, 1, 2, 5, 9, 10, 11, 100, 1e6]::float8[]) ev,
     unnest(ARRAY[10, 1000, 1e5, 1e7, 1e9, 1e12]::float8[]) pop,
     unnest(ARRAY['gamma', 'dobson']) m,
     unnest(ARRAY[0.9, 0.95, 0.998]) level
WHERE ev <= pop * 0.2;
SELECT is(pg_temp.offenders(format($$SELECT format('%%s / %%s level %%s: %%s', ev, pop, level, e) FROM dgrid
                                      WHERE m = %L AND (ev > 0 OR m = 'gamma') AND pg_temp.bad(e, 0, 'Infinity')$$, m)), NULL,
          format('standardized_rate %s, three uneven bands, events 0..1e6: 0 <= lower <= value <= upper', m))
FROM unnest(ARRAY['gamma', 'dobson']) m;
-- Dobson's lower limit is negative on paper when a band of one event carries
-- most of the weight: DSR + sqrt(var/O) (O_lower - O) < 0
SELECT is(pg_temp.offenders($$
  SELECT format('%s: %s', ev, e)
  FROM unnest(ARRAY[0, 1, 2, 9, 10, 11, 99, 999]::float8[]) ev,
       LATERAL (SELECT wellbeing.standardized_rate(o, p, w, 1, 0.95, 'dobson') AS e
                FROM (VALUES (ev, 1e5, 100.0), (1, 10, 10)) b(o, p, w)) s
  WHERE pg_temp.bad(e, 0, 'Infinity')$$), NULL,
  'standardized_rate dobson with one heavy band of one event: 0 <= lower <= value <= upper');

-- ----------------------------------------------------------------------
-- mean and total: intervals contain the value
-- ----------------------------------------------------------------------
SELECT is(pg_temp.offenders($$
  SELECT format('n %s scale %s: %s %s', n, sc, mw, tw)
  FROM generate_series(2, 60) n, unnest(ARRAY[1e-300, 1e-8, 1, 1e15, 1e150]::float8[]) sc,
       LATERAL (SELECT wellbeing.mean(sc * (i % 5 + 0.1), 1 + i % 3, 0.998) AS mw,
                       wellbeing.total(sc * (i % 5 + 0.1), 1 + i % 3, 0.998) AS tw
                FROM generate_series(1, n) i) s
  WHERE pg_temp.bad(mw, '-Infinity', 'Infinity') OR pg_temp.bad(tw, '-Infinity', 'Infinity')$$), NULL,
  'mean and total, weighted, n = 2..60, values from 1e-300 to 1e150: lower <= value <= upper');

-- ----------------------------------------------------------------------
-- the estimate constructors, difference and ratio
-- ----------------------------------------------------------------------
CREATE TEMP TABLE vals AS
SELECT v, se FROM unnest(ARRAY[-1e6, -1, -1e-300, 0, 1e-300, 1e-8, 0.3, 1, 3, 1e6, 1e150]::float8[]) v,
                  unnest(ARRAY[0, 1e-300, 1e-10, 0.01, 1, 1e6]::float8[]) se;
SELECT is(pg_temp.offenders($$
  SELECT format('%s, %s, %s: %s', v, se, level, e) FROM vals, unnest(ARRAY[0.5, 0.95, 0.999999]) level,
         LATERAL (SELECT wellbeing.estimate(v, se, NULL, level) AS e) s
  WHERE pg_temp.bad(e, '-Infinity', 'Infinity')$$), NULL,
  'estimate(value, se, level): lower <= value <= upper');
SELECT is(pg_temp.offenders($$
  SELECT format('%s [%s, %s] %s: %s', v, lo, hi, ls, e)
  FROM vals, LATERAL (SELECT v - se * 1.7 AS lo, v + se * 2.3 AS hi) b, unnest(ARRAY[false, true]) ls,
       LATERAL (SELECT wellbeing.estimate_from_ci(v, lo, hi, 0.95, ls) AS e WHERE NOT ls OR lo > 0) s
  WHERE pg_temp.bad(e, '-Infinity', 'Infinity') OR (e).lower <> lo OR (e).upper <> hi$$), NULL,
  'estimate_from_ci(value, lower, upper): the published interval is kept and contains the value');
SELECT is(pg_temp.offenders($$
  SELECT format('%s (%s) - %s (%s): %s', a.v, a.se, b.v, b.se, wellbeing.difference(ea, eb))
  FROM vals a, vals b, LATERAL (SELECT wellbeing.estimate(a.v, a.se) AS ea, wellbeing.estimate(b.v, b.se) AS eb) s
  WHERE a.v < 1e150 AND b.v < 1e150 AND pg_temp.bad(wellbeing.difference(ea, eb), '-Infinity', 'Infinity')$$), NULL,
  'difference of two estimates: lower <= value <= upper');
-- ratios of positive estimates, se 0 included: exp(log(r)) must not move a
-- bound past r (relative se up to 100, so the log-scale limits stay finite)
SELECT is(pg_temp.offenders($$
  SELECT format('%s (%s) / %s (%s): %s', a.v, a.se, b.v, b.se, r)
  FROM vals a, vals b,
       LATERAL (SELECT wellbeing.ratio(wellbeing.estimate(a.v, a.se), wellbeing.estimate(b.v, b.se)) AS r
                WHERE a.v > 0 AND b.v > 0 AND a.se <= 100 * a.v AND b.se <= 100 * b.v
                  AND abs(ln(a.v) - ln(b.v)) < 300) s
  WHERE pg_temp.bad(r, 0, 'Infinity')$$), NULL,
  'ratio of two positive estimates: 0 <= lower <= value <= upper');
SELECT is(pg_temp.offenders($$
  SELECT format('%s / %s: %s', a, b, r)
  FROM generate_series(1, 400) a, generate_series(1, 30) b,
       LATERAL (SELECT wellbeing.ratio(wellbeing.estimate(a / 7.0, 0), wellbeing.estimate(b / 3.0, 0)) AS r) s
  WHERE pg_temp.bad(r, 0, 'Infinity') OR (r).lower <> (r).value OR (r).upper <> (r).value$$), NULL,
  'ratio of two estimates without error: lower = value = upper exactly (12 000 ratios)');
-- ratios of rates and proportions from the sweeps stay >= 0
SELECT is(pg_temp.offenders($$
  SELECT format('%s vs %s: %s', a.e, b.e, wellbeing.ratio(a.e, b.e))
  FROM rgrid a JOIN rgrid b USING (pop, per, level, m)
  WHERE a.ev > 0 AND b.ev > 0 AND per = 1 AND level = 0.95 AND m = 'byar'
    AND pg_temp.bad(wellbeing.ratio(a.e, b.e), 0, 'Infinity')$$), NULL,
  'ratio of two rates: 0 <= lower <= value <= upper');

-- ----------------------------------------------------------------------
-- overflow is 22003, never a NULL
-- ----------------------------------------------------------------------
SELECT throws_ok($$SELECT wellbeing.total(x) FROM (VALUES (1e308::float8), (1e308)) t(x)$$,
                 '22003', 'value out of range: overflow in total', 'total of {1e308, 1e308}: 22003');
SELECT throws_ok($$SELECT wellbeing.total(x, 10) FROM (VALUES (1e307::float8), (1e307)) t(x)$$,
                 '22003', 'value out of range: overflow in total', 'weighted total past double precision: 22003');
SELECT throws_ok($$SELECT wellbeing.total(x) FROM generate_series(1, 3) i, LATERAL (SELECT 0.9e308::float8) t(x)$$,
                 '22003', 'value out of range: overflow in total', 'total of three 0.9e308: 22003');
SELECT throws_ok($$SELECT wellbeing.total(x) FROM (VALUES (9.2e153::float8), (-9.2e153)) t(x)$$,
                 '22003', 'value out of range: overflow in total', 'total whose variance n/(n-1) M2 overflows: 22003');
SELECT throws_ok($$SELECT wellbeing.mean(x) FROM (VALUES (1e308::float8), (-1e308)) t(x)$$,
                 '22003', NULL, 'mean whose spread overflows: 22003');
SELECT throws_ok($$SELECT wellbeing.mean(x) FROM (VALUES (1.7e308::float8), (1.7e308), (-1.7e308)) t(x)$$,
                 '22003', NULL, 'mean whose deviation overflows: 22003');
SELECT throws_ok($$SELECT wellbeing.rate_ci(10, 10, 1e308)$$,
                 '22003', 'value out of range: overflow in rate', 'rate_ci whose upper limit overflows: 22003');
SELECT throws_ok($$SELECT wellbeing.rate(10, 10, 1e308)$$,
                 '22003', 'value out of range: overflow in rate', 'rate whose upper limit overflows: 22003');
SELECT throws_ok($$SELECT wellbeing.rate(e, e) FROM (VALUES (1e308::float8), (1e308)) t(e)$$,
                 '22003', 'value out of range: overflow in rate', 'rate whose sum of events overflows: 22003');
SELECT throws_ok($$SELECT wellbeing.standardized_rate(10, 10, 1, 1e308)$$,
                 '22003', 'value out of range: overflow in standardized_rate', 'standardized_rate whose upper limit overflows: 22003');
SELECT throws_ok($$SELECT wellbeing.standardized_rate(10, 10, 1, 1e308, 0.95, 'dobson')$$,
                 '22003', 'value out of range: overflow in standardized_rate', 'standardized_rate dobson whose upper limit overflows: 22003');
SELECT throws_ok($$SELECT wellbeing.standardized_rate(0, 1e-254, 1e-100)$$,
                 '22003', 'value out of range: overflow in standardized_rate', 'standardized_rate whose gamma moments overflow: 22003');
SELECT throws_ok($$SELECT wellbeing.standardized_rate(1, 1, w) FROM (VALUES (1e308::float8), (1e308)) t(w)$$,
                 '22003', NULL, 'standardized_rate whose sum of weights overflows: 22003');
SELECT throws_ok($$SELECT wellbeing.standardized_ratio(10, 1e-307)$$,
                 '22003', 'value out of range: overflow in standardized_ratio', 'standardized_ratio whose upper limit overflows: 22003');
SELECT throws_ok($$SELECT wellbeing.standardized_ratio(o, 1) FROM (VALUES (1e308::float8), (1e308)) t(o)$$,
                 '22003', NULL, 'standardized_ratio whose sum of observed overflows: 22003');
SELECT throws_ok($$SELECT wellbeing.proportion(true, w) FROM (VALUES (1e200::float8)) t(w)$$,
                 '22003', 'value out of range: overflow in proportion', 'proportion whose squared weight overflows: 22003');
SELECT throws_ok($$SELECT wellbeing.estimate(1e308, 1e308)$$,
                 '22003', 'value out of range: overflow in estimate', 'estimate whose upper limit overflows: 22003');
SELECT throws_ok($$SELECT wellbeing.estimate_from_ci(0, -1e308, 1e308)$$,
                 '22003', 'value out of range: overflow in estimate_from_ci', 'estimate_from_ci whose se overflows: 22003');
SELECT throws_ok($$SELECT wellbeing.difference(wellbeing.estimate(1e308, 0), wellbeing.estimate(-1e308, 0))$$,
                 '22003', 'value out of range: overflow in difference', 'difference past double precision: 22003');
SELECT throws_ok($$SELECT wellbeing.difference(wellbeing.estimate(0, 1e300), wellbeing.estimate(0, 1e300))$$,
                 '22003', 'value out of range: overflow in difference', 'difference whose variance overflows: 22003');
SELECT throws_ok($$SELECT wellbeing.ratio(wellbeing.estimate(1e300, 0), wellbeing.estimate(1e-300, 0))$$,
                 '22003', 'value out of range: overflow in ratio', 'ratio past double precision: 22003');
SELECT throws_ok($$SELECT wellbeing.survey_total(x, 1, 1, i) FROM (VALUES (1, 1e300::float8), (2, -1e300), (3, 1e300)) t(i, x)$$,
                 '22003', 'value out of range: overflow in survey_total', 'survey_total whose variance overflows: 22003');
SELECT throws_ok($$SELECT wellbeing.survey_mean(x, 1, 1, i) FROM (VALUES (1, 1e300::float8), (2, -1e300), (3, 1e300)) t(i, x)$$,
                 '22003', 'value out of range: overflow in survey_mean', 'survey_mean whose variance overflows: 22003');


-- every other family's estimates contain their value too (wb_estimate_datum makes
-- sure of it): ordered, spread, entropy and trend measures on 200 random sets of
-- five groups, values from 0.001 to 1000
SELECT setseed(0.577);
CREATE TEMP TABLE fam_groups AS
SELECT k, g, exp(ln(0.001) + random() * ln(1e6)) AS v, 10 + floor(random() * 1000) AS w,
       exp(ln(0.001) + random() * ln(100)) AS se
FROM generate_series(1, 200) k, generate_series(1, 5) g;
SELECT is_empty($$
  SELECT k, m, (e).value, (e).lower, (e).upper FROM (
    SELECT k, 'slope_index' AS m, wellbeing.slope_index(v, w, g, se) AS e FROM fam_groups GROUP BY k
    UNION ALL SELECT k, 'relative_index', wellbeing.relative_index(v, w, g, se) FROM fam_groups GROUP BY k
    UNION ALL SELECT k, 'concentration_index', wellbeing.concentration_index(v, w, g, se) FROM fam_groups GROUP BY k
    UNION ALL SELECT k, 'between_group_variance', wellbeing.between_group_variance(v, w, se) FROM fam_groups GROUP BY k
    UNION ALL SELECT k, 'theil_t', wellbeing.theil_t(v, w, se) FROM fam_groups GROUP BY k
    UNION ALL SELECT k, 'mean_log_deviation', wellbeing.mean_log_deviation(v, w, se) FROM fam_groups GROUP BY k
    UNION ALL SELECT k, 'linear_trend', wellbeing.linear_trend(g::float8, v, se) FROM fam_groups GROUP BY k
  ) x
  WHERE (e).lower > (e).value OR (e).upper < (e).value$$,
  'ordered, spread, entropy and trend intervals contain their estimate');
SELECT * FROM finish();
ROLLBACK;
