-- Values computed independently by R (survey, epitools, laeken): see
-- test/fixtures/estimates_reference.R for the commands and versions that made
-- test/fixtures/estimates_reference.csv.  Tolerances are relative.  Poisson
-- cases use population 100 000 per 100 (= R's pt = 1000) because events may
-- not exceed population (SPEC section 2).
BEGIN;
SELECT plan(205);
CREATE TEMP TABLE ref (case_id text, quantity text, value float8);
\copy ref FROM 'test/fixtures/estimates_reference.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE eusilc (eq_income float8, weight float8);
\copy eusilc FROM 'test/fixtures/eusilc_income.csv' WITH (FORMAT csv, HEADER true)
CREATE FUNCTION pg_temp.r(c text, q text) RETURNS float8 LANGUAGE sql STABLE
AS $$ SELECT value FROM ref WHERE case_id = c AND quantity = q $$;
-- relative tolerance, with an absolute floor of 1e-15 for values near zero
CREATE FUNCTION pg_temp.close(a float8, b float8, tol float8) RETURNS boolean LANGUAGE sql IMMUTABLE
AS $$ SELECT a IS NOT NULL AND b IS NOT NULL AND abs(a - b) <= tol * abs(b) + 1e-15 $$;
CREATE TEMP TABLE d1 AS
SELECT * FROM unnest(
  ARRAY[1,0,1,1,0,0,1,0,1,1,0,1]::int[],
  ARRAY[12.5, 3.1, 7.8, 22.0, 5.5, 9.9, 15.2, 1.0, 30.4, 8.8, 11.1, 6.6]::float8[],
  ARRAY[1.5, 2.0, 0.5, 3.0, 1.0, 2.5, 1.2, 0.8, 4.0, 1.1, 2.2, 0.9]::float8[]) AS t(y, x, w);
CREATE TEMP TABLE dsr AS
SELECT ordinal, big, sparse, population
FROM unnest(ARRAY[127,25,18,21,12,27,48,27,29,32,32,34,45,65,38,68,74,82,91],
            ARRAY[0,0,1,0,0,2,0,1,0,3,0,0,1,0,2,0,1,0,0],
            ARRAY[636,558,609,543,384,594,669,843,660,576,606,522,426,273,300,288,153,123,207])
     WITH ORDINALITY AS t(big, sparse, population, ordinal);
CREATE TEMP TABLE d2 AS
SELECT * FROM unnest(ARRAY[100, 250, 250, 400, 520, 610, 610, 700, 880, 1200, 1500, 90]::float8[],
                     ARRAY[1,2,1,1,3,1,1,2,1,1,1,2]::float8[]) AS t(inc, wt);

SELECT ok(pg_temp.close(((SELECT wellbeing.mean(x, w, 0.95) FROM d1)).value, pg_temp.r('wmean_d1','value'), 1e-13), 'mean weighted value = R survey');
SELECT ok(pg_temp.close(((SELECT wellbeing.mean(x, w, 0.95) FROM d1)).se, pg_temp.r('wmean_d1','se'), 1e-12), 'mean weighted se = R survey');
SELECT ok(pg_temp.close(((SELECT wellbeing.mean(x, w, 0.95) FROM d1)).lower, pg_temp.r('wmean_d1','lower95'), 1e-12), 'mean weighted lower 95% = R survey confint(df = degf)');
SELECT ok(pg_temp.close(((SELECT wellbeing.mean(x, w, 0.95) FROM d1)).upper, pg_temp.r('wmean_d1','upper95'), 1e-12), 'mean weighted upper 95% = R survey confint(df = degf)');
SELECT ok(pg_temp.close(((SELECT wellbeing.mean(x, w, 0.9) FROM d1)).lower, pg_temp.r('wmean_d1','lower90'), 1e-12), 'mean weighted lower 90% = R survey confint(df = degf)');
SELECT ok(pg_temp.close(((SELECT wellbeing.mean(x, w, 0.9) FROM d1)).upper, pg_temp.r('wmean_d1','upper90'), 1e-12), 'mean weighted upper 90% = R survey confint(df = degf)');
SELECT ok(pg_temp.close(((SELECT wellbeing.total(x, w, 0.95) FROM d1)).value, pg_temp.r('wtotal_d1','value'), 1e-13), 'total weighted value = R survey');
SELECT ok(pg_temp.close(((SELECT wellbeing.total(x, w, 0.95) FROM d1)).se, pg_temp.r('wtotal_d1','se'), 1e-12), 'total weighted se = R survey');
SELECT ok(pg_temp.close(((SELECT wellbeing.total(x, w, 0.95) FROM d1)).lower, pg_temp.r('wtotal_d1','lower95'), 1e-12), 'total weighted lower 95% = R survey confint(df = degf)');
SELECT ok(pg_temp.close(((SELECT wellbeing.total(x, w, 0.95) FROM d1)).upper, pg_temp.r('wtotal_d1','upper95'), 1e-12), 'total weighted upper 95% = R survey confint(df = degf)');
SELECT ok(pg_temp.close(((SELECT wellbeing.total(x, w, 0.9) FROM d1)).lower, pg_temp.r('wtotal_d1','lower90'), 1e-12), 'total weighted lower 90% = R survey confint(df = degf)');
SELECT ok(pg_temp.close(((SELECT wellbeing.total(x, w, 0.9) FROM d1)).upper, pg_temp.r('wtotal_d1','upper90'), 1e-12), 'total weighted upper 90% = R survey confint(df = degf)');
SELECT ok(pg_temp.close(((SELECT wellbeing.proportion(y = 1, w, 0.95) FROM d1)).value, pg_temp.r('wprop_d1','value'), 1e-13), 'proportion weighted value = R svymean');
SELECT ok(pg_temp.close(((SELECT wellbeing.proportion(y = 1, w, 0.95) FROM d1)).se, pg_temp.r('wprop_d1','se'), 1e-12), 'proportion weighted se = R svymean');
SELECT ok(pg_temp.close(((SELECT wellbeing.proportion(y = 1, w, 0.95) FROM d1)).lower, pg_temp.r('wprop_d1','lower95'), 1e-9), 'proportion weighted logit lower 95% = R svyciprop');
SELECT ok(pg_temp.close(((SELECT wellbeing.proportion(y = 1, w, 0.95) FROM d1)).upper, pg_temp.r('wprop_d1','upper95'), 1e-9), 'proportion weighted logit upper 95% = R svyciprop');
SELECT ok(pg_temp.close(((SELECT wellbeing.proportion(y = 1, w, 0.9) FROM d1)).lower, pg_temp.r('wprop_d1','lower90'), 1e-9), 'proportion weighted logit lower 90% = R svyciprop');
SELECT ok(pg_temp.close(((SELECT wellbeing.proportion(y = 1, w, 0.9) FROM d1)).upper, pg_temp.r('wprop_d1','upper90'), 1e-9), 'proportion weighted logit upper 90% = R svyciprop');
SELECT ok(pg_temp.close(((SELECT wellbeing.proportion(y = 1, w, 0.95, 'wald') FROM d1)).lower, pg_temp.r('wprop_d1','mean_lower95'), 1e-12), 'proportion weighted wald lower = R svyciprop method mean');
SELECT ok(pg_temp.close(((SELECT wellbeing.proportion(y = 1, w, 0.95, 'wald') FROM d1)).upper, pg_temp.r('wprop_d1','mean_upper95'), 1e-12), 'proportion weighted wald upper = R svyciprop method mean');
SELECT ok(pg_temp.close(((SELECT wellbeing.mean(x) FROM d1)).value, pg_temp.r('mean_d1','value'), 1e-12), 'mean unweighted value = R t.test');
SELECT ok(pg_temp.close(((SELECT wellbeing.mean(x) FROM d1)).se, pg_temp.r('mean_d1','se'), 1e-12), 'mean unweighted se = R t.test');
SELECT ok(pg_temp.close(((SELECT wellbeing.mean(x) FROM d1)).lower, pg_temp.r('mean_d1','lower95'), 1e-12), 'mean unweighted lower95 = R t.test');
SELECT ok(pg_temp.close(((SELECT wellbeing.mean(x) FROM d1)).upper, pg_temp.r('mean_d1','upper95'), 1e-12), 'mean unweighted upper95 = R t.test');
SELECT ok(pg_temp.close(((SELECT wellbeing.mean(x, 1, 0.90) FROM d1)).lower, pg_temp.r('mean_d1','lower90'), 1e-12), 'mean unit weights lower 90% = R t.test');
SELECT ok(pg_temp.close(((SELECT wellbeing.mean(x, 1, 0.90) FROM d1)).upper, pg_temp.r('mean_d1','upper90'), 1e-12), 'mean unit weights upper 90% = R t.test');
SELECT ok(pg_temp.close(((SELECT wellbeing.total(x, 1) FROM d1)).value, pg_temp.r('total_unw_d1','value'), 1e-12), 'total unit weights value = R svytotal');
SELECT ok(pg_temp.close(((SELECT wellbeing.total(x, 1) FROM d1)).se, pg_temp.r('total_unw_d1','se'), 1e-12), 'total unit weights se = R svytotal');
SELECT ok(pg_temp.close(((SELECT wellbeing.total(x, 1) FROM d1)).lower, pg_temp.r('total_unw_d1','lower95'), 1e-12), 'total unit weights lower95 = R svytotal');
SELECT ok(pg_temp.close(((SELECT wellbeing.total(x, 1) FROM d1)).upper, pg_temp.r('total_unw_d1','upper95'), 1e-12), 'total unit weights upper95 = R svytotal');
-- epitools' Wald and normal limits are not clipped; ours are clamped to the
-- parameter's range, so a negative lower limit is compared clipped at 0.
SELECT ok(pg_temp.close((wellbeing.proportion_ci(0, 10, 0.95, 'exact')).lower, pg_temp.r('binom_0_10_95','exact_lower'), 1e-12), 'proportion_ci 0/10 exact lower 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(0, 10, 0.95, 'exact')).upper, pg_temp.r('binom_0_10_95','exact_upper'), 1e-12), 'proportion_ci 0/10 exact upper 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(0, 10, 0.95, 'wilson')).lower, pg_temp.r('binom_0_10_95','wilson_lower'), 1e-12), 'proportion_ci 0/10 wilson lower 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(0, 10, 0.95, 'wilson')).upper, pg_temp.r('binom_0_10_95','wilson_upper'), 1e-12), 'proportion_ci 0/10 wilson upper 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(0, 10, 0.95, 'wald')).lower, pg_temp.r('binom_0_10_95','wald_lower'), 1e-12), 'proportion_ci 0/10 wald lower 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(0, 10, 0.95, 'wald')).upper, pg_temp.r('binom_0_10_95','wald_upper'), 1e-12), 'proportion_ci 0/10 wald upper 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(0, 10, 0.9, 'exact')).lower, pg_temp.r('binom_0_10_90','exact_lower'), 1e-12), 'proportion_ci 0/10 exact lower 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(0, 10, 0.9, 'exact')).upper, pg_temp.r('binom_0_10_90','exact_upper'), 1e-12), 'proportion_ci 0/10 exact upper 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(0, 10, 0.9, 'wilson')).lower, pg_temp.r('binom_0_10_90','wilson_lower'), 1e-12), 'proportion_ci 0/10 wilson lower 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(0, 10, 0.9, 'wilson')).upper, pg_temp.r('binom_0_10_90','wilson_upper'), 1e-12), 'proportion_ci 0/10 wilson upper 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(0, 10, 0.9, 'wald')).lower, pg_temp.r('binom_0_10_90','wald_lower'), 1e-12), 'proportion_ci 0/10 wald lower 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(0, 10, 0.9, 'wald')).upper, pg_temp.r('binom_0_10_90','wald_upper'), 1e-12), 'proportion_ci 0/10 wald upper 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(1, 10, 0.95, 'exact')).lower, pg_temp.r('binom_1_10_95','exact_lower'), 1e-12), 'proportion_ci 1/10 exact lower 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(1, 10, 0.95, 'exact')).upper, pg_temp.r('binom_1_10_95','exact_upper'), 1e-12), 'proportion_ci 1/10 exact upper 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(1, 10, 0.95, 'wilson')).lower, pg_temp.r('binom_1_10_95','wilson_lower'), 1e-12), 'proportion_ci 1/10 wilson lower 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(1, 10, 0.95, 'wilson')).upper, pg_temp.r('binom_1_10_95','wilson_upper'), 1e-12), 'proportion_ci 1/10 wilson upper 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(1, 10, 0.95, 'wald')).lower, greatest(pg_temp.r('binom_1_10_95','wald_lower'), 0), 1e-12), 'proportion_ci 1/10 wald lower 95% = epitools binom clipped at 0');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(1, 10, 0.95, 'wald')).upper, pg_temp.r('binom_1_10_95','wald_upper'), 1e-12), 'proportion_ci 1/10 wald upper 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(1, 10, 0.9, 'exact')).lower, pg_temp.r('binom_1_10_90','exact_lower'), 1e-12), 'proportion_ci 1/10 exact lower 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(1, 10, 0.9, 'exact')).upper, pg_temp.r('binom_1_10_90','exact_upper'), 1e-12), 'proportion_ci 1/10 exact upper 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(1, 10, 0.9, 'wilson')).lower, pg_temp.r('binom_1_10_90','wilson_lower'), 1e-12), 'proportion_ci 1/10 wilson lower 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(1, 10, 0.9, 'wilson')).upper, pg_temp.r('binom_1_10_90','wilson_upper'), 1e-12), 'proportion_ci 1/10 wilson upper 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(1, 10, 0.9, 'wald')).lower, greatest(pg_temp.r('binom_1_10_90','wald_lower'), 0), 1e-12), 'proportion_ci 1/10 wald lower 90% = epitools binom clipped at 0');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(1, 10, 0.9, 'wald')).upper, pg_temp.r('binom_1_10_90','wald_upper'), 1e-12), 'proportion_ci 1/10 wald upper 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(7, 20, 0.95, 'exact')).lower, pg_temp.r('binom_7_20_95','exact_lower'), 1e-12), 'proportion_ci 7/20 exact lower 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(7, 20, 0.95, 'exact')).upper, pg_temp.r('binom_7_20_95','exact_upper'), 1e-12), 'proportion_ci 7/20 exact upper 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(7, 20, 0.95, 'wilson')).lower, pg_temp.r('binom_7_20_95','wilson_lower'), 1e-12), 'proportion_ci 7/20 wilson lower 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(7, 20, 0.95, 'wilson')).upper, pg_temp.r('binom_7_20_95','wilson_upper'), 1e-12), 'proportion_ci 7/20 wilson upper 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(7, 20, 0.95, 'wald')).lower, pg_temp.r('binom_7_20_95','wald_lower'), 1e-12), 'proportion_ci 7/20 wald lower 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(7, 20, 0.95, 'wald')).upper, pg_temp.r('binom_7_20_95','wald_upper'), 1e-12), 'proportion_ci 7/20 wald upper 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(7, 20, 0.9, 'exact')).lower, pg_temp.r('binom_7_20_90','exact_lower'), 1e-12), 'proportion_ci 7/20 exact lower 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(7, 20, 0.9, 'exact')).upper, pg_temp.r('binom_7_20_90','exact_upper'), 1e-12), 'proportion_ci 7/20 exact upper 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(7, 20, 0.9, 'wilson')).lower, pg_temp.r('binom_7_20_90','wilson_lower'), 1e-12), 'proportion_ci 7/20 wilson lower 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(7, 20, 0.9, 'wilson')).upper, pg_temp.r('binom_7_20_90','wilson_upper'), 1e-12), 'proportion_ci 7/20 wilson upper 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(7, 20, 0.9, 'wald')).lower, pg_temp.r('binom_7_20_90','wald_lower'), 1e-12), 'proportion_ci 7/20 wald lower 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(7, 20, 0.9, 'wald')).upper, pg_temp.r('binom_7_20_90','wald_upper'), 1e-12), 'proportion_ci 7/20 wald upper 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(65, 100, 0.95, 'exact')).lower, pg_temp.r('binom_65_100_95','exact_lower'), 1e-12), 'proportion_ci 65/100 exact lower 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(65, 100, 0.95, 'exact')).upper, pg_temp.r('binom_65_100_95','exact_upper'), 1e-12), 'proportion_ci 65/100 exact upper 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(65, 100, 0.95, 'wilson')).lower, pg_temp.r('binom_65_100_95','wilson_lower'), 1e-12), 'proportion_ci 65/100 wilson lower 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(65, 100, 0.95, 'wilson')).upper, pg_temp.r('binom_65_100_95','wilson_upper'), 1e-12), 'proportion_ci 65/100 wilson upper 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(65, 100, 0.95, 'wald')).lower, pg_temp.r('binom_65_100_95','wald_lower'), 1e-12), 'proportion_ci 65/100 wald lower 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(65, 100, 0.95, 'wald')).upper, pg_temp.r('binom_65_100_95','wald_upper'), 1e-12), 'proportion_ci 65/100 wald upper 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(65, 100, 0.9, 'exact')).lower, pg_temp.r('binom_65_100_90','exact_lower'), 1e-12), 'proportion_ci 65/100 exact lower 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(65, 100, 0.9, 'exact')).upper, pg_temp.r('binom_65_100_90','exact_upper'), 1e-12), 'proportion_ci 65/100 exact upper 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(65, 100, 0.9, 'wilson')).lower, pg_temp.r('binom_65_100_90','wilson_lower'), 1e-12), 'proportion_ci 65/100 wilson lower 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(65, 100, 0.9, 'wilson')).upper, pg_temp.r('binom_65_100_90','wilson_upper'), 1e-12), 'proportion_ci 65/100 wilson upper 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(65, 100, 0.9, 'wald')).lower, pg_temp.r('binom_65_100_90','wald_lower'), 1e-12), 'proportion_ci 65/100 wald lower 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(65, 100, 0.9, 'wald')).upper, pg_temp.r('binom_65_100_90','wald_upper'), 1e-12), 'proportion_ci 65/100 wald upper 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(2, 200, 0.95, 'exact')).lower, pg_temp.r('binom_2_200_95','exact_lower'), 1e-12), 'proportion_ci 2/200 exact lower 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(2, 200, 0.95, 'exact')).upper, pg_temp.r('binom_2_200_95','exact_upper'), 1e-12), 'proportion_ci 2/200 exact upper 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(2, 200, 0.95, 'wilson')).lower, pg_temp.r('binom_2_200_95','wilson_lower'), 1e-12), 'proportion_ci 2/200 wilson lower 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(2, 200, 0.95, 'wilson')).upper, pg_temp.r('binom_2_200_95','wilson_upper'), 1e-12), 'proportion_ci 2/200 wilson upper 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(2, 200, 0.95, 'wald')).lower, greatest(pg_temp.r('binom_2_200_95','wald_lower'), 0), 1e-12), 'proportion_ci 2/200 wald lower 95% = epitools binom clipped at 0');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(2, 200, 0.95, 'wald')).upper, pg_temp.r('binom_2_200_95','wald_upper'), 1e-12), 'proportion_ci 2/200 wald upper 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(2, 200, 0.9, 'exact')).lower, pg_temp.r('binom_2_200_90','exact_lower'), 1e-12), 'proportion_ci 2/200 exact lower 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(2, 200, 0.9, 'exact')).upper, pg_temp.r('binom_2_200_90','exact_upper'), 1e-12), 'proportion_ci 2/200 exact upper 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(2, 200, 0.9, 'wilson')).lower, pg_temp.r('binom_2_200_90','wilson_lower'), 1e-12), 'proportion_ci 2/200 wilson lower 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(2, 200, 0.9, 'wilson')).upper, pg_temp.r('binom_2_200_90','wilson_upper'), 1e-12), 'proportion_ci 2/200 wilson upper 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(2, 200, 0.9, 'wald')).lower, greatest(pg_temp.r('binom_2_200_90','wald_lower'), 0), 1e-12), 'proportion_ci 2/200 wald lower 90% = epitools binom clipped at 0');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(2, 200, 0.9, 'wald')).upper, pg_temp.r('binom_2_200_90','wald_upper'), 1e-12), 'proportion_ci 2/200 wald upper 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(20, 20, 0.95, 'exact')).lower, pg_temp.r('binom_20_20_95','exact_lower'), 1e-12), 'proportion_ci 20/20 exact lower 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(20, 20, 0.95, 'exact')).upper, pg_temp.r('binom_20_20_95','exact_upper'), 1e-12), 'proportion_ci 20/20 exact upper 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(20, 20, 0.95, 'wilson')).lower, pg_temp.r('binom_20_20_95','wilson_lower'), 1e-12), 'proportion_ci 20/20 wilson lower 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(20, 20, 0.95, 'wilson')).upper, pg_temp.r('binom_20_20_95','wilson_upper'), 1e-12), 'proportion_ci 20/20 wilson upper 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(20, 20, 0.95, 'wald')).lower, pg_temp.r('binom_20_20_95','wald_lower'), 1e-12), 'proportion_ci 20/20 wald lower 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(20, 20, 0.95, 'wald')).upper, pg_temp.r('binom_20_20_95','wald_upper'), 1e-12), 'proportion_ci 20/20 wald upper 95% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(20, 20, 0.9, 'exact')).lower, pg_temp.r('binom_20_20_90','exact_lower'), 1e-12), 'proportion_ci 20/20 exact lower 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(20, 20, 0.9, 'exact')).upper, pg_temp.r('binom_20_20_90','exact_upper'), 1e-12), 'proportion_ci 20/20 exact upper 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(20, 20, 0.9, 'wilson')).lower, pg_temp.r('binom_20_20_90','wilson_lower'), 1e-12), 'proportion_ci 20/20 wilson lower 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(20, 20, 0.9, 'wilson')).upper, pg_temp.r('binom_20_20_90','wilson_upper'), 1e-12), 'proportion_ci 20/20 wilson upper 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(20, 20, 0.9, 'wald')).lower, pg_temp.r('binom_20_20_90','wald_lower'), 1e-12), 'proportion_ci 20/20 wald lower 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.proportion_ci(20, 20, 0.9, 'wald')).upper, pg_temp.r('binom_20_20_90','wald_upper'), 1e-12), 'proportion_ci 20/20 wald upper 90% = epitools binom');
SELECT ok(pg_temp.close((wellbeing.rate_ci(0, 100000, 100, 0.95, 'exact')).lower, pg_temp.r('pois_0_95','daly_lower'), 1e-12), 'rate_ci 0 exact lower 95% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(0, 100000, 100, 0.95, 'normal')).lower, pg_temp.r('pois_0_95','approx_lower'), 1e-12), 'rate_ci 0 normal lower 95% = epitools pois.approx');
SELECT ok(pg_temp.close((wellbeing.rate_ci(0, 100000, 100, 0.95, 'normal')).upper, pg_temp.r('pois_0_95','approx_upper'), 1e-12), 'rate_ci 0 normal upper 95% = epitools pois.approx');
SELECT ok(pg_temp.close((wellbeing.rate_ci(0, 100000, 100, 0.9, 'exact')).lower, pg_temp.r('pois_0_90','daly_lower'), 1e-12), 'rate_ci 0 exact lower 90% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(0, 100000, 100, 0.9, 'normal')).lower, pg_temp.r('pois_0_90','approx_lower'), 1e-12), 'rate_ci 0 normal lower 90% = epitools pois.approx');
SELECT ok(pg_temp.close((wellbeing.rate_ci(0, 100000, 100, 0.9, 'normal')).upper, pg_temp.r('pois_0_90','approx_upper'), 1e-12), 'rate_ci 0 normal upper 90% = epitools pois.approx');
SELECT ok(pg_temp.close((wellbeing.rate_ci(1, 100000, 100, 0.95, 'exact')).lower, pg_temp.r('pois_1_95','daly_lower'), 1e-12), 'rate_ci 1 exact lower 95% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(1, 100000, 100, 0.95, 'exact')).upper, pg_temp.r('pois_1_95','daly_upper'), 1e-12), 'rate_ci 1 exact upper 95% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(1, 100000, 100, 0.95, 'normal')).lower, greatest(pg_temp.r('pois_1_95','approx_lower'), 0), 1e-12), 'rate_ci 1 normal lower 95% = epitools pois.approx clipped at 0');
SELECT ok(pg_temp.close((wellbeing.rate_ci(1, 100000, 100, 0.95, 'normal')).upper, pg_temp.r('pois_1_95','approx_upper'), 1e-12), 'rate_ci 1 normal upper 95% = epitools pois.approx');
SELECT ok(pg_temp.close((wellbeing.rate_ci(1, 100000, 100, 0.9, 'exact')).lower, pg_temp.r('pois_1_90','daly_lower'), 1e-12), 'rate_ci 1 exact lower 90% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(1, 100000, 100, 0.9, 'exact')).upper, pg_temp.r('pois_1_90','daly_upper'), 1e-12), 'rate_ci 1 exact upper 90% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(1, 100000, 100, 0.9, 'normal')).lower, greatest(pg_temp.r('pois_1_90','approx_lower'), 0), 1e-12), 'rate_ci 1 normal lower 90% = epitools pois.approx clipped at 0');
SELECT ok(pg_temp.close((wellbeing.rate_ci(1, 100000, 100, 0.9, 'normal')).upper, pg_temp.r('pois_1_90','approx_upper'), 1e-12), 'rate_ci 1 normal upper 90% = epitools pois.approx');
SELECT ok(pg_temp.close((wellbeing.rate_ci(2, 100000, 100, 0.95, 'exact')).lower, pg_temp.r('pois_2_95','daly_lower'), 1e-12), 'rate_ci 2 exact lower 95% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(2, 100000, 100, 0.95, 'exact')).upper, pg_temp.r('pois_2_95','daly_upper'), 1e-12), 'rate_ci 2 exact upper 95% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(2, 100000, 100, 0.95, 'normal')).lower, greatest(pg_temp.r('pois_2_95','approx_lower'), 0), 1e-12), 'rate_ci 2 normal lower 95% = epitools pois.approx clipped at 0');
SELECT ok(pg_temp.close((wellbeing.rate_ci(2, 100000, 100, 0.95, 'normal')).upper, pg_temp.r('pois_2_95','approx_upper'), 1e-12), 'rate_ci 2 normal upper 95% = epitools pois.approx');
SELECT ok(pg_temp.close((wellbeing.rate_ci(2, 100000, 100, 0.9, 'exact')).lower, pg_temp.r('pois_2_90','daly_lower'), 1e-12), 'rate_ci 2 exact lower 90% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(2, 100000, 100, 0.9, 'exact')).upper, pg_temp.r('pois_2_90','daly_upper'), 1e-12), 'rate_ci 2 exact upper 90% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(2, 100000, 100, 0.9, 'normal')).lower, greatest(pg_temp.r('pois_2_90','approx_lower'), 0), 1e-12), 'rate_ci 2 normal lower 90% = epitools pois.approx clipped at 0');
SELECT ok(pg_temp.close((wellbeing.rate_ci(2, 100000, 100, 0.9, 'normal')).upper, pg_temp.r('pois_2_90','approx_upper'), 1e-12), 'rate_ci 2 normal upper 90% = epitools pois.approx');
SELECT ok(pg_temp.close((wellbeing.rate_ci(9, 100000, 100, 0.95, 'exact')).lower, pg_temp.r('pois_9_95','daly_lower'), 1e-12), 'rate_ci 9 exact lower 95% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(9, 100000, 100, 0.95, 'exact')).upper, pg_temp.r('pois_9_95','daly_upper'), 1e-12), 'rate_ci 9 exact upper 95% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(9, 100000, 100, 0.95, 'normal')).lower, pg_temp.r('pois_9_95','approx_lower'), 1e-12), 'rate_ci 9 normal lower 95% = epitools pois.approx');
SELECT ok(pg_temp.close((wellbeing.rate_ci(9, 100000, 100, 0.95, 'normal')).upper, pg_temp.r('pois_9_95','approx_upper'), 1e-12), 'rate_ci 9 normal upper 95% = epitools pois.approx');
SELECT ok(pg_temp.close((wellbeing.rate_ci(9, 100000, 100, 0.9, 'exact')).lower, pg_temp.r('pois_9_90','daly_lower'), 1e-12), 'rate_ci 9 exact lower 90% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(9, 100000, 100, 0.9, 'exact')).upper, pg_temp.r('pois_9_90','daly_upper'), 1e-12), 'rate_ci 9 exact upper 90% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(9, 100000, 100, 0.9, 'normal')).lower, pg_temp.r('pois_9_90','approx_lower'), 1e-12), 'rate_ci 9 normal lower 90% = epitools pois.approx');
SELECT ok(pg_temp.close((wellbeing.rate_ci(9, 100000, 100, 0.9, 'normal')).upper, pg_temp.r('pois_9_90','approx_upper'), 1e-12), 'rate_ci 9 normal upper 90% = epitools pois.approx');
SELECT ok(pg_temp.close((wellbeing.rate_ci(10, 100000, 100, 0.95, 'exact')).lower, pg_temp.r('pois_10_95','daly_lower'), 1e-12), 'rate_ci 10 exact lower 95% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(10, 100000, 100, 0.95, 'exact')).upper, pg_temp.r('pois_10_95','daly_upper'), 1e-12), 'rate_ci 10 exact upper 95% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(10, 100000, 100, 0.95, 'normal')).lower, pg_temp.r('pois_10_95','approx_lower'), 1e-12), 'rate_ci 10 normal lower 95% = epitools pois.approx');
SELECT ok(pg_temp.close((wellbeing.rate_ci(10, 100000, 100, 0.95, 'normal')).upper, pg_temp.r('pois_10_95','approx_upper'), 1e-12), 'rate_ci 10 normal upper 95% = epitools pois.approx');
SELECT ok(pg_temp.close((wellbeing.rate_ci(10, 100000, 100, 0.9, 'exact')).lower, pg_temp.r('pois_10_90','daly_lower'), 1e-12), 'rate_ci 10 exact lower 90% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(10, 100000, 100, 0.9, 'exact')).upper, pg_temp.r('pois_10_90','daly_upper'), 1e-12), 'rate_ci 10 exact upper 90% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(10, 100000, 100, 0.9, 'normal')).lower, pg_temp.r('pois_10_90','approx_lower'), 1e-12), 'rate_ci 10 normal lower 90% = epitools pois.approx');
SELECT ok(pg_temp.close((wellbeing.rate_ci(10, 100000, 100, 0.9, 'normal')).upper, pg_temp.r('pois_10_90','approx_upper'), 1e-12), 'rate_ci 10 normal upper 90% = epitools pois.approx');
SELECT ok(pg_temp.close((wellbeing.rate_ci(65, 100000, 100, 0.95, 'exact')).lower, pg_temp.r('pois_65_95','daly_lower'), 1e-12), 'rate_ci 65 exact lower 95% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(65, 100000, 100, 0.95, 'exact')).upper, pg_temp.r('pois_65_95','daly_upper'), 1e-12), 'rate_ci 65 exact upper 95% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(65, 100000, 100, 0.95, 'normal')).lower, pg_temp.r('pois_65_95','approx_lower'), 1e-12), 'rate_ci 65 normal lower 95% = epitools pois.approx');
SELECT ok(pg_temp.close((wellbeing.rate_ci(65, 100000, 100, 0.95, 'normal')).upper, pg_temp.r('pois_65_95','approx_upper'), 1e-12), 'rate_ci 65 normal upper 95% = epitools pois.approx');
SELECT ok(pg_temp.close((wellbeing.rate_ci(65, 100000, 100, 0.9, 'exact')).lower, pg_temp.r('pois_65_90','daly_lower'), 1e-12), 'rate_ci 65 exact lower 90% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(65, 100000, 100, 0.9, 'exact')).upper, pg_temp.r('pois_65_90','daly_upper'), 1e-12), 'rate_ci 65 exact upper 90% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(65, 100000, 100, 0.9, 'normal')).lower, pg_temp.r('pois_65_90','approx_lower'), 1e-12), 'rate_ci 65 normal lower 90% = epitools pois.approx');
SELECT ok(pg_temp.close((wellbeing.rate_ci(65, 100000, 100, 0.9, 'normal')).upper, pg_temp.r('pois_65_90','approx_upper'), 1e-12), 'rate_ci 65 normal upper 90% = epitools pois.approx');
SELECT ok(pg_temp.close((wellbeing.rate_ci(1045, 100000, 100, 0.95, 'exact')).lower, pg_temp.r('pois_1045_95','daly_lower'), 1e-12), 'rate_ci 1045 exact lower 95% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(1045, 100000, 100, 0.95, 'exact')).upper, pg_temp.r('pois_1045_95','daly_upper'), 1e-12), 'rate_ci 1045 exact upper 95% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(1045, 100000, 100, 0.95, 'normal')).lower, pg_temp.r('pois_1045_95','approx_lower'), 1e-12), 'rate_ci 1045 normal lower 95% = epitools pois.approx');
SELECT ok(pg_temp.close((wellbeing.rate_ci(1045, 100000, 100, 0.95, 'normal')).upper, pg_temp.r('pois_1045_95','approx_upper'), 1e-12), 'rate_ci 1045 normal upper 95% = epitools pois.approx');
SELECT ok(pg_temp.close((wellbeing.rate_ci(1045, 100000, 100, 0.9, 'exact')).lower, pg_temp.r('pois_1045_90','daly_lower'), 1e-12), 'rate_ci 1045 exact lower 90% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(1045, 100000, 100, 0.9, 'exact')).upper, pg_temp.r('pois_1045_90','daly_upper'), 1e-12), 'rate_ci 1045 exact upper 90% = epitools pois.daly');
SELECT ok(pg_temp.close((wellbeing.rate_ci(1045, 100000, 100, 0.9, 'normal')).lower, pg_temp.r('pois_1045_90','approx_lower'), 1e-12), 'rate_ci 1045 normal lower 90% = epitools pois.approx');
SELECT ok(pg_temp.close((wellbeing.rate_ci(1045, 100000, 100, 0.9, 'normal')).upper, pg_temp.r('pois_1045_90','approx_upper'), 1e-12), 'rate_ci 1045 normal upper 90% = epitools pois.approx');
SELECT ok(pg_temp.close((wellbeing.rate_ci(0, 100000, 100, 0.95, 'exact')).upper, -ln(0.025) / 1000, 1e-12), 'rate_ci 0 exact upper is two-sided Garwood -ln(alpha/2), not the one-sided -ln(alpha) of epitools');
SELECT ok(pg_temp.close(((SELECT wellbeing.standardized_rate(d.big, d.population, s.population, 1, 0.95) FROM dsr d JOIN wellbeing.standard_population s ON s.standard = 'esp2013' AND s.ordinal = d.ordinal)).value, pg_temp.r('dsr_big_95','adj_rate'), 1e-12), 'standardized_rate big value = epitools ageadjust.direct');
SELECT ok(pg_temp.close(((SELECT wellbeing.standardized_rate(d.big, d.population, s.population, 1, 0.95) FROM dsr d JOIN wellbeing.standard_population s ON s.standard = 'esp2013' AND s.ordinal = d.ordinal)).lower, pg_temp.r('dsr_big_95','lci'), 1e-10), 'standardized_rate big gamma lower 95% = epitools ageadjust.direct');
SELECT ok(pg_temp.close(((SELECT wellbeing.standardized_rate(d.big, d.population, s.population, 1, 0.95) FROM dsr d JOIN wellbeing.standard_population s ON s.standard = 'esp2013' AND s.ordinal = d.ordinal)).upper, pg_temp.r('dsr_big_95','uci'), 1e-10), 'standardized_rate big gamma upper 95% = epitools ageadjust.direct');
SELECT ok(pg_temp.close(((SELECT wellbeing.standardized_rate(d.big, d.population, s.population, 1, 0.9) FROM dsr d JOIN wellbeing.standard_population s ON s.standard = 'esp2013' AND s.ordinal = d.ordinal)).lower, pg_temp.r('dsr_big_90','lci'), 1e-10), 'standardized_rate big gamma lower 90% = epitools ageadjust.direct');
SELECT ok(pg_temp.close(((SELECT wellbeing.standardized_rate(d.big, d.population, s.population, 1, 0.9) FROM dsr d JOIN wellbeing.standard_population s ON s.standard = 'esp2013' AND s.ordinal = d.ordinal)).upper, pg_temp.r('dsr_big_90','uci'), 1e-10), 'standardized_rate big gamma upper 90% = epitools ageadjust.direct');
SELECT ok(pg_temp.close(((SELECT wellbeing.standardized_rate(d.sparse, d.population, s.population, 1, 0.95) FROM dsr d JOIN wellbeing.standard_population s ON s.standard = 'esp2013' AND s.ordinal = d.ordinal)).value, pg_temp.r('dsr_sparse_95','adj_rate'), 1e-12), 'standardized_rate sparse value = epitools ageadjust.direct');
SELECT ok(pg_temp.close(((SELECT wellbeing.standardized_rate(d.sparse, d.population, s.population, 1, 0.95) FROM dsr d JOIN wellbeing.standard_population s ON s.standard = 'esp2013' AND s.ordinal = d.ordinal)).lower, pg_temp.r('dsr_sparse_95','lci'), 1e-10), 'standardized_rate sparse gamma lower 95% = epitools ageadjust.direct');
SELECT ok(pg_temp.close(((SELECT wellbeing.standardized_rate(d.sparse, d.population, s.population, 1, 0.95) FROM dsr d JOIN wellbeing.standard_population s ON s.standard = 'esp2013' AND s.ordinal = d.ordinal)).upper, pg_temp.r('dsr_sparse_95','uci'), 1e-10), 'standardized_rate sparse gamma upper 95% = epitools ageadjust.direct');
SELECT ok(pg_temp.close(((SELECT wellbeing.standardized_rate(d.sparse, d.population, s.population, 1, 0.9) FROM dsr d JOIN wellbeing.standard_population s ON s.standard = 'esp2013' AND s.ordinal = d.ordinal)).lower, pg_temp.r('dsr_sparse_90','lci'), 1e-10), 'standardized_rate sparse gamma lower 90% = epitools ageadjust.direct');
SELECT ok(pg_temp.close(((SELECT wellbeing.standardized_rate(d.sparse, d.population, s.population, 1, 0.9) FROM dsr d JOIN wellbeing.standard_population s ON s.standard = 'esp2013' AND s.ordinal = d.ordinal)).upper, pg_temp.r('dsr_sparse_90','uci'), 1e-10), 'standardized_rate sparse gamma upper 90% = epitools ageadjust.direct');
SELECT ok(((SELECT wellbeing.standardized_rate(0, d.population, s.population) FROM dsr d JOIN wellbeing.standard_population s ON s.standard = 'esp2013' AND s.ordinal = d.ordinal)).value = 0 AND ((SELECT wellbeing.standardized_rate(0, d.population, s.population) FROM dsr d JOIN wellbeing.standard_population s ON s.standard = 'esp2013' AND s.ordinal = d.ordinal)).lower = 0, 'standardized_rate with no events: value 0 and lower 0 (epitools gives NaN)');
SELECT ok(pg_temp.close(((SELECT wellbeing.standardized_rate(0, d.population, s.population) FROM dsr d JOIN wellbeing.standard_population s ON s.standard = 'esp2013' AND s.ordinal = d.ordinal)).upper, pg_temp.r('dsr_zero_95','uci'), 1e-10), 'standardized_rate with no events: gamma upper = epitools ageadjust.direct');
SELECT ok(pg_temp.close((SELECT (wellbeing.poverty_rate(inc, wt)).value FROM d2), pg_temp.r('arpr_d2','rate'), 1e-14), 'poverty_rate small data = laeken arpr');
SELECT ok(pg_temp.close((SELECT (wellbeing.poverty_rate(inc, wt, 0.5)).value FROM d2), pg_temp.r('arpr_d2','rate_p50'), 1e-14), 'poverty_rate fraction 0.5 = laeken arpr(p = 0.5)');
SELECT ok(pg_temp.close((SELECT (wellbeing.poverty_rate(x, 1)).value FROM unnest(ARRAY[10,20,30,40]::float8[]) x), pg_temp.r('arpr_d3','rate'), 1e-14), 'poverty_rate with a cumulative share of exactly 1/2 = laeken arpr');
SELECT ok(pg_temp.close((SELECT (wellbeing.poverty_rate(eq_income, weight)).value FROM eusilc), pg_temp.r('arpr_eusilc','rate'), 1e-14), 'poverty_rate on the eusilc data of laeken = laeken arpr (14.444 %)');
SELECT ok((SELECT (wellbeing.poverty_rate(eq_income, weight)).n FROM eusilc) = 14827, 'poverty_rate counts every eusilc row');
SELECT ok(pg_temp.close((SELECT wellbeing.poverty_threshold(inc, wt) FROM d2), pg_temp.r('arpr_d2','threshold'), 1e-14), 'poverty_threshold small data = laeken arpt');
SELECT ok(pg_temp.close((SELECT wellbeing.poverty_threshold(inc, wt, 0.5) FROM d2), pg_temp.r('arpr_d2','threshold_p50'), 1e-14), 'poverty_threshold fraction 0.5 = laeken arpt(p = 0.5)');
SELECT ok(pg_temp.close((SELECT wellbeing.poverty_threshold(x, 1) FROM unnest(ARRAY[10,20,30,40]::float8[]) x), pg_temp.r('arpr_d3','threshold'), 1e-14), 'poverty_threshold with a cumulative share of exactly 1/2 = laeken arpt');
SELECT ok(pg_temp.close((SELECT wellbeing.poverty_threshold(eq_income, weight) FROM eusilc), pg_temp.r('arpr_eusilc','threshold'), 1e-14), 'poverty_threshold on the eusilc data = laeken arpt');

-- Exact Mann-Kendall p-values (no ties) = R cor.test(method = "kendall",
-- exact = TRUE): test/fixtures/mann_kendall_exact.R
CREATE TEMP TABLE mk_exact (case_id text, period float8, value float8, exact_p float8);
\copy mk_exact FROM 'test/fixtures/mann_kendall_exact.csv' WITH (FORMAT csv, HEADER true)
SELECT ok(pg_temp.close((wellbeing.mann_kendall(period, value)).exact_p_value, max(exact_p), 1e-12),
          format('mann_kendall exact p, %s (n = %s) = R cor.test exact', case_id, count(*)))
FROM mk_exact GROUP BY case_id ORDER BY case_id;
-- With tied values (R's cor.test has no exact p then): the permutation
-- distribution enumerated by brute force, every one of the n! orderings of
-- the values and its S; p = the share with |S| >= |S observed|
CREATE FUNCTION pg_temp.mk_brute_p(v float8[]) RETURNS float8 LANGUAGE sql AS $$
WITH RECURSIVE perm(idx) AS (
    SELECT ARRAY[i] FROM generate_series(1, cardinality(v)) i
    UNION ALL
    SELECT p.idx || i FROM perm p, generate_series(1, cardinality(v)) i
    WHERE cardinality(p.idx) < cardinality(v) AND i <> ALL (p.idx)
), s_perm AS (
    SELECT (SELECT sum(sign(v[p.idx[j]] - v[p.idx[i]])) FROM generate_series(1, cardinality(v)) i,
            generate_series(1, cardinality(v)) j WHERE i < j) AS s
    FROM perm p WHERE cardinality(p.idx) = cardinality(v)
), s_obs AS (
    SELECT sum(sign(v[j] - v[i])) AS s FROM generate_series(1, cardinality(v)) i, generate_series(1, cardinality(v)) j WHERE i < j
)
SELECT count(*) FILTER (WHERE abs(s_perm.s) >= abs(s_obs.s))::float8 / count(*) FROM s_perm, s_obs
$$;
SELECT ok(pg_temp.close((SELECT (wellbeing.mann_kendall(i, v[i])).exact_p_value FROM generate_series(1, cardinality(v)) i),
                        pg_temp.mk_brute_p(v), 1e-12),
          format('mann_kendall exact p with ties %s = all %s! orderings enumerated', v, cardinality(v)))
FROM (VALUES ('{1,2,2,3,5,5,5}'::float8[]), ('{3,1,3,2,2,4,4,1}'), ('{1,1,2,2,3,3}'), ('{4,4,4,1,1,2,9}'),
             ('{5,3,8,1,9,2,7}')) t(v);
SELECT is((SELECT (wellbeing.mann_kendall(x, 2.0)).exact_p_value FROM generate_series(1, 5) x), 1::float8,
          'mann_kendall exact p: every value tied, S = 0, p = 1');

-- Outlier treatment = COINr's rule written out in R with e1071's type-2
-- moments: test/fixtures/outliers_reference.R (six cases: untouched,
-- winsorised high, low and with tied maxima, log transform)
CREATE TEMP TABLE outl (case_id text, i int, x float8, treated float8, treatment text);
\copy outl FROM 'test/fixtures/outliers_reference.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE outl_ours AS
SELECT case_id, i, treated, treatment,
       wellbeing.treat_outliers(x) OVER w AS ours, wellbeing.outlier_treatment(x) OVER w AS our_treatment
FROM outl WINDOW w AS (PARTITION BY case_id ORDER BY random());
SELECT ok(bool_and(pg_temp.close(ours, treated, 1e-12)), format('treat_outliers %s = R (%s values)', case_id, count(*)))
FROM outl_ours GROUP BY case_id ORDER BY case_id;
SELECT is(min(our_treatment), min(treatment), format('outlier_treatment %s = R: %s', case_id, min(treatment)))
FROM outl_ours GROUP BY case_id ORDER BY case_id;

SELECT * FROM finish();
ROLLBACK;
