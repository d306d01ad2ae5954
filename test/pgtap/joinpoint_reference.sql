-- joinpoint against an independent brute-force implementation in base R
-- (lm with weights, vcov, qt): test/fixtures/joinpoint_reference.R wrote
-- test/fixtures/joinpoint_reference.csv from the series in
-- test/fixtures/joinpoint_series.csv.  Six series (4 to 30 periods, uneven
-- spacing, weights from standard errors, 0 to 2 joinpoints, default and
-- explicit maxima, levels 0.95 and 0.90).  Checked: the chosen number of
-- joinpoints and their periods, BIC for every k (which checks the best
-- placement's SSE for each k), each segment's APC and interval, the AAPC
-- over the whole series and over a sub-range with intervals.  Relative
-- tolerance 1e-9.
BEGIN;
SELECT plan(150);
CREATE TEMP TABLE ref (case_id text, k_max int, level float8, quantity text, idx int, value float8);
\copy ref FROM 'test/fixtures/joinpoint_reference.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE series (case_id text, x float8, y float8, se float8);
\copy series FROM 'test/fixtures/joinpoint_series.csv' WITH (FORMAT csv, HEADER true)

-- one fit per (case, k_max, level) of the fixture, with the requested maximum
CREATE TEMP TABLE runs AS
SELECT DISTINCT r.case_id, r.k_max, r.level,
       (SELECT nullif(value, -1)::int FROM ref q
        WHERE q.case_id = r.case_id AND q.k_max = r.k_max AND q.level = r.level
          AND q.quantity = 'k_max_requested') AS requested
FROM ref r;
CREATE TEMP TABLE fits AS
SELECT u.case_id, u.k_max, u.level,
       (SELECT wellbeing.joinpoint(s.x, s.y, s.se, u.requested, u.level) FROM series s WHERE s.case_id = u.case_id) AS fit
FROM runs u;

CREATE FUNCTION pg_temp.close(a float8, b float8) RETURNS boolean LANGUAGE sql IMMUTABLE
AS $$ SELECT a IS NOT NULL AND b IS NOT NULL AND abs(a - b) <= 1e-9 * abs(b) + 1e-13 $$;

-- our value for each fixture quantity
CREATE TEMP TABLE ours AS
SELECT f.case_id, f.k_max, f.level, q.quantity, q.idx,
       CASE q.quantity
           WHEN 'chosen_k' THEN (f.fit).joinpoints
           WHEN 'location' THEN (f.fit).locations[q.idx]
           WHEN 'apc' THEN (f.fit).apc[q.idx]
           WHEN 'apc_lower' THEN (f.fit).apc_lower[q.idx]
           WHEN 'apc_upper' THEN (f.fit).apc_upper[q.idx]
           WHEN 'aapc' THEN (f.fit).aapc
           WHEN 'aapc_lower' THEN (f.fit).aapc_lower
           WHEN 'aapc_upper' THEN (f.fit).aapc_upper
           WHEN 'bic' THEN (f.fit).bic[q.idx + 1]
           WHEN 'df' THEN (f.fit).df
       END AS value
FROM fits f
JOIN ref q ON q.case_id = f.case_id AND q.k_max = f.k_max AND q.level = f.level
WHERE q.quantity IN ('chosen_k', 'location', 'apc', 'apc_lower', 'apc_upper', 'aapc', 'aapc_lower',
                     'aapc_upper', 'bic', 'df');

SELECT ok(pg_temp.close(o.value, r.value),
          format('%s (k_max %s, level %s): %s[%s] = R (%s vs %s)', o.case_id, o.k_max, o.level,
                 o.quantity, o.idx, o.value, r.value))
FROM ours o JOIN ref r USING (case_id, k_max, level, quantity, idx)
ORDER BY o.case_id, o.k_max, o.quantity, o.idx;

-- the AAPC over each case's sub-range, by joinpoint_aapc
SELECT ok(pg_temp.close(((wellbeing.joinpoint_aapc(f.fit, a.value, b.value)).value), v.value)
          AND pg_temp.close(((wellbeing.joinpoint_aapc(f.fit, a.value, b.value)).lower), lo.value)
          AND pg_temp.close(((wellbeing.joinpoint_aapc(f.fit, a.value, b.value)).upper), hi.value),
          format('%s (k_max %s): AAPC over [%s, %s] with interval = R', f.case_id, f.k_max, a.value, b.value))
FROM fits f
JOIN ref a ON a.case_id = f.case_id AND a.k_max = f.k_max AND a.level = f.level AND a.quantity = 'aapc_range_from'
JOIN ref b ON b.case_id = f.case_id AND b.k_max = f.k_max AND b.level = f.level AND b.quantity = 'aapc_range_to'
JOIN ref v ON v.case_id = f.case_id AND v.k_max = f.k_max AND v.level = f.level AND v.quantity = 'aapc_range'
JOIN ref lo ON lo.case_id = f.case_id AND lo.k_max = f.k_max AND lo.level = f.level AND lo.quantity = 'aapc_range_lower'
JOIN ref hi ON hi.case_id = f.case_id AND hi.k_max = f.k_max AND hi.level = f.level AND hi.quantity = 'aapc_range_upper'
ORDER BY f.case_id, f.k_max;

-- connect-the-dots AAPC (reference C.8) is the endpoints' growth rate,
-- (15/10)^(1/6) - 1 = 6.9913 %; the log-linear fit of the same four points
-- differs (5.8469 %, as R and annual_percent_change): Joinpoint's AAPC is a
-- fitted quantity, not the endpoint CAGR
SELECT ok(abs((SELECT value FROM ref WHERE quantity = 'aapc_connect_dots') - 100 * ((15.0 / 10) ^ (1.0 / 6) - 1)) < 1e-12,
          'C.8: connect-the-dots AAPC = endpoint CAGR 6.9913 %');
SELECT ok(pg_temp.close((SELECT (fit).aapc FROM fits WHERE case_id = 'flat4'),
                        (SELECT (wellbeing.annual_percent_change(x, y)).value FROM series WHERE case_id = 'flat4')),
          'flat4: no joinpoint, the AAPC is annual_percent_change');
-- the AAPC over a range inside one segment is that segment's APC
SELECT ok(pg_temp.close((wellbeing.joinpoint_aapc(fit, 2001, 2007)).value, (fit).apc[1])
          AND pg_temp.close((wellbeing.joinpoint_aapc(fit, 2001, 2007)).lower, (fit).apc_lower[1]),
          'break20: AAPC within the first segment = its APC and interval')
FROM fits WHERE case_id = 'break20' AND k_max = 3;
-- bic3 penalises joinpoints more: its criterion values are in the fixture too
SELECT ok(bool_and(pg_temp.close((f2.fit).bic[r.idx + 1], r.value)), 'two_breaks30: BIC3 for k = 0..5 = R')
FROM (SELECT (SELECT wellbeing.joinpoint(x, y, NULL, NULL, 0.9, 'bic3') FROM series WHERE case_id = 'two_breaks30') AS fit) f2,
     ref r
WHERE r.case_id = 'two_breaks30' AND r.k_max = 5 AND r.quantity = 'bic3';

-- Joinpoint's permutation tests (selection 'permutation'): on these series,
-- whose joinpoints are clear, they choose what BIC (and R) chose, at the
-- same periods; every fit of the fixture again, with the tests
CREATE TEMP TABLE perm_fits AS
SELECT u.case_id, u.k_max, u.level, f.fit,
       (SELECT wellbeing.joinpoint(s.x, s.y, s.se, u.requested, u.level, 'permutation') FROM series s
        WHERE s.case_id = u.case_id) AS perm
FROM runs u JOIN fits f USING (case_id, k_max, level)
WHERE u.k_max <= 3 OR u.requested IS NOT NULL;
SELECT is((perm).joinpoints, (fit).joinpoints,
          format('permutation tests choose %s joinpoints for %s (max %s) as BIC does', (fit).joinpoints, case_id, k_max))
FROM perm_fits ORDER BY case_id, k_max, level;
SELECT ok(bool_and((perm).locations = (fit).locations AND (perm).selection = 'permutation'),
          'permutation tests: the same joinpoint periods; selection says permutation')
FROM perm_fits;
-- a series without a break (log-linear trend, md5 noise): no joinpoint
CREATE TEMP TABLE noisy AS
SELECT x::float8 AS x,
       100 * exp(0.02 * (x - 2000) + 0.1 * (('x' || substr(md5('n' || x), 1, 12))::bit(48)::bigint / 281474976710656.0 - 0.5)) AS y
FROM generate_series(2000, 2019) x;
SELECT is((SELECT (wellbeing.joinpoint(x, y, NULL, 3, 0.95, 'permutation')).joinpoints FROM noisy), 0,
          'permutation tests: no joinpoint on a noisy straight trend');
-- seeded from the sorted rows: repeatable and blind to row order
SELECT is((SELECT wellbeing.joinpoint(x, y, NULL, 3, 0.95, 'permutation')::text FROM (SELECT * FROM noisy ORDER BY y) o),
          (SELECT wellbeing.joinpoint(x, y, NULL, 3, 0.95, 'permutation')::text FROM (SELECT * FROM noisy ORDER BY x DESC) o),
          'permutation tests: the same fit whatever the row order');
-- an exact line leaves only rounding in the residuals: no joinpoint by
-- either rule (ln SSE of rounding used to pick one for BIC)
SELECT ok((SELECT (wellbeing.joinpoint(x::float8, 100 * exp(0.02 * (x - 2000)), NULL, 2, 0.95, sel)).joinpoints = 0
           FROM generate_series(2000, 2019) x),
          format('an exact log-linear series: no joinpoint by %s', sel))
FROM unnest(ARRAY['bic', 'bic3', 'permutation']) sel;

SELECT * FROM finish();
ROLLBACK;
