-- Estimates from microdata and counts (SPEC section 3).
-- Every number is checked against a published fixture or a formula written
-- out here; match columns are booleans so the expected output states the
-- claim, and values are shown rounded for the reader.
SET extra_float_digits = 0;

-- helper: relative agreement to 1e-12 (the fixtures print 17 digits)
CREATE FUNCTION close(a float8, b float8, tol float8 DEFAULT 1e-12)
RETURNS boolean LANGUAGE sql IMMUTABLE
AS $$ SELECT abs(a - b) <= tol * greatest(abs(b), 1e-300) $$;

------------------------------------------------------------------------
-- proportion_ci: PHEindicatormethods Wilson fixtures
-- (reference/disparity.md 5.3, testdata_Proportion.xlsx)
------------------------------------------------------------------------
SELECT close(lower, 0.55254443296887967) AS lower_ok,
       close(upper, 0.73635751756902468) AS upper_ok,
       close(se, sqrt(0.65 * 0.35 / 100)) AS se_is_binomial
FROM wellbeing.proportion_ci(65, 100);

SELECT close(lower, 0.002746658133544438) AS lower_ok,
       close(upper, 0.035721761716176796) AS upper_ok
FROM wellbeing.proportion_ci(2, 200);

-- Wald written out: p ± z sqrt(p(1-p)/n), z = qnorm(0.975) = 1.959963984540054
SELECT close(lower, 0.65 - 1.959963984540054 * sqrt(0.65 * 0.35 / 100)) AS wald_lower,
       close(upper, 0.65 + 1.959963984540054 * sqrt(0.65 * 0.35 / 100)) AS wald_upper
FROM wellbeing.proportion_ci(65, 100, 0.95, 'wald');

-- Clopper–Pearson at the edges is closed-form: x = 0 gives
-- upper = 1 - (alpha/2)^(1/n); x = n gives lower = (alpha/2)^(1/n).
SELECT lower = 0 AS lower_zero,
       close(upper, 1 - 0.025 ^ (1.0 / 10)) AS upper_closed_form
FROM wellbeing.proportion_ci(0, 10, 0.95, 'exact');
SELECT close(lower, 0.025 ^ (1.0 / 20)) AS lower_closed_form, upper = 1 AS upper_one
FROM wellbeing.proportion_ci(20, 20, 0.95, 'exact');

-- every outcome true: the Wilson upper limit is 1 on paper, and rounding
-- gave 0.9999999999999999 at n = 10 (below the value) and
-- 1.0000000000000002 at n = 40 (outside [0, 1]); it is clamped to exactly 1.
-- Every outcome false: the lower limit is exactly 0.
SET extra_float_digits = 3;
SELECT n, (wellbeing.proportion_ci(n, n)).value, (wellbeing.proportion_ci(n, n)).upper,
       (wellbeing.proportion_ci(0, n)).lower AS lower_at_zero
FROM unnest(ARRAY[10, 40]) n;
SELECT n, (e).value, (e).upper
FROM (SELECT n, (SELECT wellbeing.proportion(true) FROM generate_series(1, n)) AS e
      FROM unnest(ARRAY[10, 40]) n) s;
SET extra_float_digits = 0;
-- Wald leaves [0, 1] on paper near the edges (1/10: 0.1 - 0.186 < 0); the
-- limits are clamped to the range
SELECT lower, close(upper, 0.1 + 1.959963984540054 * sqrt(0.1 * 0.9 / 10)) AS upper_unchanged
FROM wellbeing.proportion_ci(1, 10, 0.95, 'wald');
SELECT close(lower, 0.9 - 1.959963984540054 * sqrt(0.1 * 0.9 / 10)) AS lower_unchanged, upper
FROM wellbeing.proportion_ci(9, 10, 0.95, 'wald');

