-- Design-based survey estimates (R survey values: test/pgtap/survey_reference.sql).
SET extra_float_digits = 0;
-- A design by hand: stratum 1 has PSUs a (x = 1, 3; w = 2, 2) and b (x = 2;
-- w = 4), stratum 2 has c (x = 5; w = 1) and d (x = 4, 6; w = 3, 1).
-- Mean: sum(w x) = 39, sum(w) = 13, R = 3.  Linearised PSU totals
-- u = (Y - R X)/13: a (8 - 12)/13, b (8 - 12)/13, c (5 - 3)/13, d (18 - 12)/13.
-- Stratum 1: no spread, 0.  Stratum 2: mean 4/13, squares 2 * (2/13)^2 = 8/169,
-- times n/(n - 1) = 2: 16/169.  SE = 4/13 = 0.307692; df = 4 PSUs - 2 strata = 2;
-- t(0.975, 2) = 4.302653: 3 -/+ 1.323893.
CREATE TABLE design (s int, psu text, x float8, w float8);
INSERT INTO design VALUES (1, 'a', 1, 2), (1, 'a', 3, 2), (1, 'b', 2, 4), (2, 'c', 5, 1), (2, 'd', 4, 3), (2, 'd', 6, 1);
SELECT round(value::numeric, 6) AS value, round(se::numeric, 6) AS se, round(lower::numeric, 6) AS lower,
       round(upper::numeric, 6) AS upper, n, level, df
FROM (SELECT (wellbeing.survey_mean(x, w, s, psu)).* FROM design) e;
-- Total 39: u = Y: stratum 1 (8, 8) no spread; stratum 2 (5, 18): 2 * 2 * 6.5^2 = 169, SE 13.
-- Ratio sum(w x) / sum(w) = the mean; a finite population of 4 PSUs in stratum 2
-- halves its variance: SE = sqrt(8/169) = 0.217571.
SELECT round((wellbeing.survey_total(x, w, s, psu)).value::numeric, 6) AS total,
       round((wellbeing.survey_total(x, w, s, psu)).se::numeric, 6) AS total_se,
       round((wellbeing.survey_ratio(x, 1, w, s, psu)).se::numeric, 6) AS ratio_se,
       round((wellbeing.survey_mean(x, w, s, psu, CASE s WHEN 2 THEN 4 ELSE 1e6 END)).se::numeric, 6) AS fpc_se
FROM design;
-- A subpopulation cut out with WHERE loses PSU b of stratum 1, which is then lonely:
-- the error says why and names the domain argument.  With the domain argument the
-- design keeps b (sums 0): R = 31/9, u = (Y - R X)/9 for a, b, c, d = -52/81, 0,
-- 14/81, 38/81; stratum 1: 2 * 2 * (26/81)^2, stratum 2: 2 * 2 * (12/81)^2,
-- SE = sqrt(3280)/81 = 0.707053.
SELECT wellbeing.survey_mean(x, w, s, psu) FROM design WHERE psu <> 'b';
SELECT round(value::numeric, 6) AS value, round(se::numeric, 6) AS se
FROM (SELECT (wellbeing.survey_mean(x, w, s, psu, NULL, 0.95, NULL, psu <> 'b')).* FROM design) e;
-- A lonely stratum 3 (PSU e: x = 10, w = 2): fail is an error; remove and certainty
-- ignore it; average scales the other strata by 3/2; adjust adds u_e^2 with u_e =
-- (20 - 2 R)/15 about the population mean 0 (R = 59/15)
INSERT INTO design VALUES (3, 'e', 10, 2);
SELECT wellbeing.survey_mean(x, w, s, psu) FROM design;
SELECT o, round(se::numeric, 6) AS se, df
FROM unnest(ARRAY['lonely_psu=remove', 'lonely_psu=certainty', 'lonely_psu=average', 'lonely_psu=adjust']) o,
     LATERAL (SELECT (wellbeing.survey_mean(x, w, s, psu, NULL, 0.95, o)).* FROM design) e;
SELECT abs((SELECT (wellbeing.survey_mean(x, w, s, psu, NULL, 0.95, 'lonely_psu=average')).se FROM design) ^ 2
           - 1.5 * (SELECT (wellbeing.survey_mean(x, w, s, psu, NULL, 0.95, 'lonely_psu=remove')).se FROM design) ^ 2) < 1e-15 AS average_is_3_over_2,
       abs((SELECT (wellbeing.survey_mean(x, w, s, psu, NULL, 0.95, 'lonely_psu=adjust')).se FROM design) ^ 2
           - (SELECT (wellbeing.survey_mean(x, w, s, psu, NULL, 0.95, 'lonely_psu=remove')).se FROM design) ^ 2
           - ((20 - 2 * 59 / 15.0) / 15) ^ 2) < 1e-15 AS adjust_adds_u_squared;
