-- Called by bench/run.sh with -v rows=N -v runs=R -v kinds=REGEX.  Writes bench/results.csv
-- and prints two Markdown tables.
--
-- Every query is timed in this one server process: R runs after a warm-up,
-- the median is reported.  Each extension query is compared with
--   * a built-in baseline in the same plan shape (avg(x), or
--     percentile_cont(0.5) for the measures that sort), and
--   * the shortest correct plain-SQL formulation an analyst would write
--     without the extension (same estimate; the interval too where SQL can
--     compute it in the same pass).
\set QUIET on
\o /dev/null
SELECT format('ALTER DATABASE %I SET jit = off', current_database()) \gexec
SET jit = off;
SET work_mem = '256MB';
DROP TABLE IF EXISTS bench_rows;
SELECT setseed(0.5);
-- persons: 2 000 tracts, 5 groups, 10 years, a boolean outcome, a skewed
-- (log-normal) income, a survey-style weight, and counts for rates
CREATE TABLE bench_rows AS
SELECT g % 2000 AS tract,
       (floor(random() * 5))::int AS grp,
       2015 + g % 10 AS year,
       random() < 0.3 AS outcome,
       exp(10 + 0.8 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())) AS x,
       0.5 + random() AS weight,
       floor(random() * 5)::float8 AS events,
       1000 + floor(random() * 1000)::float8 AS population,
       (g % 19) + 1 AS band
FROM generate_series(1, :rows) g;
VACUUM ANALYZE bench_rows;

-- q and its reference run alternately (after a warm-up of each), so that the
-- load of a shared machine falls on both alike; returns the median time of
-- each and the median of the per-round ratios q / reference.
CREATE FUNCTION pg_temp.paired(q text, q_workers int, ref text, ref_workers int, runs int,
                               OUT ms float8, OUT ref_ms float8, OUT ratio float8)
LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; a float8; b float8; tq float8[] := '{}'; tr float8[] := '{}'; r float8[] := '{}';
BEGIN
  PERFORM set_config('max_parallel_workers_per_gather', q_workers::text, true);
  EXECUTE q;
  PERFORM set_config('max_parallel_workers_per_gather', ref_workers::text, true);
  EXECUTE ref;
  FOR i IN 1..runs LOOP
    t0 := clock_timestamp();
    EXECUTE ref;
    b := extract(epoch FROM clock_timestamp() - t0) * 1000;
    PERFORM set_config('max_parallel_workers_per_gather', q_workers::text, true);
    t0 := clock_timestamp();
    EXECUTE q;
    a := extract(epoch FROM clock_timestamp() - t0) * 1000;
    PERFORM set_config('max_parallel_workers_per_gather', ref_workers::text, true);
    tq := tq || a; tr := tr || b; r := r || a / b;
  END LOOP;
  SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY t) INTO ms FROM unnest(tq) t;
  SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY t) INTO ref_ms FROM unnest(tr) t;
  SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY t) INTO ratio FROM unnest(r) t;
END $$;

-- baselines: built-in aggregates in the same plan shape
CREATE TEMP TABLE baselines (name text PRIMARY KEY, q text, workers int);
INSERT INTO baselines VALUES
  ('avg', 'SELECT avg(x) FROM bench_rows', 0),
  ('count', 'SELECT count(*) FROM bench_rows', 0),
  ('percentile_cont', 'SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM bench_rows', 0),
  ('avg by tract, grp', 'SELECT tract, grp, avg(x) FROM bench_rows GROUP BY tract, grp', 0),
  ('percentile_cont by tract', 'SELECT tract, percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM bench_rows GROUP BY tract', 0),
  ('avg, 2 workers', 'SELECT avg(x) FROM bench_rows', 2),
  ('percentile_cont, 2 workers', 'SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM bench_rows', 2);

-- kind: one-pass (target <= 1.3 x avg), sort (target <= 1 x percentile_cont
-- and >= 3 x faster than the plain window), grouped, parallel.
-- plain_passes: how the plain formulation reads the rows ('one pass' or
-- 'two passes', 'window', 'sort'); the target is >= 1x for one pass and >=
-- 2x otherwise.
CREATE TEMP TABLE queries (ord serial, measure text, kind text, q text, workers int, baseline text,
                           plain text, plain_passes text);
