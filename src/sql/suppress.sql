-- suppress.sql: reliability flags and suppression (counts that describe residents).

CREATE FUNCTION @extschema@.reliability(
    estimate @extschema@.estimate,
    min_n double precision DEFAULT 11,
    max_rse double precision DEFAULT 0.30)
RETURNS text
AS 'MODULE_PATHNAME', 'wb_reliability'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.reliability(@extschema@.estimate, double precision, double precision) IS
'''suppress'' when n < min_n (default 11) or n is unknown, ''unreliable'' when there is no standard error, the value is zero, or the relative standard error se/|value| exceeds max_rse (default 0.30), else ''reliable''';

CREATE FUNCTION @extschema@.suppress(
    estimate @extschema@.estimate,
    min_n double precision DEFAULT 11,
    max_rse double precision DEFAULT 0.30,
    suppress_unreliable boolean DEFAULT false)
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_suppress'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.suppress(@extschema@.estimate, double precision, double precision, boolean) IS
'the estimate with value, se, interval and n set to NULL where reliability() says suppress (and also where it says unreliable, if suppress_unreliable)';

CREATE FUNCTION @extschema@.complementary_suppression(
    count double precision,
    "primary" boolean)
RETURNS boolean
AS 'MODULE_PATHNAME', 'wb_complementary_suppression'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.complementary_suppression(double precision, boolean) IS
'window function: true for each cell of the partition that must be hidden, the primary cells plus the smallest non-zero cells (zero cells only as a last resort) needed so that at least two are hidden and none can be recovered from the total';

CREATE FUNCTION @extschema@.complementary_suppression(
    count double precision,
    "primary" boolean,
    min_total double precision)
RETURNS boolean
AS 'MODULE_PATHNAME', 'wb_complementary_suppression'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.complementary_suppression(double precision, boolean, double precision) IS
'window function: as complementary_suppression(count, primary), and the hidden cells must also add up to at least min_total so their sum is not itself a small number';
