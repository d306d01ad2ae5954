-- Called by bench/run.sh with -v rows=N.  Writes bench/results.csv and prints
-- a Markdown table.
\set QUIET on
\o /dev/null
SET max_parallel_workers_per_gather = 0;
SET jit = off;
DROP TABLE IF EXISTS bench_rows;
SELECT setseed(0.5);
CREATE TABLE bench_rows AS
SELECT g % 50 AS tract,
       random() < 0.3 AS outcome,
       exp(10 + random()) AS x,
       0.5 + random() AS weight,
       floor(random() * 5)::float8 AS events,
       1000 + floor(random() * 1000)::float8 AS population,
       (g % 19) + 1 AS band
FROM generate_series(1, :rows) g;
VACUUM ANALYZE bench_rows;

CREATE FUNCTION pg_temp.median_ms(q text, runs int DEFAULT 5) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; times float8[] := '{}';
BEGIN
  EXECUTE q;   -- warm the cache
  FOR i IN 1..runs LOOP
    t0 := clock_timestamp();
    EXECUTE q;
    times := times || extract(epoch FROM clock_timestamp() - t0) * 1000;
  END LOOP;
  RETURN (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY t) FROM unnest(times) t);
END $$;

CREATE TEMP TABLE queries (ord serial, q text);
INSERT INTO queries (q) VALUES
  ('SELECT avg(x) FROM bench_rows'),
  ('SELECT count(*) FROM bench_rows'),
  ('SELECT wellbeing.proportion(outcome) FROM bench_rows'),
  ('SELECT wellbeing.proportion(outcome, weight) FROM bench_rows'),
  ('SELECT wellbeing.mean(x) FROM bench_rows'),
  ('SELECT wellbeing.mean(x, weight) FROM bench_rows'),
  ('SELECT wellbeing.total(x, weight) FROM bench_rows'),
  ('SELECT wellbeing.rate(events, population) FROM bench_rows'),
  ('SELECT wellbeing.standardized_rate(events, population, (band * 1000)::float8) FROM bench_rows'),
  ('SELECT tract, wellbeing.proportion(outcome, weight) FROM bench_rows GROUP BY tract'),
  ('SELECT tract, avg(x) FROM bench_rows GROUP BY tract'),
  ('SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM bench_rows'),
  ('SELECT wellbeing.poverty_rate(x, weight) FROM bench_rows'),
  ('SELECT wellbeing.theil_t(x, weight) FROM bench_rows'),
  ('SELECT wellbeing.mean_log_deviation(x, weight) FROM bench_rows'),
  ('SELECT wellbeing.atkinson(x, weight, 0.5) FROM bench_rows'),
  ('SELECT wellbeing.between_group_variance(x, weight) FROM bench_rows'),
  ('SELECT wellbeing.linear_trend(band, x) FROM bench_rows'),
  ('SELECT wellbeing.gini(x, weight) FROM bench_rows');

CREATE TEMP TABLE timings AS SELECT ord, q, pg_temp.median_ms(q) AS ms FROM queries;
\o bench/results.csv
\pset format csv
SELECT q AS query, round(ms::numeric, 1) AS median_ms,
       round((ms / (SELECT ms FROM timings WHERE ord = 1))::numeric, 2) AS ratio_to_avg
FROM timings ORDER BY ord;
\o
\pset format unaligned
\pset tuples_only on
SELECT '| query | median ms | ratio to avg(x) |' UNION ALL SELECT '|---|---:|---:|';
SELECT format('| `%s` | %s | %s |', q, round(ms::numeric), round((ms / (SELECT ms FROM timings WHERE ord = 1))::numeric, 2))
FROM timings ORDER BY ord;
