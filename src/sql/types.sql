-- types.sql: the wellbeing.estimate composite, its constructors, and the
-- state plumbing shared by every aggregate.

CREATE TYPE @extschema@.estimate AS (
    value double precision,
    se double precision,
    lower double precision,
    upper double precision,
    n double precision,
    level double precision
);
COMMENT ON TYPE @extschema@.estimate IS
'an estimate with its standard error and confidence interval: value, se (same scale as value), lower, upper, n (unweighted observations, or events for rates), level (confidence level)';

CREATE FUNCTION @extschema@.estimate(
    value double precision,
    se double precision,
    n double precision DEFAULT NULL,
    level double precision DEFAULT 0.95)
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_estimate_make'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.estimate(double precision, double precision, double precision, double precision) IS
'builds an estimate from a published value and standard error, with the normal interval value ± z·se';

CREATE FUNCTION @extschema@.estimate_from_ci(
    value double precision,
    lower double precision,
    upper double precision,
    level double precision DEFAULT 0.95,
    log_scale boolean DEFAULT false)
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_estimate_from_ci'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.estimate_from_ci(double precision, double precision, double precision, double precision, boolean) IS
'builds an estimate from a published value and interval, recovering se = (upper - lower) / (2 z), or on the log scale se = value · (ln upper - ln lower) / (2 z)';

CREATE FUNCTION @extschema@.p_value(estimate @extschema@.estimate, null_value double precision DEFAULT 0)
RETURNS double precision
AS 'MODULE_PATHNAME', 'wb_p_value'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.p_value(@extschema@.estimate, double precision) IS
'two-sided p-value of the normal test that the parameter equals null_value (default 0, as for a difference): 2 Phi(-|value - null_value| / se); NULL without a standard error';

-- One combine function for every aggregate: a state's first element tags
-- its kind.
CREATE FUNCTION @extschema@.state_combine(double precision[], double precision[])
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_state_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.state_combine(double precision[], double precision[]) IS
'merges two partial aggregate states of the same measure (used by parallel and distributed aggregation)';

CREATE FUNCTION @extschema@.state_kinds(
    OUT kind integer, OUT name text, OUT version integer, OUT tag double precision,
    OUT header_fields integer, OUT row_fields integer, OUT parameters integer,
    OUT rows_field integer, OUT part text, OUT field_number integer,
    OUT field text, OUT rule text, OUT codes text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'wb_state_kinds'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.state_kinds() IS
'the layout of every aggregate state kind, one row per field: the rule each header and row field must satisfy (states are checked against it wherever they are read)';

CREATE FUNCTION @extschema@.state_measures(
    OUT measure text, OUT kind integer, OUT kind_name text, OUT code integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'wb_state_measures'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.state_measures() IS
'every measure with a stored state: the state kind its _state aggregate makes and the code that tells it from the other measures of the kind (0: none needed)';
