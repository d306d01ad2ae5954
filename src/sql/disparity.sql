-- disparity.sql: disparity measures (SPEC section 4).

CREATE FUNCTION @extschema@.difference(
    a @extschema@.estimate,
    b @extschema@.estimate,
    level double precision DEFAULT 0.95)
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_difference'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.difference(@extschema@.estimate, @extschema@.estimate, double precision) IS
'difference a - b of two independent estimates, se = sqrt(se_a^2 + se_b^2), normal interval (WHO HEAT D); n is the smaller n';

CREATE FUNCTION @extschema@.ratio(
    a @extschema@.estimate,
    b @extschema@.estimate,
    level double precision DEFAULT 0.95)
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_ratio'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratio(@extschema@.estimate, @extschema@.estimate, double precision) IS
'ratio a / b of two independent estimates, delta-method se, interval symmetric on the log scale (WHO HEAT R); n is the smaller n';
