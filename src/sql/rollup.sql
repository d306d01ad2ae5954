-- Rollups: every aggregate's state is a double precision[]
-- value, so a dashboard can store states per day x tract x group and merge
-- them later to any period or geography without rescanning the rows, as hll
-- and t-digest let their users do:
--
--   <measure>_state(...)   the aggregate without its final step: the state
--   merge(state)           merges stored states (the combine function)
--   <measure>(state)       finalises a state made by <measure>_state
--
-- The merged answer equals the answer over the raw rows (test/pgtap/rollup.sql).
-- cronbach_alpha and cronbach_alpha_if_deleted already take a double
-- precision[] argument (the items), so their stored states are finalised with
-- cronbach_alpha_finalfn(state) and cronbach_alpha_if_deleted_finalfn(state).

CREATE FUNCTION @extschema@.state_of(state double precision[], measure text, kind integer, code integer)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_state_of'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.state_of(double precision[], text, integer, integer) IS
'the state itself when it was made by the named measure''s _state aggregate (state kind and measure code match); an error otherwise';

CREATE AGGREGATE @extschema@.merge(state double precision[]) (
    SFUNC = @extschema@.state_combine,
    STYPE = double precision[],
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.merge(double precision[]) IS
'merges stored partial states of one measure (from its _state aggregate) into one state; finalise it with the measure''s (state) function';

-- <measure>_state, one for every aggregate overload with the aggregate's own
-- arguments and transition function and no final function, is not written
-- here: src/sql/gen_states.awk generates it from the CREATE AGGREGATE
-- statements of the sources when the extension is built, and the Makefile
-- appends it to the install script after this file (static SQL, so nothing is
-- built from the catalogs while the extension is being created).

-- <measure>(state): the final function behind a check that the state is the
-- measure's own (kind and measure code, src/rollup.c).  SQL-standard bodies
-- (RETURN ...), every name in them qualified: they are parsed once, when the
-- extension is created, and nothing in them is looked up through the
-- caller's search_path when they run.

CREATE FUNCTION @extschema@.proportion(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.proportion_finalfn(@extschema@.state_of(state, 'proportion', 1, 0));
COMMENT ON FUNCTION @extschema@.proportion(double precision[]) IS
'proportion of a stored state made by proportion_state (merged with merge(state))';

CREATE FUNCTION @extschema@.mean(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.mean_finalfn(@extschema@.state_of(state, 'mean', 2, 0));
COMMENT ON FUNCTION @extschema@.mean(double precision[]) IS
'mean of a stored state made by mean_state (merged with merge(state))';

CREATE FUNCTION @extschema@.total(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.total_finalfn(@extschema@.state_of(state, 'total', 3, 0));
COMMENT ON FUNCTION @extschema@.total(double precision[]) IS
'total of a stored state made by total_state (merged with merge(state))';

CREATE FUNCTION @extschema@.rate(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.rate_finalfn(@extschema@.state_of(state, 'rate', 4, 0));
COMMENT ON FUNCTION @extschema@.rate(double precision[]) IS
'rate of a stored state made by rate_state (merged with merge(state))';

CREATE FUNCTION @extschema@.standardized_rate(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.standardized_rate_finalfn(@extschema@.state_of(state, 'standardized_rate', 5, 0));
COMMENT ON FUNCTION @extschema@.standardized_rate(double precision[]) IS
'standardized_rate of a stored state made by standardized_rate_state (merged with merge(state))';

CREATE FUNCTION @extschema@.standardized_ratio(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.standardized_ratio_finalfn(@extschema@.state_of(state, 'standardized_ratio', 6, 0));
COMMENT ON FUNCTION @extschema@.standardized_ratio(double precision[]) IS
'standardized_ratio of a stored state made by standardized_ratio_state (merged with merge(state))';

CREATE FUNCTION @extschema@.poverty_rate(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.poverty_rate_finalfn(@extschema@.state_of(state, 'poverty_rate', 7, 1));
COMMENT ON FUNCTION @extschema@.poverty_rate(double precision[]) IS
'poverty_rate of a stored state made by poverty_rate_state (merged with merge(state))';

CREATE FUNCTION @extschema@.poverty_threshold(state double precision[]) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.poverty_threshold_finalfn(@extschema@.state_of(state, 'poverty_threshold', 7, 1));
COMMENT ON FUNCTION @extschema@.poverty_threshold(double precision[]) IS
'poverty_threshold of a stored state made by poverty_threshold_state (merged with merge(state))';

CREATE FUNCTION @extschema@.gini(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.gini_finalfn(@extschema@.state_of(state, 'gini', 7, 2));
COMMENT ON FUNCTION @extschema@.gini(double precision[]) IS
'gini of a stored state made by gini_state (merged with merge(state))';

CREATE FUNCTION @extschema@.quintile_share_ratio(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.quintile_share_ratio_finalfn(@extschema@.state_of(state, 'quintile_share_ratio', 7, 3));
COMMENT ON FUNCTION @extschema@.quintile_share_ratio(double precision[]) IS
'quintile_share_ratio of a stored state made by quintile_share_ratio_state (merged with merge(state))';

CREATE FUNCTION @extschema@.palma(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.palma_finalfn(@extschema@.state_of(state, 'palma', 7, 3));
COMMENT ON FUNCTION @extschema@.palma(double precision[]) IS
'palma of a stored state made by palma_state (merged with merge(state))';

CREATE FUNCTION @extschema@.hoover(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.hoover_finalfn(@extschema@.state_of(state, 'hoover', 7, 3));
COMMENT ON FUNCTION @extschema@.hoover(double precision[]) IS
'hoover of a stored state made by hoover_state (merged with merge(state))';

CREATE FUNCTION @extschema@.dissimilarity(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.dissimilarity_finalfn(@extschema@.state_of(state, 'dissimilarity', 7, 4));
COMMENT ON FUNCTION @extschema@.dissimilarity(double precision[]) IS
'dissimilarity of a stored state made by dissimilarity_state (merged with merge(state))';

CREATE FUNCTION @extschema@.category_cutpoints(state double precision[]) RETURNS double precision[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.category_cutpoints_finalfn(@extschema@.state_of(state, 'category_cutpoints', 7, 5));
COMMENT ON FUNCTION @extschema@.category_cutpoints(double precision[]) IS
'category_cutpoints of a stored state made by category_cutpoints_state (merged with merge(state))';

CREATE FUNCTION @extschema@.mann_kendall(state double precision[]) RETURNS @extschema@.trend_test
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.mann_kendall_finalfn(@extschema@.state_of(state, 'mann_kendall', 7, 6));
COMMENT ON FUNCTION @extschema@.mann_kendall(double precision[]) IS
'mann_kendall of a stored state made by mann_kendall_state (merged with merge(state))';

CREATE FUNCTION @extschema@.theil_t(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.entropy_finalfn(@extschema@.state_of(state, 'theil_t', 8, 1));
COMMENT ON FUNCTION @extschema@.theil_t(double precision[]) IS
'theil_t of a stored state made by theil_t_state (merged with merge(state))';

CREATE FUNCTION @extschema@.mean_log_deviation(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.entropy_finalfn(@extschema@.state_of(state, 'mean_log_deviation', 8, 2));
COMMENT ON FUNCTION @extschema@.mean_log_deviation(double precision[]) IS
'mean_log_deviation of a stored state made by mean_log_deviation_state (merged with merge(state))';

CREATE FUNCTION @extschema@.generalized_entropy(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.entropy_finalfn(@extschema@.state_of(state, 'generalized_entropy', 8, 3));
COMMENT ON FUNCTION @extschema@.generalized_entropy(double precision[]) IS
'generalized_entropy of a stored state made by generalized_entropy_state (merged with merge(state))';

CREATE FUNCTION @extschema@.atkinson(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.entropy_finalfn(@extschema@.state_of(state, 'atkinson', 8, 4));
COMMENT ON FUNCTION @extschema@.atkinson(double precision[]) IS
'atkinson of a stored state made by atkinson_state (merged with merge(state))';

CREATE FUNCTION @extschema@.between_group_variance(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.between_group_spread_finalfn(@extschema@.state_of(state, 'between_group_variance', 9, 1));
COMMENT ON FUNCTION @extschema@.between_group_variance(double precision[]) IS
'between_group_variance of a stored state made by between_group_variance_state (merged with merge(state))';

CREATE FUNCTION @extschema@.between_group_sd(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.between_group_spread_finalfn(@extschema@.state_of(state, 'between_group_sd', 9, 2));
COMMENT ON FUNCTION @extschema@.between_group_sd(double precision[]) IS
'between_group_sd of a stored state made by between_group_sd_state (merged with merge(state))';

CREATE FUNCTION @extschema@.coefficient_of_variation(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.between_group_spread_finalfn(@extschema@.state_of(state, 'coefficient_of_variation', 9, 3));
COMMENT ON FUNCTION @extschema@.coefficient_of_variation(double precision[]) IS
'coefficient_of_variation of a stored state made by coefficient_of_variation_state (merged with merge(state))';

CREATE FUNCTION @extschema@.slope_index(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.ordered_finalfn(@extschema@.state_of(state, 'slope_index', 10, 1));
COMMENT ON FUNCTION @extschema@.slope_index(double precision[]) IS
'slope_index of a stored state made by slope_index_state (merged with merge(state))';

CREATE FUNCTION @extschema@.relative_index(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.ordered_finalfn(@extschema@.state_of(state, 'relative_index', 10, 2));
COMMENT ON FUNCTION @extschema@.relative_index(double precision[]) IS
'relative_index of a stored state made by relative_index_state (merged with merge(state))';

CREATE FUNCTION @extschema@.concentration_index(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.ordered_finalfn(@extschema@.state_of(state, 'concentration_index', 10, 3));
COMMENT ON FUNCTION @extschema@.concentration_index(double precision[]) IS
'concentration_index of a stored state made by concentration_index_state (merged with merge(state))';

CREATE FUNCTION @extschema@.attributable_risk(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.ordered_finalfn(@extschema@.state_of(state, 'attributable_risk', 10, 4));
COMMENT ON FUNCTION @extschema@.attributable_risk(double precision[]) IS
'attributable_risk of a stored state made by attributable_risk_state (merged with merge(state))';

CREATE FUNCTION @extschema@.attributable_fraction(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.ordered_finalfn(@extschema@.state_of(state, 'attributable_fraction', 10, 5));
COMMENT ON FUNCTION @extschema@.attributable_fraction(double precision[]) IS
'attributable_fraction of a stored state made by attributable_fraction_state (merged with merge(state))';

CREATE FUNCTION @extschema@.index_of_disparity(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.ordered_finalfn(@extschema@.state_of(state, 'index_of_disparity', 10, 6));
COMMENT ON FUNCTION @extschema@.index_of_disparity(double precision[]) IS
'index_of_disparity of a stored state made by index_of_disparity_state (merged with merge(state))';

CREATE FUNCTION @extschema@.mean_difference(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.ordered_finalfn(@extschema@.state_of(state, 'mean_difference', 10, 7));
COMMENT ON FUNCTION @extschema@.mean_difference(double precision[]) IS
'mean_difference of a stored state made by mean_difference_state (merged with merge(state))';

CREATE FUNCTION @extschema@.isolation(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.exposure_finalfn(@extschema@.state_of(state, 'isolation', 11, 1));
COMMENT ON FUNCTION @extschema@.isolation(double precision[]) IS
'isolation of a stored state made by isolation_state (merged with merge(state))';

CREATE FUNCTION @extschema@.exposure(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.exposure_finalfn(@extschema@.state_of(state, 'exposure', 11, 2));
COMMENT ON FUNCTION @extschema@.exposure(double precision[]) IS
'exposure of a stored state made by exposure_state (merged with merge(state))';

CREATE FUNCTION @extschema@.mutual_information(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.mutual_information_finalfn(@extschema@.state_of(state, 'mutual_information', 12, 0));
COMMENT ON FUNCTION @extschema@.mutual_information(double precision[]) IS
'mutual_information of a stored state made by mutual_information_state (merged with merge(state))';

CREATE FUNCTION @extschema@.entropy_index(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.entropy_index_finalfn(@extschema@.state_of(state, 'entropy_index', 12, 0));
COMMENT ON FUNCTION @extschema@.entropy_index(double precision[]) IS
'entropy_index of a stored state made by entropy_index_state (merged with merge(state))';

CREATE FUNCTION @extschema@.linear_trend(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.trend_finalfn(@extschema@.state_of(state, 'linear_trend', 13, 1));
COMMENT ON FUNCTION @extschema@.linear_trend(double precision[]) IS
'linear_trend of a stored state made by linear_trend_state (merged with merge(state))';

CREATE FUNCTION @extschema@.annual_percent_change(state double precision[]) RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.trend_finalfn(@extschema@.state_of(state, 'annual_percent_change', 13, 2));
COMMENT ON FUNCTION @extschema@.annual_percent_change(double precision[]) IS
'annual_percent_change of a stored state made by annual_percent_change_state (merged with merge(state))';

CREATE FUNCTION @extschema@.gap_trend(state double precision[]) RETURNS @extschema@.gap_trend
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.gap_trend_finalfn(@extschema@.state_of(state, 'gap_trend', 14, 0));
COMMENT ON FUNCTION @extschema@.gap_trend(double precision[]) IS
'gap_trend of a stored state made by gap_trend_state (merged with merge(state))';

CREATE FUNCTION @extschema@.recent_trend(state double precision[]) RETURNS @extschema@.recent_trend
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.recent_trend_finalfn(@extschema@.state_of(state, 'recent_trend', 15, 1));
COMMENT ON FUNCTION @extschema@.recent_trend(double precision[]) IS
'recent_trend of a stored state made by recent_trend_state (merged with merge(state))';

CREATE FUNCTION @extschema@.recent_trend_proportion(state double precision[]) RETURNS @extschema@.recent_trend
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.recent_trend_finalfn(@extschema@.state_of(state, 'recent_trend_proportion', 15, 2));
COMMENT ON FUNCTION @extschema@.recent_trend_proportion(double precision[]) IS
'recent_trend_proportion of a stored state made by recent_trend_proportion_state (merged with merge(state))';

CREATE FUNCTION @extschema@.aggregate_scores(state double precision[]) RETURNS @extschema@.aggregated_score
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.aggregate_scores_finalfn(@extschema@.state_of(state, 'aggregate_scores', 16, 0));
COMMENT ON FUNCTION @extschema@.aggregate_scores(double precision[]) IS
'aggregate_scores of a stored state made by aggregate_scores_state (merged with merge(state))';

CREATE FUNCTION @extschema@.joinpoint(state double precision[]) RETURNS @extschema@.joinpoint_fit
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.joinpoint_finalfn(@extschema@.state_of(state, 'joinpoint', 18, 0));
COMMENT ON FUNCTION @extschema@.joinpoint(double precision[]) IS
'joinpoint of a stored state made by joinpoint_state (merged with merge(state))';

CREATE FUNCTION @extschema@.survey_mean(state double precision[]) RETURNS @extschema@.survey_estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.survey_finalfn(@extschema@.state_of(state, 'survey_mean', 19, 1));
COMMENT ON FUNCTION @extschema@.survey_mean(double precision[]) IS
'survey_mean of a stored state made by survey_mean_state (merged with merge(state))';

CREATE FUNCTION @extschema@.survey_total(state double precision[]) RETURNS @extschema@.survey_estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.survey_finalfn(@extschema@.state_of(state, 'survey_total', 19, 2));
COMMENT ON FUNCTION @extschema@.survey_total(double precision[]) IS
'survey_total of a stored state made by survey_total_state (merged with merge(state))';

CREATE FUNCTION @extschema@.survey_ratio(state double precision[]) RETURNS @extschema@.survey_estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.survey_finalfn(@extschema@.state_of(state, 'survey_ratio', 19, 3));
COMMENT ON FUNCTION @extschema@.survey_ratio(double precision[]) IS
'survey_ratio of a stored state made by survey_ratio_state (merged with merge(state))';

CREATE FUNCTION @extschema@.survey_proportion(state double precision[]) RETURNS @extschema@.survey_estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.survey_finalfn(@extschema@.state_of(state, 'survey_proportion', 19, 4));
COMMENT ON FUNCTION @extschema@.survey_proportion(double precision[]) IS
'survey_proportion of a stored state made by survey_proportion_state (merged with merge(state))';

CREATE FUNCTION @extschema@.survey_mean_difference(state double precision[]) RETURNS @extschema@.survey_estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.survey_finalfn(@extschema@.state_of(state, 'survey_mean_difference', 19, 5));
COMMENT ON FUNCTION @extschema@.survey_mean_difference(double precision[]) IS
'survey_mean_difference of a stored state made by survey_mean_difference_state (merged with merge(state))';

CREATE FUNCTION @extschema@.survey_proportion_difference(state double precision[]) RETURNS @extschema@.survey_estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.survey_finalfn(@extschema@.state_of(state, 'survey_proportion_difference', 19, 6));
COMMENT ON FUNCTION @extschema@.survey_proportion_difference(double precision[]) IS
'survey_proportion_difference of a stored state made by survey_proportion_difference_state (merged with merge(state))';

CREATE FUNCTION @extschema@.survey_standardized_mean(state double precision[]) RETURNS @extschema@.survey_estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.survey_finalfn(@extschema@.state_of(state, 'survey_standardized_mean', 19, 7));
COMMENT ON FUNCTION @extschema@.survey_standardized_mean(double precision[]) IS
'survey_standardized_mean of a stored state made by survey_standardized_mean_state (merged with merge(state))';

CREATE FUNCTION @extschema@.survey_standardized_proportion(state double precision[]) RETURNS @extschema@.survey_estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.survey_finalfn(@extschema@.state_of(state, 'survey_standardized_proportion', 19, 7));
COMMENT ON FUNCTION @extschema@.survey_standardized_proportion(double precision[]) IS
'survey_standardized_proportion of a stored state made by survey_standardized_proportion_state (merged with merge(state))';

CREATE FUNCTION @extschema@.replicate_mean(state double precision[]) RETURNS @extschema@.survey_estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.replicate_finalfn(@extschema@.state_of(state, 'replicate_mean', 20, 1));
COMMENT ON FUNCTION @extschema@.replicate_mean(double precision[]) IS
'replicate_mean of a stored state made by replicate_mean_state (merged with merge(state))';

CREATE FUNCTION @extschema@.replicate_total(state double precision[]) RETURNS @extschema@.survey_estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.replicate_finalfn(@extschema@.state_of(state, 'replicate_total', 20, 2));
COMMENT ON FUNCTION @extschema@.replicate_total(double precision[]) IS
'replicate_total of a stored state made by replicate_total_state (merged with merge(state))';

CREATE FUNCTION @extschema@.replicate_ratio(state double precision[]) RETURNS @extschema@.survey_estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.replicate_finalfn(@extschema@.state_of(state, 'replicate_ratio', 20, 3));
COMMENT ON FUNCTION @extschema@.replicate_ratio(double precision[]) IS
'replicate_ratio of a stored state made by replicate_ratio_state (merged with merge(state))';

CREATE FUNCTION @extschema@.replicate_proportion(state double precision[]) RETURNS @extschema@.survey_estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.replicate_finalfn(@extschema@.state_of(state, 'replicate_proportion', 20, 4));
COMMENT ON FUNCTION @extschema@.replicate_proportion(double precision[]) IS
'replicate_proportion of a stored state made by replicate_proportion_state (merged with merge(state))';
