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
