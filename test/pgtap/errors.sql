-- Every bad input of SPEC section 2, for every function of the estimates
-- family: the ERROR, its SQLSTATE and (where it matters) its message.
-- Generated once from a table of cases; edit the cases here directly.
BEGIN;
SELECT plan(186);

SELECT throws_ok($$SELECT wellbeing.proportion(true, -1.0)$$, '22023', $m$weight must be non-negative, got -1$m$, 'proportion: negative weight');
SELECT throws_ok($$SELECT wellbeing.proportion(true, 'NaN')$$, '22023', $m$weight must be a finite number, got NaN$m$, 'proportion: NaN weight');
SELECT throws_ok($$SELECT wellbeing.proportion(true, 'Infinity')$$, '22023', $m$weight must be a finite number, got Infinity$m$, 'proportion: infinite weight');
SELECT throws_ok($$SELECT wellbeing.proportion(true, 1.0, 1.5)$$, '22023', $m$level must lie strictly between 0 and 1, got 1.5$m$, 'proportion: level above 1');
SELECT throws_ok($$SELECT wellbeing.proportion(true, 1.0, 0)$$, '22023', $m$level must lie strictly between 0 and 1, got 0$m$, 'proportion: level 0');
SELECT throws_ok($$SELECT wellbeing.proportion(true, 1.0, 0.95, 'agresti')$$, '22023', $m$unknown method "agresti" for proportion$m$, 'proportion: unknown method');
SELECT throws_ok($$SELECT wellbeing.proportion(g > 1, 1.0, g / 10.0) FROM generate_series(1, 5) g$$, '22023', NULL, 'proportion: level varying within a group');
SELECT throws_ok($$SELECT wellbeing.proportion_ci(-1, 10)$$, '22023', $m$successes must be non-negative, got -1$m$, 'proportion_ci: negative successes');
SELECT throws_ok($$SELECT wellbeing.proportion_ci(11, 10)$$, '22023', $m$successes must not exceed trials, got 11 > 10$m$, 'proportion_ci: successes > trials');
SELECT throws_ok($$SELECT wellbeing.proportion_ci(1, 'Infinity')$$, '22023', $m$trials must be a finite number, got Infinity$m$, 'proportion_ci: infinite trials');
SELECT throws_ok($$SELECT wellbeing.proportion_ci('NaN', 10)$$, '22023', $m$successes must be a finite number, got NaN$m$, 'proportion_ci: NaN successes');
SELECT throws_ok($$SELECT wellbeing.proportion_ci(1, 10, 95)$$, '22023', NULL, 'proportion_ci: level 95');
SELECT throws_ok($$SELECT wellbeing.proportion_ci(1, 10, 0.95, 'jeffreys')$$, '22023', $m$unknown method "jeffreys" for proportion_ci$m$, 'proportion_ci: unknown method');
SELECT throws_ok($$SELECT wellbeing.mean('NaN'::float8)$$, '22023', $m$x must be a finite number, got NaN$m$, 'mean: NaN x');
SELECT throws_ok($$SELECT wellbeing.mean('-Infinity'::float8)$$, '22023', $m$x must be a finite number, got -Infinity$m$, 'mean: infinite x');
SELECT throws_ok($$SELECT wellbeing.mean(1.0, -2.0)$$, '22023', $m$weight must be non-negative, got -2$m$, 'mean: negative weight');
SELECT throws_ok($$SELECT wellbeing.mean(1.0, 1.0, -0.5)$$, '22023', NULL, 'mean: negative level');
SELECT throws_ok($$SELECT wellbeing.mean(v) FROM (VALUES (1e308::float8), (-1e308)) t(v)$$, '22003', NULL, 'mean: overflow of the spread');
SELECT throws_ok($$SELECT wellbeing.total('Infinity'::float8)$$, '22023', NULL, 'total: infinite x');
SELECT throws_ok($$SELECT wellbeing.total(1.0, 'NaN')$$, '22023', NULL, 'total: NaN weight');
SELECT throws_ok($$SELECT wellbeing.total(1.0, 1.0, 1)$$, '22023', NULL, 'total: level 1');
SELECT throws_ok($$SELECT wellbeing.rate(-1, 100)$$, '22023', $m$events must be non-negative, got -1$m$, 'rate: negative events');
SELECT throws_ok($$SELECT wellbeing.rate(1, -100)$$, '22023', $m$population must be non-negative, got -100$m$, 'rate: negative population');
SELECT throws_ok($$SELECT wellbeing.rate(200, 100)$$, '22023', $m$events must not exceed population, got 200 > 100$m$, 'rate: events > population');
SELECT throws_ok($$SELECT wellbeing.rate(1, 'NaN')$$, '22023', NULL, 'rate: NaN population');
SELECT throws_ok($$SELECT wellbeing.rate(1, 100, 0)$$, '22023', $m$per must be positive, got 0$m$, 'rate: per 0');
SELECT throws_ok($$SELECT wellbeing.rate(1, 100, 1000, 2)$$, '22023', NULL, 'rate: level 2');
SELECT throws_ok($$SELECT wellbeing.rate(1, 100, 1000, 0.95, 'wilson')$$, '22023', $m$unknown method "wilson" for rate$m$, 'rate: unknown method');
SELECT throws_ok($$SELECT wellbeing.rate_ci(5, 4)$$, '22023', $m$events must not exceed population, got 5 > 4$m$, 'rate_ci: events > population');
SELECT throws_ok($$SELECT wellbeing.rate_ci(5, 40, -1)$$, '22023', NULL, 'rate_ci: negative per');
SELECT throws_ok($$SELECT wellbeing.rate_ci(5, 40, 1, 0.95, 'poisson')$$, '22023', NULL, 'rate_ci: unknown method');
SELECT throws_ok($$SELECT wellbeing.rate_ci('Infinity', 40)$$, '22023', NULL, 'rate_ci: infinite events');
SELECT throws_ok($$SELECT wellbeing.standardized_rate(1, 10, -5)$$, '22023', $m$standard_population must be non-negative, got -5$m$, 'standardized_rate: negative standard population');
SELECT throws_ok($$SELECT wellbeing.standardized_rate(11, 10, 5)$$, '22023', NULL, 'standardized_rate: events > population');
SELECT throws_ok($$SELECT wellbeing.standardized_rate(1, 10, 5, 1, 0.95, 'tiwari')$$, '22023', $m$unknown method "tiwari" for standardized_rate$m$, 'standardized_rate: unknown method');
SELECT throws_ok($$SELECT wellbeing.standardized_rate(1, 10, 'NaN')$$, '22023', NULL, 'standardized_rate: NaN standard population');
SELECT throws_ok($$SELECT wellbeing.standardized_rate(1, 10, 5, 1, 1.0)$$, '22023', NULL, 'standardized_rate: level 1');
SELECT throws_ok($$SELECT wellbeing.standardized_ratio(-1, 10)$$, '22023', $m$observed must be non-negative, got -1$m$, 'standardized_ratio: negative observed');
SELECT throws_ok($$SELECT wellbeing.standardized_ratio(1, -10)$$, '22023', $m$expected must be non-negative, got -10$m$, 'standardized_ratio: negative expected');
SELECT throws_ok($$SELECT wellbeing.standardized_ratio(1, 'Infinity')$$, '22023', NULL, 'standardized_ratio: infinite expected');
SELECT throws_ok($$SELECT wellbeing.standardized_ratio(1, 10, 0.95, 'gamma')$$, '22023', NULL, 'standardized_ratio: unknown method');
SELECT throws_ok($$SELECT wellbeing.poverty_rate('NaN', 1)$$, '22023', $m$income must be a finite number, got NaN$m$, 'poverty_rate: NaN income');
SELECT throws_ok($$SELECT wellbeing.poverty_rate(100, -1)$$, '22023', $m$weight must be non-negative, got -1$m$, 'poverty_rate: negative weight');
SELECT throws_ok($$SELECT wellbeing.poverty_rate(100, 1, 0)$$, '22023', $m$fraction must be positive, got 0$m$, 'poverty_rate: fraction 0');
SELECT throws_ok($$SELECT wellbeing.poverty_rate(100, 1, 'NaN')$$, '22023', NULL, 'poverty_rate: NaN fraction');
SELECT throws_ok($$SELECT wellbeing.estimate(1, -1)$$, '22023', $m$se must be non-negative, got -1$m$, 'estimate: negative se');
SELECT throws_ok($$SELECT wellbeing.estimate('Infinity', 1)$$, '22023', NULL, 'estimate: infinite value');
SELECT throws_ok($$SELECT wellbeing.estimate(1, 1, -3)$$, '22023', $m$n must be non-negative, got -3$m$, 'estimate: negative n');
SELECT throws_ok($$SELECT wellbeing.estimate(1, 1, 10, 1.2)$$, '22023', NULL, 'estimate: level 1.2');
SELECT throws_ok($$SELECT wellbeing.estimate_from_ci(1, 2, 0)$$, '22023', NULL, 'estimate_from_ci: lower > upper');
SELECT throws_ok($$SELECT wellbeing.estimate_from_ci(1, 0, 2, 0.95, true)$$, '22023', $m$lower must be positive, got 0$m$, 'estimate_from_ci: log scale with zero lower');
SELECT throws_ok($$SELECT wellbeing.estimate_from_ci('NaN', 0, 2)$$, '22023', NULL, 'estimate_from_ci: NaN value');
SELECT throws_ok($$SELECT wellbeing.reliability(wellbeing.estimate(1, 1, 20), 11, -0.1)$$, '22023', $m$max_rse must be non-negative, got -0.1$m$, 'reliability: negative max_rse');
SELECT throws_ok($$SELECT wellbeing.reliability(wellbeing.estimate(1, 1, 20), 'NaN')$$, '22023', NULL, 'reliability: NaN min_n');
SELECT throws_ok($$SELECT wellbeing.suppress(wellbeing.estimate(1, 1, 20), -1)$$, '22023', NULL, 'suppress: negative min_n');
SELECT throws_ok($$SELECT wellbeing.complementary_suppression(c, true) OVER () FROM (VALUES ('NaN'::float8)) t(c)$$, '22023', NULL, 'complementary_suppression: NaN count');
SELECT throws_ok($$SELECT wellbeing.complementary_suppression(c, true, -1) OVER () FROM (VALUES (3)) t(c)$$, '22023', $m$min_total must be non-negative, got -1$m$, 'complementary_suppression: negative min_total');
SELECT throws_ok($$SELECT wellbeing.proportion_finalfn('{1,2,3}')$$, '22000', $m$invalid wellbeing transition state$m$, 'proportion_finalfn: short array');
SELECT throws_ok($$SELECT wellbeing.proportion_finalfn('{2001,0,0.95,0,1,1,1,1,1,1}')$$, '22000', NULL, 'proportion_finalfn: wrong tag');
SELECT throws_ok($$SELECT wellbeing.proportion_finalfn('{1001,0,0.95,0,1,NULL,1,1,1,1}')$$, '22000', NULL, 'proportion_finalfn: NULL element');
SELECT throws_ok($$SELECT wellbeing.proportion_finalfn('{{1001,0},{0.95,0}}')$$, '22000', NULL, 'proportion_finalfn: two-dimensional array');
SELECT throws_ok($$SELECT wellbeing.mean_finalfn('{1001,0,0.95,0,1,1,1,1,1,1}')$$, '22000', NULL, 'mean_finalfn: proportion state');
SELECT throws_ok($$SELECT wellbeing.poverty_rate_finalfn('{7001,0.6,1000,1,1}')$$, '22000', NULL, 'poverty_rate_finalfn: claims more pairs than it holds');
SELECT throws_ok($$SELECT wellbeing.poverty_rate_finalfn('{7001,0.6,-1}')$$, '22000', NULL, 'poverty_rate_finalfn: negative count');
SELECT throws_ok($$SELECT wellbeing.state_combine('{1001,0,0.95,0,1,1,1,1,1,1}', '{99}')$$, '22000', NULL, 'state_combine: unknown tag');
SELECT throws_ok($$SELECT wellbeing.state_combine('{1001,0,0.95,0,1,1,1,1,1,1}', '{2001,0,0.95,1,1,1,1,0,0}')$$, '22000', NULL, 'state_combine: states of two different measures');
SELECT throws_ok($$SELECT wellbeing.state_combine('{1001,0,0.95,0,1,1,1,1,1,1}', '{1001,0,0.90,0,1,1,1,1,1,1}')$$, '22023', $m$cannot combine partial states computed with different parameters$m$, 'state_combine: different levels');
SELECT throws_ok($$SELECT wellbeing.rate_transfn('{4001,1,0.95}', 1, 2)$$, '22000', NULL, 'rate_transfn: short state');