-- zero trials: no estimate, but a row that says n = 0
SELECT * FROM wellbeing.proportion_ci(0, 0);
-- NULL argument: NULL (the function is strict)
SELECT wellbeing.proportion_ci(NULL, 10) IS NULL AS null_in_null_out;

------------------------------------------------------------------------
-- rate_ci: PHEindicatormethods Byar and exact Poisson fixtures
------------------------------------------------------------------------
-- Byar on counts (per = 1 on population 1 gives the count's limits)
SELECT close(lower, 50.163187710459454) AS byar65_lower,
       close(upper, 82.849138545939837) AS byar65_upper
FROM wellbeing.rate_ci(65, 65, 65);
SELECT close(lower, 982.59320180733255) AS byar1045_lower,
       close(upper, 1110.3312129856499) AS byar1045_upper
FROM wellbeing.rate_ci(1045, 1045, 1045);
SELECT close(lower, 42.880261471480203) AS byar65_998_lower,
       close(upper, 94.000290844318016) AS byar65_998_upper
FROM wellbeing.rate_ci(65, 65, 65, 0.998);
-- exact Poisson below 10 events: 2 / 200 per 100 000 and 1 / 100 per 100
SELECT close(value, 1000) AS value_ok,
       close(lower, 121.10463927198258) AS exact_lower,
       close(upper, 3612.3438338619794) AS exact_upper
FROM wellbeing.rate_ci(2, 200, 100000);
SELECT close(lower, 0.025317807984289897) AS exact_lower,
       close(upper, 5.571643390938898) AS exact_upper
FROM wellbeing.rate_ci(1, 100, 100);
-- auto switches at 10 events: 9 is exact, 10 is Byar
SELECT (SELECT lower FROM wellbeing.rate_ci(9, 1000, 1, 0.95, 'auto')) =
       (SELECT lower FROM wellbeing.rate_ci(9, 1000, 1, 0.95, 'exact')) AS nine_is_exact,
       (SELECT lower FROM wellbeing.rate_ci(10, 1000, 1, 0.95, 'auto')) =
       (SELECT lower FROM wellbeing.rate_ci(10, 1000, 1, 0.95, 'byar')) AS ten_is_byar;
-- normal written out: x ± z sqrt(x); se = sqrt(x)/pop × per
SELECT close(lower, (65 - 1.959963984540054 * sqrt(65)) / 1000) AS normal_lower,
       close(se, sqrt(65) / 1000) AS se_ok, n
FROM wellbeing.rate_ci(65, 1000, 1, 0.95, 'normal');
-- Byar's lower limit is negative below one event (0.5 events:
-- 0.5 (1 - 1/4.5 - z/(3 sqrt 0.5))^3 < 0), and so is the normal one below
-- z^2 events; a rate is never negative, so both are clamped to 0 (exact:
-- qchisq(0.025, 1) / 2 / 1000 = 0.000982069 / 2000 = 4.91035e-07)
SELECT method, lower, upper > value AS upper_above_value
FROM unnest(ARRAY['byar', 'normal', 'exact', 'auto']) method,
     LATERAL wellbeing.rate_ci(0.5, 1000, 1, 0.95, method) e;
SELECT (wellbeing.rate(0.5, 1000, 1, 0.95, 'byar')).lower AS aggregate_byar_lower,
       (wellbeing.standardized_ratio(0.5, 10, 0.95, 'byar')).lower AS ratio_byar_lower;
-- zero events: exact lower 0, upper = -ln(0.025) (two-sided Garwood)
SELECT lower, close(upper, -ln(0.025) / 500) AS upper_garwood
FROM wellbeing.rate_ci(0, 500);
-- zero population: no rate
SELECT value IS NULL AS no_value, n FROM wellbeing.rate_ci(0, 0);

------------------------------------------------------------------------
-- proportion aggregate
------------------------------------------------------------------------
CREATE TABLE people AS
SELECT g AS id,
       (g % 5) AS tract,
       CASE WHEN g % 17 = 0 THEN NULL ELSE (g * 7919) % 100 < 35 END AS outcome,
       CASE WHEN g % 23 = 0 THEN NULL ELSE 0.5 + ((g * 104729) % 1000) / 250.0 END AS weight,
       ((g * 7907) % 1000) / 10.0 AS x