-- the options from named arguments give the same answer as the text, in any case
SELECT (SELECT wellbeing.survey_mean(x, w, s, psu, NULL, 0.95, wellbeing.survey_options(lonely_psu => 'Adjust')) FROM design)::text
       = (SELECT wellbeing.survey_mean(x, w, s, psu, NULL, 0.95, 'LONELY_PSU=adjust') FROM design)::text AS options_constructor_same;
SELECT wellbeing.survey_options(lonely_psu => 'remove', proportion_interval => 'Beta') AS both,
       wellbeing.survey_options(proportion_interval => 'likelihood') AS interval_only,
       wellbeing.survey_options() = '' AS none_is_empty,
       wellbeing.replicate_options(rho => 0.5, mse => true, df => 12) AS replicate;
SELECT wellbeing.survey_options(lonely_psu => 'drop');
SELECT wellbeing.replicate_options(scale => 0);
DELETE FROM design WHERE s = 3;
-- Domains keep the whole design: the domain "x > 2" through the domain argument,
-- and the same rows through WHERE (a different, smaller design: wrong SE)
SELECT round((wellbeing.survey_mean(x, w, s, psu, NULL, 0.95, NULL, x > 2)).value::numeric, 6) AS domain_mean,
       round((wellbeing.survey_mean(x, w, s, psu, NULL, 0.95, NULL, x > 2)).se::numeric, 6) AS domain_se,
       (wellbeing.survey_mean(x, w, s, psu, NULL, 0.95, NULL, x > 2)).df AS domain_df,
       (wellbeing.survey_mean(x, w, s, psu, NULL, 0.95, NULL, x > 2)).n AS domain_n
FROM design;
SELECT round(value::numeric, 6) AS where_mean, round(se::numeric, 6) AS where_se
FROM (SELECT (wellbeing.survey_mean(x, w, s, psu, NULL, 0.95, 'lonely_psu=remove')).* FROM design WHERE x > 2) e;
-- a NULL x is out of the domain, in the design: the same as domain => x IS NOT NULL
SELECT (SELECT wellbeing.survey_mean(CASE WHEN x > 2 THEN x END, w, s, psu) FROM design)::text
       = (SELECT wellbeing.survey_mean(x, w, s, psu, NULL, 0.95, NULL, x > 2) FROM design)::text AS null_is_out_of_domain;
-- Differences of domains: a = stratum 1, b = stratum 2 share no PSU, so the
-- variance is the sum of the domain variances; a domain minus itself is 0 with SE 0
SELECT round((d).value::numeric, 6) AS difference,
       abs((d).se ^ 2 - (a).se ^ 2 - (b).se ^ 2) < 1e-15 AS independent_domains_add,
       (z).value AS self_difference, (z).se AS self_se
FROM (SELECT wellbeing.survey_mean_difference(x, w, s, psu, s = 1, s = 2) AS d,
             wellbeing.survey_mean(x, w, s, psu, NULL, 0.95, NULL, s = 1) AS a,
             wellbeing.survey_mean(x, w, s, psu, NULL, 0.95, NULL, s = 2) AS b,
             wellbeing.survey_mean_difference(x, w, s, psu, s = 1, s = 1) AS z
      FROM design) t;
-- Proportions: x > 2 has p = (2 + 1 + 3 + 1) / 13 = 7/13 by weight
SELECT round(value::numeric, 6) AS p, round(se::numeric, 6) AS se, df
FROM (SELECT (wellbeing.survey_proportion(x > 2, w, s, psu)).* FROM design) e;
-- p = 0 has no logit: the Clopper-Pearson interval on n
SELECT value, lower, round(upper::numeric, 6) AS upper, n
FROM (SELECT (wellbeing.survey_proportion(x > 100, w, s, psu)).* FROM design) e;
-- with one PSU per row and one stratum, the design is the weighted sample of
-- the foundation: survey_mean = mean, survey_proportion = proportion (logit),
-- survey_total = total
SELECT abs((m).value - (f).value) < 1e-13 AND abs((m).se - (f).se) < 1e-13
       AND abs((m).lower - (f).lower) < 1e-12 AND abs((m).upper - (f).upper) < 1e-12 AS mean_equals_foundation,
       abs((p).se - (g).se) < 1e-13 AND abs((p).lower - (g).lower) < 1e-12 AS proportion_equals_foundation,
       abs((t).se - (h).se) < 1e-9 * (h).se AS total_equals_foundation
FROM (SELECT wellbeing.survey_mean(x, w, 1, i) AS m, wellbeing.mean(x, w) AS f,
             wellbeing.survey_proportion(x > 2, w, 1, i) AS p, wellbeing.proportion(x > 2, w) AS g,
             wellbeing.survey_total(x, w, 1, i) AS t, wellbeing.total(x, w) AS h
      FROM (SELECT row_number() OVER () AS i, * FROM design) d) q;
