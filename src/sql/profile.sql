-- profile.sql: disparity_profile, every applicable disparity measure of one
-- set of groups as rows (SPEC section 4) -- what a dashboard tile needs.

CREATE FUNCTION @extschema@.disparity_profile(
    estimates double precision[],
    populations double precision[],
    positions double precision[] DEFAULT NULL,
    standard_errors double precision[] DEFAULT NULL,
    higher_is_better boolean DEFAULT true,
    level double precision DEFAULT 0.95)
RETURNS TABLE (measure text, value double precision, se double precision,
               lower double precision, upper double precision, n double precision,
               method text, note text)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $body$
#variable_conflict use_column
DECLARE
    k integer := cardinality(estimates);
    ordered boolean := positions IS NOT NULL;
    has_se boolean := standard_errors IS NOT NULL;
    positive boolean;
    proportions boolean;
BEGIN
    IF cardinality(populations) IS DISTINCT FROM k
       OR (ordered AND cardinality(positions) IS DISTINCT FROM k)
       OR (has_se AND cardinality(standard_errors) IS DISTINCT FROM k) THEN
        RAISE EXCEPTION 'estimates, populations, positions and standard_errors must have the same length'
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('Lengths: %s, %s, %s, %s.', k, cardinality(populations),
                                  cardinality(positions), cardinality(standard_errors));
    END IF;
    IF k IS NULL OR k = 0 THEN
        RETURN;
    END IF;

    SELECT bool_and(g.y > 0), bool_and(g.y >= 0 AND g.y <= 1)
      INTO positive, proportions FROM (SELECT u.y, u.w, u.pos, u.s
              FROM unnest(estimates, populations,
                          coalesce(positions, array_fill(NULL::double precision, ARRAY[k])),
                          coalesce(standard_errors, array_fill(NULL::double precision, ARRAY[k])))
                   AS u(y, w, pos, s)
              WHERE u.y IS NOT NULL AND u.w IS NOT NULL) g;

    -- pairwise: most advantaged vs most disadvantaged (ordered), else highest vs lowest
    RETURN QUERY
    WITH ends AS (
        SELECT (array_agg(@extschema@.estimate(g.y, g.s) ORDER BY g.pos DESC, g.y DESC))[1] AS top,
               (array_agg(@extschema@.estimate(g.y, g.s) ORDER BY g.pos ASC, g.y ASC))[1] AS bottom,
               (array_agg(@extschema@.estimate(g.y, g.s) ORDER BY g.y DESC))[1] AS high,
               (array_agg(@extschema@.estimate(g.y, g.s) ORDER BY g.y ASC))[1] AS low
        FROM (SELECT u.y, u.w, u.pos, u.s
              FROM unnest(estimates, populations,
                          coalesce(positions, array_fill(NULL::double precision, ARRAY[k])),
                          coalesce(standard_errors, array_fill(NULL::double precision, ARRAY[k])))
                   AS u(y, w, pos, s)
              WHERE u.y IS NOT NULL AND u.w IS NOT NULL) g
    ), pair AS (
        SELECT CASE WHEN NOT ordered THEN high WHEN higher_is_better THEN top ELSE bottom END AS a,
               CASE WHEN NOT ordered THEN low WHEN higher_is_better THEN bottom ELSE top END AS b
        FROM ends
    )
    SELECT 'difference', (d).value, (d).se, (d).lower, (d).upper, (d).n,
           CASE WHEN ordered THEN 'ends of the order, disadvantaged worse off when > 0' ELSE 'highest - lowest' END,
           CASE WHEN (d).value IS NULL THEN 'undefined for these groups' END
    FROM (SELECT @extschema@.difference(a, b, level) AS d FROM pair) x
    UNION ALL
    SELECT 'ratio', (r).value, (r).se, (r).lower, (r).upper, (r).n,
           CASE WHEN ordered THEN 'ends of the order' ELSE 'highest / lowest' END,
           CASE WHEN (r).value IS NULL THEN 'undefined: the denominator group''s value is 0' END
    FROM (SELECT @extschema@.ratio(a, b, level) AS r FROM pair) x;

    -- spread around the population-weighted mean
    RETURN QUERY
    SELECT m.measure, (m.e).value, (m.e).se, (m.e).lower, (m.e).upper, (m.e).n, m.method,
           coalesce(m.note, CASE WHEN (m.e).value IS NULL THEN 'undefined for these groups' END)
    FROM (
        SELECT 'between_group_variance' AS measure,
               CASE WHEN has_se THEN @extschema@.between_group_variance(g.y, g.w, g.s, level)
                    ELSE @extschema@.between_group_variance(g.y, g.w) END AS e,
               'Ahn 2018 analytic' AS method, NULL::text AS note
        FROM (SELECT u.y, u.w, u.pos, u.s
              FROM unnest(estimates, populations,
                          coalesce(positions, array_fill(NULL::double precision, ARRAY[k])),
                          coalesce(standard_errors, array_fill(NULL::double precision, ARRAY[k])))
                   AS u(y, w, pos, s)
              WHERE u.y IS NOT NULL AND u.w IS NOT NULL) g
        UNION ALL
        SELECT 'between_group_sd',
               CASE WHEN has_se THEN @extschema@.between_group_sd(g.y, g.w, g.s, level)
                    ELSE @extschema@.between_group_sd(g.y, g.w) END, 'delta method', NULL
        FROM (SELECT u.y, u.w, u.pos, u.s
              FROM unnest(estimates, populations,
                          coalesce(positions, array_fill(NULL::double precision, ARRAY[k])),
                          coalesce(standard_errors, array_fill(NULL::double precision, ARRAY[k])))
                   AS u(y, w, pos, s)
              WHERE u.y IS NOT NULL AND u.w IS NOT NULL) g
        UNION ALL
        SELECT 'coefficient_of_variation',
               CASE WHEN has_se THEN @extschema@.coefficient_of_variation(g.y, g.w, g.s, level)
                    ELSE @extschema@.coefficient_of_variation(g.y, g.w) END, 'delta method', NULL
        FROM (SELECT u.y, u.w, u.pos, u.s
              FROM unnest(estimates, populations,
                          coalesce(positions, array_fill(NULL::double precision, ARRAY[k])),
                          coalesce(standard_errors, array_fill(NULL::double precision, ARRAY[k])))
                   AS u(y, w, pos, s)
              WHERE u.y IS NOT NULL AND u.w IS NOT NULL) g
        UNION ALL
        SELECT 'index_of_disparity',
               @extschema@.index_of_disparity(g.y, g.w, 'mean', higher_is_better, g.s, level),
               'reference mean, weighted; simulation interval', NULL
        FROM (SELECT u.y, u.w, u.pos, u.s
              FROM unnest(estimates, populations,
                          coalesce(positions, array_fill(NULL::double precision, ARRAY[k])),
                          coalesce(standard_errors, array_fill(NULL::double precision, ARRAY[k])))
                   AS u(y, w, pos, s)
              WHERE u.y IS NOT NULL AND u.w IS NOT NULL) g
        UNION ALL
        SELECT 'mean_difference',
               @extschema@.mean_difference(g.y, g.w, 'mean', higher_is_better, g.s, level),
               'from the mean, weighted; simulation interval', NULL
        FROM (SELECT u.y, u.w, u.pos, u.s
              FROM unnest(estimates, populations,
                          coalesce(positions, array_fill(NULL::double precision, ARRAY[k])),
                          coalesce(standard_errors, array_fill(NULL::double precision, ARRAY[k])))
                   AS u(y, w, pos, s)
              WHERE u.y IS NOT NULL AND u.w IS NOT NULL) g
        UNION ALL
        SELECT 'mean_difference',
               @extschema@.mean_difference(g.y, g.w, 'best', higher_is_better, g.s, level),
               'from the best group, weighted; simulation interval', NULL
        FROM (SELECT u.y, u.w, u.pos, u.s
              FROM unnest(estimates, populations,
                          coalesce(positions, array_fill(NULL::double precision, ARRAY[k])),
                          coalesce(standard_errors, array_fill(NULL::double precision, ARRAY[k])))
                   AS u(y, w, pos, s)
              WHERE u.y IS NOT NULL AND u.w IS NOT NULL) g
        UNION ALL
        SELECT 'attributable_risk',
               CASE WHEN ordered THEN @extschema@.attributable_risk(g.y, g.w, higher_is_better, g.pos, level)
                    ELSE @extschema@.attributable_risk(g.y, g.w, higher_is_better) END,
               CASE WHEN ordered THEN 'reference most advantaged' ELSE 'reference best group' END
                 || '; Walter SE takes the populations as observed counts',
               CASE WHEN NOT proportions THEN 'no interval: Walter SE needs proportions in [0, 1]' END
        FROM (SELECT u.y, u.w, u.pos, u.s
              FROM unnest(estimates, populations,
                          coalesce(positions, array_fill(NULL::double precision, ARRAY[k])),
                          coalesce(standard_errors, array_fill(NULL::double precision, ARRAY[k])))
                   AS u(y, w, pos, s)
              WHERE u.y IS NOT NULL AND u.w IS NOT NULL) g
        UNION ALL
        SELECT 'attributable_fraction',
               CASE WHEN ordered THEN @extschema@.attributable_fraction(g.y, g.w, higher_is_better, g.pos, level)
                    ELSE @extschema@.attributable_fraction(g.y, g.w, higher_is_better) END,
               CASE WHEN ordered THEN 'reference most advantaged' ELSE 'reference best group' END
                 || '; Walter SE takes the populations as observed counts',
               CASE WHEN NOT proportions THEN 'no interval: Walter SE needs proportions in [0, 1]' END
        FROM (SELECT u.y, u.w, u.pos, u.s
              FROM unnest(estimates, populations,
                          coalesce(positions, array_fill(NULL::double precision, ARRAY[k])),
                          coalesce(standard_errors, array_fill(NULL::double precision, ARRAY[k])))
                   AS u(y, w, pos, s)
              WHERE u.y IS NOT NULL AND u.w IS NOT NULL) g
    ) m;

    -- entropy measures take logs of the values
    IF positive THEN
        RETURN QUERY
        SELECT m.measure, (m.e).value, (m.e).se, (m.e).lower, (m.e).upper, (m.e).n, 'Ahn 2018 analytic', NULL::text
        FROM (
            SELECT 'theil_t' AS measure,
                   CASE WHEN has_se THEN @extschema@.theil_t(g.y, g.w, g.s, level) ELSE @extschema@.theil_t(g.y, g.w) END AS e
            FROM (SELECT u.y, u.w, u.pos, u.s
              FROM unnest(estimates, populations,
                          coalesce(positions, array_fill(NULL::double precision, ARRAY[k])),
                          coalesce(standard_errors, array_fill(NULL::double precision, ARRAY[k])))
                   AS u(y, w, pos, s)
              WHERE u.y IS NOT NULL AND u.w IS NOT NULL) g
            UNION ALL
            SELECT 'mean_log_deviation',
                   CASE WHEN has_se THEN @extschema@.mean_log_deviation(g.y, g.w, g.s, level) ELSE @extschema@.mean_log_deviation(g.y, g.w) END
            FROM (SELECT u.y, u.w, u.pos, u.s
              FROM unnest(estimates, populations,
                          coalesce(positions, array_fill(NULL::double precision, ARRAY[k])),
                          coalesce(standard_errors, array_fill(NULL::double precision, ARRAY[k])))
                   AS u(y, w, pos, s)
              WHERE u.y IS NOT NULL AND u.w IS NOT NULL) g
        ) m;
    ELSE
        RETURN QUERY VALUES
            ('theil_t', NULL::double precision, NULL::double precision, NULL::double precision, NULL::double precision, NULL::double precision, NULL::text, 'not computed: a value is zero or negative'),
            ('mean_log_deviation', NULL, NULL, NULL, NULL, NULL, NULL, 'not computed: a value is zero or negative');
    END IF;

    -- measures of an order
    IF ordered THEN
        RETURN QUERY
        SELECT m.measure, (m.e).value, (m.e).se, (m.e).lower, (m.e).upper, (m.e).n, m.method,
               CASE WHEN (m.e).value IS NULL THEN 'undefined for these groups (a fitted end at or below 0 has no ratio)' END
        FROM (
            SELECT 'slope_index' AS measure, @extschema@.slope_index(g.y, g.w, g.pos, g.s, 'linear', level) AS e, 'linear' AS method
            FROM (SELECT u.y, u.w, u.pos, u.s
              FROM unnest(estimates, populations,
                          coalesce(positions, array_fill(NULL::double precision, ARRAY[k])),
                          coalesce(standard_errors, array_fill(NULL::double precision, ARRAY[k])))
                   AS u(y, w, pos, s)
              WHERE u.y IS NOT NULL AND u.w IS NOT NULL) g WHERE g.pos IS NOT NULL
            UNION ALL
            SELECT 'relative_index', @extschema@.relative_index(g.y, g.w, g.pos, g.s, 'linear', level), 'linear'
            FROM (SELECT u.y, u.w, u.pos, u.s
              FROM unnest(estimates, populations,
                          coalesce(positions, array_fill(NULL::double precision, ARRAY[k])),
                          coalesce(standard_errors, array_fill(NULL::double precision, ARRAY[k])))
                   AS u(y, w, pos, s)
              WHERE u.y IS NOT NULL AND u.w IS NOT NULL) g WHERE g.pos IS NOT NULL
            UNION ALL
            SELECT 'concentration_index', @extschema@.concentration_index(g.y, g.w, g.pos, g.s, 'relative', level), 'relative'
            FROM (SELECT u.y, u.w, u.pos, u.s
              FROM unnest(estimates, populations,
                          coalesce(positions, array_fill(NULL::double precision, ARRAY[k])),
                          coalesce(standard_errors, array_fill(NULL::double precision, ARRAY[k])))
                   AS u(y, w, pos, s)
              WHERE u.y IS NOT NULL AND u.w IS NOT NULL) g WHERE g.pos IS NOT NULL
            UNION ALL
            SELECT 'concentration_index', @extschema@.concentration_index(g.y, g.w, g.pos, g.s, 'absolute', level), 'absolute'
            FROM (SELECT u.y, u.w, u.pos, u.s
              FROM unnest(estimates, populations,
                          coalesce(positions, array_fill(NULL::double precision, ARRAY[k])),
                          coalesce(standard_errors, array_fill(NULL::double precision, ARRAY[k])))
                   AS u(y, w, pos, s)
              WHERE u.y IS NOT NULL AND u.w IS NOT NULL) g WHERE g.pos IS NOT NULL
        ) m;
    ELSE
        RETURN QUERY VALUES
            ('slope_index', NULL::double precision, NULL::double precision, NULL::double precision, NULL::double precision, NULL::double precision, NULL::text, 'not computed: needs the groups'' positions'),
            ('relative_index', NULL, NULL, NULL, NULL, NULL, NULL, 'not computed: needs the groups'' positions'),
            ('concentration_index', NULL, NULL, NULL, NULL, NULL, NULL, 'not computed: needs the groups'' positions');
    END IF;
END
$body$;
COMMENT ON FUNCTION @extschema@.disparity_profile(double precision[], double precision[], double precision[], double precision[], boolean, double precision) IS
'every disparity measure that applies to one set of groups, as rows (measure, value, se, lower, upper, n, method, note); pass array_agg() of the group estimates, populations, positions (1 = most disadvantaged; NULL when the groups have no order) and standard errors';
