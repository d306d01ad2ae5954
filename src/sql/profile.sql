-- profile.sql: disparity_profile, every applicable disparity measure of one
-- set of groups as rows -- what a dashboard tile needs.

CREATE FUNCTION @extschema@.disparity_profile(
    estimates double precision[],
    populations double precision[],
    positions double precision[] DEFAULT NULL,
    standard_errors double precision[] DEFAULT NULL,
    higher_is_better boolean DEFAULT true,
    level double precision DEFAULT 0.95,
    sample_sizes double precision[] DEFAULT NULL)
RETURNS TABLE (measure text, value double precision, se double precision,
               lower double precision, upper double precision, n double precision,
               method text, note text)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $body$
#variable_conflict use_column
DECLARE
    k integer := cardinality(estimates);
BEGIN
    IF cardinality(populations) IS DISTINCT FROM k
       OR (positions IS NOT NULL AND cardinality(positions) IS DISTINCT FROM k)
       OR (standard_errors IS NOT NULL AND cardinality(standard_errors) IS DISTINCT FROM k)
       OR (sample_sizes IS NOT NULL AND cardinality(sample_sizes) IS DISTINCT FROM k) THEN
        RAISE EXCEPTION 'estimates, populations, positions, standard_errors and sample_sizes must have the same length'
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('Lengths: %s, %s, %s, %s, %s.', k, cardinality(populations),
                                  cardinality(positions), cardinality(standard_errors), cardinality(sample_sizes));
    END IF;
    IF EXISTS (SELECT FROM unnest(sample_sizes) v WHERE NOT (v >= 0 AND v < 'Infinity')) THEN
        RAISE EXCEPTION 'sample_sizes must be non-negative finite numbers'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF k IS NULL OR k = 0 THEN
        RETURN;
    END IF;

    RETURN QUERY
    WITH g AS (
        SELECT u.y, u.w, u.pos, u.s
        FROM unnest(estimates, populations,
                    coalesce(positions, array_fill(NULL::double precision, ARRAY[k])),
                    coalesce(standard_errors, array_fill(NULL::double precision, ARRAY[k])))
             AS u(y, w, pos, s)
        WHERE u.y IS NOT NULL AND u.w IS NOT NULL
    ), f AS (
        SELECT positions IS NOT NULL AS ordered, standard_errors IS NOT NULL AS has_se,
               coalesce(bool_and(g.y > 0), false) AS positive,
               coalesce(bool_and(g.y >= 0 AND g.y <= 1), false) AS proportions
        FROM g
    ), ends AS (
        -- most advantaged / disadvantaged (ordered), highest / lowest (not)
        SELECT (array_agg(@extschema@.estimate(g.y, g.s) ORDER BY g.pos DESC, g.y DESC))[1] AS top,
               (array_agg(@extschema@.estimate(g.y, g.s) ORDER BY g.pos ASC, g.y ASC))[1] AS bottom,
               (array_agg(@extschema@.estimate(g.y, g.s) ORDER BY g.y DESC))[1] AS high,
               (array_agg(@extschema@.estimate(g.y, g.s) ORDER BY g.y ASC))[1] AS low
        FROM g
    ), pair AS (
        SELECT CASE WHEN NOT f.ordered THEN e.high WHEN higher_is_better THEN e.top ELSE e.bottom END AS a,
               CASE WHEN NOT f.ordered THEN e.low WHEN higher_is_better THEN e.bottom ELSE e.top END AS b,
               f.ordered
        FROM ends e, f
    ), m AS (
        SELECT 1 AS ord, 'difference' AS measure, @extschema@.difference(p.a, p.b, level) AS e,
               CASE WHEN p.ordered THEN 'ends of the order, disadvantaged worse off when > 0'
                    ELSE 'highest - lowest' END AS method, NULL::text AS note
        FROM pair p
        UNION ALL
        SELECT 2, 'ratio', @extschema@.ratio(p.a, p.b, level),
               CASE WHEN p.ordered THEN 'ends of the order' ELSE 'highest / lowest' END,
               CASE WHEN (p.b).value = 0 THEN 'undefined: the denominator group''s value is 0' END
        FROM pair p
        UNION ALL
        SELECT 3, 'between_group_variance',
               CASE WHEN f.has_se THEN @extschema@.between_group_variance(g.y, g.w, g.s, level)
                    ELSE @extschema@.between_group_variance(g.y, g.w) END, 'Ahn 2018 analytic', NULL
        FROM g, f GROUP BY f.has_se
        UNION ALL
        SELECT 4, 'between_group_sd',
               CASE WHEN f.has_se THEN @extschema@.between_group_sd(g.y, g.w, g.s, level)
                    ELSE @extschema@.between_group_sd(g.y, g.w) END, 'delta method', NULL
        FROM g, f GROUP BY f.has_se
        UNION ALL
        SELECT 5, 'coefficient_of_variation',
               CASE WHEN f.has_se THEN @extschema@.coefficient_of_variation(g.y, g.w, g.s, level)
                    ELSE @extschema@.coefficient_of_variation(g.y, g.w) END, 'delta method', NULL
        FROM g, f GROUP BY f.has_se
        UNION ALL
        SELECT 6, 'index_of_disparity',
               @extschema@.index_of_disparity(g.y, g.w, 'mean', higher_is_better, g.s, level),
               'reference mean, weighted; simulation interval', NULL
        FROM g
        UNION ALL
        SELECT 7, 'mean_difference',
               @extschema@.mean_difference(g.y, g.w, 'mean', higher_is_better, g.s, level),
               'from the mean, weighted; simulation interval', NULL
        FROM g
        UNION ALL
        SELECT 8, 'mean_difference',
               @extschema@.mean_difference(g.y, g.w, 'best', higher_is_better, g.s, level),
               'from the best group, weighted; simulation interval', NULL
        FROM g
        UNION ALL
        SELECT 9, 'attributable_risk',
               CASE WHEN f.ordered THEN @extschema@.attributable_risk(g.y, g.w, higher_is_better, g.pos, level)
                    ELSE @extschema@.attributable_risk(g.y, g.w, higher_is_better) END,
               CASE WHEN f.ordered THEN 'reference most advantaged' ELSE 'reference best group' END
                 || '; Walter SE takes the populations as observed counts',
               CASE WHEN NOT f.proportions THEN 'no interval: Walter SE needs proportions in [0, 1]' END
        FROM g, f GROUP BY f.ordered, f.proportions
        UNION ALL
        SELECT 10, 'attributable_fraction',
               CASE WHEN f.ordered THEN @extschema@.attributable_fraction(g.y, g.w, higher_is_better, g.pos, level)
                    ELSE @extschema@.attributable_fraction(g.y, g.w, higher_is_better) END,
               CASE WHEN f.ordered THEN 'reference most advantaged' ELSE 'reference best group' END
                 || '; Walter SE takes the populations as observed counts',
               CASE WHEN NOT f.proportions THEN 'no interval: Walter SE needs proportions in [0, 1]' END
        FROM g, f GROUP BY f.ordered, f.proportions
        UNION ALL
        -- the entropy measures take logs: computed only over positive values
        SELECT 11, 'theil_t',
               CASE WHEN f.has_se THEN @extschema@.theil_t(g.y, g.w, g.s, level) FILTER (WHERE f.positive)
                    ELSE @extschema@.theil_t(g.y, g.w) FILTER (WHERE f.positive) END,
               'Ahn 2018 analytic',
               CASE WHEN NOT f.positive THEN 'not computed: a value is zero or negative' END
        FROM g, f GROUP BY f.has_se, f.positive
        UNION ALL
        SELECT 12, 'mean_log_deviation',
               CASE WHEN f.has_se THEN @extschema@.mean_log_deviation(g.y, g.w, g.s, level) FILTER (WHERE f.positive)
                    ELSE @extschema@.mean_log_deviation(g.y, g.w) FILTER (WHERE f.positive) END,
               'Ahn 2018 analytic',
               CASE WHEN NOT f.positive THEN 'not computed: a value is zero or negative' END
        FROM g, f GROUP BY f.has_se, f.positive
        UNION ALL
        -- measures of an order: computed only with positions
        SELECT 13, 'slope_index',
               @extschema@.slope_index(g.y, g.w, g.pos, g.s, 'linear', level) FILTER (WHERE f.ordered),
               'linear', CASE WHEN NOT f.ordered THEN 'not computed: needs the groups'' positions' END
        FROM g, f GROUP BY f.ordered
        UNION ALL
        SELECT 14, 'relative_index',
               @extschema@.relative_index(g.y, g.w, g.pos, g.s, 'linear', level) FILTER (WHERE f.ordered),
               'linear', CASE WHEN NOT f.ordered THEN 'not computed: needs the groups'' positions' END
        FROM g, f GROUP BY f.ordered
        UNION ALL
        SELECT 15, 'concentration_index',
               @extschema@.concentration_index(g.y, g.w, g.pos, g.s, 'relative', level) FILTER (WHERE f.ordered),
               'relative', CASE WHEN NOT f.ordered THEN 'not computed: needs the groups'' positions' END
        FROM g, f GROUP BY f.ordered
        UNION ALL
        SELECT 16, 'concentration_index',
               @extschema@.concentration_index(g.y, g.w, g.pos, g.s, 'absolute', level) FILTER (WHERE f.ordered),
               'absolute', CASE WHEN NOT f.ordered THEN 'not computed: needs the groups'' positions' END
        FROM g, f GROUP BY f.ordered
    )
    -- with the groups' sample sizes, n is the smallest group's (the cell that
    -- decides whether the measure may be shown), else the measure's own n
    SELECT m.measure, (m.e).value, (m.e).se, (m.e).lower, (m.e).upper,
           coalesce((SELECT min(v) FROM unnest(sample_sizes) v), (m.e).n), m.method,
           coalesce(m.note, CASE WHEN (m.e).value IS NULL THEN 'undefined for these groups' END)
    FROM m ORDER BY m.ord;
END
$body$;
COMMENT ON FUNCTION @extschema@.disparity_profile(double precision[], double precision[], double precision[], double precision[], boolean, double precision, double precision[]) IS
'every disparity measure that applies to one set of groups, as rows (measure, value, se, lower, upper, n, method, note); pass array_agg() of the group estimates, populations, positions (1 = most disadvantaged; NULL when the groups have no order), standard errors and, optionally, sample sizes (then n is the smallest group''s, so reliability()/suppress() judge the smallest cell)';
