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

-- The NCHS Data Presentation Standards for Proportions (Parker et al. 2017)
CREATE FUNCTION @extschema@.nchs_presentation(
    estimate @extschema@.estimate,
    OUT decision text, OUT reason text, OUT effective_n double precision, OUT df double precision,
    OUT lower double precision, OUT upper double precision,
    OUT ci_width double precision, OUT relative_ci_width double precision)
RETURNS record
AS 'MODULE_PATHNAME', 'wb_nchs_presentation'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nchs_presentation(@extschema@.estimate) IS
'the NCHS Data Presentation Standards for Proportions (Parker et al. 2017, Vital Health Stat 2(175)) for a proportion of a simple random sample (df = n - 1): decision present | review | suppress, the reason, the effective sample size and the Korn-Graubard 95 % interval the standard judges';

CREATE FUNCTION @extschema@.nchs_presentation(
    estimate @extschema@.survey_estimate,
    OUT decision text, OUT reason text, OUT effective_n double precision, OUT df double precision,
    OUT lower double precision, OUT upper double precision,
    OUT ci_width double precision, OUT relative_ci_width double precision)
RETURNS record
AS 'MODULE_PATHNAME', 'wb_nchs_presentation_survey'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nchs_presentation(@extschema@.survey_estimate) IS
'the NCHS Data Presentation Standards for Proportions (Parker et al. 2017) for a design-based proportion: effective sample size p(1-p)/se^2 (at most n) >= 30, the Korn-Graubard 95 % interval on the design df (absolute width <= 0.05 present, >= 0.30 suppress, relative width > 130 % suppress), review when df < 8, the complement''s relative width > 130 % or p is 0 or 1';

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
