-- survey.sql: design-based estimates for stratified cluster samples:
-- Taylor linearisation with with-replacement PSUs.
--
-- @stratum_key@, @psu_key@ and @band_key@ are the types of the design keys:
-- src/sql/key_types.awk prints each paragraph that holds them once per
-- combination of bigint and text (and boolean for a band) when the
-- extension is built, so every key has a concrete type that Citus can ship
-- to its workers and the transition function can read from its own
-- declaration.

CREATE TYPE @extschema@.survey_estimate AS (
    value double precision,
    se double precision,
    lower double precision,
    upper double precision,
    n double precision,
    level double precision,
    df double precision
);
COMMENT ON TYPE @extschema@.survey_estimate IS
'a design-based estimate: value, standard error (Taylor linearisation), t interval on the design degrees of freedom, n (rows in the domain with a value), level, and df = PSUs - strata (of the PSUs holding domain rows, as R survey''s degf of the subset); casts implicitly to wellbeing.estimate';

CREATE FUNCTION @extschema@.survey_estimate_to_estimate(e @extschema@.survey_estimate)
RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT ROW((e).value, (e).se, (e).lower, (e).upper, (e).n, (e).level)::@extschema@.estimate $$;
COMMENT ON FUNCTION @extschema@.survey_estimate_to_estimate(@extschema@.survey_estimate) IS
'the survey estimate without its degrees of freedom, so it can go wherever a wellbeing.estimate goes';
CREATE CAST (@extschema@.survey_estimate AS @extschema@.estimate)
    WITH FUNCTION @extschema@.survey_estimate_to_estimate(@extschema@.survey_estimate) AS IMPLICIT;

CREATE FUNCTION @extschema@.p_value(estimate @extschema@.survey_estimate, null_value double precision DEFAULT 0)
RETURNS double precision
AS 'MODULE_PATHNAME', 'wb_survey_p_value'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.p_value(@extschema@.survey_estimate, double precision) IS
'two-sided p-value of the design-based t test that the parameter equals null_value (default 0, as for survey_proportion_difference): 2 pt(-|value - null_value| / se, df); NULL without a standard error or with df 0';

-- The options argument from named arguments: aggregate calls cannot name
-- their arguments, a function inside them can.
CREATE FUNCTION @extschema@.survey_options(lonely_psu text DEFAULT NULL, proportion_interval text DEFAULT NULL)
RETURNS text
AS 'MODULE_PATHNAME', 'wb_survey_options'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_options(text, text) IS
'the options text of the survey_* aggregates, checked: survey_mean(x, weight, stratum, psu, NULL, 0.95, wellbeing.survey_options(lonely_psu => ''remove'')); lonely_psu fail|remove|adjust|average|certainty, proportion_interval logit|mean|beta|asin|xlogit|likelihood';

CREATE FUNCTION @extschema@.replicate_options(scale double precision DEFAULT NULL, rho double precision DEFAULT NULL,
                                              mse boolean DEFAULT NULL, df double precision DEFAULT NULL,
                                              proportion_interval text DEFAULT NULL)
RETURNS text
AS 'MODULE_PATHNAME', 'wb_replicate_options'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.replicate_options(double precision, double precision, boolean, double precision, text) IS
'the options text of the replicate_* aggregates, checked: replicate_mean(x, weight, repweights, ''fay'', wellbeing.replicate_options(rho => 0.5)); scale > 0, rho in [0, 1) (fay), mse, df > 0, proportion_interval (proportions)';

CREATE FUNCTION @extschema@.survey_finalfn(double precision[])
RETURNS @extschema@.survey_estimate
AS 'MODULE_PATHNAME', 'wb_survey_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_finalfn(double precision[]) IS 'final function of the survey_* aggregates';

