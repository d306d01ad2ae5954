-- Called by bench/index.sh with -v areas=N -v runs=R.  Writes
-- bench/index_results.csv and prints a Markdown table.
\set QUIET on
\o /dev/null
SET jit = off;
DROP TABLE IF EXISTS bench_long, bench_catalog;
CREATE TABLE bench_catalog AS
SELECT 'ind' || lpad(k::text, 2, '0') AS indicator, 'domain' || ((k - 1) / 6 + 1) AS domain,
       1.0 + (k % 3) AS weight, k % 4 <> 0 AS higher_is_better
FROM generate_series(1, 50) k;
-- values from a formula of (area, period, indicator): deterministic
CREATE TABLE bench_long AS
SELECT 'tract' || lpad(a::text, 6, '0') AS area, 'all'::text AS grp, p AS period,
       'ind' || lpad(k::text, 2, '0') AS indicator,
       100 + 10 * sin(a * 0.37 + k) + 0.5 * (p - 2015) * cos(k) + 3 * sin(a * k * 0.011 + p) AS value,
       1000 + (a % 500) AS population
FROM generate_series(1, :areas) a, generate_series(2015, 2024) p, generate_series(1, 50) k;
VACUUM ANALYZE bench_long;

CREATE FUNCTION pg_temp.median_ms(q text, runs int) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; times float8[] := '{}';
BEGIN
  FOR i IN 1..runs LOOP
    DROP TABLE IF EXISTS bench_out;
    t0 := clock_timestamp();
    EXECUTE 'CREATE UNLOGGED TABLE bench_out AS ' || q;
    times := times || extract(epoch FROM clock_timestamp() - t0) * 1000;
  END LOOP;
  RETURN (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY t) FROM unnest(times) t);
END $$;

CREATE TEMP TABLE queries (ord int, label text, q text);
INSERT INTO queries VALUES
  (1, 'plain SQL recipe (z on 2015, domain and index means)', $q$
    WITH z AS (
      SELECT d.area, d.period, c.domain, c.weight,
             CASE WHEN c.higher_is_better THEN 1 ELSE -1 END * (d.value - b.m) / b.s AS z
      FROM bench_long d
      JOIN bench_catalog c USING (indicator)
      JOIN (SELECT indicator, avg(value) AS m, stddev_samp(value) AS s
            FROM bench_long WHERE period = 2015 GROUP BY indicator) b USING (indicator)
    ), dom AS (
      SELECT area, period, domain, sum(weight * z) / sum(weight) AS s FROM z GROUP BY area, period, domain
    )
    SELECT area, period, avg(s) AS score FROM dom GROUP BY area, period$q$),
  (2, 'build_index (baseline 2015)', $q$
    SELECT * FROM wellbeing.build_index('bench_long', 'bench_catalog', baseline_period => 2015)$q$),
  (3, 'self_comparison (baseline 2015)', $q$
    SELECT * FROM wellbeing.self_comparison('bench_long', 'bench_catalog', 2015)$q$);

CREATE TEMP TABLE timings AS SELECT ord, label, pg_temp.median_ms(q, :runs) AS ms FROM queries ORDER BY ord;
\o bench/index_results.csv
\pset format csv
SELECT label AS query, (SELECT count(*) FROM bench_long) AS input_rows, round(ms::numeric) AS median_ms,
       round((ms / (SELECT ms FROM timings WHERE ord = 1))::numeric, 2) AS ratio_to_plain_sql
FROM timings ORDER BY ord;
\o
\pset format unaligned
\pset tuples_only on
SELECT format('%s input rows (%s areas x 50 indicators x 10 periods), median of %s run(s)',
              (SELECT count(*) FROM bench_long), :areas, :runs);
SELECT '| query | median s | ratio to plain SQL |' UNION ALL SELECT '|---|---:|---:|';
SELECT format('| %s | %s | %s |', label, round((ms / 1000)::numeric, 1), round((ms / (SELECT ms FROM timings WHERE ord = 1))::numeric, 2))
FROM timings ORDER BY ord;