SELECT throws_ok($$SELECT wellbeing.proportion(true, w) FROM (VALUES (1e200::float8)) t(w)$$, '22003', $m$value out of range: overflow in proportion$m$, 'proportion: squared weight overflows');
SELECT throws_ok($$SELECT wellbeing.rate(e, e) FROM (VALUES (1e308::float8), (1e308)) t(e)$$, '22003', $m$value out of range: overflow in rate$m$, 'rate: sum of events overflows');
SELECT throws_ok($$SELECT wellbeing.standardized_rate(1, 1, w) FROM (VALUES (1e308::float8), (1e308)) t(w)$$, '22003', NULL, 'standardized_rate: sum of standard population overflows');
SELECT throws_ok($$SELECT wellbeing.standardized_ratio(o, 1) FROM (VALUES (1e308::float8), (1e308)) t(o)$$, '22003', NULL, 'standardized_ratio: sum of observed overflows');
SELECT throws_ok($$SELECT wellbeing.total(x, 1) FROM (VALUES (1e308::float8), (-1e308)) t(x)$$, '22003', NULL, 'total: spread overflows');
SELECT throws_ok($$SELECT wellbeing.state_combine('{4001,1,0.95,0,1e308,1e308,1}', '{4001,1,0.95,0,1e308,1e308,1}')$$, '22003', $m$value out of range: overflow in merged state$m$, 'state_combine: merged sums overflow');

