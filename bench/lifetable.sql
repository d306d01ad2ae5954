-- bench/lifetable.sql (run by bench/lifetable.sh): life expectancy for every
-- tract of a US-wide table (:tracts tracts x 20 age bands, deterministic)
-- grouped by tract, against sum(deaths), sum(population) grouped the same
-- way; the median of :runs paired runs and the ratio (target: at most 2).
\set QUIET on
\pset format aligned
SET max_parallel_workers_per_gather = 0;
SET jit = off;
CREATE TABLE le_rows AS
SELECT t AS tract, a.age::float8 AS age,
       -- deaths from a Gompertz-like rate that varies by tract (a gradient of
       -- about 10 years of life expectancy across tracts)
       round(pop * least(0.9, 0.00012 * exp(0.09 * a.age) * (0.7 + 0.6 * ((t * 0.6180339887498949) - floor(t * 0.6180339887498949)))))::float8 AS deaths,
       pop::float8 AS population
FROM generate_series(1, :tracts) t,
     unnest(ARRAY[0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]) a(age),
     LATERAL (SELECT CASE WHEN a.age = 0 THEN 120 WHEN a.age = 1 THEN 480 ELSE 600 END AS pop) p;
VACUUM ANALYZE le_rows;

CREATE FUNCTION pg_temp.ms(q text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; n bigint;
BEGIN
  t0 := clock_timestamp();
  EXECUTE 'SELECT count(*) FROM (' || q || ') s' INTO n;
  RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END $$;
CREATE TEMP TABLE le_times (run int, le_ms float8, sum_ms float8);
DO $$
BEGIN
  FOR i IN 1 .. current_setting('bench.runs')::int LOOP
    INSERT INTO le_times SELECT i,
      pg_temp.ms('SELECT tract, wellbeing.life_expectancy(age, deaths, population) FROM le_rows GROUP BY tract'),
      pg_temp.ms('SELECT tract, sum(deaths), sum(population) FROM le_rows GROUP BY tract');
  END LOOP;
END $$;
SELECT count(*) AS rows, count(DISTINCT tract) AS tracts FROM le_rows;
SELECT round(min(e0)::numeric, 1) AS min_e0, round(max(e0)::numeric, 1) AS max_e0,
       count(*) FILTER (WHERE e0 IS NULL) AS not_calculated
FROM (SELECT (wellbeing.life_expectancy(age, deaths, population)).value AS e0 FROM le_rows GROUP BY tract) s;
SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY le_ms)::numeric) AS life_expectancy_ms,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY sum_ms)::numeric) AS sums_ms,
       round((percentile_cont(0.5) WITHIN GROUP (ORDER BY le_ms / sum_ms))::numeric, 2) AS ratio,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY le_ms / sum_ms) <= 2 AS target_met
FROM le_times;
