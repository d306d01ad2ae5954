-- estimates.sql: estimates from microdata and counts.
-- Every aggregate: float8[] state, the shared combine function, PARALLEL SAFE.
-- Overloads exist for each optional trailing argument (aggregates cannot
-- have defaults); all overloads of a measure share its C functions.

-- proportion
CREATE FUNCTION @extschema@.proportion_finalfn(double precision[])
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_proportion_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_finalfn(double precision[]) IS 'final function of the proportion aggregate';

-- the outcome is boolean or a 0/1 number (@outcome@, src/sql/key_types.awk)
CREATE FUNCTION @extschema@.proportion_transfn(double precision[], @outcome@)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_proportion_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_transfn(double precision[], @outcome@) IS 'transition function of the proportion aggregate';
CREATE AGGREGATE @extschema@.proportion(outcome @outcome@) (
    SFUNC = @extschema@.proportion_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.proportion_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.proportion(@outcome@) IS
'share of rows with outcome true (or 1: a numeric outcome must be 0 or 1), weighted or not, with its standard error and interval (unweighted default wilson; weighted: linearised SE as R survey::svymean with ids=~1, default logit interval as svyciprop)';

CREATE FUNCTION @extschema@.proportion_transfn(double precision[], @outcome@, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_proportion_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_transfn(double precision[], @outcome@, double precision) IS 'transition function of the proportion aggregate';
CREATE AGGREGATE @extschema@.proportion(outcome @outcome@, weight double precision) (
    SFUNC = @extschema@.proportion_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.proportion_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.proportion(@outcome@, double precision) IS
'share of rows with outcome true (or 1: a numeric outcome must be 0 or 1), weighted or not, with its standard error and interval (unweighted default wilson; weighted: linearised SE as R survey::svymean with ids=~1, default logit interval as svyciprop)';

CREATE FUNCTION @extschema@.proportion_transfn(double precision[], @outcome@, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_proportion_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_transfn(double precision[], @outcome@, double precision, double precision) IS 'transition function of the proportion aggregate';
CREATE AGGREGATE @extschema@.proportion(outcome @outcome@, weight double precision, level double precision) (
    SFUNC = @extschema@.proportion_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.proportion_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.proportion(@outcome@, double precision, double precision) IS
'share of rows with outcome true (or 1: a numeric outcome must be 0 or 1), weighted or not, with its standard error and interval (unweighted default wilson; weighted: linearised SE as R survey::svymean with ids=~1, default logit interval as svyciprop)';

CREATE FUNCTION @extschema@.proportion_transfn(double precision[], @outcome@, double precision, double precision, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_proportion_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_transfn(double precision[], @outcome@, double precision, double precision, text) IS 'transition function of the proportion aggregate';
CREATE AGGREGATE @extschema@.proportion(outcome @outcome@, weight double precision, level double precision, method text) (
    SFUNC = @extschema@.proportion_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.proportion_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.proportion(@outcome@, double precision, double precision, text) IS
'share of rows with outcome true (or 1: a numeric outcome must be 0 or 1), weighted or not, with its standard error and interval (unweighted default wilson; weighted: linearised SE as R survey::svymean with ids=~1, default logit interval as svyciprop)';

-- mean
CREATE FUNCTION @extschema@.mean_finalfn(double precision[])
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_mean_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_finalfn(double precision[]) IS 'final function of the mean aggregate';

CREATE FUNCTION @extschema@.mean_transfn(double precision[], double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_mean_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_transfn(double precision[], double precision) IS 'transition function of the mean aggregate';
CREATE AGGREGATE @extschema@.mean(x double precision) (
    SFUNC = @extschema@.mean_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.mean_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mean(double precision) IS
'(weighted) mean with its standard error as R survey::svymean with ids=~1 and a t interval on n-1 degrees of freedom';

CREATE FUNCTION @extschema@.mean_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_mean_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_transfn(double precision[], double precision, double precision) IS 'transition function of the mean aggregate';
CREATE AGGREGATE @extschema@.mean(x double precision, weight double precision) (
    SFUNC = @extschema@.mean_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.mean_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mean(double precision, double precision) IS
'(weighted) mean with its standard error as R survey::svymean with ids=~1 and a t interval on n-1 degrees of freedom';

CREATE FUNCTION @extschema@.mean_transfn(double precision[], double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_mean_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_transfn(double precision[], double precision, double precision, double precision) IS 'transition function of the mean aggregate';
CREATE AGGREGATE @extschema@.mean(x double precision, weight double precision, level double precision) (
    SFUNC = @extschema@.mean_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.mean_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mean(double precision, double precision, double precision) IS
'(weighted) mean with its standard error as R survey::svymean with ids=~1 and a t interval on n-1 degrees of freedom';

-- total
CREATE FUNCTION @extschema@.total_finalfn(double precision[])
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_total_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.total_finalfn(double precision[]) IS 'final function of the total aggregate';

CREATE FUNCTION @extschema@.total_transfn(double precision[], double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_total_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.total_transfn(double precision[], double precision) IS 'transition function of the total aggregate';
CREATE AGGREGATE @extschema@.total(x double precision) (
    SFUNC = @extschema@.total_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.total_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.total(double precision) IS
'weighted total with its standard error as R survey::svytotal with ids=~1 and a t interval on n-1 degrees of freedom';

CREATE FUNCTION @extschema@.total_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_total_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.total_transfn(double precision[], double precision, double precision) IS 'transition function of the total aggregate';
CREATE AGGREGATE @extschema@.total(x double precision, weight double precision) (
    SFUNC = @extschema@.total_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.total_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.total(double precision, double precision) IS
'weighted total with its standard error as R survey::svytotal with ids=~1 and a t interval on n-1 degrees of freedom';

CREATE FUNCTION @extschema@.total_transfn(double precision[], double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_total_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.total_transfn(double precision[], double precision, double precision, double precision) IS 'transition function of the total aggregate';
CREATE AGGREGATE @extschema@.total(x double precision, weight double precision, level double precision) (
    SFUNC = @extschema@.total_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.total_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.total(double precision, double precision, double precision) IS
'weighted total with its standard error as R survey::svytotal with ids=~1 and a t interval on n-1 degrees of freedom';

-- rate
CREATE FUNCTION @extschema@.rate_finalfn(double precision[])
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_rate_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_finalfn(double precision[]) IS 'final function of the rate aggregate';

CREATE FUNCTION @extschema@.rate_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_rate_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_transfn(double precision[], double precision, double precision) IS 'transition function of the rate aggregate';
CREATE AGGREGATE @extschema@.rate(events double precision, population double precision) (
    SFUNC = @extschema@.rate_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.rate_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.rate(double precision, double precision) IS
'crude rate sum(events)/sum(population) x per with Poisson limits (default auto: Byar from 10 events, exact below, as PHEindicatormethods)';

CREATE FUNCTION @extschema@.rate_transfn(double precision[], double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_rate_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_transfn(double precision[], double precision, double precision, double precision) IS 'transition function of the rate aggregate';
CREATE AGGREGATE @extschema@.rate(events double precision, population double precision, per double precision) (
    SFUNC = @extschema@.rate_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.rate_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.rate(double precision, double precision, double precision) IS
'crude rate sum(events)/sum(population) x per with Poisson limits (default auto: Byar from 10 events, exact below, as PHEindicatormethods)';

CREATE FUNCTION @extschema@.rate_transfn(double precision[], double precision, double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_rate_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_transfn(double precision[], double precision, double precision, double precision, double precision) IS 'transition function of the rate aggregate';
CREATE AGGREGATE @extschema@.rate(events double precision, population double precision, per double precision, level double precision) (
    SFUNC = @extschema@.rate_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.rate_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.rate(double precision, double precision, double precision, double precision) IS
'crude rate sum(events)/sum(population) x per with Poisson limits (default auto: Byar from 10 events, exact below, as PHEindicatormethods)';

CREATE FUNCTION @extschema@.rate_transfn(double precision[], double precision, double precision, double precision, double precision, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_rate_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_transfn(double precision[], double precision, double precision, double precision, double precision, text) IS 'transition function of the rate aggregate';
CREATE AGGREGATE @extschema@.rate(events double precision, population double precision, per double precision, level double precision, method text) (
    SFUNC = @extschema@.rate_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.rate_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.rate(double precision, double precision, double precision, double precision, text) IS
'crude rate sum(events)/sum(population) x per with Poisson limits (default auto: Byar from 10 events, exact below, as PHEindicatormethods)';

-- standardized_rate
CREATE FUNCTION @extschema@.standardized_rate_finalfn(double precision[])
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_dsr_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.standardized_rate_finalfn(double precision[]) IS 'final function of the standardized_rate aggregate';

CREATE FUNCTION @extschema@.standardized_rate_transfn(double precision[], double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_dsr_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.standardized_rate_transfn(double precision[], double precision, double precision, double precision) IS 'transition function of the standardized_rate aggregate';
CREATE AGGREGATE @extschema@.standardized_rate(events double precision, population double precision, standard_population double precision) (
    SFUNC = @extschema@.standardized_rate_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.standardized_rate_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.standardized_rate(double precision, double precision, double precision) IS
'directly age-standardised rate over age bands (exactly one row per band: pool finer rows first), default gamma interval (Fay-Feuer, as epitools::ageadjust.direct), or dobson (PHEindicatormethods::phe_dsr)';

CREATE FUNCTION @extschema@.standardized_rate_transfn(double precision[], double precision, double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_dsr_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.standardized_rate_transfn(double precision[], double precision, double precision, double precision, double precision) IS 'transition function of the standardized_rate aggregate';
CREATE AGGREGATE @extschema@.standardized_rate(events double precision, population double precision, standard_population double precision, per double precision) (
    SFUNC = @extschema@.standardized_rate_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.standardized_rate_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.standardized_rate(double precision, double precision, double precision, double precision) IS
'directly age-standardised rate over age bands (exactly one row per band: pool finer rows first), default gamma interval (Fay-Feuer, as epitools::ageadjust.direct), or dobson (PHEindicatormethods::phe_dsr)';

CREATE FUNCTION @extschema@.standardized_rate_transfn(double precision[], double precision, double precision, double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_dsr_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.standardized_rate_transfn(double precision[], double precision, double precision, double precision, double precision, double precision) IS 'transition function of the standardized_rate aggregate';
CREATE AGGREGATE @extschema@.standardized_rate(events double precision, population double precision, standard_population double precision, per double precision, level double precision) (
    SFUNC = @extschema@.standardized_rate_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.standardized_rate_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.standardized_rate(double precision, double precision, double precision, double precision, double precision) IS
'directly age-standardised rate over age bands (exactly one row per band: pool finer rows first), default gamma interval (Fay-Feuer, as epitools::ageadjust.direct), or dobson (PHEindicatormethods::phe_dsr)';

CREATE FUNCTION @extschema@.standardized_rate_transfn(double precision[], double precision, double precision, double precision, double precision, double precision, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_dsr_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.standardized_rate_transfn(double precision[], double precision, double precision, double precision, double precision, double precision, text) IS 'transition function of the standardized_rate aggregate';
CREATE AGGREGATE @extschema@.standardized_rate(events double precision, population double precision, standard_population double precision, per double precision, level double precision, method text) (
    SFUNC = @extschema@.standardized_rate_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.standardized_rate_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.standardized_rate(double precision, double precision, double precision, double precision, double precision, text) IS
'directly age-standardised rate over age bands (exactly one row per band: pool finer rows first), default gamma interval (Fay-Feuer, as epitools::ageadjust.direct), or dobson (PHEindicatormethods::phe_dsr)';

-- standardized_ratio
CREATE FUNCTION @extschema@.standardized_ratio_finalfn(double precision[])
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_smr_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.standardized_ratio_finalfn(double precision[]) IS 'final function of the standardized_ratio aggregate';

CREATE FUNCTION @extschema@.standardized_ratio_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_smr_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.standardized_ratio_transfn(double precision[], double precision, double precision) IS 'transition function of the standardized_ratio aggregate';
CREATE AGGREGATE @extschema@.standardized_ratio(observed double precision, expected double precision) (
    SFUNC = @extschema@.standardized_ratio_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.standardized_ratio_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.standardized_ratio(double precision, double precision) IS
'indirectly standardised ratio (SMR/SIR) sum(observed)/sum(expected) with Poisson limits (default auto: Byar from 10 events, exact below, as PHEindicatormethods::phe_isr)';

CREATE FUNCTION @extschema@.standardized_ratio_transfn(double precision[], double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_smr_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.standardized_ratio_transfn(double precision[], double precision, double precision, double precision) IS 'transition function of the standardized_ratio aggregate';
CREATE AGGREGATE @extschema@.standardized_ratio(observed double precision, expected double precision, level double precision) (
    SFUNC = @extschema@.standardized_ratio_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.standardized_ratio_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.standardized_ratio(double precision, double precision, double precision) IS
'indirectly standardised ratio (SMR/SIR) sum(observed)/sum(expected) with Poisson limits (default auto: Byar from 10 events, exact below, as PHEindicatormethods::phe_isr)';

CREATE FUNCTION @extschema@.standardized_ratio_transfn(double precision[], double precision, double precision, double precision, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_smr_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.standardized_ratio_transfn(double precision[], double precision, double precision, double precision, text) IS 'transition function of the standardized_ratio aggregate';
CREATE AGGREGATE @extschema@.standardized_ratio(observed double precision, expected double precision, level double precision, method text) (
    SFUNC = @extschema@.standardized_ratio_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.standardized_ratio_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.standardized_ratio(double precision, double precision, double precision, text) IS
'indirectly standardised ratio (SMR/SIR) sum(observed)/sum(expected) with Poisson limits (default auto: Byar from 10 events, exact below, as PHEindicatormethods::phe_isr)';

-- poverty_rate
CREATE FUNCTION @extschema@.poverty_rate_finalfn(double precision[])
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_poverty_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.poverty_rate_finalfn(double precision[]) IS 'final function of the poverty_rate aggregate';

CREATE FUNCTION @extschema@.poverty_rate_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_poverty_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.poverty_rate_transfn(double precision[], double precision, double precision) IS 'transition function of the poverty_rate aggregate';
CREATE AGGREGATE @extschema@.poverty_rate(income double precision, weight double precision) (
    SFUNC = @extschema@.poverty_rate_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.poverty_rate_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.poverty_rate(double precision, double precision) IS
'weighted share of incomes strictly below fraction (default 0.6) x weighted median, as laeken::arpr (as a fraction, not percent); keeps 16 bytes a row';

CREATE FUNCTION @extschema@.poverty_rate_transfn(double precision[], double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_poverty_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.poverty_rate_transfn(double precision[], double precision, double precision, double precision) IS 'transition function of the poverty_rate aggregate';
CREATE AGGREGATE @extschema@.poverty_rate(income double precision, weight double precision, fraction double precision) (
    SFUNC = @extschema@.poverty_rate_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.poverty_rate_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.poverty_rate(double precision, double precision, double precision) IS
'weighted share of incomes strictly below fraction (default 0.6) x weighted median, as laeken::arpr (as a fraction, not percent); keeps 16 bytes a row';

-- poverty_threshold: the same state as poverty_rate, another final function
CREATE FUNCTION @extschema@.poverty_threshold_finalfn(double precision[])
RETURNS double precision
AS 'MODULE_PATHNAME', 'wb_poverty_threshold_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.poverty_threshold_finalfn(double precision[]) IS 'final function of the poverty_threshold aggregate';

CREATE AGGREGATE @extschema@.poverty_threshold(income double precision, weight double precision) (
    SFUNC = @extschema@.poverty_rate_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.poverty_threshold_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.poverty_threshold(double precision, double precision) IS
'poverty threshold: fraction (default 0.6) x weighted median income, as laeken::arpt; use it to apply one city-wide threshold to every group';

CREATE AGGREGATE @extschema@.poverty_threshold(income double precision, weight double precision, fraction double precision) (
    SFUNC = @extschema@.poverty_rate_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.poverty_threshold_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.poverty_threshold(double precision, double precision, double precision) IS
'poverty threshold: fraction x weighted median income, as laeken::arpt';

CREATE FUNCTION @extschema@.proportion_ci(
    successes double precision,
    trials double precision,
    level double precision DEFAULT 0.95,
    method text DEFAULT 'wilson')
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_proportion_ci'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_ci(double precision, double precision, double precision, text) IS
'proportion successes/trials from pre-aggregated counts with its interval: wilson (default, as PHEindicatormethods), exact (Clopper-Pearson), wald, logit';

CREATE FUNCTION @extschema@.rate_ci(
    events double precision,
    population double precision,
    per double precision DEFAULT 1,
    level double precision DEFAULT 0.95,
    method text DEFAULT 'auto')
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_rate_ci'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_ci(double precision, double precision, double precision, double precision, text) IS
'rate events/population x per from pre-aggregated counts with Poisson limits: auto (default: Byar from 10 events, exact below), exact, byar, normal';