SELECT throws_ok($$SELECT wellbeing.difference(wellbeing.estimate(1, 1), wellbeing.estimate(1, 1), 0)$$, '22023', NULL, 'difference: level 0');
SELECT throws_ok($$SELECT wellbeing.ratio(wellbeing.estimate(1, 1), wellbeing.estimate(1, 1), 'NaN')$$, '22023', NULL, 'ratio: NaN level');
SELECT throws_ok($$SELECT wellbeing.difference(ROW('NaN', 1, NULL, NULL, 10, 0.95)::wellbeing.estimate, wellbeing.estimate(1, 1))$$, '22023', $m$estimate value must be a finite number, got NaN$m$, 'difference: NaN inside an estimate');
SELECT throws_ok($$SELECT wellbeing.ratio(wellbeing.estimate(1, 1), ROW(2, -1, NULL, NULL, 10, 0.95)::wellbeing.estimate)$$, '22023', $m$estimate se must be non-negative, got -1$m$, 'ratio: negative se inside an estimate');
SELECT throws_ok($$SELECT wellbeing.reliability(ROW(2, 1, NULL, NULL, 'Infinity', 0.95)::wellbeing.estimate)$$, '22023', NULL, 'reliability: infinite n inside an estimate');
SELECT throws_ok($$SELECT wellbeing.suppress(ROW(2, 1, NULL, NULL, 10, 95)::wellbeing.estimate)$$, '22023', NULL, 'suppress: level 95 inside an estimate');

