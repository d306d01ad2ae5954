-- segregation.sql: two-group residential segregation over areal units
-- (SPEC section 4), one row per unit (tract) with its counts.

CREATE FUNCTION @extschema@.dissimilarity_finalfn(double precision[])
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_dissimilarity_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dissimilarity_finalfn(double precision[]) IS 'final function of the dissimilarity aggregate';
CREATE FUNCTION @extschema@.dissimilarity_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_dissimilarity_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dissimilarity_transfn(double precision[], double precision, double precision) IS 'transition function of the dissimilarity aggregate';
CREATE AGGREGATE @extschema@.dissimilarity(group_count double precision, other_count double precision) (
    SFUNC = @extschema@.dissimilarity_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.dissimilarity_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dissimilarity(double precision, double precision) IS
'index of dissimilarity 1/2 sum |x/X - y/Y| over units (one row per tract: the group''s count and the others'' count)';

CREATE FUNCTION @extschema@.exposure_finalfn(double precision[])
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_exposure_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.exposure_finalfn(double precision[]) IS 'final function of the isolation and exposure aggregates';
CREATE FUNCTION @extschema@.isolation_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_isolation_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.isolation_transfn(double precision[], double precision, double precision) IS 'transition function of the isolation aggregate';
CREATE AGGREGATE @extschema@.isolation(group_count double precision, total double precision) (
    SFUNC = @extschema@.isolation_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.exposure_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.isolation(double precision, double precision) IS
'isolation index xPx = sum (x/X)(x/t) over units: the share of the group in the average member''s unit';
CREATE FUNCTION @extschema@.exposure_transfn(double precision[], double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_exposure_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.exposure_transfn(double precision[], double precision, double precision, double precision) IS 'transition function of the exposure aggregate';
CREATE AGGREGATE @extschema@.exposure(group_count double precision, other_count double precision, total double precision) (
    SFUNC = @extschema@.exposure_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.exposure_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.exposure(double precision, double precision, double precision) IS
'exposure index xPy = sum (x/X)(y/t) over units: the share of the other group in the average group member''s unit';

CREATE FUNCTION @extschema@.multigroup_transfn(double precision[], text, text, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_multigroup_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.multigroup_transfn(double precision[], text, text, double precision) IS 'transition function of mutual_information and entropy_index';
CREATE FUNCTION @extschema@.mutual_information_finalfn(double precision[])
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_mutual_information_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mutual_information_finalfn(double precision[]) IS 'final function of the mutual_information aggregate';
CREATE FUNCTION @extschema@.entropy_index_finalfn(double precision[])
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_entropy_index_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.entropy_index_finalfn(double precision[]) IS 'final function of the entropy_index aggregate';

CREATE AGGREGATE @extschema@.mutual_information(unit text, grp text, count double precision) (
    SFUNC = @extschema@.multigroup_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.mutual_information_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mutual_information(text, text, double precision) IS
'multigroup segregation: mutual information index M = sum p_ug ln(p_ug / (p_u p_g)) over one row per unit and group with its count (natural log, as R segregation)';

CREATE AGGREGATE @extschema@.entropy_index(unit text, grp text, count double precision) (
    SFUNC = @extschema@.multigroup_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.entropy_index_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.entropy_index(text, text, double precision) IS
'multigroup segregation: Theil''s entropy index H = M / E, E = the entropy of the group shares (R segregation)';