FROM generate_series(1, 2000) g;

-- unweighted aggregate = scalar twin on the counts (NULL outcomes skipped)
SELECT a.value = b.value AND a.lower = b.lower AND a.upper = b.upper AND a.n = b.n AS agg_equals_twin
FROM (SELECT (wellbeing.proportion(outcome)).* FROM people) a,
     (SELECT (wellbeing.proportion_ci(count(*) FILTER (WHERE outcome), count(outcome))).* FROM people) b;

-- weighted: value = sum(w y)/sum(w); se written out as svymean with ids=~1:
--   sqrt(n/(n-1) * sum(w^2 (y - p)^2)) / sum(w)
WITH d AS (SELECT outcome::int AS y, weight AS w FROM people WHERE outcome IS NOT NULL AND weight IS NOT NULL),
     p AS (SELECT sum(w * y) / sum(w) AS p, count(*) AS n, sum(w) AS sw FROM d),
     ref AS (SELECT p.p, sqrt(p.n / (p.n - 1.0) * sum(d.w ^ 2 * (d.y - p.p) ^ 2)) / p.sw AS se, p.n
             FROM d, p GROUP BY p.p, p.n, p.sw)
SELECT close(e.value, ref.p) AS value_ok, close(e.se, ref.se, 1e-10) AS se_ok, e.n = ref.n AS n_ok,
       -- logit interval: expit(logit p ± t(n-1) se/(p(1-p)))
       e.lower < e.value AND e.value < e.upper AS brackets
FROM (SELECT (wellbeing.proportion(outcome, weight)).* FROM people) e, ref;

-- unit weights with method exact = the unweighted Clopper–Pearson interval
SELECT close(a.lower, b.lower) AND close(a.upper, b.upper) AS unit_weights_exact_equal
FROM (SELECT (wellbeing.proportion(outcome, 1.0, 0.95, 'exact')).* FROM people) a,
     (SELECT (wellbeing.proportion_ci(count(*) FILTER (WHERE outcome), count(outcome), 0.95, 'exact')).* FROM people) b;

-- GROUP BY and window use
SELECT tract, round((e).value::numeric, 4) AS value, (e).n
FROM (SELECT tract, wellbeing.proportion(outcome) AS e FROM people GROUP BY tract) s ORDER BY tract;
SELECT DISTINCT tract, round(((wellbeing.proportion(outcome) OVER (PARTITION BY tract)).value)::numeric, 4) AS value
FROM people ORDER BY tract;
-- FILTER and ordered input do not change the answer
SELECT (wellbeing.proportion(outcome) FILTER (WHERE tract = 1)).value =
       (SELECT (wellbeing.proportion(outcome)).value FROM people WHERE tract = 1) AS filter_ok
FROM people;

-- empty input and all-NULL input: NULL
SELECT wellbeing.proportion(outcome) IS NULL AS empty_is_null FROM people WHERE false;
SELECT wellbeing.proportion(NULL::boolean) IS NULL AS all_null_is_null FROM people;
-- one row: a value; weighted has no se (n - 1 = 0)
SELECT (wellbeing.proportion(true)).*;
SELECT (wellbeing.proportion(true, 2.0)).*;
-- p = 0 or 1 has no logit: the weighted default falls back to Clopper–Pearson
-- on the effective sample size; 16 equal weights, none true:
-- upper = 1 - 0.025^(1/16), and lower = 0.025 above for one row with p = 1
SELECT value, lower, close(upper, 1 - 0.025 ^ (1.0 / 16)) AS upper_closed_form
FROM (SELECT (wellbeing.proportion(false, 3.0)).* FROM generate_series(1, 16)) s;
-- weights are relative: scaling them by 1e150 or 1e-150 changes nothing
SELECT close(a.value, b.value) AND close(a.se, b.se, 1e-12) AND close(a.lower, b.lower, 1e-12) AS scaled_up,
       close(c.value, b.value) AND close(c.se, b.se, 1e-12) AND close(c.upper, b.upper, 1e-12) AS scaled_down