-- Standardisation (R values in test/pgtap/survey_reference.sql): bands x <= 2
-- (mean (2 + 8)/6 = 5/3) and x > 2 (mean 29/7) with standard 3 : 1 give
-- (3 * 5/3 + 29/7) / 4 = 2.285714; one band is the plain mean (value and SE);
-- a standard equal to the bands' weighted sizes (6 and 7) gives the crude mean 3
SELECT round((wellbeing.survey_standardized_mean(x, w, s, psu, x > 2, CASE WHEN x > 2 THEN 1 ELSE 3 END)).value::numeric, 6) AS standardized,
       abs((wellbeing.survey_standardized_mean(x, w, s, psu, 'all'::text, 5)).se - (wellbeing.survey_mean(x, w, s, psu)).se) < 1e-15 AS one_band_is_mean,
       round((wellbeing.survey_standardized_mean(x, w, s, psu, x > 2, CASE WHEN x > 2 THEN 7 ELSE 6 END)).value::numeric, 12) AS crude
FROM design;
SELECT wellbeing.survey_standardized_mean(x, w, s, psu, x > 2, x) FROM design;
-- the result goes wherever a wellbeing.estimate goes (implicit cast)
SELECT wellbeing.reliability(wellbeing.survey_mean(x, w, s, psu)) AS reliability,
       (wellbeing.suppress(wellbeing.survey_mean(x, w, s, psu))).value IS NULL AS suppressed_n_below_11
FROM design;
-- empty input: NULL; an empty domain: no value
SELECT wellbeing.survey_mean(x, w, s, psu) IS NULL AS empty FROM design WHERE false;
SELECT (wellbeing.survey_mean(x, w, s, psu, NULL, 0.95, NULL, false)).value IS NULL AS empty_domain FROM design;
DROP TABLE design;

-- Replicate weights by hand: x = 1..5, full weights 1, three replicates with
-- weights x, 2x and 1: estimates 55/15, 55/15 and 3 (mean 31/9); squares
-- 2 (2/9)^2 + (4/9)^2 = 24/81; jk1 scale (R - 1)/R = 2/3: SE = sqrt(16/81) = 4/9
SELECT value, round(se::numeric, 12) AS se, df, n
FROM (SELECT (wellbeing.replicate_mean(x, 1, ARRAY[x, 2 * x, 1], 'jk1')).* FROM generate_series(1, 5) x) e;
-- mse centres at the full-sample estimate 3: 2 (2/3)^2 = 8/9, times 2/3: SE = 4/(3 sqrt 3)
SELECT round(se::numeric, 12) AS se_mse, round((4 / (3 * sqrt(3)))::numeric, 12) AS by_hand
FROM (SELECT (wellbeing.replicate_mean(x, 1, ARRAY[x, 2 * x, 1], 'jk1', 'mse=true')).* FROM generate_series(1, 5) x) e;
-- brr scale 1/R against jk1's 2/3: 1/2; sdr 4/R against brr: 4; other with
-- scale 2 and rscales (1, 0, 1): rscale 0 drops the second replicate from the
-- centre and the sum, the kept 11/3 and 3 centre at 10/3, squares 2/9,
-- SE = sqrt(2 * 2/9) = 2/3
SELECT round(((b).se ^ 2 / (j).se ^ 2)::numeric, 12) AS brr_over_jk1, round(((s).se ^ 2 / (b).se ^ 2)::numeric, 12) AS sdr_over_brr,
       round((o).se::numeric, 12) AS other_scale_2_rscales_1_0_1
FROM (SELECT wellbeing.replicate_mean(x, 1, ARRAY[x, 2 * x, 1], 'jk1') AS j,
             wellbeing.replicate_mean(x, 1, ARRAY[x, 2 * x, 1], 'brr') AS b,
             wellbeing.replicate_mean(x, 1, ARRAY[x, 2 * x, 1], 'sdr') AS s,
             wellbeing.replicate_mean(x, 1, ARRAY[x, 2 * x, 1], 'other', 'scale=2', '{1,0,1}') AS o
      FROM generate_series(1, 5) x) t;
-- replicate_difference by hand: two half-sample replicates (brr, scale 1/2).
-- a: x = 1, 3; b: x = 2, 6; full sample: 2 - 4 = -2.  Replicate 1 keeps the
-- first row of each (1 - 2 = -1), replicate 2 the second (3 - 6 = -3);
-- centre -2, SE = sqrt(1/2 ((-1 + 2)^2 + (-3 + 2)^2)) = 1; df = R - 1 = 1,
-- so the interval is -2 -/+ qt(0.975, 1) = 12.7062047361747
SELECT (wellbeing.replicate_difference(
          wellbeing.replicate_mean_state(x, 1, repw, 'brr') FILTER (WHERE grp = 'a'),
          wellbeing.replicate_mean_state(x, 1, repw, 'brr') FILTER (WHERE grp = 'b'))).*
FROM (VALUES ('a', 1, ARRAY[2, 0]), ('a', 3, ARRAY[0, 2]), ('b', 2, ARRAY[2, 0]), ('b', 6, ARRAY[0, 2])) r(grp, x, repw);