INSERT INTO queries (measure, kind, q, workers, baseline, plain, plain_passes) VALUES
  ('proportion', 'one-pass', 'SELECT wellbeing.proportion(outcome) FROM bench_rows', 0, 'avg',
   $$SELECT p, (p + z*z/(2*n) - z*sqrt(p*(1-p)/n + z*z/(4*n*n))) / (1 + z*z/n),
               (p + z*z/(2*n) + z*sqrt(p*(1-p)/n + z*z/(4*n*n))) / (1 + z*z/n)
      FROM (SELECT avg(outcome::int::float8) AS p, count(*)::float8 AS n, 1.959963984540054 AS z FROM bench_rows) s$$, 'one pass'),
  ('proportion weighted', 'one-pass', 'SELECT wellbeing.proportion(outcome, weight) FROM bench_rows', 0, 'avg',
   $$SELECT a / w, sqrt(n / (n - 1) * (b - 2 * (a / w) * b + (a / w) ^ 2 * c)) / w
      FROM (SELECT sum(weight * outcome::int) AS a, sum(weight) AS w, sum(weight * weight * outcome::int) AS b,
                   sum(weight * weight) AS c, count(*)::float8 AS n FROM bench_rows) s$$, 'one pass'),
  ('mean', 'one-pass', 'SELECT wellbeing.mean(x) FROM bench_rows', 0, 'avg',
   'SELECT avg(x), stddev_samp(x) / sqrt(count(*)) FROM bench_rows', 'one pass'),
  ('mean weighted', 'one-pass', 'SELECT wellbeing.mean(x, weight) FROM bench_rows', 0, 'avg',
   $$SELECT m, sqrt(n / (n - 1) * (b - 2 * m * a + m * m * c)) / w
      FROM (SELECT sum(weight * x) / sum(weight) AS m, sum(weight) AS w, sum(weight * weight * x * x) AS b,
                   sum(weight * weight * x) AS a, sum(weight * weight) AS c, count(*)::float8 AS n FROM bench_rows) s$$, 'one pass'),
  ('total weighted', 'one-pass', 'SELECT wellbeing.total(x, weight) FROM bench_rows', 0, 'avg',
   'SELECT sum(weight * x), sqrt(count(*) * var_samp(weight * x)) FROM bench_rows', 'one pass'),
  ('rate', 'one-pass', 'SELECT wellbeing.rate(events, population) FROM bench_rows', 0, 'avg',
   $$SELECT e / p * 100000, e * (1 - 1/(9*e) - 1.959963984540054/(3*sqrt(e)))^3 / p * 100000,
            (e + 1) * (1 - 1/(9*(e + 1)) + 1.959963984540054/(3*sqrt(e + 1)))^3 / p * 100000
      FROM (SELECT sum(events) AS e, sum(population) AS p FROM bench_rows) s$$, 'one pass'),
  ('standardized_rate', 'one-pass', 'SELECT wellbeing.standardized_rate(events, population, (band * 1000)::float8) FROM bench_rows', 0, 'avg',
   $$SELECT sum(std * e / p) / sum(std) * 100000
      FROM (SELECT band, sum(events) AS e, sum(population) AS p, min(band * 1000)::float8 AS std FROM bench_rows GROUP BY band) s$$, 'one pass'),
  ('theil_t', 'one-pass', 'SELECT wellbeing.theil_t(x, weight) FROM bench_rows', 0, 'avg',
   $$WITH m AS (SELECT sum(weight * x) / sum(weight) AS mu FROM bench_rows)
     SELECT sum(weight * (x / mu) * ln(x / mu)) / sum(weight) FROM bench_rows, m$$, 'two passes'),
  ('mean_log_deviation', 'one-pass', 'SELECT wellbeing.mean_log_deviation(x, weight) FROM bench_rows', 0, 'avg',
   $$WITH m AS (SELECT sum(weight * x) / sum(weight) AS mu FROM bench_rows)
     SELECT sum(weight * ln(mu / x)) / sum(weight) FROM bench_rows, m$$, 'two passes'),
  ('atkinson', 'one-pass', 'SELECT wellbeing.atkinson(x, weight, 0.5) FROM bench_rows', 0, 'avg',
   'SELECT 1 - (sum(weight * sqrt(x)) / sum(weight)) ^ 2 / (sum(weight * x) / sum(weight)) FROM bench_rows', 'one pass'),
  ('between_group_variance', 'one-pass', 'SELECT wellbeing.between_group_variance(x, weight) FROM bench_rows', 0, 'avg',
   $$WITH m AS (SELECT sum(weight * x) / sum(weight) AS mu FROM bench_rows)
     SELECT sum(weight * (x - mu) ^ 2) / sum(weight) FROM bench_rows, m$$, 'two passes'),
  ('linear_trend', 'one-pass', 'SELECT wellbeing.linear_trend(year, x) FROM bench_rows', 0, 'avg',
   $$SELECT regr_slope(x, year), sqrt((regr_syy(x, year) - regr_slope(x, year) * regr_sxy(x, year))
                                     / (regr_count(x, year) - 2) / regr_sxx(x, year)) FROM bench_rows$$, 'one pass'),
  ('gini', 'sort', 'SELECT wellbeing.gini(x, weight) FROM bench_rows', 0, 'percentile_cont',
   $$SELECT (2 * sum(weight * x * cw) - sum(weight * weight * x)) / (sum(weight) * sum(weight * x)) - 1
      FROM (SELECT x, weight, sum(weight) OVER (ORDER BY x, weight ROWS UNBOUNDED PRECEDING) AS cw FROM bench_rows) s$$, 'window'),
  ('quintile_share_ratio', 'sort', 'SELECT wellbeing.quintile_share_ratio(x, weight) FROM bench_rows', 0, 'percentile_cont',
   $$SELECT sum(weight * x) FILTER (WHERE share > 0.8) / sum(weight * x) FILTER (WHERE share <= 0.2)
      FROM (SELECT x, weight, sum(weight) OVER (ORDER BY x ROWS UNBOUNDED PRECEDING) / sum(weight) OVER () AS share FROM bench_rows) s$$, 'window'),
  ('palma', 'sort', 'SELECT wellbeing.palma(x, weight) FROM bench_rows', 0, 'percentile_cont',
   $$SELECT sum(weight * x) FILTER (WHERE share > 0.9) / sum(weight * x) FILTER (WHERE share <= 0.4)
      FROM (SELECT x, weight, sum(weight) OVER (ORDER BY x ROWS UNBOUNDED PRECEDING) / sum(weight) OVER () AS share FROM bench_rows) s$$, 'window'),
  ('poverty_rate', 'sort', 'SELECT wellbeing.poverty_rate(x, weight) FROM bench_rows', 0, 'percentile_cont',
   $$WITH s AS (SELECT x, weight, sum(weight) OVER (ORDER BY x ROWS UNBOUNDED PRECEDING) / sum(weight) OVER () AS share FROM bench_rows),
          med AS (SELECT min(x) AS m FROM s WHERE share > 0.5)
     SELECT sum(weight) FILTER (WHERE x < 0.6 * m) / sum(weight) FROM s, med$$, 'window'),
  ('proportion weighted by tract, grp', 'grouped', 'SELECT tract, grp, wellbeing.proportion(outcome, weight) FROM bench_rows GROUP BY tract, grp', 0, 'avg by tract, grp',
   'SELECT tract, grp, sum(weight * outcome::int) / sum(weight) FROM bench_rows GROUP BY tract, grp', 'one pass'),
  ('theil_t by tract, grp', 'grouped', 'SELECT tract, grp, wellbeing.theil_t(x, weight) FROM bench_rows GROUP BY tract, grp', 0, 'avg by tract, grp',
   $$WITH m AS (SELECT tract, grp, sum(weight * x) / sum(weight) AS mu FROM bench_rows GROUP BY tract, grp)
     SELECT tract, grp, sum(weight * (x / mu) * ln(x / mu)) / sum(weight) FROM bench_rows JOIN m USING (tract, grp) GROUP BY tract, grp$$, 'two passes'),
  ('gini by tract', 'grouped', 'SELECT tract, wellbeing.gini(x, weight) FROM bench_rows GROUP BY tract', 0, 'percentile_cont by tract',
   $$SELECT tract, (2 * sum(weight * x * cw) - sum(weight * weight * x)) / (sum(weight) * sum(weight * x)) - 1
      FROM (SELECT tract, x, weight, sum(weight) OVER (PARTITION BY tract ORDER BY x, weight ROWS UNBOUNDED PRECEDING) AS cw FROM bench_rows) s
      GROUP BY tract$$, 'window'),
  ('proportion weighted', 'parallel', 'SELECT wellbeing.proportion(outcome, weight) FROM bench_rows', 2, 'avg, 2 workers', NULL, NULL),
  ('mean weighted', 'parallel', 'SELECT wellbeing.mean(x, weight) FROM bench_rows', 2, 'avg, 2 workers', NULL, NULL),
  ('theil_t', 'parallel', 'SELECT wellbeing.theil_t(x, weight) FROM bench_rows', 2, 'avg, 2 workers', NULL, NULL),
  ('linear_trend', 'parallel', 'SELECT wellbeing.linear_trend(year, x) FROM bench_rows', 2, 'avg, 2 workers', NULL, NULL),
  ('gini', 'parallel', 'SELECT wellbeing.gini(x, weight) FROM bench_rows', 2, 'percentile_cont, 2 workers', NULL, NULL);