FROM (SELECT (wellbeing.proportion(outcome, weight * 1e150)).* FROM people) a,
     (SELECT (wellbeing.proportion(outcome, weight)).* FROM people) b,
     (SELECT (wellbeing.proportion(outcome, weight * 1e-150)).* FROM people) c;
SELECT close(a.se, b.se, 1e-12) AS mean_scaled_up
FROM (SELECT (wellbeing.mean(x, weight * 1e150)).* FROM people) a,
     (SELECT (wellbeing.mean(x, weight)).* FROM people) b;
-- all weights zero: no value, n still counted
SELECT (e).value IS NULL AS no_value, (e).n FROM (SELECT wellbeing.proportion(outcome, 0.0) AS e FROM people) s;

------------------------------------------------------------------------
-- mean and total
------------------------------------------------------------------------
-- unweighted mean: t interval, se = s/sqrt(n) (PHEindicatormethods phe_mean)
SELECT close(e.value, r.m) AS value_ok, close(e.se, r.s / sqrt(r.n), 1e-10) AS se_ok,
       close(e.lower, r.m - 1.96115142017056 * r.s / sqrt(r.n), 1e-10) AS t_lower_ok
FROM (SELECT (wellbeing.mean(x)).* FROM people) e,
     (SELECT avg(x) AS m, stddev_samp(x) AS s, count(x) AS n FROM people) r;
-- (qt(0.975, 1999) = 1.96115142017056 in R)

-- weighted mean: se = sqrt(n/(n-1) sum w^2 (x - m)^2) / sum w
WITH d AS (SELECT x, weight AS w FROM people WHERE weight IS NOT NULL),
     m AS (SELECT sum(w * x) / sum(w) AS m, count(*) AS n, sum(w) AS sw FROM d)
SELECT close(e.value, m.m) AS value_ok,
       close(e.se, (SELECT sqrt(m.n / (m.n - 1.0) * sum(w ^ 2 * (x - m.m) ^ 2)) / m.sw FROM d), 1e-10) AS se_ok
FROM (SELECT (wellbeing.mean(x, weight)).* FROM people) e, m;

-- weighted total: T = sum w x, se = sqrt(n/(n-1) sum (w x - T/n)^2)
WITH d AS (SELECT weight * x AS u FROM people WHERE weight IS NOT NULL)
SELECT close(e.value, (SELECT sum(u) FROM d), 1e-12) AS value_ok,
       close(e.se, (SELECT sqrt(count(*) / (count(*) - 1.0) * sum((u - a) ^ 2))
                    FROM d, (SELECT avg(u) AS a FROM d) a GROUP BY a.a), 1e-10) AS se_ok
FROM (SELECT (wellbeing.total(x, weight)).* FROM people) e;

-- one row: value but no se or interval; empty: NULL
SELECT (wellbeing.mean(3.5)).*;
SELECT (wellbeing.total(3.5, 2.0)).*;
SELECT wellbeing.mean(x) IS NULL AS empty_is_null FROM people WHERE false;
-- extreme but finite values keep full relative precision (centred sums)
SELECT close((wellbeing.mean(v)).value, 1e15 + 2) AS big_offset_mean,
       close((wellbeing.mean(v)).se, 1 / sqrt(3), 1e-6) AS big_offset_se
FROM (VALUES (1e15 + 1), (1e15 + 2), (1e15 + 3)) t(v);
SELECT (wellbeing.mean(v)).value AS huge FROM (VALUES (1e300::float8), (1e300)) t(v);

