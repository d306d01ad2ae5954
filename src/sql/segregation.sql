-- segregation.sql: two-group residential segregation over areal units,
-- one row per unit (tract) with its counts.

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

-- The decomposition of M: units nested in districts, M =
-- M between districts + sum_d p_d M within district d (the chain rule of
-- mutual information); and the local scores L_g, M = sum_g p_g L_g.
CREATE FUNCTION @extschema@.mutual_information_decomposition(
    unit text[],
    district text[],
    grp text[],
    count double precision[])
RETURNS TABLE (component text, name text, share double precision, value double precision,
               contribution double precision)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $body$
#variable_conflict use_column
BEGIN
    IF cardinality(district) IS DISTINCT FROM cardinality(unit)
       OR cardinality(grp) IS DISTINCT FROM cardinality(unit)
       OR cardinality(count) IS DISTINCT FROM cardinality(unit) THEN
        RAISE EXCEPTION 'unit, district, grp and count must have the same length'
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('Lengths: %s, %s, %s, %s.', cardinality(unit), cardinality(district),
                                  cardinality(grp), cardinality(count));
    END IF;
    IF EXISTS (SELECT 1 FROM unnest(unit, district) AS u(un, d) WHERE un IS NOT NULL
               GROUP BY un HAVING count(DISTINCT d) > 1) THEN
        RAISE EXCEPTION 'every unit must lie in one district'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN QUERY
    WITH r AS (
        SELECT u.un AS unit, u.d AS district, u.g AS grp, u.c AS c
        FROM unnest(unit, district, grp, count) AS u(un, d, g, c)
        WHERE u.un IS NOT NULL AND u.d IS NOT NULL AND u.g IS NOT NULL AND u.c IS NOT NULL
    ), t AS (SELECT sum(r.c) AS total FROM r
    ), d AS (
        SELECT r.district, sum(r.c) / nullif((SELECT total FROM t), 0) AS p,
               (@extschema@.mutual_information(r.unit, r.grp, r.c)).value AS m
        FROM r GROUP BY r.district
    ), g AS (       -- local scores: L_g = sum_u p(u|g) ln(p(u|g) / p(u))
        SELECT x.grp, x.pg, sum(x.pug * ln(x.pug / x.pu)) FILTER (WHERE x.pug > 0) AS l
        FROM (SELECT r.grp, r.unit,
                     -- a group or a table with no one in it has no shares
                     sum(r.c) / nullif(sum(sum(r.c)) OVER (PARTITION BY r.grp), 0) AS pug,
                     sum(sum(r.c)) OVER (PARTITION BY r.unit) / nullif((SELECT total FROM t), 0) AS pu,
                     sum(sum(r.c)) OVER (PARTITION BY r.grp) / nullif((SELECT total FROM t), 0) AS pg
              FROM r GROUP BY r.grp, r.unit) x
        GROUP BY x.grp, x.pg
    ), m AS (
        SELECT (SELECT (@extschema@.mutual_information(r.unit, r.grp, r.c)).value FROM r) AS total,
               (SELECT (@extschema@.mutual_information(r.district, r.grp, r.c)).value FROM r) AS between
    )
    SELECT 'total'::text, NULL::text, 1.0::float8, m.total, m.total FROM m
    UNION ALL
    SELECT 'between', NULL, NULL, m.between, m.between FROM m
    UNION ALL
    SELECT 'within', NULL, NULL, (SELECT sum(d.p * d.m) FROM d), (SELECT sum(d.p * d.m) FROM d)
    UNION ALL
    (SELECT 'district', d.district, d.p, d.m, d.p * d.m FROM d ORDER BY d.district)
    UNION ALL
    (SELECT 'local', g.grp, g.pg, g.l, g.pg * g.l FROM g ORDER BY g.grp);
END
$body$;
COMMENT ON FUNCTION @extschema@.mutual_information_decomposition(text[], text[], text[], double precision[]) IS
'the mutual information index M of (unit, group, count) rows split into between districts (M of the district-by-group table) and within (sum over districts of their population share times their own M), exactly total = between + within; and the local segregation scores L_g of each group, M = sum p_g L_g (R segregation mutual_within, mutual_local)';