SELECT throws_ok($$SELECT wellbeing.theil_t(-1.0)$$, '22023', $m$x must be non-negative, got -1$m$, 'theil_t: negative x');
SELECT throws_ok($$SELECT wellbeing.theil_t('NaN'::float8)$$, '22023', $m$x must be a finite number, got NaN$m$, 'theil_t: NaN x');
SELECT throws_ok($$SELECT wellbeing.theil_t(1.0, -1.0)$$, '22023', $m$weight must be non-negative, got -1$m$, 'theil_t: negative weight');
SELECT throws_ok($$SELECT wellbeing.theil_t(0.0, 1.0, 0.1)$$, '22023', $m$x must be positive, got 0$m$, 'theil_t: zero value with se (its SE takes ln x)');
SELECT throws_ok($$SELECT wellbeing.theil_t(1.0, 1.0, -0.1)$$, '22023', $m$se must be non-negative, got -0.1$m$, 'theil_t: negative se');
SELECT throws_ok($$SELECT wellbeing.theil_t(1.0, 1.0, 0.1, 1.0)$$, '22023', NULL, 'theil_t: level 1');
SELECT throws_ok($$SELECT wellbeing.mean_log_deviation(0.0)$$, '22023', $m$x must be positive, got 0$m$, 'mean_log_deviation: zero x (log of zero)');
SELECT throws_ok($$SELECT wellbeing.mean_log_deviation('Infinity'::float8, 1.0)$$, '22023', NULL, 'mean_log_deviation: infinite x');
SELECT throws_ok($$SELECT wellbeing.generalized_entropy(0.0, 1, -1)$$, '22023', $m$x must be positive, got 0$m$, 'generalized_entropy: zero x with alpha <= 0');
SELECT throws_ok($$SELECT wellbeing.generalized_entropy(1.0, 1, 'NaN')$$, '22023', $m$alpha must be a finite number, got NaN$m$, 'generalized_entropy: NaN alpha');
SELECT throws_ok($$SELECT wellbeing.generalized_entropy(x, 1, x) FROM (VALUES (1.0), (2.0)) t(x)$$, '22023', NULL, 'generalized_entropy: alpha varying within a group');
SELECT throws_ok($$SELECT wellbeing.atkinson(1.0, 1, -1)$$, '22023', $m$epsilon must be non-negative, got -1$m$, 'atkinson: negative epsilon');
SELECT throws_ok($$SELECT wellbeing.atkinson(0.0, 1, 2)$$, '22023', $m$x must be positive, got 0$m$, 'atkinson: zero x with epsilon >= 1');
SELECT throws_ok($$SELECT wellbeing.theil_t(x, w) FROM (VALUES (1.0, 1e308::float8), (2.0, 1e308)) t(x, w)$$, '22003', NULL, 'theil_t: sum of weights overflows');
SELECT throws_ok($$SELECT wellbeing.entropy_finalfn('{1001,0,0.95,0,1,1,1,1,1,1}')$$, '22000', NULL, 'entropy_finalfn: proportion state');
SELECT throws_ok($$SELECT wellbeing.state_combine('{8001,1,0,0.95,0,1,1,1,1,1,1,1,1,0,0,0,0,0,0}', '{8001,2,0,0.95,0,1,1,1,1,1,1,1,1,0,0,0,0,0,0}')$$, '22023', NULL, 'state_combine: theil_t state with mean_log_deviation state');