------------------------------------------------------------------------
-- rate aggregate = rate_ci on the sums
------------------------------------------------------------------------
CREATE TABLE counts AS
SELECT g, (g % 4) AS area, (g * 31) % 13 AS events, 500 + (g * 97) % 700 AS population
FROM generate_series(1, 400) g;
SELECT bool_and(a.value = b.value AND a.lower = b.lower AND a.upper = b.upper) AS agg_equals_twin
FROM (SELECT area, (wellbeing.rate(events, population, 100000)).* FROM counts GROUP BY area) a
JOIN (SELECT area, (wellbeing.rate_ci(sum(events), sum(population), 100000)).* FROM counts GROUP BY area) b
USING (area);

------------------------------------------------------------------------
-- standardized_rate: PHE Dobson fixture with the 2013 European Standard
-- Population (reference/disparity.md 5.3, testdata_DSR_ISR.xlsx)
------------------------------------------------------------------------
CREATE TABLE dsr_big AS
SELECT ordinal, events, population
FROM unnest(ARRAY[127,25,18,21,12,27,48,27,29,32,32,34,45,65,38,68,74,82,91],
            ARRAY[636,558,609,543,384,594,669,843,660,576,606,522,426,273,300,288,153,123,207])
     WITH ORDINALITY AS t(events, population, ordinal);

SELECT close(e.value, 10430.247991469423) AS dsr_ok,
       close(e.lower, 9717.709067985681) AS dobson_lower,
       close(e.upper, 11178.94091547925) AS dobson_upper,
       e.n
FROM (SELECT (wellbeing.standardized_rate(d.events, d.population, s.population, 100000, 0.95, 'dobson')).*
      FROM dsr_big d JOIN wellbeing.standard_population s
        ON s.standard = 'esp2013' AND s.ordinal = d.ordinal) e;
SELECT close(e.lower, 9323.2878802199029) AS dobson_998_lower,
       close(e.upper, 11620.595999522058) AS dobson_998_upper
FROM (SELECT (wellbeing.standardized_rate(d.events, d.population, s.population, 100000, 0.998, 'dobson')).*
      FROM dsr_big d JOIN wellbeing.standard_population s
        ON s.standard = 'esp2013' AND s.ordinal = d.ordinal) e;
-- Dobson below 10 events: PHE suppresses; we give the value and the
-- interval from exact Poisson limits on the total count
SELECT round(value::numeric, 6) AS value, lower < value AND value < upper AS brackets, n
FROM (SELECT (wellbeing.standardized_rate(e, p, w, 1, 0.95, 'dobson')).*
      FROM (VALUES (2, 100, 1.0), (1, 200, 2.0)) t(e, p, w)) s;

-- a band with population 0 but standard weight > 0 makes the DSR undefined
SELECT (e).value IS NULL AS undefined, (e).n
FROM (SELECT wellbeing.standardized_rate(e, p, w) AS e FROM (VALUES (0, 0, 1.0), (3, 100, 1.0)) t(e, p, w)) s;
-- standard populations shipped with the extension
SELECT standard, count(*) AS groups, sum(population) AS total
FROM wellbeing.standard_population GROUP BY standard ORDER BY standard;

------------------------------------------------------------------------
-- standardized_ratio: PHE ISR fixture (observed 895, expected 835.88…,
-- reference rate 9349.88… per 100 000 → ISR 10011.14, Byar limits)
------------------------------------------------------------------------
SELECT close(value * 9349.8830922110192, 10011.137622091057) AS isr_ok,
       close(lower * 9349.8830922110192, 9365.91600297888) AS isr_lower,
       close(upper * 9349.8830922110192, 10689.097582910616) AS isr_upper
FROM (SELECT (wellbeing.standardized_ratio(o, e)).*
      FROM (VALUES (400, 400.0), (495, 435.88356123117433)) t(o, e)) s;
-- expected 0: no ratio
SELECT (wellbeing.standardized_ratio(0, 0)).value IS NULL AS no_ratio;

