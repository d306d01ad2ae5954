-- Composite index building blocks: normalisations.  Fixture: the OECD/JRC
-- Handbook Table 15 (TAI mean years of school, 23 countries;
-- reference/index_longitudinal.md C.1): z with the n - 1 sd, min-max,
-- percentile rank r/n, rank with min ties.
SET extra_float_digits = 0;
CREATE TABLE tai (country text, x float8);
INSERT INTO tai VALUES ('Finland', 10), ('United States', 12), ('Sweden', 11.4), ('Japan', 9.5),
  ('Korea', 10.8), ('Netherlands', 9.4), ('United Kingdom', 9.4), ('Canada', 11.6), ('Australia', 10.9),
  ('Singapore', 7.1), ('Germany', 10.2), ('Norway', 11.9), ('Ireland', 9.4), ('Belgium', 9.3),
  ('New Zealand', 11.7), ('Austria', 8.4), ('France', 7.9), ('Israel', 9.6), ('Spain', 7.3),
  ('Italy', 7.2), ('Czech Rep.', 9.5), ('Hungary', 9.1), ('Slovenia', 7.1);
-- printed: Finland 0.26 0.59 65.2 rank 15; US 1.52 1.00 100 23; Korea 0.76 0.76 73.9 17;
-- Netherlands -0.12 0.47 39.1 9; Norway 1.46 0.98 95.7 22; Singapore -1.58 0.00 4.3 1
SELECT country, round(z::numeric, 2) AS z, round(mm::numeric, 2) AS minmax,
       round((100 * pr)::numeric, 1) AS percentile, round(pr * 23) AS rank
FROM (SELECT country, wellbeing.normalize_zscore(x) OVER () AS z,
             wellbeing.normalize_minmax(x) OVER () AS mm,
             wellbeing.percentile_rank(x) OVER () AS pr
      FROM tai) s
WHERE country IN ('Finland', 'United States', 'Korea', 'Netherlands', 'Norway', 'Singapore')
ORDER BY country;
-- the window z equals the scalar z with the partition's mean and sample sd
SELECT bool_and(abs(wz - wellbeing.normalize_zscore(x, m, sd)) < 1e-14) AS scalar_equals_window
FROM (SELECT x, wellbeing.normalize_zscore(x) OVER () AS wz, avg(x) OVER () AS m, stddev_samp(x) OVER () AS sd FROM tai) s;
-- (r-1)/(n-1) and the built-in percent_rank() agree (min ties); average ties
SELECT bool_and(abs(wellbeing_pr - builtin) < 1e-15) AS equals_percent_rank
FROM (SELECT wellbeing.percentile_rank(x, '(r-1)/(n-1)') OVER () AS wellbeing_pr,
             percent_rank() OVER (ORDER BY x) AS builtin FROM tai) s;
SELECT country, round(pr::numeric, 4) AS pr
FROM (SELECT country, wellbeing.percentile_rank(x, 'r/n', 'average') OVER () AS pr FROM tai) s
WHERE country IN ('Netherlands', 'United Kingdom', 'Ireland') ORDER BY country;
-- (Netherlands, UK and Ireland tie at 9.4 on ranks 9, 10, 11: average 10, 10/23 = 0.4348)
-- weighted z: population-weighted mean and sd; equal weights give the
-- population sd (n), not n - 1: z_w = z * sqrt(n / (n - 1))
SELECT bool_and(abs(zw - z * sqrt(23.0 / 22)) < 1e-12) AS weighted_equal_weights
FROM (SELECT wellbeing.normalize_zscore(x, 5.0) OVER () AS zw, wellbeing.normalize_zscore(x) OVER () AS z FROM tai) s;
-- partitions, NULLs and the window's ORDER BY do not matter to the statistics
SELECT g, v, round((100 * wellbeing.normalize_minmax(v) OVER (PARTITION BY g ORDER BY v DESC))::numeric, 1) AS score
FROM (VALUES ('a', 1.0), ('a', 3.0), ('a', NULL), ('a', 2.0), ('b', 5.0), ('b', 5.0)) t(g, v)
ORDER BY g, v;

-- scalar forms with explicit parameters (a baseline's mean, sd, goalposts):
-- z = (12 - 9.5957) / 1.5770 = 1.5246; min-max beyond the max leaves [0, 100]:
-- 100 (13 - 7.1) / 4.9 = 120.41; goalposts (12 - 5) / 10 = 0.7; a deficit
-- (0.50 - 0.30) / 0.45 = 0.444; capped at 1 unless cap => false (1.5);
-- distance to target (0.8 - 0.5) / (0.9 - 0.5) = 0.75 and (30 - 50) / (10 - 50) = 0.5
SELECT round(wellbeing.normalize_zscore(12, 9.5957, 1.5770)::numeric, 6) AS z,
       round(wellbeing.normalize_minmax(12, 7.1, 12)::numeric, 12) AS minmax,
       round(wellbeing.normalize_minmax(13, 7.1, 12, 0, 100)::numeric, 6) AS beyond_max,
       wellbeing.normalize_goalposts(12, 5, 15) AS goalposts,
       wellbeing.normalize_goalposts(0.30, 0.05, 0.50, higher_is_better => false) AS deficit,
       wellbeing.normalize_goalposts(20, 5, 15) AS capped,
       wellbeing.normalize_goalposts(20, 5, 15, cap => false) AS uncapped,
       wellbeing.distance_to_target(0.8, 0.9, 0.5) AS asset_to_target,
       wellbeing.distance_to_target(30, 10, 50) AS deficit_to_target;
SELECT wellbeing.normalize_zscore(1, 1, 0) IS NULL AS zero_sd, wellbeing.normalize_minmax(1, 1, 1) IS NULL AS zero_range;
SELECT wellbeing.normalize_goalposts(1, 5, 5);
SELECT wellbeing.percentile_rank(x, 'rank') OVER () FROM tai;

DROP TABLE tai;
