-- index.sql: composite index building blocks:
-- normalisations, aggregation of scores, categories, reliability and
-- outlier treatment (the PL/pgSQL pipeline over them is index_pipeline.sql).

CREATE FUNCTION @extschema@.normalize_zscore(x double precision, mean double precision, sd double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'wb_normalize_zscore'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.normalize_zscore(double precision, double precision, double precision) IS
'z-score (x - mean) / sd with a given mean and sd (for example a baseline period''s, so later scores compare with the past); NULL when sd is 0';

CREATE FUNCTION @extschema@.normalize_minmax(x double precision, min double precision, max double precision,
                                             lo double precision DEFAULT 0, hi double precision DEFAULT 1)
RETURNS double precision
AS 'MODULE_PATHNAME', 'wb_normalize_minmax'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.normalize_minmax(double precision, double precision, double precision, double precision, double precision) IS
'min-max rescaling lo + (hi - lo) (x - min) / (max - min) with given min and max (values outside [min, max] leave [lo, hi]); NULL when max = min';

CREATE FUNCTION @extschema@.normalize_goalposts(x double precision, lower double precision, upper double precision,
                                                higher_is_better boolean DEFAULT true, cap boolean DEFAULT true)
RETURNS double precision
AS 'MODULE_PATHNAME', 'wb_normalize_goalposts'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.normalize_goalposts(double precision, double precision, double precision, boolean, boolean) IS
'fixed goalposts: share of the way from the worst goalpost to the best, (x - lower) / (upper - lower) for assets, (upper - x) / (upper - lower) for deficits, capped to [0, 1] (COINr n_goalposts); stable over time';

CREATE FUNCTION @extschema@.distance_to_target(x double precision, target double precision, worst double precision,
                                               cap boolean DEFAULT true)
RETURNS double precision
AS 'MODULE_PATHNAME', 'wb_distance_to_target'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.distance_to_target(double precision, double precision, double precision, boolean) IS
'share of the way from the worst value to the target, (x - worst) / (target - worst), for assets and deficits alike (COINr n_dist2targ); capped at 1';

CREATE FUNCTION @extschema@.normalize_zscore(x double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'wb_zscore_window'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.normalize_zscore(double precision) IS
'window function: z-score of x within the partition, sample sd (n - 1) as the OECD/JRC Handbook and COINr';

CREATE FUNCTION @extschema@.normalize_zscore(x double precision, weight double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'wb_zscore_window'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.normalize_zscore(double precision, double precision) IS
'window function: z-score of x within the partition with the population-weighted mean and sd (as the Child Opportunity Index 2.0)';

CREATE FUNCTION @extschema@.normalize_minmax(x double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'wb_minmax_window'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.normalize_minmax(double precision) IS
'window function: (x - min) / (max - min) within the partition (to rescale to [lo, hi]: lo + (hi - lo) * this)';

CREATE FUNCTION @extschema@.percentile_rank(x double precision, convention text DEFAULT 'r/n', ties text DEFAULT 'min')
RETURNS double precision
AS 'MODULE_PATHNAME', 'wb_percentile_rank_window'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.percentile_rank(double precision, text, text) IS
'window function: rank of x within the partition (ties min, average or max) as r/n (OECD/JRC Handbook) or (r-1)/(n-1) (CDC SVI, COINr)';

-- Aggregation of scores across indicators (into domains) and domains (into
-- the index): weighted means with missing indicators dropping out.
CREATE TYPE @extschema@.aggregated_score AS (
    score double precision,
    coverage double precision,
    available integer,
    missing integer
);
COMMENT ON TYPE @extschema@.aggregated_score IS
'result of aggregate_scores: the weighted mean of the available scores (NULL below min_coverage), the share of the weight that was available, and how many scores were available and missing';

CREATE FUNCTION @extschema@.aggregate_scores_finalfn(double precision[])
RETURNS @extschema@.aggregated_score
AS 'MODULE_PATHNAME', 'wb_aggregate_scores_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aggregate_scores_finalfn(double precision[]) IS 'final function of the aggregate_scores aggregate';
CREATE FUNCTION @extschema@.aggregate_scores_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_aggregate_scores_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aggregate_scores_transfn(double precision[], double precision, double precision) IS 'transition function of the aggregate_scores aggregate';
CREATE FUNCTION @extschema@.aggregate_scores_transfn(double precision[], double precision, double precision, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_aggregate_scores_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aggregate_scores_transfn(double precision[], double precision, double precision, text) IS 'transition function of the aggregate_scores aggregate';
CREATE FUNCTION @extschema@.aggregate_scores_transfn(double precision[], double precision, double precision, text, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_aggregate_scores_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aggregate_scores_transfn(double precision[], double precision, double precision, text, double precision) IS 'transition function of the aggregate_scores aggregate';
CREATE FUNCTION @extschema@.aggregate_scores_transfn(double precision[], double precision, double precision, text, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_aggregate_scores_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aggregate_scores_transfn(double precision[], double precision, double precision, text, double precision, double precision) IS 'transition function of the aggregate_scores aggregate';

CREATE AGGREGATE @extschema@.aggregate_scores(score double precision, weight double precision) (
    SFUNC = @extschema@.aggregate_scores_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.aggregate_scores_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.aggregate_scores(double precision, double precision) IS
'weighted arithmetic mean of the scores, sum(w score) / sum(w) over the rows with a score; a NULL score is a missing indicator whose weight counts in the coverage only';
CREATE AGGREGATE @extschema@.aggregate_scores(score double precision, weight double precision, method text) (
    SFUNC = @extschema@.aggregate_scores_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.aggregate_scores_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.aggregate_scores(double precision, double precision, text) IS
'weighted mean of the scores by method arithmetic (default), geometric exp(sum(w ln score) / sum(w)) or harmonic sum(w) / sum(w / score); missing scores drop out with their weight';
CREATE AGGREGATE @extschema@.aggregate_scores(score double precision, weight double precision, method text,
                                              min_coverage double precision) (
    SFUNC = @extschema@.aggregate_scores_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.aggregate_scores_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.aggregate_scores(double precision, double precision, text, double precision) IS
'weighted mean of the scores (method arithmetic, geometric or harmonic); NULL score when the available weight share is below min_coverage';
CREATE AGGREGATE @extschema@.aggregate_scores(score double precision, weight double precision, method text,
                                              min_coverage double precision, p double precision) (
    SFUNC = @extschema@.aggregate_scores_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.aggregate_scores_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.aggregate_scores(double precision, double precision, text, double precision, double precision) IS
'weighted mean of the scores; method generalized is the power mean (sum(w score^p) / sum(w))^(1/p) (p = 0: geometric); NULL score below min_coverage';

-- Categories: quantile cut points (optionally population-weighted), and
-- the level of a score among cut points.
CREATE FUNCTION @extschema@.category_cutpoints_finalfn(double precision[])
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_category_cutpoints_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.category_cutpoints_finalfn(double precision[]) IS 'final function of the category_cutpoints aggregate';
CREATE FUNCTION @extschema@.category_cutpoints_transfn(double precision[], double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_category_cutpoints_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.category_cutpoints_transfn(double precision[], double precision) IS 'transition function of the category_cutpoints aggregate';
CREATE FUNCTION @extschema@.category_cutpoints_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_category_cutpoints_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.category_cutpoints_transfn(double precision[], double precision, double precision) IS 'transition function of the category_cutpoints aggregate';
CREATE FUNCTION @extschema@.category_cutpoints_transfn(double precision[], double precision, double precision, integer)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_category_cutpoints_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.category_cutpoints_transfn(double precision[], double precision, double precision, integer) IS 'transition function of the category_cutpoints aggregate';

CREATE AGGREGATE @extschema@.category_cutpoints(score double precision) (
    SFUNC = @extschema@.category_cutpoints_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.category_cutpoints_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.category_cutpoints(double precision) IS
'the 20th, 40th, 60th and 80th percentiles of score (R quantile type 2: the average of the two neighbours at an exact step), cut points for five levels';
CREATE AGGREGATE @extschema@.category_cutpoints(score double precision, population double precision) (
    SFUNC = @extschema@.category_cutpoints_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.category_cutpoints_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.category_cutpoints(double precision, double precision) IS
'population-weighted 20th, 40th, 60th and 80th percentiles of score (as Stata _pctile with weights, the Child Opportunity Index''s cut points)';
CREATE AGGREGATE @extschema@.category_cutpoints(score double precision, population double precision, levels integer) (
    SFUNC = @extschema@.category_cutpoints_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.category_cutpoints_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.category_cutpoints(double precision, double precision, integer) IS
'population-weighted quantiles of score at 1/levels, ..., (levels - 1)/levels: cut points for levels categories (population 1 for unweighted)';

CREATE FUNCTION @extschema@.category_level(score double precision, cutpoints double precision[])
RETURNS integer
AS 'MODULE_PATHNAME', 'wb_category_level'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.category_level(double precision, double precision[]) IS
'1 + the number of cut points below score: score <= cutpoints[1] is level 1, score > the last cut point the top level';

CREATE FUNCTION @extschema@.category(score double precision, cutpoints double precision[], labels text[] DEFAULT NULL)
RETURNS text
AS 'MODULE_PATHNAME', 'wb_category'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.category(double precision, double precision[], text[]) IS
'the label of score''s level among the cut points: very low, low, moderate, high, very high for four cut points (Child Opportunity Index, Kirwan opportunity maps), or the given labels';

-- Reliability of a domain's indicators.
CREATE FUNCTION @extschema@.cronbach_alpha_transfn(double precision[], double precision[])
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_cronbach_alpha_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cronbach_alpha_transfn(double precision[], double precision[]) IS 'transition function of the cronbach_alpha aggregates';
CREATE FUNCTION @extschema@.cronbach_alpha_finalfn(double precision[])
RETURNS double precision
AS 'MODULE_PATHNAME', 'wb_cronbach_alpha_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cronbach_alpha_finalfn(double precision[]) IS 'final function of the cronbach_alpha aggregate';
CREATE FUNCTION @extschema@.cronbach_alpha_if_deleted_finalfn(double precision[])
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_cronbach_alpha_if_deleted_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cronbach_alpha_if_deleted_finalfn(double precision[]) IS 'final function of the cronbach_alpha_if_deleted aggregate';

CREATE AGGREGATE @extschema@.cronbach_alpha(items double precision[]) (
    SFUNC = @extschema@.cronbach_alpha_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.cronbach_alpha_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cronbach_alpha(double precision[]) IS
'Cronbach''s alpha k/(k-1) (1 - sum var(item) / var(sum of items)) over rows of k item values (OECD/JRC Handbook eq. 18); rows with a NULL item are left out; standardise the items first for the standardised alpha';
CREATE AGGREGATE @extschema@.cronbach_alpha_if_deleted(items double precision[]) (
    SFUNC = @extschema@.cronbach_alpha_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.cronbach_alpha_if_deleted_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cronbach_alpha_if_deleted(double precision[]) IS
'for each item, Cronbach''s alpha of the other items (the Handbook''s "alpha if item deleted"), in item order';

-- Outlier treatment (COINr Treat defaults), as window functions
CREATE FUNCTION @extschema@.treat_outliers(x double precision, winmax integer DEFAULT 5,
                                           skew_threshold double precision DEFAULT 2,
                                           kurtosis_threshold double precision DEFAULT 3.5)
RETURNS double precision
AS 'MODULE_PATHNAME', 'wb_treat_outliers_window'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.treat_outliers(double precision, integer, double precision, double precision) IS
'window function: x after COINr''s outlier treatment of the partition: unchanged when |skew| < 2 or kurtosis < 3.5, else winsorised (extreme values on the skewed side replaced by the next, up to winmax points) until it passes, else ln(x - min + 0.01 (max - min)) of the original values';
CREATE FUNCTION @extschema@.outlier_treatment(x double precision, winmax integer DEFAULT 5,
                                              skew_threshold double precision DEFAULT 2,
                                              kurtosis_threshold double precision DEFAULT 3.5)
RETURNS text
AS 'MODULE_PATHNAME', 'wb_outlier_treatment_window'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outlier_treatment(double precision, integer, double precision, double precision) IS
'window function: the treatment treat_outliers applies to the partition: none, winsorised or log';