------------------------------------------------------------------------
-- proportion of a 0/1 number: city tables keep flags as integers; the
-- answer is the boolean one, row for row (every field of the estimate)
------------------------------------------------------------------------
SELECT wellbeing.proportion(b, w)::text = wellbeing.proportion(b::int, w)::text AS integer_same,
       wellbeing.proportion(b, w)::text = wellbeing.proportion(b::int::smallint, w)::text AS smallint_same,
       wellbeing.proportion(b, w)::text = wellbeing.proportion(b::int::bigint, w)::text AS bigint_same,
       wellbeing.proportion(b, w, 0.9, 'logit')::text = wellbeing.proportion(b::int::numeric, w, 0.9, 'LOGIT')::text AS numeric_same,
       wellbeing.proportion(b)::text = wellbeing.proportion(b::int::float8)::text AS float8_same,
       (wellbeing.proportion(b::int)).n AS n
FROM (SELECT g % 3 = 0 AS b, 1 + g % 4 AS w FROM generate_series(1, 40) g) t;
-- a NULL weight drops the row; a zero weight keeps it in n, out of the sums
SELECT (wellbeing.proportion(y, w)).n AS n, (wellbeing.proportion(y, w)).value AS value,
       (wellbeing.mean(x, w)).n AS mean_n, (wellbeing.mean(x, w)).value AS mean_value
FROM (VALUES (true, 1.0, 10.0), (false, 0, 99.0), (true, NULL, 99.0), (false, 3, 2.0)) t(y, w, x);
-- 1.000 is 1; NULL rows skipped
SELECT (wellbeing.proportion(x)).value, (wellbeing.proportion(x)).n
FROM (VALUES (1.000::numeric), (0), (NULL), (1)) t(x);
-- anything else is an error with the fix in the hint
SELECT wellbeing.proportion(x) FROM (VALUES (0), (1), (2)) t(x);
SELECT wellbeing.proportion(x) FROM (VALUES (0.5::numeric)) t(x);
SELECT wellbeing.proportion(x) FROM (VALUES ('NaN'::numeric)) t(x);
SELECT wellbeing.proportion(x) FROM (VALUES (1.0000000000000000001::numeric)) t(x);
SELECT wellbeing.proportion(x) FROM (VALUES (-1.0::float8)) t(x);

------------------------------------------------------------------------
-- poverty_rate (laeken arpr); the R values are compared in test/pgtap
------------------------------------------------------------------------
-- written out: weights 1, incomes 10,20,30,40: cumulative shares
-- .25 .5 .75 1, first share > 1/2 is at 30 (laeken), threshold 18,
-- one of four below it; with fraction 0.7 the threshold is 21, two below
SELECT (wellbeing.poverty_rate(x, 1)).value AS rate
FROM (VALUES (40), (10), (30), (20)) t(x);
SELECT (wellbeing.poverty_rate(x, 1, 0.7)).value AS rate_070
FROM (VALUES (40), (10), (30), (20)) t(x);
-- negative and zero incomes are incomes; NULL rows skipped
SELECT (wellbeing.poverty_rate(x, w)).*
FROM (VALUES (-5.0, 1.0), (0, 1), (100, 1), (120, 1), (NULL, 1), (130, NULL)) t(x, w);
-- many rows (state grows past its first allocation); order does not matter
-- (up to rounding in the last bits: sums in another order)
SELECT abs(a.value - b.value) <= 1e-12 * b.value AS order_invariant, a.n
FROM (SELECT (wellbeing.poverty_rate(x, weight)).* FROM (SELECT * FROM people ORDER BY id) s) a,
     (SELECT (wellbeing.poverty_rate(x, weight)).* FROM (SELECT * FROM people ORDER BY id DESC) s) b;

-- clean up: test files share one database
DROP TABLE people, counts, dsr_big;
DROP FUNCTION close(float8, float8, float8);
