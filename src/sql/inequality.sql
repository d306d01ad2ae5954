-- inequality.sql: the generalised-entropy family (SPEC section 4):
-- individual-level or group-level (one row per group, weight = population);
-- with each group's se, theil_t and mean_log_deviation give the Ahn (2018)
-- analytic interval.

CREATE FUNCTION @extschema@.entropy_finalfn(double precision[])
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_entropy_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.entropy_finalfn(double precision[]) IS 'final function of theil_t, mean_log_deviation, generalized_entropy and atkinson';

-- theil_t
CREATE FUNCTION @extschema@.theil_t_transfn(double precision[], double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_theil_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.theil_t_transfn(double precision[], double precision) IS 'transition function of the theil_t aggregate';
CREATE AGGREGATE @extschema@.theil_t(x double precision) (
    SFUNC = @extschema@.theil_t_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.entropy_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.theil_t(double precision) IS
'Theil T index sum w (x/mu) ln(x/mu) / sum w (GE(1); 0 ln 0 = 0); with group se, the Ahn 2018 interval (WHO HEAT TI, unscaled)';

CREATE FUNCTION @extschema@.theil_t_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_theil_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.theil_t_transfn(double precision[], double precision, double precision) IS 'transition function of the theil_t aggregate';
CREATE AGGREGATE @extschema@.theil_t(x double precision, weight double precision) (
    SFUNC = @extschema@.theil_t_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.entropy_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.theil_t(double precision, double precision) IS
'Theil T index sum w (x/mu) ln(x/mu) / sum w (GE(1); 0 ln 0 = 0); with group se, the Ahn 2018 interval (WHO HEAT TI, unscaled)';

CREATE FUNCTION @extschema@.theil_t_transfn(double precision[], double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_theil_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.theil_t_transfn(double precision[], double precision, double precision, double precision) IS 'transition function of the theil_t aggregate';
CREATE AGGREGATE @extschema@.theil_t(x double precision, weight double precision, se double precision) (
    SFUNC = @extschema@.theil_t_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.entropy_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.theil_t(double precision, double precision, double precision) IS
'Theil T index sum w (x/mu) ln(x/mu) / sum w (GE(1); 0 ln 0 = 0); with group se, the Ahn 2018 interval (WHO HEAT TI, unscaled)';

CREATE FUNCTION @extschema@.theil_t_transfn(double precision[], double precision, double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_theil_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.theil_t_transfn(double precision[], double precision, double precision, double precision, double precision) IS 'transition function of the theil_t aggregate';
CREATE AGGREGATE @extschema@.theil_t(x double precision, weight double precision, se double precision, level double precision) (
    SFUNC = @extschema@.theil_t_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.entropy_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.theil_t(double precision, double precision, double precision, double precision) IS
'Theil T index sum w (x/mu) ln(x/mu) / sum w (GE(1); 0 ln 0 = 0); with group se, the Ahn 2018 interval (WHO HEAT TI, unscaled)';

-- mean_log_deviation
CREATE FUNCTION @extschema@.mean_log_deviation_transfn(double precision[], double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_mld_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_log_deviation_transfn(double precision[], double precision) IS 'transition function of the mean_log_deviation aggregate';
CREATE AGGREGATE @extschema@.mean_log_deviation(x double precision) (
    SFUNC = @extschema@.mean_log_deviation_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.entropy_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mean_log_deviation(double precision) IS
'mean log deviation sum w ln(mu/x) / sum w (Theil L, GE(0)); x must be positive; with group se, the Ahn 2018 interval (WHO HEAT MLD, unscaled)';

CREATE FUNCTION @extschema@.mean_log_deviation_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_mld_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_log_deviation_transfn(double precision[], double precision, double precision) IS 'transition function of the mean_log_deviation aggregate';
CREATE AGGREGATE @extschema@.mean_log_deviation(x double precision, weight double precision) (
    SFUNC = @extschema@.mean_log_deviation_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.entropy_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mean_log_deviation(double precision, double precision) IS
'mean log deviation sum w ln(mu/x) / sum w (Theil L, GE(0)); x must be positive; with group se, the Ahn 2018 interval (WHO HEAT MLD, unscaled)';

CREATE FUNCTION @extschema@.mean_log_deviation_transfn(double precision[], double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_mld_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_log_deviation_transfn(double precision[], double precision, double precision, double precision) IS 'transition function of the mean_log_deviation aggregate';
CREATE AGGREGATE @extschema@.mean_log_deviation(x double precision, weight double precision, se double precision) (
    SFUNC = @extschema@.mean_log_deviation_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.entropy_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mean_log_deviation(double precision, double precision, double precision) IS
'mean log deviation sum w ln(mu/x) / sum w (Theil L, GE(0)); x must be positive; with group se, the Ahn 2018 interval (WHO HEAT MLD, unscaled)';

CREATE FUNCTION @extschema@.mean_log_deviation_transfn(double precision[], double precision, double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_mld_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_log_deviation_transfn(double precision[], double precision, double precision, double precision, double precision) IS 'transition function of the mean_log_deviation aggregate';
CREATE AGGREGATE @extschema@.mean_log_deviation(x double precision, weight double precision, se double precision, level double precision) (
    SFUNC = @extschema@.mean_log_deviation_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.entropy_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mean_log_deviation(double precision, double precision, double precision, double precision) IS
'mean log deviation sum w ln(mu/x) / sum w (Theil L, GE(0)); x must be positive; with group se, the Ahn 2018 interval (WHO HEAT MLD, unscaled)';

-- generalized_entropy
CREATE FUNCTION @extschema@.generalized_entropy_transfn(double precision[], double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_ge_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.generalized_entropy_transfn(double precision[], double precision, double precision, double precision) IS 'transition function of the generalized_entropy aggregate';
CREATE AGGREGATE @extschema@.generalized_entropy(x double precision, weight double precision, alpha double precision) (
    SFUNC = @extschema@.generalized_entropy_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.entropy_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.generalized_entropy(double precision, double precision, double precision) IS
'generalised entropy GE(alpha) = (sum w (x/mu)^alpha / sum w - 1) / (alpha (alpha - 1)); alpha 0 is MLD, 1 is Theil T';

-- atkinson
CREATE FUNCTION @extschema@.atkinson_transfn(double precision[], double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_atkinson_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.atkinson_transfn(double precision[], double precision, double precision, double precision) IS 'transition function of the atkinson aggregate';
CREATE AGGREGATE @extschema@.atkinson(x double precision, weight double precision, epsilon double precision) (
    SFUNC = @extschema@.atkinson_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.entropy_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.atkinson(double precision, double precision, double precision) IS
'Atkinson index 1 - (sum w (x/mu)^(1-epsilon) / sum w)^(1/(1-epsilon)), epsilon >= 0; epsilon 1 uses the geometric mean';

-- Measures that must see every value (the (x, weight) sample state, 16
-- bytes a row): gini, quintile_share_ratio, palma, hoover.
CREATE FUNCTION @extschema@.gini_finalfn(double precision[])
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_gini_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gini_finalfn(double precision[]) IS 'final function of the gini aggregate';

CREATE FUNCTION @extschema@.quintile_share_ratio_finalfn(double precision[])
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_qsr_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.quintile_share_ratio_finalfn(double precision[]) IS 'final function of the quintile_share_ratio aggregate';

CREATE FUNCTION @extschema@.palma_finalfn(double precision[])
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_palma_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.palma_finalfn(double precision[]) IS 'final function of the palma aggregate';

CREATE FUNCTION @extschema@.hoover_finalfn(double precision[])
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_hoover_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.hoover_finalfn(double precision[]) IS 'final function of the hoover aggregate';

CREATE FUNCTION @extschema@.gini_transfn(double precision[], double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_gini_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gini_transfn(double precision[], double precision) IS 'transition function of the gini aggregate';
CREATE AGGREGATE @extschema@.gini(x double precision) (
    SFUNC = @extschema@.gini_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.gini_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.gini(double precision) IS
'Gini coefficient (weighted), as laeken::gini / 100 and R ineq; corrected = true multiplies by 1 / (1 - sum of squared weight shares), as DescTools unbiased (n/(n-1) for equal weights)';

CREATE FUNCTION @extschema@.gini_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_gini_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gini_transfn(double precision[], double precision, double precision) IS 'transition function of the gini aggregate';
CREATE AGGREGATE @extschema@.gini(x double precision, weight double precision) (
    SFUNC = @extschema@.gini_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.gini_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.gini(double precision, double precision) IS
'Gini coefficient (weighted), as laeken::gini / 100 and R ineq; corrected = true multiplies by 1 / (1 - sum of squared weight shares), as DescTools unbiased (n/(n-1) for equal weights)';

CREATE FUNCTION @extschema@.gini_transfn(double precision[], double precision, double precision, boolean)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_gini_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gini_transfn(double precision[], double precision, double precision, boolean) IS 'transition function of the gini aggregate';
CREATE AGGREGATE @extschema@.gini(x double precision, weight double precision, corrected boolean) (
    SFUNC = @extschema@.gini_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.gini_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.gini(double precision, double precision, boolean) IS
'Gini coefficient (weighted), as laeken::gini / 100 and R ineq; corrected = true multiplies by 1 / (1 - sum of squared weight shares), as DescTools unbiased (n/(n-1) for equal weights)';

CREATE FUNCTION @extschema@.quintile_share_ratio_transfn(double precision[], double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_sorted_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.quintile_share_ratio_transfn(double precision[], double precision) IS 'transition function of the quintile_share_ratio aggregate';
CREATE AGGREGATE @extschema@.quintile_share_ratio(x double precision) (
    SFUNC = @extschema@.quintile_share_ratio_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.quintile_share_ratio_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.quintile_share_ratio(double precision) IS
'quintile share ratio S80/S20 as laeken::qsr: weighted income total above the 80th percentile over the total at or below the 20th (the ratio of income shares)';

CREATE FUNCTION @extschema@.quintile_share_ratio_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_sorted_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.quintile_share_ratio_transfn(double precision[], double precision, double precision) IS 'transition function of the quintile_share_ratio aggregate';
CREATE AGGREGATE @extschema@.quintile_share_ratio(x double precision, weight double precision) (
    SFUNC = @extschema@.quintile_share_ratio_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.quintile_share_ratio_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.quintile_share_ratio(double precision, double precision) IS
'quintile share ratio S80/S20 as laeken::qsr: weighted income total above the 80th percentile over the total at or below the 20th (the ratio of income shares)';

CREATE FUNCTION @extschema@.palma_transfn(double precision[], double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_sorted_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.palma_transfn(double precision[], double precision) IS 'transition function of the palma aggregate';
CREATE AGGREGATE @extschema@.palma(x double precision) (
    SFUNC = @extschema@.palma_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.palma_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.palma(double precision) IS
'Palma ratio: income held above the 90th percentile over income held at or below the 40th (laeken weighted quantiles)';

CREATE FUNCTION @extschema@.palma_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_sorted_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.palma_transfn(double precision[], double precision, double precision) IS 'transition function of the palma aggregate';
CREATE AGGREGATE @extschema@.palma(x double precision, weight double precision) (
    SFUNC = @extschema@.palma_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.palma_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.palma(double precision, double precision) IS
'Palma ratio: income held above the 90th percentile over income held at or below the 40th (laeken weighted quantiles)';

CREATE FUNCTION @extschema@.hoover_transfn(double precision[], double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_sorted_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.hoover_transfn(double precision[], double precision) IS 'transition function of the hoover aggregate';
CREATE AGGREGATE @extschema@.hoover(x double precision) (
    SFUNC = @extschema@.hoover_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.hoover_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.hoover(double precision) IS
'Hoover (Robin Hood) index: 1/2 sum w |x - mu| / (W mu), the share of income that would have to move to equalise it';

CREATE FUNCTION @extschema@.hoover_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_sorted_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.hoover_transfn(double precision[], double precision, double precision) IS 'transition function of the hoover aggregate';
CREATE AGGREGATE @extschema@.hoover(x double precision, weight double precision) (
    SFUNC = @extschema@.hoover_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.hoover_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.hoover(double precision, double precision) IS
'Hoover (Robin Hood) index: 1/2 sum w |x - mu| / (W mu), the share of income that would have to move to equalise it';
