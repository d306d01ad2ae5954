-- trend.sql: longitudinal self-comparison, first slice.

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
    level double precision,
    exact_p_value double precision
);
COMMENT ON TYPE @extschema@.trend_test IS
'Mann-Kendall test and Sen slope: S, its tie-corrected variance, Z (continuity corrected), two-sided normal p, Kendall tau-b, Sen slope per unit of period with the Gilbert interval, intercept (zyp), number of periods, level, and the exact two-sided permutation p (up to 50 periods; without ties as R cor.test exact, with tied values the permutation distribution given the ties)';

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

-- trend_status by the Fingertips rule: the marker of recent_trend read
-- through the indicator's direction
CREATE FUNCTION @extschema@.trend_status(marker @extschema@.recent_trend, higher_is_better boolean DEFAULT true)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE
        WHEN (marker).marker IS NULL THEN NULL
        WHEN (marker).marker = 'cannot be calculated' THEN 'not enough data'
        WHEN (marker).marker = 'no significant change' THEN 'no significant change'
        WHEN higher_is_better IS NULL THEN NULL
        WHEN (marker).marker LIKE 'increasing%' THEN CASE WHEN higher_is_better THEN 'improving' ELSE 'worsening' END
        WHEN (marker).marker LIKE 'decreasing%' THEN CASE WHEN higher_is_better THEN 'worsening' ELSE 'improving' END
    END
$$;
COMMENT ON FUNCTION @extschema@.trend_status(@extschema@.recent_trend, boolean) IS
'improving / worsening / no significant change / not enough data from a Fingertips recent-trend marker (recent_trend, recent_trend_proportion) and the indicator''s direction';

-- self_comparison: each area x group x indicator against its own baseline.
-- Dynamic SQL over the caller's tables, with the
-- caller's rights; identifiers quoted; search_path pinned.
CREATE FUNCTION @extschema@.self_comparison(
    data regclass,
    catalog regclass,
    baseline_period double precision,
    latest_period double precision DEFAULT NULL,
    level double precision DEFAULT 0.95)