SELECT throws_ok($$SELECT wellbeing.between_group_variance('NaN', 1)$$, '22023', $m$value must be a finite number, got NaN$m$, 'between_group_variance: NaN value');
SELECT throws_ok($$SELECT wellbeing.between_group_variance(1, -1)$$, '22023', $m$weight must be non-negative, got -1$m$, 'between_group_variance: negative weight');
SELECT throws_ok($$SELECT wellbeing.between_group_sd(1, 1, -1)$$, '22023', $m$se must be non-negative, got -1$m$, 'between_group_sd: negative se');
SELECT throws_ok($$SELECT wellbeing.coefficient_of_variation(1, 1, 1, 0)$$, '22023', NULL, 'coefficient_of_variation: level 0');
SELECT throws_ok($$SELECT wellbeing.between_group_variance(y, w) FROM (VALUES (1.0, 1e308::float8), (2.0, 1e308)) t(y, w)$$, '22003', NULL, 'between_group_variance: sum of weights overflows');
SELECT throws_ok($$SELECT wellbeing.between_group_spread_finalfn('{9001,1,0.95}')$$, '22000', NULL, 'between_group_spread_finalfn: short state');

SELECT throws_ok($$SELECT wellbeing.slope_index(1, -1, 1)$$, '22023', $m$weight must be non-negative, got -1$m$, 'slope_index: negative weight');
SELECT throws_ok($$SELECT wellbeing.slope_index('NaN', 1, 1)$$, '22023', $m$value must be a finite number, got NaN$m$, 'slope_index: NaN value');
SELECT throws_ok($$SELECT wellbeing.slope_index(1, 1, 'Infinity')$$, '22023', $m$position must be a finite number, got Infinity$m$, 'slope_index: infinite position');
SELECT throws_ok($$SELECT wellbeing.slope_index(1, 1, 1, -0.5)$$, '22023', $m$se must be non-negative, got -0.5$m$, 'slope_index: negative se');
SELECT throws_ok($$SELECT wellbeing.slope_index(0, 1, 1, 0.1, 'log')$$, '22023', $m$value must be positive, got 0$m$, 'slope_index: zero value under log');
SELECT throws_ok($$SELECT wellbeing.relative_index(1.2, 1, 1, 0.1, 'logit')$$, '22023', NULL, 'relative_index: value outside (0, 1) under logit');
SELECT throws_ok($$SELECT wellbeing.relative_index(1, 1, 1, 0.1, 'poisson')$$, '22023', $m$unknown method "poisson" for relative_index$m$, 'relative_index: unknown method');
SELECT throws_ok($$SELECT wellbeing.slope_index(1, 1, 1, 0.1, 'linear', 1.5)$$, '22023', NULL, 'slope_index: level 1.5');
SELECT throws_ok($$SELECT wellbeing.concentration_index(42, 1, 1, NULL, 'erreygers')$$, '22023', NULL, 'concentration_index: erreygers value above 1');
SELECT throws_ok($$SELECT wellbeing.concentration_index(v, 1, v, NULL, m) FROM (VALUES (0.1, 'relative'), (0.2, 'absolute')) t(v, m)$$, '22023', NULL, 'concentration_index: method varying within a group');
SELECT throws_ok($$SELECT wellbeing.ordered_finalfn('{10001,1,1,0.95,0,5}')$$, '22000', NULL, 'ordered_finalfn: claims more rows than it holds');
SELECT throws_ok($$SELECT wellbeing.ordered_finalfn('{10001,9,1,0.95,0,0}')$$, '22000', NULL, 'ordered_finalfn: unknown measure in the header');
SELECT throws_ok($$SELECT wellbeing.state_combine('{10001,1,1,0.95,0,0}', '{10001,2,1,0.95,0,0}')$$, '22023', NULL, 'state_combine: slope_index state with relative_index state');