-- the baselines' own parallel speed-up, for comparison with ours
DELETE FROM queries WHERE kind !~ :'kinds';
SELECT set_config('bench.runs', :'runs', false);
CREATE TEMP TABLE base_times AS
SELECT name, workers, p.ms, CASE WHEN workers > 0 THEN 1 / p.ratio END AS parallel_speedup
FROM baselines,
     LATERAL pg_temp.paired(q, workers, q, 0, :runs) p;
CREATE TEMP TABLE timings (ord int, measure text, kind text, q text, workers int, baseline text,
                           plain_passes text, ms float8, ratio_to_baseline float8, plain_ms float8,
                           ext_over_plain float8, parallel_speedup float8);
DO $$
DECLARE qq record; runs int := current_setting('bench.runs')::int;
        b_ms float8; b_ratio float8; p_ms float8; p_ratio float8; s_ratio float8;
BEGIN
  FOR qq IN SELECT queries.*, b.q AS base_q, b.workers AS base_workers
            FROM queries JOIN baselines b ON b.name = queries.baseline ORDER BY ord LOOP
    SELECT ms, ratio INTO b_ms, b_ratio FROM pg_temp.paired(qq.q, qq.workers, qq.base_q, qq.base_workers, runs);
    p_ms := NULL; p_ratio := NULL; s_ratio := NULL;
    IF qq.plain IS NOT NULL THEN
      SELECT ref_ms, ratio INTO p_ms, p_ratio FROM pg_temp.paired(qq.q, qq.workers, qq.plain, qq.workers, runs);
    END IF;
    IF qq.workers > 0 THEN
      SELECT ratio INTO s_ratio FROM pg_temp.paired(qq.q, qq.workers, qq.q, 0, runs);
    END IF;
    INSERT INTO timings VALUES (qq.ord, qq.measure, qq.kind, qq.q, qq.workers, qq.baseline, qq.plain_passes,
                                b_ms, b_ratio, p_ms, p_ratio, 1 / s_ratio);
  END LOOP;