RETURNS TABLE (area text, grp text, indicator text, higher_is_better boolean,
               baseline double precision, latest double precision, latest_period_used double precision,
               change double precision, change_lower double precision, change_upper double precision,
               relative_change double precision,
               trend double precision, trend_lower double precision, trend_upper double precision,
               periods integer, status text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $body$
DECLARE
    col text;
    has_se boolean;
    q text;
BEGIN
    IF level IS NULL OR NOT (level > 0 AND level < 1) THEN
        RAISE EXCEPTION 'level must lie strictly between 0 and 1, got %', level
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF baseline_period IS NULL THEN
        RAISE EXCEPTION 'baseline_period must not be NULL' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOREACH col IN ARRAY ARRAY['area', 'grp', 'period', 'indicator', 'value'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_attribute a
                       WHERE a.attrelid = data AND a.attname = col AND a.attnum > 0 AND NOT a.attisdropped) THEN
            RAISE EXCEPTION 'table % has no column "%"', data, col
                USING ERRCODE = 'undefined_column',
                      HINT = 'data needs columns area, grp, period, indicator, value (and optionally se).';
        END IF;
    END LOOP;
    FOREACH col IN ARRAY ARRAY['indicator', 'higher_is_better'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_attribute a
                       WHERE a.attrelid = catalog AND a.attname = col AND a.attnum > 0 AND NOT a.attisdropped) THEN
            RAISE EXCEPTION 'table % has no column "%"', catalog, col
                USING ERRCODE = 'undefined_column',
                      HINT = 'catalog needs columns indicator and higher_is_better.';
        END IF;
    END LOOP;
    has_se := EXISTS (SELECT 1 FROM pg_attribute a
                      WHERE a.attrelid = data AND a.attname = 'se' AND a.attnum > 0 AND NOT a.attisdropped);

    -- data and catalog print as quoted, schema-qualified names when needed
    q := format($q$
        WITH d AS (
            SELECT d.area::text AS area, d.grp::text AS grp, d.period::float8 AS period,
                   d.indicator::text AS indicator, d.value::float8 AS value, %s AS se
            FROM %s AS d
            WHERE d.value IS NOT NULL AND d.period IS NOT NULL
        ), ends AS (
            SELECT d.area, d.grp, d.indicator,
                   coalesce($2, max(d.period) FILTER (WHERE d.period >= $1)) AS last
            FROM d GROUP BY d.area, d.grp, d.indicator
        ), s AS (
            SELECT d.area, d.grp, d.indicator, e.last,
                   max(d.value) FILTER (WHERE d.period = $1) AS b,
                   max(d.se) FILTER (WHERE d.period = $1) AS b_se,
                   max(d.value) FILTER (WHERE d.period = e.last) AS l,
                   max(d.se) FILTER (WHERE d.period = e.last) AS l_se,
                   CASE WHEN %s
                        THEN @extschema@.linear_trend(d.period, d.value, d.se, $3) FILTER (WHERE d.period BETWEEN $1 AND e.last)
                        ELSE @extschema@.linear_trend(d.period, d.value, 1.0, $3, 'scaled') FILTER (WHERE d.period BETWEEN $1 AND e.last)
                   END AS t
            FROM d JOIN ends e USING (area, grp, indicator)
            GROUP BY d.area, d.grp, d.indicator, e.last
        )
        SELECT s.area, s.grp, s.indicator, c.higher_is_better::boolean,
               s.b, s.l, s.last,
               s.l - s.b,
               (ch).absolute_lower, (ch).absolute_upper,
               CASE WHEN s.b <> 0 THEN s.l / s.b - 1 END,
               (s.t).value, (s.t).lower, (s.t).upper, (s.t).n::integer,
               CASE WHEN c.higher_is_better IS NULL THEN 'no direction in the catalog'
                    ELSE @extschema@.trend_status(s.t, c.higher_is_better::boolean, 3) END
        FROM s
        LEFT JOIN %s AS c ON c.indicator::text = s.indicator
        LEFT JOIN LATERAL (SELECT (@extschema@.change(@extschema@.estimate(s.b, s.b_se), @extschema@.estimate(s.l, s.l_se), $3)).*
                           WHERE s.b_se IS NOT NULL AND s.l_se IS NOT NULL) AS ch ON true
        ORDER BY s.area, s.grp, s.indicator
    $q$,
        CASE WHEN has_se THEN 'd.se::float8' ELSE 'NULL::float8' END,
        data,
        CASE WHEN has_se THEN 'true' ELSE 'false' END,
        catalog);
    RETURN QUERY EXECUTE q USING baseline_period, latest_period, level;
END
$body$;
COMMENT ON FUNCTION @extschema@.self_comparison(regclass, regclass, double precision, double precision, double precision) IS
'each area x group x indicator against its own baseline: baseline and latest values, change (with an interval when data has an se column), relative change, linear trend over the periods with its interval, and improving / worsening / no significant change by the catalog''s direction; no rank column';

-- joinpoint: segmented log-linear regression
CREATE TYPE @extschema@.joinpoint_fit AS (
    joinpoints integer,
    locations double precision[],
    apc double precision[],
    apc_lower double precision[],
    apc_upper double precision[],
    aapc double precision,
    aapc_lower double precision,
    aapc_upper double precision,
    bic double precision[],
    n integer,
    df integer,
    level double precision,
    first_period double precision,
    last_period double precision,
    coefficients double precision[],
    covariance double precision[],
    selection text
);
COMMENT ON TYPE @extschema@.joinpoint_fit IS
'joinpoint result: the chosen number of joinpoints and their periods; per segment the APC in percent with its t interval; the AAPC over the whole series with its interval; BIC (or BIC3) for 0, 1, ... joinpoints; n, df = n - 2k - 2, level, first and last period; the coefficients (intercept at the first period, slope, slope changes) and their covariance, row-major, for joinpoint_aapc';

CREATE FUNCTION @extschema@.joinpoint_finalfn(double precision[])
RETURNS @extschema@.joinpoint_fit
AS 'MODULE_PATHNAME', 'wb_joinpoint_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.joinpoint_finalfn(double precision[]) IS 'final function of the joinpoint aggregate';
CREATE FUNCTION @extschema@.joinpoint_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_joinpoint_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.joinpoint_transfn(double precision[], double precision, double precision) IS 'transition function of the joinpoint aggregate';
CREATE FUNCTION @extschema@.joinpoint_transfn(double precision[], double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_joinpoint_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.joinpoint_transfn(double precision[], double precision, double precision, double precision) IS 'transition function of the joinpoint aggregate';
CREATE FUNCTION @extschema@.joinpoint_transfn(double precision[], double precision, double precision, double precision, integer)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_joinpoint_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.joinpoint_transfn(double precision[], double precision, double precision, double precision, integer) IS 'transition function of the joinpoint aggregate';
CREATE FUNCTION @extschema@.joinpoint_transfn(double precision[], double precision, double precision, double precision, integer, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_joinpoint_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.joinpoint_transfn(double precision[], double precision, double precision, double precision, integer, double precision) IS 'transition function of the joinpoint aggregate';
CREATE FUNCTION @extschema@.joinpoint_transfn(double precision[], double precision, double precision, double precision, integer, double precision, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_joinpoint_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.joinpoint_transfn(double precision[], double precision, double precision, double precision, integer, double precision, text) IS 'transition function of the joinpoint aggregate';

CREATE AGGREGATE @extschema@.joinpoint(period double precision, value double precision) (
    SFUNC = @extschema@.joinpoint_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.joinpoint_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.joinpoint(double precision, double precision) IS
'segmented log-linear regression ln value = b0 + b1 period + sum d_j (period - tau_j)+ with joinpoints on observed periods (grid search, at least 2 periods from an end and between joinpoints), the number of joinpoints chosen by BIC up to Joinpoint''s default maximum for the series length; APC per segment and AAPC with t intervals on n - 2k - 2 df';
CREATE AGGREGATE @extschema@.joinpoint(period double precision, value double precision, se double precision) (
    SFUNC = @extschema@.joinpoint_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.joinpoint_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.joinpoint(double precision, double precision, double precision) IS
'joinpoint with standard errors: weighted least squares with weights (value / se)^2 on the log scale, the residual variance estimated (Joinpoint''s standard-error option); se NULL in every row is the unweighted fit';
CREATE AGGREGATE @extschema@.joinpoint(period double precision, value double precision, se double precision,
                                       max_joinpoints integer) (
    SFUNC = @extschema@.joinpoint_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.joinpoint_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.joinpoint(double precision, double precision, double precision, integer) IS
'joinpoint with at most max_joinpoints joinpoints (0 to 5; fewer when the series is too short for them)';
CREATE AGGREGATE @extschema@.joinpoint(period double precision, value double precision, se double precision,
                                       max_joinpoints integer, level double precision) (
    SFUNC = @extschema@.joinpoint_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.joinpoint_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.joinpoint(double precision, double precision, double precision, integer, double precision) IS
'joinpoint with a confidence level for the APC and AAPC intervals';
CREATE AGGREGATE @extschema@.joinpoint(period double precision, value double precision, se double precision,
                                       max_joinpoints integer, level double precision, selection text) (
    SFUNC = @extschema@.joinpoint_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.joinpoint_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.joinpoint(double precision, double precision, double precision, integer, double precision, text) IS
'joinpoint with the number of joinpoints chosen by bic (default, penalty (2k + 2) ln n / n), bic3 (penalty (3k + 2) ln n / n) or permutation (Joinpoint''s sequential permutation tests, 4499 permutations, overall level 1 - level)';

CREATE FUNCTION @extschema@.joinpoint_segments(fit @extschema@.joinpoint_fit)
RETURNS TABLE (segment integer, start_period double precision, end_period double precision,
               apc double precision, apc_lower double precision, apc_upper double precision)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT i, CASE WHEN i = 1 THEN (fit).first_period ELSE (fit).locations[i - 1] END,
           CASE WHEN i = (fit).joinpoints + 1 THEN (fit).last_period ELSE (fit).locations[i] END,
           (fit).apc[i], (fit).apc_lower[i], (fit).apc_upper[i]
    FROM generate_series(1, (fit).joinpoints + 1) AS i
$$;
COMMENT ON FUNCTION @extschema@.joinpoint_segments(@extschema@.joinpoint_fit) IS
'the segments of a joinpoint fit as rows: number, first and last period, APC in percent with its interval';

CREATE FUNCTION @extschema@.joinpoint_aapc(fit @extschema@.joinpoint_fit, from_period double precision, to_period double precision)
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_joinpoint_aapc'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.joinpoint_aapc(@extschema@.joinpoint_fit, double precision, double precision) IS
'average annual percent change of a joinpoint fit over [from_period, to_period]: 100 (exp(sum w_i slope_i / sum w_i) - 1), w_i the length of segment i inside the range (Clegg et al. 2009), with its t interval from the slopes'' covariance; se by the delta method';
