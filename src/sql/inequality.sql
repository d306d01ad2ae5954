-- inequality.sql: the generalised-entropy family:
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

-- Measures that must see every value (the (x, weight) sample state, 16
-- bytes a row): gini, quintile_share_ratio, palma, hoover.
CREATE FUNCTION @extschema@.gini_finalfn(double precision[])
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_gini_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gini_finalfn(double precision[]) IS 'final function of the gini aggregate';

CREATE FUNCTION @extschema@.quintile_share_ratio_finalfn(double precision[])
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_qsr_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.quintile_share_ratio_finalfn(double precision[]) IS 'final function of the quintile_share_ratio aggregate';

CREATE FUNCTION @extschema@.palma_finalfn(double precision[])
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_palma_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.palma_finalfn(double precision[]) IS 'final function of the palma aggregate';

CREATE FUNCTION @extschema@.hoover_finalfn(double precision[])
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_hoover_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.hoover_finalfn(double precision[]) IS 'final function of the hoover aggregate';

CREATE FUNCTION @extschema@.gini_transfn(double precision[], double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_gini_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gini_transfn(double precision[], double precision) IS 'transition function of the gini aggregate';
CREATE AGGREGATE @extschema@.gini(x double precision) (
    SFUNC = @extschema@.gini_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.gini_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.gini(double precision) IS
'Gini coefficient (weighted), as laeken::gini / 100 and R ineq; corrected = true multiplies by 1 / (1 - sum of squared weight shares), as DescTools unbiased (n/(n-1) for equal weights)';

CREATE FUNCTION @extschema@.gini_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_gini_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gini_transfn(double precision[], double precision, double precision) IS 'transition function of the gini aggregate';
CREATE AGGREGATE @extschema@.gini(x double precision, weight double precision) (
    SFUNC = @extschema@.gini_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.gini_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.gini(double precision, double precision) IS
'Gini coefficient (weighted), as laeken::gini / 100 and R ineq; corrected = true multiplies by 1 / (1 - sum of squared weight shares), as DescTools unbiased (n/(n-1) for equal weights)';

CREATE FUNCTION @extschema@.gini_transfn(double precision[], double precision, double precision, boolean)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_gini_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gini_transfn(double precision[], double precision, double precision, boolean) IS 'transition function of the gini aggregate';
CREATE AGGREGATE @extschema@.gini(x double precision, weight double precision, corrected boolean) (
    SFUNC = @extschema@.gini_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.gini_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.gini(double precision, double precision, boolean) IS
'Gini coefficient (weighted), as laeken::gini / 100 and R ineq; corrected = true multiplies by 1 / (1 - sum of squared weight shares), as DescTools unbiased (n/(n-1) for equal weights)';

CREATE FUNCTION @extschema@.quintile_share_ratio_transfn(double precision[], double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_sorted_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.quintile_share_ratio_transfn(double precision[], double precision) IS 'transition function of the quintile_share_ratio aggregate';
CREATE AGGREGATE @extschema@.quintile_share_ratio(x double precision) (
    SFUNC = @extschema@.quintile_share_ratio_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.quintile_share_ratio_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.quintile_share_ratio(double precision) IS
'quintile share ratio S80/S20 as laeken::qsr: weighted income total above the 80th percentile over the total at or below the 20th (the ratio of income shares)';

CREATE FUNCTION @extschema@.quintile_share_ratio_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_sorted_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.quintile_share_ratio_transfn(double precision[], double precision, double precision) IS 'transition function of the quintile_share_ratio aggregate';
CREATE AGGREGATE @extschema@.quintile_share_ratio(x double precision, weight double precision) (
    SFUNC = @extschema@.quintile_share_ratio_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.quintile_share_ratio_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.quintile_share_ratio(double precision, double precision) IS
'quintile share ratio S80/S20 as laeken::qsr: weighted income total above the 80th percentile over the total at or below the 20th (the ratio of income shares)';

CREATE FUNCTION @extschema@.palma_transfn(double precision[], double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_sorted_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.palma_transfn(double precision[], double precision) IS 'transition function of the palma aggregate';
CREATE AGGREGATE @extschema@.palma(x double precision) (
    SFUNC = @extschema@.palma_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.palma_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.palma(double precision) IS
'Palma ratio: income held above the 90th percentile over income held at or below the 40th (laeken weighted quantiles)';

CREATE FUNCTION @extschema@.palma_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_sorted_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.palma_transfn(double precision[], double precision, double precision) IS 'transition function of the palma aggregate';
CREATE AGGREGATE @extschema@.palma(x double precision, weight double precision) (
    SFUNC = @extschema@.palma_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.palma_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.palma(double precision, double precision) IS
'Palma ratio: income held above the 90th percentile over income held at or below the 40th (laeken weighted quantiles)';

CREATE FUNCTION @extschema@.hoover_transfn(double precision[], double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_sorted_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.hoover_transfn(double precision[], double precision) IS 'transition function of the hoover aggregate';
CREATE AGGREGATE @extschema@.hoover(x double precision) (
    SFUNC = @extschema@.hoover_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.hoover_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.hoover(double precision) IS
'Hoover (Robin Hood) index: 1/2 sum w |x - mu| / (W mu), the share of income that would have to move to equalise it';

CREATE FUNCTION @extschema@.hoover_transfn(double precision[], double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_sorted_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.hoover_transfn(double precision[], double precision, double precision) IS 'transition function of the hoover aggregate';
CREATE AGGREGATE @extschema@.hoover(x double precision, weight double precision) (
    SFUNC = @extschema@.hoover_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.hoover_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.hoover(double precision, double precision) IS
'Hoover (Robin Hood) index: 1/2 sum w |x - mu| / (W mu), the share of income that would have to move to equalise it';

-- theil_decomposition: the exact between/within decomposition of Theil T and
-- the mean log deviation over groups.
CREATE FUNCTION @extschema@.theil_decomposition(
    x double precision[],
    weight double precision[],
    grp text[])
RETURNS TABLE (index text, component text, group_name text, population_share double precision,
               income_share double precision, mean double precision, value double precision,
               contribution double precision, share_of_total double precision)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $body$
#variable_conflict use_column
BEGIN
    IF cardinality(weight) IS DISTINCT FROM cardinality(x)
       OR cardinality(grp) IS DISTINCT FROM cardinality(x) THEN
        RAISE EXCEPTION 'x, weight and grp must have the same length'
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('Lengths: %s, %s, %s.', cardinality(x), cardinality(weight), cardinality(grp));
    END IF;
    RETURN QUERY
    WITH rows AS (
        SELECT u.x, u.w, u.g
        FROM unnest(x, weight, grp) AS u(x, w, g)
        WHERE u.x IS NOT NULL AND u.w IS NOT NULL AND u.g IS NOT NULL
    ), groups AS (
        SELECT r.g, sum(r.w) AS wg, sum(r.w * r.x) / nullif(sum(r.w), 0) AS mu_g,
               (@extschema@.theil_t(r.x, r.w)).value AS t_g,
               (@extschema@.mean_log_deviation(r.x, r.w)).value AS l_g
        FROM rows r GROUP BY r.g
    ), total AS (
        SELECT sum(r.w) AS wt, sum(r.w * r.x) / nullif(sum(r.w), 0) AS mu,
               (@extschema@.theil_t(r.x, r.w)).value AS t,
               (@extschema@.mean_log_deviation(r.x, r.w)).value AS l
        FROM rows r
    ), parts AS (
        -- population share pi_g, income share s_g = pi_g mu_g / mu (NULL when
        -- the total weight or mean is 0: the decomposition is undefined)
        SELECT g.g, g.wg / nullif(t.wt, 0) AS pi, g.wg * g.mu_g / nullif(t.wt * t.mu, 0) AS s, g.mu_g, g.t_g, g.l_g,
               t.mu, t.t, t.l
        FROM groups g, total t
    )
    SELECT d.* FROM (
    -- Theil T = sum s_g T_g + sum s_g ln(mu_g / mu)
    SELECT 'theil_t', 'total', NULL::text, 1.0::float8, 1.0::float8, max(p.mu), max(p.t), max(p.t), 1.0::float8 FROM parts p
    UNION ALL
    SELECT 'theil_t', 'between', NULL, NULL, NULL, NULL, sum(CASE WHEN p.s = 0 THEN 0 WHEN p.mu_g > 0 AND p.mu > 0 THEN p.s * ln(p.mu_g / p.mu) END), sum(CASE WHEN p.s = 0 THEN 0 WHEN p.mu_g > 0 AND p.mu > 0 THEN p.s * ln(p.mu_g / p.mu) END),
           sum(CASE WHEN p.s = 0 THEN 0 WHEN p.mu_g > 0 AND p.mu > 0 THEN p.s * ln(p.mu_g / p.mu) END) / nullif(max(p.t), 0) FROM parts p
    UNION ALL
    SELECT 'theil_t', 'within', NULL, NULL, NULL, NULL, sum(p.s * p.t_g), sum(p.s * p.t_g),
           sum(p.s * p.t_g) / nullif(max(p.t), 0) FROM parts p
    UNION ALL
    SELECT 'theil_t', 'group', p.g, p.pi, p.s, p.mu_g, p.t_g, p.s * p.t_g, p.s * p.t_g / nullif(p.t, 0) FROM parts p
    UNION ALL
    -- MLD = sum pi_g L_g + sum pi_g ln(mu / mu_g)
    SELECT 'mean_log_deviation', 'total', NULL, 1.0, 1.0, max(p.mu), max(p.l), max(p.l), 1.0 FROM parts p
    UNION ALL
    SELECT 'mean_log_deviation', 'between', NULL, NULL, NULL, NULL, sum(CASE WHEN p.mu_g > 0 AND p.mu > 0 THEN p.pi * ln(p.mu / p.mu_g) END), sum(CASE WHEN p.mu_g > 0 AND p.mu > 0 THEN p.pi * ln(p.mu / p.mu_g) END),
           sum(CASE WHEN p.mu_g > 0 AND p.mu > 0 THEN p.pi * ln(p.mu / p.mu_g) END) / nullif(max(p.l), 0) FROM parts p
    UNION ALL
    SELECT 'mean_log_deviation', 'within', NULL, NULL, NULL, NULL, sum(p.pi * p.l_g), sum(p.pi * p.l_g),
           sum(p.pi * p.l_g) / nullif(max(p.l), 0) FROM parts p
    UNION ALL
    SELECT 'mean_log_deviation', 'group', p.g, p.pi, p.s, p.mu_g, p.l_g, p.pi * p.l_g, p.pi * p.l_g / nullif(p.l, 0) FROM parts p
    ) AS d (index, component, group_name, population_share, income_share, mean, value, contribution, share_of_total)
    ORDER BY d.index DESC,
             CASE d.component WHEN 'total' THEN 1 WHEN 'between' THEN 2 WHEN 'within' THEN 3 ELSE 4 END,
             d.group_name;
END
$body$;
COMMENT ON FUNCTION @extschema@.theil_decomposition(double precision[], double precision[], text[]) IS
'exact decomposition of Theil T and the mean log deviation into between-group and within-group parts, with each group''s population share, income share, mean, index, contribution and share of the total; pass array_agg() of x, weight and group';