SELECT throws_ok($$SELECT wellbeing.gini('Infinity'::float8, 1)$$, '22023', $m$x must be a finite number, got Infinity$m$, 'gini: infinite x');
SELECT throws_ok($$SELECT wellbeing.gini(1, 'NaN')$$, '22023', $m$weight must be a finite number, got NaN$m$, 'gini: NaN weight');
SELECT throws_ok($$SELECT wellbeing.gini(x, 1, x > 1) FROM (VALUES (1.0), (2.0)) t(x)$$, '22023', NULL, 'gini: corrected varying within a group');
SELECT throws_ok($$SELECT wellbeing.quintile_share_ratio(1, -2)$$, '22023', $m$weight must be non-negative, got -2$m$, 'quintile_share_ratio: negative weight');
SELECT throws_ok($$SELECT wellbeing.palma('NaN'::float8)$$, '22023', NULL, 'palma: NaN x');
SELECT throws_ok($$SELECT wellbeing.hoover(1, '-Infinity')$$, '22023', NULL, 'hoover: infinite weight');
SELECT throws_ok($$SELECT wellbeing.gini_finalfn('{7001,0,3,1,1}')$$, '22000', NULL, 'gini_finalfn: claims more pairs than it holds');

SELECT throws_ok($$SELECT wellbeing.dissimilarity(-1, 5)$$, '22023', $m$group_count must be non-negative, got -1$m$, 'dissimilarity: negative group count');
SELECT throws_ok($$SELECT wellbeing.dissimilarity(1, 'NaN')$$, '22023', NULL, 'dissimilarity: NaN other count');
SELECT throws_ok($$SELECT wellbeing.isolation(20, 10)$$, '22023', $m$group_count must not exceed total, got 20 > 10$m$, 'isolation: group count above total');
SELECT throws_ok($$SELECT wellbeing.isolation(1, 'Infinity')$$, '22023', NULL, 'isolation: infinite total');
SELECT throws_ok($$SELECT wellbeing.exposure(5, 6, 10)$$, '22023', NULL, 'exposure: counts above total');
SELECT throws_ok($$SELECT wellbeing.exposure(5, -6, 10)$$, '22023', $m$other_count must be non-negative, got -6$m$, 'exposure: negative other count');
SELECT throws_ok($$SELECT wellbeing.exposure_finalfn('{11001,1,2}')$$, '22000', NULL, 'exposure_finalfn: short state');
SELECT throws_ok($$SELECT wellbeing.exposure_transfn('{11001,1,1,1,1}', 1, 1, 2)$$, '22000', NULL, 'exposure_transfn: isolation state');
SELECT throws_ok($$SELECT wellbeing.relative_inequity(b, 10) OVER () FROM (VALUES ('NaN'::float8)) t(b)$$, '22023', NULL, 'relative_inequity: NaN burden');
SELECT throws_ok($$SELECT wellbeing.relative_inequity(1, p) OVER () FROM (VALUES (-10.0)) t(p)$$, '22023', $m$population must be non-negative, got -10$m$, 'relative_inequity: negative population');

SELECT throws_ok($$SELECT wellbeing.attributable_risk(0.1, -1, true)$$, '22023', $m$weight must be non-negative, got -1$m$, 'attributable_risk: negative weight');
SELECT throws_ok($$SELECT wellbeing.attributable_risk('NaN', 1, true)$$, '22023', NULL, 'attributable_risk: NaN value');
SELECT throws_ok($$SELECT wellbeing.attributable_fraction(0.1, 1, true, 'Infinity')$$, '22023', NULL, 'attributable_fraction: infinite position');
SELECT throws_ok($$SELECT wellbeing.attributable_fraction(0.1, 1, true, 1, 2)$$, '22023', NULL, 'attributable_fraction: level 2');
SELECT throws_ok($$SELECT wellbeing.attributable_risk(0.1, 1, b) FROM (VALUES (true), (false)) t(b)$$, '22023', NULL, 'attributable_risk: direction varying within a group');

SELECT throws_ok($$SELECT wellbeing.index_of_disparity(0.2, 1, 'median')$$, '22023', $m$unknown method "median" for index_of_disparity$m$, 'index_of_disparity: unknown reference');
SELECT throws_ok($$SELECT wellbeing.index_of_disparity(0.2, -1, 'mean')$$, '22023', NULL, 'index_of_disparity: negative weight');
SELECT throws_ok($$SELECT wellbeing.mean_difference('NaN', 1, 'best')$$, '22023', NULL, 'mean_difference: NaN value');
SELECT throws_ok($$SELECT wellbeing.mean_difference(0.2, 1, 'best', true, -1)$$, '22023', $m$se must be non-negative, got -1$m$, 'mean_difference: negative se');
SELECT throws_ok($$SELECT wellbeing.mean_difference(0.2, 1, 'best', true, 0.1, 0)$$, '22023', NULL, 'mean_difference: level 0');
SELECT throws_ok($$SELECT wellbeing.mean_difference(0.2, 1, r) FROM (VALUES ('best'), ('mean')) t(r)$$, '22023', NULL, 'mean_difference: reference varying within a group');

