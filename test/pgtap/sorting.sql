-- The sorting measures sort their rows with a radix sort (src/numeric/rank.c)
-- from 1 024 rows up and a comparison sort below.  These checks use samples
-- large enough for the radix path, with negative numbers, both zeros, long
-- runs of ties and wide magnitudes, against definitions written out in SQL.
BEGIN;
SELECT plan(10);
SELECT setseed(0.25);
-- 3 000 rows: a mix of signs and magnitudes, -0 and +0, ties
CREATE TEMP TABLE mixed AS
SELECT CASE WHEN i % 7 = 0 THEN 0.0
            WHEN i % 11 = 0 THEN '-0'::float8
            WHEN i % 5 = 0 THEN round(random() * 10)      -- ties
            WHEN i % 3 = 0 THEN -random() * 1e-3
            ELSE exp(random() * 40 - 20) END AS x,
       0.25 + random() AS w
FROM generate_series(1, 3000) i;
-- 12 000 rows on three values: runs of ties longer than the radix threshold
CREATE TEMP TABLE tied AS
SELECT ((i % 3) * 10 + 5)::float8 AS x, 0.5 + random() AS w FROM generate_series(1, 12000) i;
CREATE FUNCTION pg_temp.close(a float8, b float8, tol float8) RETURNS boolean LANGUAGE sql IMMUTABLE
AS $$ SELECT a IS NOT NULL AND b IS NOT NULL AND abs(a - b) <= tol * abs(b) + 1e-15 $$;

-- Gini by its definition: sum_i sum_k w_i w_k |x_i - x_k| / (2 W^2 mean)
SELECT ok(pg_temp.close((SELECT (wellbeing.gini(x, w)).value FROM mixed),
  (SELECT sum(a.w * b.w * abs(a.x - b.x)) / (2 * sum(a.w * b.w) * (SELECT sum(w * x) / sum(w) FROM mixed))
   FROM mixed a, mixed b), 1e-9), 'gini on 3 000 mixed-sign rows = pairwise definition');
-- on three values the pairwise sum runs over value pairs
SELECT ok(pg_temp.close((SELECT (wellbeing.gini(x, w)).value FROM tied),
  (WITH v AS (SELECT x, sum(w) AS w FROM tied GROUP BY x)
   SELECT sum(a.w * b.w * abs(a.x - b.x)) / (2 * sum(a.w * b.w) * (SELECT sum(w * x) / sum(w) FROM v))
   FROM v a, v b), 1e-12), 'gini on 12 000 rows with three values = pairwise definition');

-- laeken's weighted median: the first x, in order of x, whose cumulative
-- weight share exceeds 1/2; poverty_threshold is 60 % of it
SELECT is((SELECT wellbeing.poverty_threshold(x, w, 1) FROM mixed),
  (SELECT x FROM (SELECT x, sum(w) OVER (ORDER BY x, w ROWS UNBOUNDED PRECEDING) / sum(w) OVER () AS share FROM mixed) s
   WHERE share > 0.5 ORDER BY share LIMIT 1), 'weighted median of mixed rows = first cumulative share above 1/2');
SELECT is((SELECT wellbeing.poverty_threshold(x, w, 1) FROM tied),
  (SELECT x FROM (SELECT x, sum(w) OVER (ORDER BY x, w ROWS UNBOUNDED PRECEDING) / sum(w) OVER () AS share FROM tied) s
   WHERE share > 0.5 ORDER BY share LIMIT 1), 'weighted median of tied rows');

-- the result depends on the multiset of rows, not on their order: equal to
-- the last bit whatever order the rows arrive in
SELECT is((SELECT (wellbeing.gini(x, w)).value FROM (SELECT * FROM mixed ORDER BY x DESC, w) s),
          (SELECT (wellbeing.gini(x, w)).value FROM (SELECT * FROM mixed ORDER BY random()) s),
          'gini: descending and shuffled input give the same bits');
SELECT is((SELECT (wellbeing.gini(x, w)).value FROM (SELECT * FROM tied ORDER BY w DESC) s),
          (SELECT (wellbeing.gini(x, w)).value FROM (SELECT * FROM tied ORDER BY random()) s),
          'gini on ties: order of the weights within ties does not matter');
SELECT is((SELECT (wellbeing.quintile_share_ratio(x, w)).value FROM (SELECT * FROM mixed WHERE x > 0 ORDER BY x) s),
          (SELECT (wellbeing.quintile_share_ratio(x, w)).value FROM (SELECT * FROM mixed WHERE x > 0 ORDER BY random()) s),
          'quintile_share_ratio: sorted and shuffled input give the same bits');
-- just below and at the radix threshold: the two sorts agree
SELECT is((SELECT (wellbeing.palma(x, w)).value FROM (SELECT * FROM mixed WHERE x > 0 LIMIT 1023) s),
          (SELECT (wellbeing.palma(x, w)).value FROM (SELECT * FROM (SELECT * FROM mixed WHERE x > 0 LIMIT 1023) a
                                                        UNION ALL SELECT * FROM (SELECT * FROM mixed WHERE x > 0 LIMIT 1023) b) s),
          'palma: 1 023 rows (comparison sort) = the same rows twice (radix sort)');
-- the state is sorted in place: a second final call on the same state (a
-- window over the whole partition) sees the same sample
SELECT is((SELECT count(DISTINCT g) FROM (SELECT (wellbeing.gini(x, w) OVER ()).value AS g FROM mixed) s), 1::bigint,
          'gini as a window: one value for every row of the frame');
SELECT ok((SELECT bool_and(pg_temp.close(g, full_g, 1e-12))
           FROM (SELECT (wellbeing.gini(x, w) OVER (ORDER BY i)).value AS g, i
                 FROM (SELECT row_number() OVER () AS i, x, w FROM tied) t) s,
                LATERAL (SELECT (wellbeing.gini(x, w)).value AS full_g
                         FROM (SELECT row_number() OVER () AS i, x, w FROM tied) u WHERE u.i <= s.i) f
           WHERE s.i IN (1500, 6000, 12000)),
          'gini as a growing window = gini of each prefix (appends after an in-place sort)');
SELECT * FROM finish();
ROLLBACK;
