-- disparity.sql: disparity measures.

CREATE FUNCTION @extschema@.difference(
    a @extschema@.estimate,
    b @extschema@.estimate,
    level double precision DEFAULT 0.95)
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_difference'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.difference(@extschema@.estimate, @extschema@.estimate, double precision) IS
'difference a - b of two independent estimates, se = sqrt(se_a^2 + se_b^2), normal interval (WHO HEAT D); n is the smaller n. Two domains of one survey are not independent: use survey_mean_difference, survey_proportion_difference or replicate_difference';

CREATE FUNCTION @extschema@.ratio(
    a @extschema@.estimate,
    b @extschema@.estimate,
    level double precision DEFAULT 0.95)
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_ratio'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratio(@extschema@.estimate, @extschema@.estimate, double precision) IS
'ratio a / b of two independent estimates, delta-method se, interval symmetric on the log scale (WHO HEAT R); n is the smaller n. Two domains of one survey are not independent (see difference)';

-- between_group_variance, between_group_sd, coefficient_of_variation: one
-- row per group (value, population weight [, se [, level]]).
CREATE FUNCTION @extschema@.between_group_spread_finalfn(double precision[])
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_bgv_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.between_group_spread_finalfn(double precision[]) IS 'final function of between_group_variance, between_group_sd and coefficient_of_variation';

CREATE FUNCTION @extschema@.between_group_variance_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_bgv_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.between_group_variance_transfn(double precision[], double precision, double precision) IS 'transition function of the between_group_variance aggregate';
CREATE AGGREGATE @extschema@.between_group_variance(value double precision, weight double precision) (
    SFUNC = @extschema@.between_group_variance_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.between_group_spread_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.between_group_variance(double precision, double precision) IS
'between-group variance sum p (y - mu)^2 over group rows (WHO HEAT BGV); with group se, the Ahn 2018 analytic interval';

CREATE FUNCTION @extschema@.between_group_variance_transfn(double precision[], double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_bgv_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.between_group_variance_transfn(double precision[], double precision, double precision, double precision) IS 'transition function of the between_group_variance aggregate';
CREATE AGGREGATE @extschema@.between_group_variance(value double precision, weight double precision, se double precision) (
    SFUNC = @extschema@.between_group_variance_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.between_group_spread_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.between_group_variance(double precision, double precision, double precision) IS
'between-group variance sum p (y - mu)^2 over group rows (WHO HEAT BGV); with group se, the Ahn 2018 analytic interval';

CREATE FUNCTION @extschema@.between_group_variance_transfn(double precision[], double precision, double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_bgv_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.between_group_variance_transfn(double precision[], double precision, double precision, double precision, double precision) IS 'transition function of the between_group_variance aggregate';
CREATE AGGREGATE @extschema@.between_group_variance(value double precision, weight double precision, se double precision, level double precision) (
    SFUNC = @extschema@.between_group_variance_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.between_group_spread_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.between_group_variance(double precision, double precision, double precision, double precision) IS
'between-group variance sum p (y - mu)^2 over group rows (WHO HEAT BGV); with group se, the Ahn 2018 analytic interval';

CREATE FUNCTION @extschema@.between_group_sd_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_bgsd_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.between_group_sd_transfn(double precision[], double precision, double precision) IS 'transition function of the between_group_sd aggregate';
CREATE AGGREGATE @extschema@.between_group_sd(value double precision, weight double precision) (
    SFUNC = @extschema@.between_group_sd_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.between_group_spread_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.between_group_sd(double precision, double precision) IS
'between-group standard deviation sqrt(BGV) (WHO HEAT BGSD); with group se, a delta-method interval from the Ahn 2018 variance';

CREATE FUNCTION @extschema@.between_group_sd_transfn(double precision[], double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_bgsd_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.between_group_sd_transfn(double precision[], double precision, double precision, double precision) IS 'transition function of the between_group_sd aggregate';
CREATE AGGREGATE @extschema@.between_group_sd(value double precision, weight double precision, se double precision) (
    SFUNC = @extschema@.between_group_sd_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.between_group_spread_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.between_group_sd(double precision, double precision, double precision) IS
'between-group standard deviation sqrt(BGV) (WHO HEAT BGSD); with group se, a delta-method interval from the Ahn 2018 variance';

CREATE FUNCTION @extschema@.between_group_sd_transfn(double precision[], double precision, double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_bgsd_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.between_group_sd_transfn(double precision[], double precision, double precision, double precision, double precision) IS 'transition function of the between_group_sd aggregate';
CREATE AGGREGATE @extschema@.between_group_sd(value double precision, weight double precision, se double precision, level double precision) (
    SFUNC = @extschema@.between_group_sd_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.between_group_spread_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.between_group_sd(double precision, double precision, double precision, double precision) IS
'between-group standard deviation sqrt(BGV) (WHO HEAT BGSD); with group se, a delta-method interval from the Ahn 2018 variance';

CREATE FUNCTION @extschema@.coefficient_of_variation_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_cov_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.coefficient_of_variation_transfn(double precision[], double precision, double precision) IS 'transition function of the coefficient_of_variation aggregate';
CREATE AGGREGATE @extschema@.coefficient_of_variation(value double precision, weight double precision) (
    SFUNC = @extschema@.coefficient_of_variation_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.between_group_spread_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.coefficient_of_variation(double precision, double precision) IS
'coefficient of variation BGSD / mu as a fraction (WHO HEAT COV / 100); with group se, a delta-method interval';

CREATE FUNCTION @extschema@.coefficient_of_variation_transfn(double precision[], double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_cov_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.coefficient_of_variation_transfn(double precision[], double precision, double precision, double precision) IS 'transition function of the coefficient_of_variation aggregate';
CREATE AGGREGATE @extschema@.coefficient_of_variation(value double precision, weight double precision, se double precision) (
    SFUNC = @extschema@.coefficient_of_variation_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.between_group_spread_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.coefficient_of_variation(double precision, double precision, double precision) IS
'coefficient of variation BGSD / mu as a fraction (WHO HEAT COV / 100); with group se, a delta-method interval';

CREATE FUNCTION @extschema@.coefficient_of_variation_transfn(double precision[], double precision, double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_cov_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.coefficient_of_variation_transfn(double precision[], double precision, double precision, double precision, double precision) IS 'transition function of the coefficient_of_variation aggregate';
CREATE AGGREGATE @extschema@.coefficient_of_variation(value double precision, weight double precision, se double precision, level double precision) (
    SFUNC = @extschema@.coefficient_of_variation_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.between_group_spread_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.coefficient_of_variation(double precision, double precision, double precision, double precision) IS
'coefficient of variation BGSD / mu as a fraction (WHO HEAT COV / 100); with group se, a delta-method interval';

CREATE FUNCTION @extschema@.relative_inequity(burden double precision, population double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'wb_relative_inequity'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.relative_inequity(double precision, double precision) IS
'window function: a group''s share of the burden over its share of the population, minus one (Health Equity Tracker relative inequity, as a fraction), within the partition';