SELECT throws_ok($$SELECT * FROM wellbeing.disparity_profile(ARRAY[1.0, 2.0], ARRAY[1.0])$$, '22023', $m$estimates, populations, positions and standard_errors must have the same length$m$, 'disparity_profile: arrays of different lengths');
SELECT throws_ok($$SELECT * FROM wellbeing.disparity_profile(ARRAY[1.0, 2.0], ARRAY[1.0, -1.0])$$, '22023', NULL, 'disparity_profile: negative population');
SELECT throws_ok($$SELECT * FROM wellbeing.disparity_profile(ARRAY[1.0, 2.0], ARRAY[1.0, 1.0], NULL, NULL, true, 7)$$, '22023', NULL, 'disparity_profile: level 7');

SELECT throws_ok($$SELECT wellbeing.mutual_information('u', 'g', -1)$$, '22023', $m$count must be non-negative, got -1$m$, 'mutual_information: negative count');
SELECT throws_ok($$SELECT wellbeing.entropy_index('u', 'g', 'NaN')$$, '22023', NULL, 'entropy_index: NaN count');
SELECT throws_ok($$SELECT wellbeing.entropy_index_finalfn('{12001,4,1,2,3}')$$, '22000', NULL, 'entropy_index_finalfn: claims more rows than it holds');
SELECT throws_ok($$SELECT wellbeing.mutual_information_finalfn('{12001,1,1,2,-3}')$$, '22023', NULL, 'mutual_information_finalfn: negative count in a state');

SELECT throws_ok($$SELECT wellbeing.slope_index(42, 1, 1, NULL, 'logistic')$$, '22023', $m$value must lie between 0 and 1 for method logistic, got 42$m$, 'slope_index: logistic value above 1');

SELECT throws_ok($$SELECT wellbeing.linear_trend('NaN', 1)$$, '22023', $m$period must be a finite number, got NaN$m$, 'linear_trend: NaN period');
SELECT throws_ok($$SELECT wellbeing.linear_trend(2020, 'Infinity')$$, '22023', NULL, 'linear_trend: infinite value');
SELECT throws_ok($$SELECT wellbeing.linear_trend(2020, 1, 0)$$, '22023', $m$se must be positive, got 0$m$, 'linear_trend: zero se');
SELECT throws_ok($$SELECT wellbeing.linear_trend(2020, 1, 1, 0.95, 'robust')$$, '22023', $m$unknown method "robust" for linear_trend$m$, 'linear_trend: unknown method');
SELECT throws_ok($$SELECT wellbeing.annual_percent_change(2020, 0)$$, '22023', $m$value must be positive, got 0$m$, 'annual_percent_change: zero value (log)');
SELECT throws_ok($$SELECT wellbeing.annual_percent_change(2020, 1, 1, 2)$$, '22023', NULL, 'annual_percent_change: level 2');
SELECT throws_ok($$SELECT wellbeing.change(wellbeing.estimate(1, 1), wellbeing.estimate(2, 1), 0)$$, '22023', NULL, 'change: level 0');
SELECT throws_ok($$SELECT wellbeing.change(wellbeing.estimate(1, 1), wellbeing.estimate(2, 1), 0.95, 'NaN')$$, '22023', $m$covariance must be a finite number, got NaN$m$, 'change: NaN covariance');
SELECT throws_ok($$SELECT wellbeing.trend_finalfn('{13001,1,0.95,1,0,2,2,0,0,1,1}')$$, '22000', NULL, 'trend_finalfn: short state');

SELECT throws_ok($$SELECT wellbeing.mann_kendall('NaN', 1)$$, '22023', $m$period must be a finite number, got NaN$m$, 'mann_kendall: NaN period');
SELECT throws_ok($$SELECT wellbeing.mann_kendall(1, '-Infinity')$$, '22023', $m$value must be a finite number, got -Infinity$m$, 'mann_kendall: infinite value');
SELECT throws_ok($$SELECT wellbeing.mann_kendall(1, 2, 95)$$, '22023', NULL, 'mann_kendall: level 95');

