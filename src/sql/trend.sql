-- trend.sql: longitudinal self-comparison (SPEC section 6), first slice.

CREATE FUNCTION @extschema@.change(
    baseline @extschema@.estimate,
    latest @extschema@.estimate,
    level double precision DEFAULT 0.95,
    covariance double precision DEFAULT 0,
    OUT absolute double precision, OUT absolute_se double precision, OUT absolute_lower double precision, OUT absolute_upper double precision,
    OUT relative double precision, OUT relative_lower double precision, OUT relative_upper double precision,
    OUT z double precision, OUT p_value double precision, OUT significant boolean, OUT level_used double precision)
AS 'MODULE_PATHNAME', 'wb_change'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.change(@extschema@.estimate, @extschema@.estimate, double precision, double precision) IS
'change from a baseline to the latest estimate: absolute (latest - baseline) with normal interval, relative (latest / baseline - 1) with an interval from the log ratio, z, two-sided p and significance at the level; covariance for overlapping samples (0 = independent)';

CREATE FUNCTION @extschema@.trend_finalfn(double precision[])
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_trend_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trend_finalfn(double precision[]) IS 'final function of linear_trend and annual_percent_change';

CREATE FUNCTION @extschema@.linear_trend_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_linear_trend_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.linear_trend_transfn(double precision[], double precision, double precision) IS 'transition function of the linear_trend aggregate';
CREATE AGGREGATE @extschema@.linear_trend(period double precision, value double precision) (
    SFUNC = @extschema@.linear_trend_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.trend_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.linear_trend(double precision, double precision) IS
'slope per unit of period: OLS with a t interval on n - 2 df, or with se inverse-variance WLS (method known: normal interval; scaled: residual-scaled SE, t interval)';

CREATE FUNCTION @extschema@.linear_trend_transfn(double precision[], double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_linear_trend_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.linear_trend_transfn(double precision[], double precision, double precision, double precision) IS 'transition function of the linear_trend aggregate';
CREATE AGGREGATE @extschema@.linear_trend(period double precision, value double precision, se double precision) (
    SFUNC = @extschema@.linear_trend_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.trend_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.linear_trend(double precision, double precision, double precision) IS
'slope per unit of period: OLS with a t interval on n - 2 df, or with se inverse-variance WLS (method known: normal interval; scaled: residual-scaled SE, t interval)';

CREATE FUNCTION @extschema@.linear_trend_transfn(double precision[], double precision, double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_linear_trend_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.linear_trend_transfn(double precision[], double precision, double precision, double precision, double precision) IS 'transition function of the linear_trend aggregate';
CREATE AGGREGATE @extschema@.linear_trend(period double precision, value double precision, se double precision, level double precision) (
    SFUNC = @extschema@.linear_trend_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.trend_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.linear_trend(double precision, double precision, double precision, double precision) IS
'slope per unit of period: OLS with a t interval on n - 2 df, or with se inverse-variance WLS (method known: normal interval; scaled: residual-scaled SE, t interval)';

CREATE FUNCTION @extschema@.linear_trend_transfn(double precision[], double precision, double precision, double precision, double precision, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_linear_trend_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.linear_trend_transfn(double precision[], double precision, double precision, double precision, double precision, text) IS 'transition function of the linear_trend aggregate';
CREATE AGGREGATE @extschema@.linear_trend(period double precision, value double precision, se double precision, level double precision, method text) (
    SFUNC = @extschema@.linear_trend_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.trend_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.linear_trend(double precision, double precision, double precision, double precision, text) IS
'slope per unit of period: OLS with a t interval on n - 2 df, or with se inverse-variance WLS (method known: normal interval; scaled: residual-scaled SE, t interval)';

CREATE FUNCTION @extschema@.annual_percent_change_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_apc_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.annual_percent_change_transfn(double precision[], double precision, double precision) IS 'transition function of the annual_percent_change aggregate';
CREATE AGGREGATE @extschema@.annual_percent_change(period double precision, value double precision) (
    SFUNC = @extschema@.annual_percent_change_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.trend_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.annual_percent_change(double precision, double precision) IS
'annual percent change 100 (exp(b) - 1) of the log-linear fit ln value = a + b period (Joinpoint single segment), t interval on n - 2 df; with se, WLS with weights (value / se)^2 (method known or scaled)';

CREATE FUNCTION @extschema@.annual_percent_change_transfn(double precision[], double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_apc_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.annual_percent_change_transfn(double precision[], double precision, double precision, double precision) IS 'transition function of the annual_percent_change aggregate';
CREATE AGGREGATE @extschema@.annual_percent_change(period double precision, value double precision, se double precision) (
    SFUNC = @extschema@.annual_percent_change_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.trend_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.annual_percent_change(double precision, double precision, double precision) IS
'annual percent change 100 (exp(b) - 1) of the log-linear fit ln value = a + b period (Joinpoint single segment), t interval on n - 2 df; with se, WLS with weights (value / se)^2 (method known or scaled)';

CREATE FUNCTION @extschema@.annual_percent_change_transfn(double precision[], double precision, double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_apc_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.annual_percent_change_transfn(double precision[], double precision, double precision, double precision, double precision) IS 'transition function of the annual_percent_change aggregate';
CREATE AGGREGATE @extschema@.annual_percent_change(period double precision, value double precision, se double precision, level double precision) (
    SFUNC = @extschema@.annual_percent_change_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.trend_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.annual_percent_change(double precision, double precision, double precision, double precision) IS
'annual percent change 100 (exp(b) - 1) of the log-linear fit ln value = a + b period (Joinpoint single segment), t interval on n - 2 df; with se, WLS with weights (value / se)^2 (method known or scaled)';

CREATE FUNCTION @extschema@.annual_percent_change_transfn(double precision[], double precision, double precision, double precision, double precision, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_apc_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.annual_percent_change_transfn(double precision[], double precision, double precision, double precision, double precision, text) IS 'transition function of the annual_percent_change aggregate';
CREATE AGGREGATE @extschema@.annual_percent_change(period double precision, value double precision, se double precision, level double precision, method text) (
    SFUNC = @extschema@.annual_percent_change_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.trend_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.annual_percent_change(double precision, double precision, double precision, double precision, text) IS
'annual percent change 100 (exp(b) - 1) of the log-linear fit ln value = a + b period (Joinpoint single segment), t interval on n - 2 df; with se, WLS with weights (value / se)^2 (method known or scaled)';

CREATE TYPE @extschema@.trend_test AS (
    s double precision,
    variance double precision,
    z double precision,
    p_value double precision,
    tau double precision,
    sen_slope double precision,
    slope_lower double precision,
    slope_upper double precision,
    intercept double precision,
    n double precision,
    level double precision
);
COMMENT ON TYPE @extschema@.trend_test IS
'Mann-Kendall test and Sen slope: S, its tie-corrected variance, Z (continuity corrected), two-sided p, Kendall tau-b, Sen slope per unit of period with the Gilbert interval, intercept (zyp), number of periods, level';

CREATE FUNCTION @extschema@.mann_kendall_finalfn(double precision[])
RETURNS @extschema@.trend_test
AS 'MODULE_PATHNAME', 'wb_mann_kendall_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mann_kendall_finalfn(double precision[]) IS 'final function of the mann_kendall aggregate';
CREATE FUNCTION @extschema@.mann_kendall_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_mann_kendall_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mann_kendall_transfn(double precision[], double precision, double precision) IS 'transition function of the mann_kendall aggregate';
CREATE FUNCTION @extschema@.mann_kendall_transfn(double precision[], double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_mann_kendall_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mann_kendall_transfn(double precision[], double precision, double precision, double precision) IS 'transition function of the mann_kendall aggregate';
CREATE AGGREGATE @extschema@.mann_kendall(period double precision, value double precision) (
    SFUNC = @extschema@.mann_kendall_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.mann_kendall_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mann_kendall(double precision, double precision) IS
'Mann-Kendall trend test with Sen slope and its Gilbert interval over one row per period (as R trend::mk.test and zyp)';
CREATE AGGREGATE @extschema@.mann_kendall(period double precision, value double precision, level double precision) (
    SFUNC = @extschema@.mann_kendall_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.mann_kendall_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mann_kendall(double precision, double precision, double precision) IS
'Mann-Kendall trend test with Sen slope; level sets the Gilbert interval of the slope';

CREATE FUNCTION @extschema@.trend_status(
    trend @extschema@.estimate,
    higher_is_better boolean DEFAULT true,
    min_periods double precision DEFAULT 5)
RETURNS text
AS 'MODULE_PATHNAME', 'wb_trend_status'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trend_status(@extschema@.estimate, boolean, double precision) IS
'improving, worsening, no significant change or not enough data, from a trend estimate''s interval read through the indicator''s direction (fewer than min_periods periods: not enough data)';

CREATE FUNCTION @extschema@.periods_to_target(
    trend @extschema@.estimate,
    current double precision,
    target double precision)
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_periods_to_target'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.periods_to_target(@extschema@.estimate, double precision, double precision) IS
'periods until a linear trend carries the current value to the target, with bounds from the slope''s interval; NULL when the trend points away';

CREATE TYPE @extschema@.gap_trend AS (
    difference_slope double precision,
    difference_se double precision,
    difference_lower double precision,
    difference_upper double precision,
    ratio_percent_change double precision,
    ratio_lower double precision,
    ratio_upper double precision,
    mean_gap double precision,
    status text,
    n double precision,
    level double precision
);
COMMENT ON TYPE @extschema@.gap_trend IS
'trend of the gap between two groups: slope of the difference per period and percent change of the ratio per period with intervals, the mean gap, and closing / widening / no significant change / not enough data';

CREATE FUNCTION @extschema@.gap_trend_finalfn(double precision[])
RETURNS @extschema@.gap_trend
AS 'MODULE_PATHNAME', 'wb_gap_trend_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gap_trend_finalfn(double precision[]) IS 'final function of the gap_trend aggregate';
CREATE FUNCTION @extschema@.gap_trend_transfn(double precision[], double precision, double precision, double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_gap_trend_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gap_trend_transfn(double precision[], double precision, double precision, double precision, double precision, double precision) IS 'transition function of the gap_trend aggregate';
CREATE FUNCTION @extschema@.gap_trend_transfn(double precision[], double precision, double precision, double precision, double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_gap_trend_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gap_trend_transfn(double precision[], double precision, double precision, double precision, double precision, double precision, double precision) IS 'transition function of the gap_trend aggregate';
CREATE AGGREGATE @extschema@.gap_trend(period double precision, value_a double precision, se_a double precision, value_b double precision, se_b double precision) (
    SFUNC = @extschema@.gap_trend_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.gap_trend_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.gap_trend(double precision, double precision, double precision, double precision, double precision) IS
'is the gap closing: inverse-variance trends of the difference a - b and of the ratio a / b over periods, with a closing / widening status';
CREATE AGGREGATE @extschema@.gap_trend(period double precision, value_a double precision, se_a double precision, value_b double precision, se_b double precision, level double precision) (
    SFUNC = @extschema@.gap_trend_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.gap_trend_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.gap_trend(double precision, double precision, double precision, double precision, double precision, double precision) IS
'is the gap closing: as gap_trend(period, value_a, se_a, value_b, se_b) at the given confidence level';

CREATE TYPE @extschema@.recent_trend AS (
    marker text,
    slope double precision,
    se double precision,
    chi_square double precision,
    periods double precision
);
COMMENT ON TYPE @extschema@.recent_trend IS
'Fingertips recent-trend marker over the last five periods, with the slope (per period; logit scale for proportions), its SE (values) and the chi-square statistic';

CREATE FUNCTION @extschema@.recent_trend_finalfn(double precision[])
RETURNS @extschema@.recent_trend
AS 'MODULE_PATHNAME', 'wb_recent_trend_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recent_trend_finalfn(double precision[]) IS 'final function of recent_trend and recent_trend_proportion';

CREATE FUNCTION @extschema@.recent_trend_transfn(double precision[], double precision, double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_recent_trend_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recent_trend_transfn(double precision[], double precision, double precision, double precision, double precision) IS 'transition function of the recent_trend aggregate';
CREATE AGGREGATE @extschema@.recent_trend(period double precision, value double precision, lower double precision, upper double precision) (
    SFUNC = @extschema@.recent_trend_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.recent_trend_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recent_trend(double precision, double precision, double precision, double precision) IS
'Fingertips recent-trend marker from values with 95 % limits: known-variance WLS over the last five periods, chi-square > 9.5495 and consistent leave-one-out slopes';

CREATE FUNCTION @extschema@.recent_trend_transfn(double precision[], double precision, double precision, double precision, double precision, boolean)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_recent_trend_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recent_trend_transfn(double precision[], double precision, double precision, double precision, double precision, boolean) IS 'transition function of the recent_trend aggregate';
CREATE AGGREGATE @extschema@.recent_trend(period double precision, value double precision, lower double precision, upper double precision, higher_is_better boolean) (
    SFUNC = @extschema@.recent_trend_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.recent_trend_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recent_trend(double precision, double precision, double precision, double precision, boolean) IS
'Fingertips recent-trend marker from values with 95 % limits: known-variance WLS over the last five periods, chi-square > 9.5495 and consistent leave-one-out slopes; the marker says getting better or worse by the direction';

CREATE FUNCTION @extschema@.recent_trend_proportion_transfn(double precision[], double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_recent_trend_proportion_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recent_trend_proportion_transfn(double precision[], double precision, double precision, double precision) IS 'transition function of the recent_trend_proportion aggregate';
CREATE AGGREGATE @extschema@.recent_trend_proportion(period double precision, count double precision, denominator double precision) (
    SFUNC = @extschema@.recent_trend_proportion_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.recent_trend_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recent_trend_proportion(double precision, double precision, double precision) IS
'Fingertips recent-trend marker for proportions: Cochran-Armitage chi-square over the last five periods, direction from the logit slope, leave-one-out check';

CREATE FUNCTION @extschema@.recent_trend_proportion_transfn(double precision[], double precision, double precision, double precision, boolean)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_recent_trend_proportion_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recent_trend_proportion_transfn(double precision[], double precision, double precision, double precision, boolean) IS 'transition function of the recent_trend_proportion aggregate';
CREATE AGGREGATE @extschema@.recent_trend_proportion(period double precision, count double precision, denominator double precision, higher_is_better boolean) (
    SFUNC = @extschema@.recent_trend_proportion_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.recent_trend_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recent_trend_proportion(double precision, double precision, double precision, boolean) IS
'Fingertips recent-trend marker for proportions: Cochran-Armitage chi-square over the last five periods, direction from the logit slope, leave-one-out check; the marker says getting better or worse by the direction';