CREATE FUNCTION @extschema@.survey_mean_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_mean_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_mean_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@) IS 'transition function of the survey_mean aggregate';
CREATE AGGREGATE @extschema@.survey_mean(x double precision, weight double precision, stratum @stratum_key@, psu @psu_key@) (
    SFUNC = @extschema@.survey_mean_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_mean(double precision, double precision, @stratum_key@, @psu_key@) IS
'the design-based mean of x (the ratio of weighted totals sum(w x) / sum(w)), rows with x NULL out of the domain but in the design, stratified cluster design (with-replacement PSUs, Taylor linearisation, as R survey)';

CREATE FUNCTION @extschema@.survey_mean_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_mean_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_mean_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, double precision) IS 'transition function of the survey_mean aggregate';
CREATE AGGREGATE @extschema@.survey_mean(x double precision, weight double precision, stratum @stratum_key@, psu @psu_key@, fpc double precision) (
    SFUNC = @extschema@.survey_mean_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_mean(double precision, double precision, @stratum_key@, @psu_key@, double precision) IS
'the design-based mean of x (the ratio of weighted totals sum(w x) / sum(w)), rows with x NULL out of the domain but in the design, stratified cluster design (with-replacement PSUs, Taylor linearisation, as R survey); fpc: the stratum''s population size in PSUs (or the sampling fraction), for a finite population correction';

CREATE FUNCTION @extschema@.survey_mean_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_mean_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_mean_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision) IS 'transition function of the survey_mean aggregate';
CREATE AGGREGATE @extschema@.survey_mean(x double precision, weight double precision, stratum @stratum_key@, psu @psu_key@, fpc double precision, level double precision) (
    SFUNC = @extschema@.survey_mean_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_mean(double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision) IS
'the design-based mean of x (the ratio of weighted totals sum(w x) / sum(w)), rows with x NULL out of the domain but in the design, stratified cluster design (with-replacement PSUs, Taylor linearisation, as R survey); with a confidence level';

CREATE FUNCTION @extschema@.survey_mean_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_mean_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_mean_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision, text) IS 'transition function of the survey_mean aggregate';
CREATE AGGREGATE @extschema@.survey_mean(x double precision, weight double precision, stratum @stratum_key@, psu @psu_key@, fpc double precision, level double precision, options text) (
    SFUNC = @extschema@.survey_mean_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_mean(double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision, text) IS
'the design-based mean of x (the ratio of weighted totals sum(w x) / sum(w)), rows with x NULL out of the domain but in the design, stratified cluster design (with-replacement PSUs, Taylor linearisation, as R survey); options: lonely_psu=fail (default)|remove|adjust|average|certainty';

CREATE FUNCTION @extschema@.survey_mean_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision, text, boolean)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_mean_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_mean_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision, text, boolean) IS 'transition function of the survey_mean aggregate';
CREATE AGGREGATE @extschema@.survey_mean(x double precision, weight double precision, stratum @stratum_key@, psu @psu_key@, fpc double precision, level double precision, options text, domain boolean) (
    SFUNC = @extschema@.survey_mean_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_mean(double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision, text, boolean) IS
'the design-based mean of x (the ratio of weighted totals sum(w x) / sum(w)), rows with x NULL out of the domain but in the design, stratified cluster design (with-replacement PSUs, Taylor linearisation, as R survey); domain: rows where it is not true stay in the design but out of the estimate (domain estimation with the whole design, as svyby)';

CREATE FUNCTION @extschema@.survey_total_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_total_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_total_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@) IS 'transition function of the survey_total aggregate';
CREATE AGGREGATE @extschema@.survey_total(x double precision, weight double precision, stratum @stratum_key@, psu @psu_key@) (
    SFUNC = @extschema@.survey_total_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_total(double precision, double precision, @stratum_key@, @psu_key@) IS
'the design-based total sum(w x), stratified cluster design (with-replacement PSUs, Taylor linearisation, as R survey)';

CREATE FUNCTION @extschema@.survey_total_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_total_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_total_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, double precision) IS 'transition function of the survey_total aggregate';
CREATE AGGREGATE @extschema@.survey_total(x double precision, weight double precision, stratum @stratum_key@, psu @psu_key@, fpc double precision) (
    SFUNC = @extschema@.survey_total_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_total(double precision, double precision, @stratum_key@, @psu_key@, double precision) IS
'the design-based total sum(w x), stratified cluster design (with-replacement PSUs, Taylor linearisation, as R survey); fpc: the stratum''s population size in PSUs (or the sampling fraction), for a finite population correction';

CREATE FUNCTION @extschema@.survey_total_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_total_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_total_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision) IS 'transition function of the survey_total aggregate';
CREATE AGGREGATE @extschema@.survey_total(x double precision, weight double precision, stratum @stratum_key@, psu @psu_key@, fpc double precision, level double precision) (
    SFUNC = @extschema@.survey_total_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_total(double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision) IS
'the design-based total sum(w x), stratified cluster design (with-replacement PSUs, Taylor linearisation, as R survey); with a confidence level';

CREATE FUNCTION @extschema@.survey_total_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_total_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_total_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision, text) IS 'transition function of the survey_total aggregate';
CREATE AGGREGATE @extschema@.survey_total(x double precision, weight double precision, stratum @stratum_key@, psu @psu_key@, fpc double precision, level double precision, options text) (
    SFUNC = @extschema@.survey_total_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_total(double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision, text) IS
'the design-based total sum(w x), stratified cluster design (with-replacement PSUs, Taylor linearisation, as R survey); options: lonely_psu=fail (default)|remove|adjust|average|certainty';

CREATE FUNCTION @extschema@.survey_total_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision, text, boolean)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_total_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_total_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision, text, boolean) IS 'transition function of the survey_total aggregate';
CREATE AGGREGATE @extschema@.survey_total(x double precision, weight double precision, stratum @stratum_key@, psu @psu_key@, fpc double precision, level double precision, options text, domain boolean) (
    SFUNC = @extschema@.survey_total_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_total(double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision, text, boolean) IS
'the design-based total sum(w x), stratified cluster design (with-replacement PSUs, Taylor linearisation, as R survey); domain: rows where it is not true stay in the design but out of the estimate (domain estimation with the whole design, as svyby)';

CREATE FUNCTION @extschema@.survey_proportion_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_proportion_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_proportion_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@) IS 'transition function of the survey_proportion aggregate';
CREATE AGGREGATE @extschema@.survey_proportion(outcome boolean, weight double precision, stratum @stratum_key@, psu @psu_key@) (
    SFUNC = @extschema@.survey_proportion_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_proportion(boolean, double precision, @stratum_key@, @psu_key@) IS
'the design-based share of outcome true; interval by option interval= logit (default, as svyciprop), mean, beta (Korn-Graubard), asin, xlogit, likelihood, on the design df, stratified cluster design (with-replacement PSUs, Taylor linearisation, as R survey)';

CREATE FUNCTION @extschema@.survey_proportion_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_proportion_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_proportion_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, double precision) IS 'transition function of the survey_proportion aggregate';
CREATE AGGREGATE @extschema@.survey_proportion(outcome boolean, weight double precision, stratum @stratum_key@, psu @psu_key@, fpc double precision) (
    SFUNC = @extschema@.survey_proportion_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_proportion(boolean, double precision, @stratum_key@, @psu_key@, double precision) IS
'the design-based share of outcome true; interval by option interval= logit (default, as svyciprop), mean, beta (Korn-Graubard), asin, xlogit, likelihood, on the design df, stratified cluster design (with-replacement PSUs, Taylor linearisation, as R survey); fpc: the stratum''s population size in PSUs (or the sampling fraction), for a finite population correction';

CREATE FUNCTION @extschema@.survey_proportion_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_proportion_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_proportion_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, double precision, double precision) IS 'transition function of the survey_proportion aggregate';
CREATE AGGREGATE @extschema@.survey_proportion(outcome boolean, weight double precision, stratum @stratum_key@, psu @psu_key@, fpc double precision, level double precision) (
    SFUNC = @extschema@.survey_proportion_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_proportion(boolean, double precision, @stratum_key@, @psu_key@, double precision, double precision) IS
'the design-based share of outcome true; interval by option interval= logit (default, as svyciprop), mean, beta (Korn-Graubard), asin, xlogit, likelihood, on the design df, stratified cluster design (with-replacement PSUs, Taylor linearisation, as R survey); with a confidence level';

CREATE FUNCTION @extschema@.survey_proportion_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, double precision, double precision, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_proportion_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_proportion_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, double precision, double precision, text) IS 'transition function of the survey_proportion aggregate';
CREATE AGGREGATE @extschema@.survey_proportion(outcome boolean, weight double precision, stratum @stratum_key@, psu @psu_key@, fpc double precision, level double precision, options text) (
    SFUNC = @extschema@.survey_proportion_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_proportion(boolean, double precision, @stratum_key@, @psu_key@, double precision, double precision, text) IS
'the design-based share of outcome true; interval by option interval= logit (default, as svyciprop), mean, beta (Korn-Graubard), asin, xlogit, likelihood, on the design df, stratified cluster design (with-replacement PSUs, Taylor linearisation, as R survey); options: lonely_psu=fail (default)|remove|adjust|average|certainty';

CREATE FUNCTION @extschema@.survey_proportion_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, double precision, double precision, text, boolean)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_proportion_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_proportion_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, double precision, double precision, text, boolean) IS 'transition function of the survey_proportion aggregate';
CREATE AGGREGATE @extschema@.survey_proportion(outcome boolean, weight double precision, stratum @stratum_key@, psu @psu_key@, fpc double precision, level double precision, options text, domain boolean) (
    SFUNC = @extschema@.survey_proportion_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_proportion(boolean, double precision, @stratum_key@, @psu_key@, double precision, double precision, text, boolean) IS
'the design-based share of outcome true; interval by option interval= logit (default, as svyciprop), mean, beta (Korn-Graubard), asin, xlogit, likelihood, on the design df, stratified cluster design (with-replacement PSUs, Taylor linearisation, as R survey); domain: rows where it is not true stay in the design but out of the estimate (domain estimation with the whole design, as svyby)';

CREATE FUNCTION @extschema@.survey_ratio_transfn(double precision[], double precision, double precision, double precision, @stratum_key@, @psu_key@)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_ratio_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_ratio_transfn(double precision[], double precision, double precision, double precision, @stratum_key@, @psu_key@) IS 'transition function of the survey_ratio aggregate';
CREATE AGGREGATE @extschema@.survey_ratio(numerator double precision, denominator double precision, weight double precision, stratum @stratum_key@, psu @psu_key@) (
    SFUNC = @extschema@.survey_ratio_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_ratio(double precision, double precision, double precision, @stratum_key@, @psu_key@) IS
'the design-based ratio sum(w numerator) / sum(w denominator) (svyratio), stratified cluster design (with-replacement PSUs, Taylor linearisation, as R survey)';

CREATE FUNCTION @extschema@.survey_ratio_transfn(double precision[], double precision, double precision, double precision, @stratum_key@, @psu_key@, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_ratio_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_ratio_transfn(double precision[], double precision, double precision, double precision, @stratum_key@, @psu_key@, double precision) IS 'transition function of the survey_ratio aggregate';
CREATE AGGREGATE @extschema@.survey_ratio(numerator double precision, denominator double precision, weight double precision, stratum @stratum_key@, psu @psu_key@, fpc double precision) (
    SFUNC = @extschema@.survey_ratio_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_ratio(double precision, double precision, double precision, @stratum_key@, @psu_key@, double precision) IS
'the design-based ratio sum(w numerator) / sum(w denominator) (svyratio), stratified cluster design (with-replacement PSUs, Taylor linearisation, as R survey); fpc: the stratum''s population size in PSUs (or the sampling fraction), for a finite population correction';

CREATE FUNCTION @extschema@.survey_ratio_transfn(double precision[], double precision, double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_ratio_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_ratio_transfn(double precision[], double precision, double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision) IS 'transition function of the survey_ratio aggregate';
CREATE AGGREGATE @extschema@.survey_ratio(numerator double precision, denominator double precision, weight double precision, stratum @stratum_key@, psu @psu_key@, fpc double precision, level double precision) (
    SFUNC = @extschema@.survey_ratio_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_ratio(double precision, double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision) IS
'the design-based ratio sum(w numerator) / sum(w denominator) (svyratio), stratified cluster design (with-replacement PSUs, Taylor linearisation, as R survey); with a confidence level';

CREATE FUNCTION @extschema@.survey_ratio_transfn(double precision[], double precision, double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_ratio_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_ratio_transfn(double precision[], double precision, double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision, text) IS 'transition function of the survey_ratio aggregate';
CREATE AGGREGATE @extschema@.survey_ratio(numerator double precision, denominator double precision, weight double precision, stratum @stratum_key@, psu @psu_key@, fpc double precision, level double precision, options text) (
    SFUNC = @extschema@.survey_ratio_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_ratio(double precision, double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision, text) IS
'the design-based ratio sum(w numerator) / sum(w denominator) (svyratio), stratified cluster design (with-replacement PSUs, Taylor linearisation, as R survey); options: lonely_psu=fail (default)|remove|adjust|average|certainty';

CREATE FUNCTION @extschema@.survey_ratio_transfn(double precision[], double precision, double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision, text, boolean)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_ratio_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_ratio_transfn(double precision[], double precision, double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision, text, boolean) IS 'transition function of the survey_ratio aggregate';
CREATE AGGREGATE @extschema@.survey_ratio(numerator double precision, denominator double precision, weight double precision, stratum @stratum_key@, psu @psu_key@, fpc double precision, level double precision, options text, domain boolean) (
    SFUNC = @extschema@.survey_ratio_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_ratio(double precision, double precision, double precision, @stratum_key@, @psu_key@, double precision, double precision, text, boolean) IS
'the design-based ratio sum(w numerator) / sum(w denominator) (svyratio), stratified cluster design (with-replacement PSUs, Taylor linearisation, as R survey); domain: rows where it is not true stay in the design but out of the estimate (domain estimation with the whole design, as svyby)';

-- Differences between two domains of one design, linearised together (as
-- svycontrast on svyby(..., covmat = TRUE)): the covariance of the two
-- domain estimates, which share PSUs, is in the SE.

CREATE FUNCTION @extschema@.survey_mean_difference_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, boolean, boolean)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_mean_difference_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_mean_difference_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, boolean, boolean) IS 'transition function of the survey_mean_difference aggregate';
CREATE AGGREGATE @extschema@.survey_mean_difference(x double precision, weight double precision, stratum @stratum_key@, psu @psu_key@, in_a boolean, in_b boolean) (
    SFUNC = @extschema@.survey_mean_difference_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_mean_difference(double precision, double precision, @stratum_key@, @psu_key@, boolean, boolean) IS
'mean of x over the rows in domain a minus over the rows in domain b, both domains of one stratified cluster design linearised together so the SE holds their covariance; t interval on the design df';

CREATE FUNCTION @extschema@.survey_mean_difference_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, boolean, boolean, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_mean_difference_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_mean_difference_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, boolean, boolean, double precision) IS 'transition function of the survey_mean_difference aggregate';
CREATE AGGREGATE @extschema@.survey_mean_difference(x double precision, weight double precision, stratum @stratum_key@, psu @psu_key@, in_a boolean, in_b boolean, fpc double precision) (
    SFUNC = @extschema@.survey_mean_difference_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_mean_difference(double precision, double precision, @stratum_key@, @psu_key@, boolean, boolean, double precision) IS
'mean of x over the rows in domain a minus over the rows in domain b, both domains of one stratified cluster design linearised together so the SE holds their covariance; t interval on the design df';

CREATE FUNCTION @extschema@.survey_mean_difference_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, boolean, boolean, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_mean_difference_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_mean_difference_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, boolean, boolean, double precision, double precision) IS 'transition function of the survey_mean_difference aggregate';
CREATE AGGREGATE @extschema@.survey_mean_difference(x double precision, weight double precision, stratum @stratum_key@, psu @psu_key@, in_a boolean, in_b boolean, fpc double precision, level double precision) (
    SFUNC = @extschema@.survey_mean_difference_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_mean_difference(double precision, double precision, @stratum_key@, @psu_key@, boolean, boolean, double precision, double precision) IS
'mean of x over the rows in domain a minus over the rows in domain b, both domains of one stratified cluster design linearised together so the SE holds their covariance; t interval on the design df';

CREATE FUNCTION @extschema@.survey_mean_difference_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, boolean, boolean, double precision, double precision, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_mean_difference_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_mean_difference_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, boolean, boolean, double precision, double precision, text) IS 'transition function of the survey_mean_difference aggregate';
CREATE AGGREGATE @extschema@.survey_mean_difference(x double precision, weight double precision, stratum @stratum_key@, psu @psu_key@, in_a boolean, in_b boolean, fpc double precision, level double precision, options text) (
    SFUNC = @extschema@.survey_mean_difference_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_mean_difference(double precision, double precision, @stratum_key@, @psu_key@, boolean, boolean, double precision, double precision, text) IS
'mean of x over the rows in domain a minus over the rows in domain b, both domains of one stratified cluster design linearised together so the SE holds their covariance; t interval on the design df';

CREATE FUNCTION @extschema@.survey_proportion_difference_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, boolean, boolean)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_proportion_difference_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_proportion_difference_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, boolean, boolean) IS 'transition function of the survey_proportion_difference aggregate';
CREATE AGGREGATE @extschema@.survey_proportion_difference(outcome boolean, weight double precision, stratum @stratum_key@, psu @psu_key@, in_a boolean, in_b boolean) (
    SFUNC = @extschema@.survey_proportion_difference_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_proportion_difference(boolean, double precision, @stratum_key@, @psu_key@, boolean, boolean) IS
'share of outcome true in domain a minus in domain b, both domains of one stratified cluster design linearised together so the SE holds their covariance; t interval on the design df';

CREATE FUNCTION @extschema@.survey_proportion_difference_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, boolean, boolean, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_proportion_difference_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_proportion_difference_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, boolean, boolean, double precision) IS 'transition function of the survey_proportion_difference aggregate';
CREATE AGGREGATE @extschema@.survey_proportion_difference(outcome boolean, weight double precision, stratum @stratum_key@, psu @psu_key@, in_a boolean, in_b boolean, fpc double precision) (
    SFUNC = @extschema@.survey_proportion_difference_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_proportion_difference(boolean, double precision, @stratum_key@, @psu_key@, boolean, boolean, double precision) IS
'share of outcome true in domain a minus in domain b, both domains of one stratified cluster design linearised together so the SE holds their covariance; t interval on the design df';

CREATE FUNCTION @extschema@.survey_proportion_difference_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, boolean, boolean, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_proportion_difference_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_proportion_difference_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, boolean, boolean, double precision, double precision) IS 'transition function of the survey_proportion_difference aggregate';
CREATE AGGREGATE @extschema@.survey_proportion_difference(outcome boolean, weight double precision, stratum @stratum_key@, psu @psu_key@, in_a boolean, in_b boolean, fpc double precision, level double precision) (
    SFUNC = @extschema@.survey_proportion_difference_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_proportion_difference(boolean, double precision, @stratum_key@, @psu_key@, boolean, boolean, double precision, double precision) IS
'share of outcome true in domain a minus in domain b, both domains of one stratified cluster design linearised together so the SE holds their covariance; t interval on the design df';

CREATE FUNCTION @extschema@.survey_proportion_difference_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, boolean, boolean, double precision, double precision, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_proportion_difference_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_proportion_difference_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, boolean, boolean, double precision, double precision, text) IS 'transition function of the survey_proportion_difference aggregate';
CREATE AGGREGATE @extschema@.survey_proportion_difference(outcome boolean, weight double precision, stratum @stratum_key@, psu @psu_key@, in_a boolean, in_b boolean, fpc double precision, level double precision, options text) (
    SFUNC = @extschema@.survey_proportion_difference_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_proportion_difference(boolean, double precision, @stratum_key@, @psu_key@, boolean, boolean, double precision, double precision, text) IS
'share of outcome true in domain a minus in domain b, both domains of one stratified cluster design linearised together so the SE holds their covariance; t interval on the design df';

-- Replicate-weight estimates (as R survey's svrepdesign): the estimate with
-- each replicate's weights, variance scale * sum rscales (theta_r - c)^2.
CREATE FUNCTION @extschema@.replicate_finalfn(double precision[])
RETURNS @extschema@.survey_estimate
AS 'MODULE_PATHNAME', 'wb_replicate_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.replicate_finalfn(double precision[]) IS 'final function of the replicate_* aggregates';

CREATE FUNCTION @extschema@.replicate_mean_transfn(double precision[], double precision, double precision, double precision[], text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_replicate_mean_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.replicate_mean_transfn(double precision[], double precision, double precision, double precision[], text) IS 'transition function of the replicate_mean aggregate';
CREATE AGGREGATE @extschema@.replicate_mean(x double precision, weight double precision, replicate_weights double precision[], method text) (
    SFUNC = @extschema@.replicate_mean_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.replicate_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.replicate_mean(double precision, double precision, double precision[], text) IS
'the mean of x with replicate-weight variance, method jk1, jkn, brr, fay, sdr, bootstrap or other (scale and rscales as R survey''s svrepdesign), t interval on R - 1 df';

CREATE FUNCTION @extschema@.replicate_mean_transfn(double precision[], double precision, double precision, double precision[], text, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_replicate_mean_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.replicate_mean_transfn(double precision[], double precision, double precision, double precision[], text, text) IS 'transition function of the replicate_mean aggregate';
CREATE AGGREGATE @extschema@.replicate_mean(x double precision, weight double precision, replicate_weights double precision[], method text, options text) (
    SFUNC = @extschema@.replicate_mean_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.replicate_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.replicate_mean(double precision, double precision, double precision[], text, text) IS
'the mean of x with replicate-weight variance, method jk1, jkn, brr, fay, sdr, bootstrap or other (scale and rscales as R survey''s svrepdesign), t interval on R - 1 df; options: scale=, rho= (fay), mse=true, df=';

CREATE FUNCTION @extschema@.replicate_mean_transfn(double precision[], double precision, double precision, double precision[], text, text, double precision[])
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_replicate_mean_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.replicate_mean_transfn(double precision[], double precision, double precision, double precision[], text, text, double precision[]) IS 'transition function of the replicate_mean aggregate';
CREATE AGGREGATE @extschema@.replicate_mean(x double precision, weight double precision, replicate_weights double precision[], method text, options text, rscales double precision[]) (
    SFUNC = @extschema@.replicate_mean_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.replicate_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.replicate_mean(double precision, double precision, double precision[], text, text, double precision[]) IS
'the mean of x with replicate-weight variance, method jk1, jkn, brr, fay, sdr, bootstrap or other (scale and rscales as R survey''s svrepdesign), t interval on R - 1 df; rscales: one multiplier per replicate (needed by jkn)';

CREATE FUNCTION @extschema@.replicate_mean_transfn(double precision[], double precision, double precision, double precision[], text, text, double precision[], boolean)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_replicate_mean_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.replicate_mean_transfn(double precision[], double precision, double precision, double precision[], text, text, double precision[], boolean) IS 'transition function of the replicate_mean aggregate';
CREATE AGGREGATE @extschema@.replicate_mean(x double precision, weight double precision, replicate_weights double precision[], method text, options text, rscales double precision[], domain boolean) (
    SFUNC = @extschema@.replicate_mean_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.replicate_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.replicate_mean(double precision, double precision, double precision[], text, text, double precision[], boolean) IS
'the mean of x with replicate-weight variance, method jk1, jkn, brr, fay, sdr, bootstrap or other (scale and rscales as R survey''s svrepdesign), t interval on R - 1 df; domain: rows where it is not true count in no replicate (domain estimation)';

CREATE FUNCTION @extschema@.replicate_total_transfn(double precision[], double precision, double precision, double precision[], text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_replicate_total_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.replicate_total_transfn(double precision[], double precision, double precision, double precision[], text) IS 'transition function of the replicate_total aggregate';
CREATE AGGREGATE @extschema@.replicate_total(x double precision, weight double precision, replicate_weights double precision[], method text) (
    SFUNC = @extschema@.replicate_total_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.replicate_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.replicate_total(double precision, double precision, double precision[], text) IS
'the total of x with replicate-weight variance, method jk1, jkn, brr, fay, sdr, bootstrap or other (scale and rscales as R survey''s svrepdesign), t interval on R - 1 df';

CREATE FUNCTION @extschema@.replicate_total_transfn(double precision[], double precision, double precision, double precision[], text, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_replicate_total_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.replicate_total_transfn(double precision[], double precision, double precision, double precision[], text, text) IS 'transition function of the replicate_total aggregate';
CREATE AGGREGATE @extschema@.replicate_total(x double precision, weight double precision, replicate_weights double precision[], method text, options text) (
    SFUNC = @extschema@.replicate_total_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.replicate_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.replicate_total(double precision, double precision, double precision[], text, text) IS
'the total of x with replicate-weight variance, method jk1, jkn, brr, fay, sdr, bootstrap or other (scale and rscales as R survey''s svrepdesign), t interval on R - 1 df; options: scale=, rho= (fay), mse=true, df=';

CREATE FUNCTION @extschema@.replicate_total_transfn(double precision[], double precision, double precision, double precision[], text, text, double precision[])
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_replicate_total_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.replicate_total_transfn(double precision[], double precision, double precision, double precision[], text, text, double precision[]) IS 'transition function of the replicate_total aggregate';
CREATE AGGREGATE @extschema@.replicate_total(x double precision, weight double precision, replicate_weights double precision[], method text, options text, rscales double precision[]) (
    SFUNC = @extschema@.replicate_total_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.replicate_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.replicate_total(double precision, double precision, double precision[], text, text, double precision[]) IS
'the total of x with replicate-weight variance, method jk1, jkn, brr, fay, sdr, bootstrap or other (scale and rscales as R survey''s svrepdesign), t interval on R - 1 df; rscales: one multiplier per replicate (needed by jkn)';

CREATE FUNCTION @extschema@.replicate_total_transfn(double precision[], double precision, double precision, double precision[], text, text, double precision[], boolean)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_replicate_total_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.replicate_total_transfn(double precision[], double precision, double precision, double precision[], text, text, double precision[], boolean) IS 'transition function of the replicate_total aggregate';
CREATE AGGREGATE @extschema@.replicate_total(x double precision, weight double precision, replicate_weights double precision[], method text, options text, rscales double precision[], domain boolean) (
    SFUNC = @extschema@.replicate_total_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.replicate_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.replicate_total(double precision, double precision, double precision[], text, text, double precision[], boolean) IS
'the total of x with replicate-weight variance, method jk1, jkn, brr, fay, sdr, bootstrap or other (scale and rscales as R survey''s svrepdesign), t interval on R - 1 df; domain: rows where it is not true count in no replicate (domain estimation)';

CREATE FUNCTION @extschema@.replicate_proportion_transfn(double precision[], boolean, double precision, double precision[], text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_replicate_proportion_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.replicate_proportion_transfn(double precision[], boolean, double precision, double precision[], text) IS 'transition function of the replicate_proportion aggregate';
CREATE AGGREGATE @extschema@.replicate_proportion(outcome boolean, weight double precision, replicate_weights double precision[], method text) (
    SFUNC = @extschema@.replicate_proportion_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.replicate_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.replicate_proportion(boolean, double precision, double precision[], text) IS
'the share of outcome true (interval= logit, mean, beta, asin, xlogit, likelihood on df) with replicate-weight variance, method jk1, jkn, brr, fay, sdr, bootstrap or other (scale and rscales as R survey''s svrepdesign), t interval on R - 1 df';

CREATE FUNCTION @extschema@.replicate_proportion_transfn(double precision[], boolean, double precision, double precision[], text, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_replicate_proportion_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.replicate_proportion_transfn(double precision[], boolean, double precision, double precision[], text, text) IS 'transition function of the replicate_proportion aggregate';
CREATE AGGREGATE @extschema@.replicate_proportion(outcome boolean, weight double precision, replicate_weights double precision[], method text, options text) (
    SFUNC = @extschema@.replicate_proportion_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.replicate_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.replicate_proportion(boolean, double precision, double precision[], text, text) IS
'the share of outcome true (interval= logit, mean, beta, asin, xlogit, likelihood on df) with replicate-weight variance, method jk1, jkn, brr, fay, sdr, bootstrap or other (scale and rscales as R survey''s svrepdesign), t interval on R - 1 df; options: scale=, rho= (fay), mse=true, df=';

CREATE FUNCTION @extschema@.replicate_proportion_transfn(double precision[], boolean, double precision, double precision[], text, text, double precision[])
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_replicate_proportion_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.replicate_proportion_transfn(double precision[], boolean, double precision, double precision[], text, text, double precision[]) IS 'transition function of the replicate_proportion aggregate';
CREATE AGGREGATE @extschema@.replicate_proportion(outcome boolean, weight double precision, replicate_weights double precision[], method text, options text, rscales double precision[]) (
    SFUNC = @extschema@.replicate_proportion_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.replicate_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.replicate_proportion(boolean, double precision, double precision[], text, text, double precision[]) IS
'the share of outcome true (interval= logit, mean, beta, asin, xlogit, likelihood on df) with replicate-weight variance, method jk1, jkn, brr, fay, sdr, bootstrap or other (scale and rscales as R survey''s svrepdesign), t interval on R - 1 df; rscales: one multiplier per replicate (needed by jkn)';

CREATE FUNCTION @extschema@.replicate_proportion_transfn(double precision[], boolean, double precision, double precision[], text, text, double precision[], boolean)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_replicate_proportion_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.replicate_proportion_transfn(double precision[], boolean, double precision, double precision[], text, text, double precision[], boolean) IS 'transition function of the replicate_proportion aggregate';
CREATE AGGREGATE @extschema@.replicate_proportion(outcome boolean, weight double precision, replicate_weights double precision[], method text, options text, rscales double precision[], domain boolean) (
    SFUNC = @extschema@.replicate_proportion_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.replicate_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.replicate_proportion(boolean, double precision, double precision[], text, text, double precision[], boolean) IS
'the share of outcome true (interval= logit, mean, beta, asin, xlogit, likelihood on df) with replicate-weight variance, method jk1, jkn, brr, fay, sdr, bootstrap or other (scale and rscales as R survey''s svrepdesign), t interval on R - 1 df; domain: rows where it is not true count in no replicate (domain estimation)';

CREATE FUNCTION @extschema@.replicate_ratio_transfn(double precision[], double precision, double precision, double precision, double precision[], text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_replicate_ratio_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.replicate_ratio_transfn(double precision[], double precision, double precision, double precision, double precision[], text) IS 'transition function of the replicate_ratio aggregate';
CREATE AGGREGATE @extschema@.replicate_ratio(numerator double precision, denominator double precision, weight double precision, replicate_weights double precision[], method text) (
    SFUNC = @extschema@.replicate_ratio_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.replicate_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.replicate_ratio(double precision, double precision, double precision, double precision[], text) IS
'the ratio sum(w numerator) / sum(w denominator) with replicate-weight variance, method jk1, jkn, brr, fay, sdr, bootstrap or other (scale and rscales as R survey''s svrepdesign), t interval on R - 1 df';

CREATE FUNCTION @extschema@.replicate_ratio_transfn(double precision[], double precision, double precision, double precision, double precision[], text, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_replicate_ratio_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.replicate_ratio_transfn(double precision[], double precision, double precision, double precision, double precision[], text, text) IS 'transition function of the replicate_ratio aggregate';
CREATE AGGREGATE @extschema@.replicate_ratio(numerator double precision, denominator double precision, weight double precision, replicate_weights double precision[], method text, options text) (
    SFUNC = @extschema@.replicate_ratio_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.replicate_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.replicate_ratio(double precision, double precision, double precision, double precision[], text, text) IS
'the ratio sum(w numerator) / sum(w denominator) with replicate-weight variance, method jk1, jkn, brr, fay, sdr, bootstrap or other (scale and rscales as R survey''s svrepdesign), t interval on R - 1 df; options: scale=, rho= (fay), mse=true, df=';

CREATE FUNCTION @extschema@.replicate_ratio_transfn(double precision[], double precision, double precision, double precision, double precision[], text, text, double precision[])
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_replicate_ratio_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.replicate_ratio_transfn(double precision[], double precision, double precision, double precision, double precision[], text, text, double precision[]) IS 'transition function of the replicate_ratio aggregate';
CREATE AGGREGATE @extschema@.replicate_ratio(numerator double precision, denominator double precision, weight double precision, replicate_weights double precision[], method text, options text, rscales double precision[]) (
    SFUNC = @extschema@.replicate_ratio_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.replicate_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.replicate_ratio(double precision, double precision, double precision, double precision[], text, text, double precision[]) IS
'the ratio sum(w numerator) / sum(w denominator) with replicate-weight variance, method jk1, jkn, brr, fay, sdr, bootstrap or other (scale and rscales as R survey''s svrepdesign), t interval on R - 1 df; rscales: one multiplier per replicate (needed by jkn)';

CREATE FUNCTION @extschema@.replicate_ratio_transfn(double precision[], double precision, double precision, double precision, double precision[], text, text, double precision[], boolean)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_replicate_ratio_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.replicate_ratio_transfn(double precision[], double precision, double precision, double precision, double precision[], text, text, double precision[], boolean) IS 'transition function of the replicate_ratio aggregate';
CREATE AGGREGATE @extschema@.replicate_ratio(numerator double precision, denominator double precision, weight double precision, replicate_weights double precision[], method text, options text, rscales double precision[], domain boolean) (
    SFUNC = @extschema@.replicate_ratio_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.replicate_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.replicate_ratio(double precision, double precision, double precision, double precision[], text, text, double precision[], boolean) IS
'the ratio sum(w numerator) / sum(w denominator) with replicate-weight variance, method jk1, jkn, brr, fay, sdr, bootstrap or other (scale and rscales as R survey''s svrepdesign), t interval on R - 1 df; domain: rows where it is not true count in no replicate (domain estimation)';

-- Direct standardisation of survey estimates (svystandardize): the domain
-- means of each band weighted by the standard population, linearised over
-- the whole design.

CREATE FUNCTION @extschema@.survey_standardized_mean_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, @band_key@, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_standardized_mean_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_standardized_mean_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, @band_key@, double precision) IS 'transition function of the survey_standardized_mean aggregate';
CREATE AGGREGATE @extschema@.survey_standardized_mean(x double precision, weight double precision, stratum @stratum_key@, psu @psu_key@, age_band @band_key@, standard double precision) (
    SFUNC = @extschema@.survey_standardized_mean_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_standardized_mean(double precision, double precision, @stratum_key@, @psu_key@, @band_key@, double precision) IS
'the mean of x standardised to the standard population over age bands: sum over bands of standard * (domain mean in the band) / sum of standard (R survey svystandardize), linearised over the stratified cluster design; standard is the band''s standard population (any scale), the same on every row of a band';

CREATE FUNCTION @extschema@.survey_standardized_mean_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, @band_key@, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_standardized_mean_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_standardized_mean_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, @band_key@, double precision, double precision) IS 'transition function of the survey_standardized_mean aggregate';
CREATE AGGREGATE @extschema@.survey_standardized_mean(x double precision, weight double precision, stratum @stratum_key@, psu @psu_key@, age_band @band_key@, standard double precision, fpc double precision) (
    SFUNC = @extschema@.survey_standardized_mean_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_standardized_mean(double precision, double precision, @stratum_key@, @psu_key@, @band_key@, double precision, double precision) IS
'the mean of x standardised to the standard population over age bands: sum over bands of standard * (domain mean in the band) / sum of standard (R survey svystandardize), linearised over the stratified cluster design; standard is the band''s standard population (any scale), the same on every row of a band';

CREATE FUNCTION @extschema@.survey_standardized_mean_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, @band_key@, double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_standardized_mean_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_standardized_mean_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, @band_key@, double precision, double precision, double precision) IS 'transition function of the survey_standardized_mean aggregate';
CREATE AGGREGATE @extschema@.survey_standardized_mean(x double precision, weight double precision, stratum @stratum_key@, psu @psu_key@, age_band @band_key@, standard double precision, fpc double precision, level double precision) (
    SFUNC = @extschema@.survey_standardized_mean_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_standardized_mean(double precision, double precision, @stratum_key@, @psu_key@, @band_key@, double precision, double precision, double precision) IS
'the mean of x standardised to the standard population over age bands: sum over bands of standard * (domain mean in the band) / sum of standard (R survey svystandardize), linearised over the stratified cluster design; standard is the band''s standard population (any scale), the same on every row of a band';

CREATE FUNCTION @extschema@.survey_standardized_mean_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, @band_key@, double precision, double precision, double precision, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_standardized_mean_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_standardized_mean_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, @band_key@, double precision, double precision, double precision, text) IS 'transition function of the survey_standardized_mean aggregate';
CREATE AGGREGATE @extschema@.survey_standardized_mean(x double precision, weight double precision, stratum @stratum_key@, psu @psu_key@, age_band @band_key@, standard double precision, fpc double precision, level double precision, options text) (
    SFUNC = @extschema@.survey_standardized_mean_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_standardized_mean(double precision, double precision, @stratum_key@, @psu_key@, @band_key@, double precision, double precision, double precision, text) IS
'the mean of x standardised to the standard population over age bands: sum over bands of standard * (domain mean in the band) / sum of standard (R survey svystandardize), linearised over the stratified cluster design; standard is the band''s standard population (any scale), the same on every row of a band';

CREATE FUNCTION @extschema@.survey_standardized_mean_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, @band_key@, double precision, double precision, double precision, text, boolean)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_standardized_mean_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_standardized_mean_transfn(double precision[], double precision, double precision, @stratum_key@, @psu_key@, @band_key@, double precision, double precision, double precision, text, boolean) IS 'transition function of the survey_standardized_mean aggregate';
CREATE AGGREGATE @extschema@.survey_standardized_mean(x double precision, weight double precision, stratum @stratum_key@, psu @psu_key@, age_band @band_key@, standard double precision, fpc double precision, level double precision, options text, domain boolean) (
    SFUNC = @extschema@.survey_standardized_mean_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_standardized_mean(double precision, double precision, @stratum_key@, @psu_key@, @band_key@, double precision, double precision, double precision, text, boolean) IS
'the mean of x standardised to the standard population over age bands: sum over bands of standard * (domain mean in the band) / sum of standard (R survey svystandardize), linearised over the stratified cluster design; standard is the band''s standard population (any scale), the same on every row of a band';

CREATE FUNCTION @extschema@.survey_standardized_proportion_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, @band_key@, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_standardized_proportion_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_standardized_proportion_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, @band_key@, double precision) IS 'transition function of the survey_standardized_proportion aggregate';
CREATE AGGREGATE @extschema@.survey_standardized_proportion(outcome boolean, weight double precision, stratum @stratum_key@, psu @psu_key@, age_band @band_key@, standard double precision) (
    SFUNC = @extschema@.survey_standardized_proportion_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_standardized_proportion(boolean, double precision, @stratum_key@, @psu_key@, @band_key@, double precision) IS
'the share of outcome true standardised to the standard population over age bands: sum over bands of standard * (domain mean in the band) / sum of standard (R survey svystandardize), linearised over the stratified cluster design; standard is the band''s standard population (any scale), the same on every row of a band';

CREATE FUNCTION @extschema@.survey_standardized_proportion_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, @band_key@, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_standardized_proportion_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_standardized_proportion_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, @band_key@, double precision, double precision) IS 'transition function of the survey_standardized_proportion aggregate';
CREATE AGGREGATE @extschema@.survey_standardized_proportion(outcome boolean, weight double precision, stratum @stratum_key@, psu @psu_key@, age_band @band_key@, standard double precision, fpc double precision) (
    SFUNC = @extschema@.survey_standardized_proportion_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_standardized_proportion(boolean, double precision, @stratum_key@, @psu_key@, @band_key@, double precision, double precision) IS
'the share of outcome true standardised to the standard population over age bands: sum over bands of standard * (domain mean in the band) / sum of standard (R survey svystandardize), linearised over the stratified cluster design; standard is the band''s standard population (any scale), the same on every row of a band';

CREATE FUNCTION @extschema@.survey_standardized_proportion_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, @band_key@, double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_standardized_proportion_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_standardized_proportion_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, @band_key@, double precision, double precision, double precision) IS 'transition function of the survey_standardized_proportion aggregate';
CREATE AGGREGATE @extschema@.survey_standardized_proportion(outcome boolean, weight double precision, stratum @stratum_key@, psu @psu_key@, age_band @band_key@, standard double precision, fpc double precision, level double precision) (
    SFUNC = @extschema@.survey_standardized_proportion_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_standardized_proportion(boolean, double precision, @stratum_key@, @psu_key@, @band_key@, double precision, double precision, double precision) IS
'the share of outcome true standardised to the standard population over age bands: sum over bands of standard * (domain mean in the band) / sum of standard (R survey svystandardize), linearised over the stratified cluster design; standard is the band''s standard population (any scale), the same on every row of a band';

CREATE FUNCTION @extschema@.survey_standardized_proportion_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, @band_key@, double precision, double precision, double precision, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_standardized_proportion_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_standardized_proportion_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, @band_key@, double precision, double precision, double precision, text) IS 'transition function of the survey_standardized_proportion aggregate';
CREATE AGGREGATE @extschema@.survey_standardized_proportion(outcome boolean, weight double precision, stratum @stratum_key@, psu @psu_key@, age_band @band_key@, standard double precision, fpc double precision, level double precision, options text) (
    SFUNC = @extschema@.survey_standardized_proportion_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_standardized_proportion(boolean, double precision, @stratum_key@, @psu_key@, @band_key@, double precision, double precision, double precision, text) IS
'the share of outcome true standardised to the standard population over age bands: sum over bands of standard * (domain mean in the band) / sum of standard (R survey svystandardize), linearised over the stratified cluster design; standard is the band''s standard population (any scale), the same on every row of a band';

CREATE FUNCTION @extschema@.survey_standardized_proportion_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, @band_key@, double precision, double precision, double precision, text, boolean)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_survey_standardized_proportion_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survey_standardized_proportion_transfn(double precision[], boolean, double precision, @stratum_key@, @psu_key@, @band_key@, double precision, double precision, double precision, text, boolean) IS 'transition function of the survey_standardized_proportion aggregate';
CREATE AGGREGATE @extschema@.survey_standardized_proportion(outcome boolean, weight double precision, stratum @stratum_key@, psu @psu_key@, age_band @band_key@, standard double precision, fpc double precision, level double precision, options text, domain boolean) (
    SFUNC = @extschema@.survey_standardized_proportion_transfn, STYPE = double precision[],
    FINALFUNC = @extschema@.survey_finalfn,
    COMBINEFUNC = @extschema@.state_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.survey_standardized_proportion(boolean, double precision, @stratum_key@, @psu_key@, @band_key@, double precision, double precision, double precision, text, boolean) IS
'the share of outcome true standardised to the standard population over age bands: sum over bands of standard * (domain mean in the band) / sum of standard (R survey svystandardize), linearised over the stratified cluster design; standard is the band''s standard population (any scale), the same on every row of a band';

-- replicate_difference: two estimates of one replicate design (their
-- <measure>_state, typically with FILTER on a domain) and their difference
CREATE FUNCTION @extschema@.replicate_difference(a double precision[], b double precision[])
RETURNS @extschema@.survey_estimate
AS 'MODULE_PATHNAME', 'wb_replicate_difference'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.replicate_difference(double precision[], double precision[]) IS
'a - b for two states of the same replicate aggregate (replicate_mean_state, replicate_total_state, replicate_proportion_state or replicate_ratio_state with the same weights, method and options, for example with FILTER (WHERE domain = ...)): the replicate estimates are differenced replicate by replicate, so the SE carries the covariance of the two estimates (R survey svycontrast on svyby(..., covmat = TRUE)); t interval on the design df; n = rows of both';