SELECT throws_ok($$SELECT wellbeing.trend_status(wellbeing.estimate(1, 1, 8), true, -1)$$, '22023', NULL, 'trend_status: negative min_periods');
SELECT throws_ok($$SELECT wellbeing.periods_to_target(wellbeing.estimate(1, 1), 'NaN', 3)$$, '22023', $m$current must be a finite number, got NaN$m$, 'periods_to_target: NaN current');
SELECT throws_ok($$SELECT wellbeing.periods_to_target(wellbeing.estimate(1, 1), 1, 'Infinity')$$, '22023', NULL, 'periods_to_target: infinite target');

SELECT throws_ok($$SELECT wellbeing.gap_trend(2020, 1, 0, 2, 0)$$, '22023', $m$se_a and se_b must not both be 0$m$, 'gap_trend: no variance');
SELECT throws_ok($$SELECT wellbeing.gap_trend(2020, 1, -0.1, 2, 0.1)$$, '22023', $m$se_a must be non-negative, got -0.1$m$, 'gap_trend: negative se');
SELECT throws_ok($$SELECT wellbeing.gap_trend(2020, 'NaN', 0.1, 2, 0.1)$$, '22023', NULL, 'gap_trend: NaN value');
SELECT throws_ok($$SELECT wellbeing.gap_trend(2020, 1, 0.1, 2, 0.1, 0)$$, '22023', NULL, 'gap_trend: level 0');

SELECT throws_ok($$SELECT wellbeing.recent_trend(2020, 5, 6, 4)$$, '22023', $m$lower must not exceed upper, got 6 > 4$m$, 'recent_trend: lower above upper');
SELECT throws_ok($$SELECT wellbeing.recent_trend('NaN', 5, 4, 6)$$, '22023', NULL, 'recent_trend: NaN period');
SELECT throws_ok($$SELECT wellbeing.recent_trend_proportion(2020, 12, 10)$$, '22023', $m$count must not exceed denominator, got 12 > 10$m$, 'recent_trend_proportion: count above denominator');
SELECT throws_ok($$SELECT wellbeing.recent_trend_proportion(2020, 1, 0)$$, '22023', $m$denominator must be positive, got 0$m$, 'recent_trend_proportion: zero denominator');
SELECT throws_ok($$SELECT wellbeing.recent_trend(y, 5, 4, 6, y > 2020) FROM (VALUES (2020.0), (2021.0)) t(y)$$, '22023', NULL, 'recent_trend: polarity varying within a group');

SELECT throws_ok($$SELECT * FROM wellbeing.self_comparison('wellbeing.standard_population', 'wellbeing.standard_population', 2015)$$, '42703', NULL, 'self_comparison: data without the needed columns');
SELECT throws_ok($$SELECT * FROM wellbeing.self_comparison('wellbeing.standard_population', 'wellbeing.standard_population', 2015, NULL, 2)$$, '22023', NULL, 'self_comparison: level 2');
SELECT throws_ok($$SELECT * FROM wellbeing.self_comparison('no_such_table', 'wellbeing.standard_population', 2015)$$, '42P01', NULL, 'self_comparison: unknown table');

SELECT throws_ok($$SELECT wellbeing.normalize_zscore(1, 0, -1)$$, '22023', $m$sd must be non-negative, got -1$m$, 'normalize_zscore: negative sd');
SELECT throws_ok($$SELECT wellbeing.normalize_zscore('NaN', 0, 1)$$, '22023', NULL, 'normalize_zscore: NaN x');
SELECT throws_ok($$SELECT wellbeing.normalize_minmax(1, 5, 2)$$, '22023', $m$min must not exceed max, got 5 > 2$m$, 'normalize_minmax: min above max');
SELECT throws_ok($$SELECT wellbeing.normalize_goalposts(1, 5, 5)$$, '22023', NULL, 'normalize_goalposts: equal goalposts');
SELECT throws_ok($$SELECT wellbeing.distance_to_target(1, 5, 5)$$, '22023', NULL, 'distance_to_target: target equals worst');
SELECT throws_ok($$SELECT wellbeing.normalize_zscore(x) OVER () FROM (VALUES ('Infinity'::float8)) t(x)$$, '22023', NULL, 'normalize_zscore window: infinite x');
SELECT throws_ok($$SELECT wellbeing.normalize_zscore(x, -1) OVER () FROM (VALUES (1.0)) t(x)$$, '22023', NULL, 'normalize_zscore window: negative weight');
SELECT throws_ok($$SELECT wellbeing.percentile_rank(x, 'r/n', 'dense') OVER () FROM (VALUES (1.0)) t(x)$$, '22023', NULL, 'percentile_rank: unknown ties');

SELECT * FROM finish();
ROLLBACK;
