-- lifetable.sql: life expectancy from deaths and population by age band
-- (Chiang II abridged life table, Silcocks' variance for the open band, as
-- PHE's calculator and PHEindicatormethods::phe_life_expectancy).

CREATE TYPE @extschema@.life_expectancy AS (
    value double precision,
    se double precision,
    lower double precision,
    upper double precision,
    n double precision,
    level double precision,
    age double precision,
    reason text
);
COMMENT ON TYPE @extschema@.life_expectancy IS
'life expectancy at age: value, standard error, normal interval, n (deaths in the bands from age on), level, the age, and why the value is missing when it is (not calculated, or a 95 % interval wider than 20 years); casts implicitly to wellbeing.estimate';

CREATE FUNCTION @extschema@.life_expectancy_to_estimate(e @extschema@.life_expectancy)
RETURNS @extschema@.estimate
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN ROW(e.value, e.se, e.lower, e.upper, e.n, e.level)::@extschema@.estimate;
COMMENT ON FUNCTION @extschema@.life_expectancy_to_estimate(@extschema@.life_expectancy) IS
'the life expectancy without its age and reason, so it can go wherever a wellbeing.estimate goes (difference, reliability, the disparity measures)';
CREATE CAST (@extschema@.life_expectancy AS @extschema@.estimate)
    WITH FUNCTION @extschema@.life_expectancy_to_estimate(@extschema@.life_expectancy) AS IMPLICIT;

CREATE FUNCTION @extschema@.life_expectancy_finalfn(double precision[])
RETURNS @extschema@.life_expectancy
AS 'MODULE_PATHNAME', 'wb_life_expectancy_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.life_expectancy_finalfn(double precision[]) IS 'final function of the life_expectancy aggregate';

CREATE FUNCTION @extschema@.life_expectancy_transfn(double precision[], double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_life_expectancy_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.life_expectancy_transfn(double precision[], double precision, double precision, double precision) IS 'transition function of the life_expectancy aggregate';
CREATE AGGREGATE @extschema@.life_expectancy(age double precision, deaths double precision, population double precision) (
    SFUNC = @extschema@.life_expectancy_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.life_expectancy_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.life_expectancy(double precision, double precision, double precision) IS
'life expectancy at birth from one row per age band (age at the start of the band, deaths, population or person-years; the last band open): Chiang II abridged life table, Silcocks'' variance for the open band, 95 % normal interval (PHE, PHEindicatormethods::phe_life_expectancy)';

CREATE FUNCTION @extschema@.life_expectancy_transfn(double precision[], double precision, double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_life_expectancy_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.life_expectancy_transfn(double precision[], double precision, double precision, double precision, double precision) IS 'transition function of the life_expectancy aggregate';
CREATE AGGREGATE @extschema@.life_expectancy(age double precision, deaths double precision, population double precision, at_age double precision) (
    SFUNC = @extschema@.life_expectancy_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.life_expectancy_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.life_expectancy(double precision, double precision, double precision, double precision) IS
'life expectancy at at_age (the start of a band, e.g. 65) from one row per age band; Chiang II abridged life table as PHE';

CREATE FUNCTION @extschema@.life_expectancy_transfn(double precision[], double precision, double precision, double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_life_expectancy_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.life_expectancy_transfn(double precision[], double precision, double precision, double precision, double precision, double precision) IS 'transition function of the life_expectancy aggregate';
CREATE AGGREGATE @extschema@.life_expectancy(age double precision, deaths double precision, population double precision, at_age double precision, level double precision) (
    SFUNC = @extschema@.life_expectancy_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.life_expectancy_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.life_expectancy(double precision, double precision, double precision, double precision, double precision) IS
'life expectancy at at_age with an interval at the given level; Chiang II abridged life table as PHE';

CREATE FUNCTION @extschema@.life_expectancy_transfn(double precision[], double precision, double precision, double precision, double precision, double precision, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_life_expectancy_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.life_expectancy_transfn(double precision[], double precision, double precision, double precision, double precision, double precision, text) IS 'transition function of the life_expectancy aggregate';
CREATE AGGREGATE @extschema@.life_expectancy(age double precision, deaths double precision, population double precision, at_age double precision, level double precision, convention text) (
    SFUNC = @extschema@.life_expectancy_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.life_expectancy_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.life_expectancy(double precision, double precision, double precision, double precision, double precision, text) IS
'life expectancy at at_age with an interval at the given level and an a_x convention: phe (a = 0.1 in the band starting at 0, 0.5 elsewhere; the default) or uniform (0.5 everywhere)';

CREATE FUNCTION @extschema@.life_table(state double precision[],
    OUT age double precision, OUT width double precision, OUT deaths double precision,
    OUT population double precision, OUT m double precision, OUT a double precision,
    OUT q double precision, OUT l double precision, OUT d double precision,
    OUT person_years double precision, OUT total_years double precision,
    OUT e double precision, OUT se double precision, OUT lower double precision,
    OUT upper double precision, OUT level double precision,
    OUT deaths_used double precision, OUT population_used double precision, OUT reason text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'wb_life_table'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.life_table(double precision[]) IS
'the whole life table of a state made by life_expectancy_state, one row per band in age order: width (NULL for the open band), deaths, population, m, a, q, l, d, L (person_years), T (total_years), e with its se and interval, deaths and population from the band on, and why e is missing when it is';

CREATE FUNCTION @extschema@.life_expectancy_decomposition(from_state double precision[], to_state double precision[],
    OUT age double precision, OUT direct double precision, OUT indirect double precision,
    OUT interaction double precision, OUT total double precision, OUT reason text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'wb_life_expectancy_decomposition'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.life_expectancy_decomposition(double precision[], double precision[]) IS
'the gap in life expectancy at birth between two life tables (to minus from, states made by life_expectancy_state over the same bands) split into the contribution of each band: Arriaga''s direct, indirect and interaction effects in the symmetric form of decompositionLE''s arriaga3; the totals add up to the gap; no contributions, and the reason, when a table is not calculated';

CREATE FUNCTION @extschema@.life_expectancy_decomposition(age double precision[],
    l_from double precision[], e_from double precision[],
    l_to double precision[], e_to double precision[],
    OUT age double precision, OUT direct double precision, OUT indirect double precision,
    OUT interaction double precision, OUT total double precision, OUT reason text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'wb_life_table_decomposition'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.life_expectancy_decomposition(double precision[], double precision[], double precision[], double precision[], double precision[]) IS
'the same decomposition for published life tables given as arrays in age order: the start of each band, survivors l (any radix) and life expectancy e of the from and to tables';

CREATE FUNCTION @extschema@.cause_contribution(contribution double precision,
    cause_rate_from double precision, cause_rate_to double precision,
    rate_from double precision, rate_to double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'wb_cause_contribution'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cause_contribution(double precision, double precision, double precision, double precision, double precision) IS
'the part of a band''s contribution to a life expectancy gap due to one cause of death: contribution times the cause''s share of the change in the band''s death rate, (cause_rate_to - cause_rate_from) / (rate_to - rate_from) (Preston, Heuveline and Guillot 2001); NULL when the all-cause rate did not change';