END $$;

-- ext_over_plain is the median of extension time / plain time over paired runs
CREATE TEMP VIEW report AS
SELECT ord, measure, kind, workers, q, round(ms::numeric) AS ms, baseline,
       round(ratio_to_baseline::numeric, 2) AS ratio_to_baseline,
       round(plain_ms::numeric) AS plain_ms, plain_passes,
       round((1 / ext_over_plain)::numeric, 2) AS plain_over_ext,
       round(parallel_speedup::numeric, 2) AS parallel_speedup,
       CASE kind
         WHEN 'one-pass' THEN ratio_to_baseline <= 1.3
                              AND 1 / ext_over_plain >= CASE plain_passes WHEN 'one pass' THEN 1 ELSE 2 END
         WHEN 'sort' THEN ratio_to_baseline <= 1
                          AND 1 / ext_over_plain >= CASE measure WHEN 'gini' THEN 3 ELSE 2 END
         WHEN 'grouped' THEN 1 / ext_over_plain >= CASE plain_passes WHEN 'one pass' THEN 1 ELSE 2 END
         WHEN 'parallel' THEN parallel_speedup >= 1.6
       END AS target_met
FROM timings;

\o bench/results.csv

\pset format csv
SELECT name AS baseline, workers, round(ms::numeric, 1) AS median_ms, round(parallel_speedup::numeric, 2) AS parallel_speedup
FROM base_times ORDER BY name;
SELECT measure, kind, workers, q AS query, ms AS median_ms, baseline, ratio_to_baseline,
       plain_ms, plain_passes, plain_over_ext, parallel_speedup, target_met FROM report ORDER BY ord;
\o
\pset format unaligned
\pset tuples_only on
\qecho
\qecho Baselines (median ms):
\qecho
SELECT '| baseline | median ms | 0→2 workers |' UNION ALL SELECT '|---|---:|---:|';
SELECT format('| %s | %s | %s |', name, round(ms::numeric), coalesce(round(parallel_speedup::numeric, 2) || '×', ''))
FROM base_times ORDER BY ms;
\qecho
\qecho Measures (median ms; ratios are medians of per-round ratios, each round running both queries):
\qecho
SELECT '| measure | kind | workers | ms | baseline | × baseline | plain SQL ms (reads) | plain ÷ ext | 0→2 workers | target |'
UNION ALL SELECT '|---|---|---:|---:|---|---:|---:|---:|---:|---|';
SELECT format('| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |', measure, kind, workers, ms, baseline, ratio_to_baseline,
              coalesce(plain_ms || ' (' || plain_passes || ')', ''), coalesce(plain_over_ext::text, ''),
              coalesce(parallel_speedup || '×', ''), CASE WHEN target_met THEN 'met' ELSE 'not met' END)
FROM report ORDER BY ord;
