-- The index pipeline: PL/pgSQL over the caller's long indicator tables
-- (build_index, its diagnostics, scenarios, uncertainty and sensitivity),
-- built on the C functions of index.sql (normalisations, aggregate_scores,
-- category cut points, Cronbach's alpha, outlier treatment).  Every function
-- here runs dynamic SQL with the caller's rights, quotes every identifier it
-- builds a statement from and pins its search_path.

-- build_index: the whole recipe over a long indicator table.
-- Dynamic SQL over the caller's tables, with the caller's rights;
-- identifiers quoted (regclass prints them quoted); search_path pinned.
CREATE FUNCTION @extschema@.build_index(
    data regclass,
    catalog regclass,
    baseline_period double precision DEFAULT NULL,
    normalization text DEFAULT 'zscore',
    aggregation text DEFAULT 'arithmetic',
    min_coverage double precision DEFAULT 0.5,
    reference_group text DEFAULT NULL,
    population_weighted boolean DEFAULT false,
    category_period double precision DEFAULT NULL,
    lo double precision DEFAULT 0,
    hi double precision DEFAULT 1)
RETURNS TABLE (area text, grp text, period double precision, level text, name text,
               score double precision, category text, coverage double precision,
               effective_weight double precision)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
-- the query is long and its expressions cheap: JIT compiling it costs more
-- than it saves (measured: 58 s with, 48 s without on 4.25 M rows)
SET jit = off
AS $body$
DECLARE
    col text;
    bad record;
    has_population boolean;
    has_domain_weight boolean;
    has_goalposts boolean;
    cat_period double precision := coalesce(category_period, baseline_period);
    -- progress NOTICEs for large inputs only (the planner's row estimate)
    large boolean := (SELECT c.reltuples > 1000000 FROM pg_class c WHERE c.oid = data);
    started timestamptz := clock_timestamp();
    produced bigint;
BEGIN
    IF normalization IS NULL OR normalization NOT IN ('zscore', 'minmax', 'goalposts') THEN
        RAISE EXCEPTION 'unknown normalization "%" for build_index', normalization
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Valid normalizations are: zscore, minmax, goalposts.';
    END IF;
    IF aggregation IS NULL OR aggregation NOT IN ('arithmetic', 'geometric', 'harmonic') THEN
        RAISE EXCEPTION 'unknown aggregation "%" for build_index', aggregation
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Valid aggregations are: arithmetic, geometric, harmonic.';
    END IF;
    IF min_coverage IS NULL OR NOT (min_coverage >= 0 AND min_coverage <= 1) THEN
        RAISE EXCEPTION 'min_coverage must lie between 0 and 1, got %', min_coverage
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF lo IS NULL OR hi IS NULL OR NOT (lo < hi) OR lo = '-Infinity' OR hi = 'Infinity' THEN
        RAISE EXCEPTION 'lo must be finite and less than hi, got % and %', lo, hi
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF aggregation <> 'arithmetic' AND (normalization = 'zscore' OR lo <= 0) THEN
        RAISE EXCEPTION '% aggregation needs positive scores', aggregation
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Use normalization minmax or goalposts with a positive range, for example lo => 1, hi => 100.';
    END IF;
    IF population_weighted IS NULL THEN
        RAISE EXCEPTION 'population_weighted must not be NULL' USING ERRCODE = 'invalid_parameter_value';
    END IF;

    FOREACH col IN ARRAY ARRAY['area', 'grp', 'period', 'indicator', 'value'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_attribute a
                       WHERE a.attrelid = data AND a.attname = col AND a.attnum > 0 AND NOT a.attisdropped) THEN
            RAISE EXCEPTION 'table % has no column "%"', data, col
                USING ERRCODE = 'undefined_column',
                      HINT = 'data needs columns area, grp, period, indicator, value (and population for population weighting).';
        END IF;
    END LOOP;
    FOREACH col IN ARRAY ARRAY['indicator', 'domain', 'weight', 'higher_is_better'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_attribute a
                       WHERE a.attrelid = catalog AND a.attname = col AND a.attnum > 0 AND NOT a.attisdropped) THEN
            RAISE EXCEPTION 'table % has no column "%"', catalog, col
                USING ERRCODE = 'undefined_column',
                      HINT = 'catalog needs columns indicator, domain, weight, higher_is_better (and lower_goalpost, upper_goalpost for goalposts).';
        END IF;
    END LOOP;
    has_population := EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = data
                              AND a.attname = 'population' AND a.attnum > 0 AND NOT a.attisdropped);
    has_domain_weight := EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = catalog
                                 AND a.attname = 'domain_weight' AND a.attnum > 0 AND NOT a.attisdropped);
    has_goalposts := (SELECT count(*) = 2 FROM pg_attribute a WHERE a.attrelid = catalog
                      AND a.attname IN ('lower_goalpost', 'upper_goalpost') AND a.attnum > 0 AND NOT a.attisdropped);
    IF population_weighted AND NOT has_population THEN
        RAISE EXCEPTION 'table % has no column "population"', data
            USING ERRCODE = 'undefined_column',
                  HINT = 'population_weighted needs a population column in data.';
    END IF;
    IF normalization = 'goalposts' AND NOT has_goalposts THEN
        RAISE EXCEPTION 'table % has no columns "lower_goalpost" and "upper_goalpost"', catalog
            USING ERRCODE = 'undefined_column',
                  HINT = 'normalization goalposts takes each indicator''s goalposts from the catalog.';
    END IF;

    IF large THEN
        RAISE NOTICE 'build_index: checking the catalog and about % rows of %',
            (SELECT c.reltuples::bigint FROM pg_class c WHERE c.oid = data), data;
    END IF;
    -- the catalog: one row per indicator, a domain, a direction, a positive weight
    FOR bad IN EXECUTE format($q$
        SELECT v.indicator, v.problem FROM (
            SELECT c.indicator::text AS indicator,
                   CASE WHEN c.indicator IS NULL THEN 'has a row without an indicator'
                        WHEN count(*) OVER (PARTITION BY c.indicator::text) > 1 THEN 'lists an indicator more than once'
                        WHEN c.domain IS NULL THEN 'has no domain for an indicator'
                        WHEN c.higher_is_better IS NULL THEN 'has no direction (higher_is_better) for an indicator'
                        WHEN c.weight IS NULL OR NOT (c.weight::float8 > 0 AND c.weight::float8 < 'Infinity')
                            THEN 'has a weight that is not positive for an indicator'
                        WHEN %s THEN 'has missing or crossed goalposts for an indicator'
                        WHEN %s THEN 'has a domain_weight that is not positive or not the same for every indicator of its domain'
                   END AS problem
            FROM %s AS c) AS v
        WHERE v.problem IS NOT NULL
        ORDER BY v.indicator LIMIT 1
    $q$,
        CASE WHEN normalization = 'goalposts'
             THEN 'c.lower_goalpost IS NULL OR c.upper_goalpost IS NULL
                   OR NOT (c.lower_goalpost::float8 > ''-Infinity'' AND c.lower_goalpost::float8 < c.upper_goalpost::float8
                           AND c.upper_goalpost::float8 < ''Infinity'')'
             ELSE 'false' END,
        CASE WHEN has_domain_weight
             THEN 'c.domain_weight IS NULL OR NOT (c.domain_weight::float8 > 0 AND c.domain_weight::float8 < ''Infinity'')
                   OR min(c.domain_weight::float8) OVER (PARTITION BY c.domain::text)
                      <> max(c.domain_weight::float8) OVER (PARTITION BY c.domain::text)'
             ELSE 'false' END,
        catalog)
    LOOP
        RAISE EXCEPTION 'catalog % %', catalog, bad.problem
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('Indicator: %s.', coalesce(bad.indicator, 'NULL'));
    END LOOP;

    -- the data: known indicators, one row per cell, finite values and populations
    FOR bad IN EXECUTE format($q$
        SELECT d.indicator::text AS indicator, 'has an indicator that is not in the catalog' AS problem
        FROM %1$s AS d
        WHERE d.indicator IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM %2$s AS c WHERE c.indicator::text = d.indicator::text)
        UNION ALL
        (SELECT d.indicator::text, 'has more than one row for an area, group, period and indicator'
         FROM %1$s AS d
         GROUP BY d.area::text, d.grp::text, d.period::float8, d.indicator::text HAVING count(*) > 1
         LIMIT 1)
        UNION ALL
        SELECT d.indicator::text, 'has a value that is not a finite number'
        FROM %1$s AS d WHERE d.value::float8 IN ('NaN', 'Infinity', '-Infinity')
        UNION ALL
        SELECT d.indicator::text, 'has a population that is negative or not a finite number'
        FROM %1$s AS d WHERE %3$s
        LIMIT 1
    $q$, data, catalog,
        CASE WHEN has_population
             THEN 'NOT (d.population::float8 >= 0 AND d.population::float8 < ''Infinity'')'
             ELSE 'false' END)
    LOOP
        RAISE EXCEPTION 'table % %', data, bad.problem
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('Indicator: %s.', coalesce(bad.indicator, 'NULL'));
    END LOOP;

    -- the reference rows exist: an empty baseline would make every score NULL
    FOR bad IN EXECUTE format($q$
        SELECT p.what, p.value FROM (VALUES ('baseline_period', $1::text), ('category_period', $3::text)) p(what, value)
        WHERE p.value IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM %s AS d
                          WHERE d.period::float8 = p.value::float8 AND d.value IS NOT NULL
                            AND ($2 IS NULL OR d.grp::text = $2))
        UNION ALL
        SELECT 'reference_group', $2 WHERE $2 IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM %s AS d WHERE d.grp::text = $2)
        LIMIT 1
    $q$, data, data) USING baseline_period, reference_group, cat_period
    LOOP
        RAISE EXCEPTION 'table % has no rows for % %', data, bad.what, bad.value
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'The reference for normalisation and categories is the rows of that period (and reference_group).';
    END LOOP;

    IF large THEN
        RAISE NOTICE 'build_index: checked in % s; scoring indicators, domains and the index',
            round(extract(epoch FROM clock_timestamp() - started)::numeric, 1);
    END IF;
    RETURN QUERY EXECUTE format($q$
        WITH d AS (       -- keys in the C collation: the sorts and joins need no locale
            SELECT d.area::text COLLATE "C" AS area, d.grp::text COLLATE "C" AS grp, d.period::float8 AS period,
                   d.indicator::text COLLATE "C" AS indicator, d.value::float8 AS value, %1$s AS population
            FROM %2$s AS d
            WHERE d.area IS NOT NULL AND d.grp IS NOT NULL AND d.period IS NOT NULL
              AND d.indicator IS NOT NULL
        ), c AS (
            SELECT c.indicator::text COLLATE "C" AS indicator, c.domain::text COLLATE "C" AS domain,
                   c.weight::float8 AS weight,
                   c.higher_is_better::boolean AS higher_is_better,
                   %3$s AS lower_goalpost, %4$s AS upper_goalpost, %5$s AS domain_weight
            FROM %6$s AS c
        ), dr AS (        -- the reference rows: the baseline period (or each period), the reference group
            SELECT d.indicator, d.period, d.value,
                   CASE WHEN $6 THEN d.population ELSE 1.0 END AS w
            FROM d
            WHERE d.value IS NOT NULL AND ($1 IS NULL OR d.period = $1) AND ($5 IS NULL OR d.grp = $5)
        ), r0 AS (
            SELECT dr.indicator, dr.period, sum(dr.w) AS sw, count(*) AS n,
                   sum(dr.w * dr.value) / nullif(sum(dr.w), 0) AS mean,
                   min(dr.value) AS mn, max(dr.value) AS mx
            FROM dr WHERE dr.w IS NOT NULL
            GROUP BY dr.indicator, dr.period
        ), r AS (         -- sd: n - 1, or population-weighted (Child Opportunity Index)
            SELECT r0.indicator, r0.period, r0.mean, r0.mn, r0.mx,
                   CASE WHEN $6 THEN sqrt(sum(dr.w * (dr.value - r0.mean) ^ 2) / nullif(r0.sw, 0))
                        ELSE sqrt(sum((dr.value - r0.mean) ^ 2) / nullif(r0.n - 1, 0)) END AS sd
            FROM r0 JOIN dr ON dr.indicator = r0.indicator AND dr.period = r0.period AND dr.w IS NOT NULL
            GROUP BY r0.indicator, r0.period, r0.mean, r0.mn, r0.mx, r0.sw, r0.n
        ), ind AS (       -- directed, normalised indicator scores: higher is better
            SELECT d.area, d.grp, d.period, d.indicator, c.domain, c.weight,
                   CASE $2
                       WHEN 'zscore' THEN
                           CASE WHEN r.sd > 0 THEN
                               (CASE WHEN c.higher_is_better THEN d.value - r.mean ELSE r.mean - d.value END) / r.sd
                           END
                       WHEN 'minmax' THEN
                           CASE WHEN r.mx > r.mn THEN
                               $8 + ($9 - $8) * (CASE WHEN c.higher_is_better THEN d.value - r.mn ELSE r.mx - d.value END)
                                    / (r.mx - r.mn)
                           END
                       ELSE $8 + ($9 - $8) * @extschema@.normalize_goalposts(d.value, c.lower_goalpost, c.upper_goalpost,
                                                                            c.higher_is_better, true)
                   END AS score
            FROM d
            JOIN c ON c.indicator = d.indicator
            LEFT JOIN r ON r.indicator = d.indicator AND r.period = coalesce($1, d.period)
            WHERE d.value IS NOT NULL
        ), cells AS (
            SELECT d.area, d.grp, d.period, max(d.population) AS population
            FROM d GROUP BY d.area, d.grp, d.period
        ), ctot AS (      -- each domain's catalog weight, and its weight in the index
            SELECT c.domain, sum(c.weight) AS wtot, max(c.domain_weight) AS dw FROM c GROUP BY c.domain
        ), dom0 AS (      -- the weighted mean of the available scores of each domain
            SELECT i.area, i.grp, i.period, i.domain,
                   (@extschema@.aggregate_scores(i.score, i.weight, $3)).score AS score,
                   sum(i.weight) FILTER (WHERE i.score IS NOT NULL) AS wavail
            FROM ind i GROUP BY i.area, i.grp, i.period, i.domain
        ), dom AS (       -- every domain in every cell; coverage against the catalog's
                          -- weights (an indicator without a row is missing), with
                          -- aggregate_scores' threshold rule
            SELECT ce.area, ce.grp, ce.period, ce.population, t.domain, t.dw, dm.wavail,
                   coalesce(dm.wavail, 0) / t.wtot AS coverage,
                   CASE WHEN dm.wavail > 0 AND dm.wavail / t.wtot >= $4 * (1 - 1e-12) THEN dm.score END AS score
            FROM cells ce
            CROSS JOIN ctot t
            LEFT JOIN dom0 dm ON dm.area = ce.area AND dm.grp = ce.grp AND dm.period = ce.period
                             AND dm.domain = t.domain
        ), idx AS (
            SELECT dm.area, dm.grp, dm.period, max(dm.population) AS population,
                   @extschema@.aggregate_scores(dm.score, dm.dw, $3, $4) AS a,
                   sum(dm.dw) FILTER (WHERE dm.score IS NOT NULL) AS dwavail
            FROM dom dm
            GROUP BY dm.area, dm.grp, dm.period
        ), dom_w AS (     -- effective weights: the renormalised shares, multiplied down the levels
            SELECT dm.*,
                   CASE WHEN dm.score IS NOT NULL AND (ix.a).score IS NOT NULL THEN dm.dw / ix.dwavail END AS ew
            FROM dom dm
            JOIN idx ix ON ix.area = dm.area AND ix.grp = dm.grp AND ix.period = dm.period
        ), o AS (
            SELECT ix.area, ix.grp, ix.period, 'index'::text AS level, 'index'::text AS name,
                   (ix.a).score AS score, (ix.a).coverage AS coverage,
                   CASE WHEN (ix.a).score IS NOT NULL THEN 1.0::float8 END AS ew, ix.population
            FROM idx ix
            UNION ALL
            SELECT dm.area, dm.grp, dm.period, 'domain', dm.domain, dm.score, dm.coverage, dm.ew, dm.population
            FROM dom_w dm
            UNION ALL
            SELECT i.area, i.grp, i.period, 'indicator', i.indicator, i.score,
                   CASE WHEN i.score IS NOT NULL THEN 1.0::float8 ELSE 0.0::float8 END,
                   CASE WHEN i.score IS NOT NULL AND dm.ew IS NOT NULL THEN i.weight / dm.wavail * dm.ew END,
                   dm.population
            FROM ind i
            JOIN dom_w dm ON dm.area = i.area AND dm.grp = i.grp AND dm.period = i.period
                         AND dm.domain = i.domain
        ), cuts AS MATERIALIZED (      -- quintile cut points per level and name, on the category period if given
            SELECT o.level, o.name, o.period,
                   @extschema@.category_cutpoints(o.score, CASE WHEN $6 THEN o.population ELSE 1.0 END) AS cuts
            FROM o
            WHERE o.score IS NOT NULL AND ($7 IS NULL OR o.period = $7) AND ($5 IS NULL OR o.grp = $5)
            GROUP BY o.level, o.name, o.period
        )
        SELECT o.area, o.grp, o.period, o.level, o.name, o.score,
               @extschema@.category(o.score, k.cuts), o.coverage, o.ew
        FROM o
        LEFT JOIN cuts k ON k.level = o.level AND k.name = o.name AND k.period = coalesce($7, o.period)
    $q$,
        CASE WHEN has_population THEN 'd.population::float8' ELSE 'NULL::float8' END,
        data,
        CASE WHEN has_goalposts THEN 'c.lower_goalpost::float8' ELSE 'NULL::float8' END,
        CASE WHEN has_goalposts THEN 'c.upper_goalpost::float8' ELSE 'NULL::float8' END,
        CASE WHEN has_domain_weight THEN 'c.domain_weight::float8' ELSE '1.0::float8' END,
        catalog)
    USING baseline_period, normalization, aggregation, min_coverage, reference_group,
          population_weighted, cat_period, lo, hi;
    IF large THEN
        GET DIAGNOSTICS produced = ROW_COUNT;
        RAISE NOTICE 'build_index: % scores in % s', produced,
            round(extract(epoch FROM clock_timestamp() - started)::numeric, 1);
    END IF;
END
$body$;
COMMENT ON FUNCTION @extschema@.build_index(regclass, regclass, double precision, text, text, double precision, text, boolean, double precision, double precision, double precision) IS
'the composite index of a long table (area, grp, period, indicator, value [, population]) with a catalog (indicator, domain, weight, higher_is_better [, lower_goalpost, upper_goalpost, domain_weight]): directed normalised indicator scores, domain scores and the index per area, group and period, with quintile categories, coverage and effective weights; normalisation on the baseline period keeps later periods comparable with it';

-- Diagnostics: correlations and reliability of each domain's indicators,
-- on directed values (deficits negated, so a positive correlation means the
-- two indicators agree on which areas are better off).
CREATE FUNCTION @extschema@.index_correlations(
    data regclass,
    catalog regclass,
    period double precision,
    grp text DEFAULT 'all')
RETURNS TABLE (domain text, indicator_a text, indicator_b text, correlation double precision, areas integer)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $body$
DECLARE
    col text;
BEGIN
    IF period IS NULL THEN
        RAISE EXCEPTION 'period must not be NULL' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOREACH col IN ARRAY ARRAY['area', 'grp', 'period', 'indicator', 'value'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_attribute a
                       WHERE a.attrelid = data AND a.attname = col AND a.attnum > 0 AND NOT a.attisdropped) THEN
            RAISE EXCEPTION 'table % has no column "%"', data, col
                USING ERRCODE = 'undefined_column',
                      HINT = 'data needs columns area, grp, period, indicator, value.';
        END IF;
    END LOOP;
    FOREACH col IN ARRAY ARRAY['indicator', 'domain', 'higher_is_better'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_attribute a
                       WHERE a.attrelid = catalog AND a.attname = col AND a.attnum > 0 AND NOT a.attisdropped) THEN
            RAISE EXCEPTION 'table % has no column "%"', catalog, col
                USING ERRCODE = 'undefined_column',
                      HINT = 'catalog needs columns indicator, domain, higher_is_better.';
        END IF;
    END LOOP;
    RETURN QUERY EXECUTE format($q$
        WITH v AS (
            SELECT d.area::text AS area, c.domain::text AS domain, d.indicator::text AS indicator,
                   CASE WHEN c.higher_is_better::boolean THEN d.value::float8 ELSE -d.value::float8 END AS x
            FROM %s AS d JOIN %s AS c ON c.indicator::text = d.indicator::text
            WHERE d.period::float8 = $1 AND d.grp::text = $2 AND d.value IS NOT NULL
              AND c.higher_is_better IS NOT NULL
        )
        SELECT a.domain, a.indicator, b.indicator, corr(a.x, b.x), count(*)::integer
        FROM v a JOIN v b ON b.area = a.area AND b.domain = a.domain AND b.indicator > a.indicator
        GROUP BY a.domain, a.indicator, b.indicator
        ORDER BY a.domain, a.indicator, b.indicator
    $q$, data, catalog) USING period, grp;
END
$body$;
COMMENT ON FUNCTION @extschema@.index_correlations(regclass, regclass, double precision, text) IS
'Pearson correlation of every pair of indicators within a domain across areas (one period and group), on directed values: negative correlations flag indicators that disagree (COINr get_corr_flags)';

CREATE FUNCTION @extschema@.index_reliability(
    data regclass,
    catalog regclass,
    period double precision,
    grp text DEFAULT 'all')
RETURNS TABLE (domain text, indicators integer, areas integer, cronbach_alpha double precision,
               mean_correlation double precision)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $body$
BEGIN
    -- index_correlations checks the arguments and the columns
    PERFORM 1 FROM @extschema@.index_correlations(data, catalog, period, grp) LIMIT 1;
    RETURN QUERY EXECUTE format($q$
        WITH v AS (
            SELECT d.area::text AS area, c.domain::text AS domain, d.indicator::text AS indicator,
                   CASE WHEN c.higher_is_better::boolean THEN d.value::float8 ELSE -d.value::float8 END AS x
            FROM %s AS d JOIN %s AS c ON c.indicator::text = d.indicator::text
            WHERE d.period::float8 = $1 AND d.grp::text = $2 AND d.value IS NOT NULL
              AND c.higher_is_better IS NOT NULL
        ), k AS (
            SELECT v.domain, count(DISTINCT v.indicator)::integer AS k FROM v GROUP BY v.domain
        ), complete AS (   -- areas with every indicator of the domain (listwise)
            SELECT v.domain, v.area FROM v JOIN k ON k.domain = v.domain
            GROUP BY v.domain, v.area, k.k HAVING count(*) = k.k
        ), z AS (          -- standardised over the complete areas: alpha is the standardised alpha
            SELECT v.domain, v.area, v.indicator,
                   (v.x - avg(v.x) OVER w) / nullif(stddev_samp(v.x) OVER w, 0) AS z
            FROM v JOIN complete USING (domain, area)
            WINDOW w AS (PARTITION BY v.domain, v.indicator)
        ), rows_ AS (
            SELECT z.domain, z.area, array_agg(z.z ORDER BY z.indicator) AS items
            FROM z GROUP BY z.domain, z.area
        )
        SELECT k.domain, k.k, count(r.area)::integer,
               @extschema@.cronbach_alpha(r.items) FILTER (WHERE k.k >= 2),
               (SELECT avg(ic.correlation) FROM @extschema@.index_correlations($3, $4, $1, $2) ic
                WHERE ic.domain = k.domain)
        FROM k LEFT JOIN rows_ r ON r.domain = k.domain
        GROUP BY k.domain, k.k
        ORDER BY k.domain
    $q$, data, catalog) USING period, grp, data, catalog;
END
$body$;
COMMENT ON FUNCTION @extschema@.index_reliability(regclass, regclass, double precision, text) IS
'per domain: number of indicators, areas with all of them, Cronbach''s alpha of the standardised directed indicators over those areas (the Handbook''s standardised alpha; 0.7 is the usual threshold) and the mean pairwise correlation';

-- index_scenarios: the index of one period and group recomputed under
-- alternative recipes, weights and left-out indicators, one ranking per
-- scenario.  index_uncertainty and index_sensitivity are built on it.
CREATE FUNCTION @extschema@.index_scenarios(
    data regclass,
    catalog regclass,
    period double precision,
    recipes text[],
    weight_keys text[] DEFAULT NULL,
    left_out text[] DEFAULT NULL,
    grp text DEFAULT 'all',
    weight_noise double precision DEFAULT 0.25,
    seed integer DEFAULT 1)
RETURNS TABLE (scenario integer, area text, score double precision, rank integer)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $body$
DECLARE
    has_domain_weight boolean;
    bad text;
    scenarios integer := cardinality(recipes);
    started timestamptz := clock_timestamp();
    large boolean;
BEGIN
    IF recipes IS NULL OR scenarios = 0 THEN
        RAISE EXCEPTION 'recipes must name at least one recipe' USING ERRCODE = 'invalid_parameter_value',
            HINT = 'Valid recipes are: zscore/arithmetic, minmax/arithmetic, minmax/geometric.';
    END IF;
    bad := (SELECT coalesce(r, 'NULL') FROM unnest(recipes) r
            WHERE r IS NULL OR r NOT IN ('zscore/arithmetic', 'minmax/arithmetic', 'minmax/geometric') LIMIT 1);
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'unknown recipe "%"', bad USING ERRCODE = 'invalid_parameter_value',
            HINT = 'Valid recipes are: zscore/arithmetic, minmax/arithmetic, minmax/geometric.';
    END IF;
    IF cardinality(weight_keys) <> scenarios OR cardinality(left_out) <> scenarios THEN
        RAISE EXCEPTION 'recipes, weight_keys and left_out must have one element per scenario, got % , % and %',
            scenarios, cardinality(weight_keys), cardinality(left_out)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF weight_noise IS NULL OR NOT (weight_noise >= 0 AND weight_noise < 1) THEN
        RAISE EXCEPTION 'weight_noise must lie in [0, 1), got %', weight_noise
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF seed IS NULL THEN
        RAISE EXCEPTION 'seed must not be NULL' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- checks period, the columns and the tables (and the caller's access)
    PERFORM 1 FROM @extschema@.index_correlations(data, catalog, period, grp) LIMIT 1;
    IF NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = catalog
                   AND a.attname = 'weight' AND a.attnum > 0 AND NOT a.attisdropped) THEN
        RAISE EXCEPTION 'table % has no column "weight"', catalog USING ERRCODE = 'undefined_column';
    END IF;
    EXECUTE format('SELECT (SELECT o FROM unnest($1) o WHERE o IS NOT NULL EXCEPT SELECT c.indicator::text FROM %s c LIMIT 1)',
                   catalog) INTO bad USING left_out;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'left_out names indicator "%", which is not in %', bad, catalog
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    has_domain_weight := EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = catalog
                                 AND a.attname = 'domain_weight' AND a.attnum > 0 AND NOT a.attisdropped);
    -- progress NOTICEs when the scenarios will take a while (rows x scenarios from the planner's estimate)
    large := (SELECT c.reltuples * scenarios > 100000000 FROM pg_class c WHERE c.oid = data);
    IF large THEN
        RAISE NOTICE 'index scenarios: % over about % rows of %', scenarios,
            (SELECT c.reltuples::bigint FROM pg_class c WHERE c.oid = data), data;
    END IF;

    RETURN QUERY EXECUTE format($q$
        WITH c AS (
            SELECT c.indicator::text AS indicator, c.domain::text AS domain, c.weight::float8 AS w,
                   c.higher_is_better::boolean AS hib, %s AS dw
            FROM %s AS c
        ), v AS (
            SELECT d.area::text AS area, c.indicator,
                   CASE WHEN c.hib THEN d.value::float8 ELSE -d.value::float8 END AS x
            FROM %s AS d JOIN c ON c.indicator = d.indicator::text
            WHERE d.period::float8 = $1 AND d.grp::text = $2 AND d.value IS NOT NULL
        ), st AS (
            SELECT v.indicator, avg(v.x) AS mean, stddev_samp(v.x) AS sd, min(v.x) AS mn, max(v.x) AS mx
            FROM v GROUP BY v.indicator
        ), cells AS (      -- every catalog indicator for every area: absent ones are missing
            SELECT a.area, c.indicator, c.domain, c.w, c.dw,
                   (v.x - st.mean) / nullif(st.sd, 0) AS z,
                   (v.x - st.mn) / nullif(st.mx - st.mn, 0) AS m
            FROM (SELECT DISTINCT v.area FROM v) a
            CROSS JOIN c
            LEFT JOIN v ON v.area = a.area AND v.indicator = c.indicator
            LEFT JOIN st ON st.indicator = c.indicator
        ), sc AS (
            SELECT s.scenario::int AS scenario, s.recipe, s.wkey, s.left_out
            FROM unnest($3, coalesce($4, array_fill(NULL::text, ARRAY[cardinality($3)])),
                        coalesce($5, array_fill(NULL::text, ARRAY[cardinality($3)])))
                 WITH ORDINALITY AS s(recipe, wkey, left_out, scenario)
        ), noise AS (      -- a deterministic uniform in [0, 1) from the seed, key and indicator
            SELECT sc.scenario, c.indicator,
                   CASE WHEN sc.wkey IS NULL THEN 1.0
                        ELSE 1.0 + $6 * (2 * ('x' || substr(md5($7 || ':' || sc.wkey || ':' || c.indicator), 1, 12))::bit(48)::bigint
                                         / 281474976710656.0 - 1) END AS f
            FROM sc CROSS JOIN c
        ), scored AS (
            SELECT sc.scenario, cl.area, cl.domain, cl.dw, cl.w * n.f AS w, sc.recipe, cl.z, cl.m
            FROM sc CROSS JOIN cells cl
            JOIN noise n ON n.scenario = sc.scenario AND n.indicator = cl.indicator
            WHERE sc.left_out IS DISTINCT FROM cl.indicator
        ), dom AS (
            SELECT s.scenario, s.area, s.domain, max(s.dw) AS dw,
                   (@extschema@.aggregate_scores(
                        CASE s.recipe WHEN 'zscore/arithmetic' THEN s.z
                                      WHEN 'minmax/arithmetic' THEN s.m
                                      ELSE 1 + 99 * s.m END,
                        s.w, CASE WHEN s.recipe = 'minmax/geometric' THEN 'geometric' ELSE 'arithmetic' END,
                        0.5)).score AS score,
                   max(s.recipe) AS recipe
            FROM scored s GROUP BY s.scenario, s.area, s.domain
        ), idx AS (
            SELECT d.scenario, d.area,
                   (@extschema@.aggregate_scores(d.score, d.dw,
                        CASE WHEN d.recipe = 'minmax/geometric' THEN 'geometric' ELSE 'arithmetic' END,
                        0.5)).score AS score
            FROM dom d GROUP BY d.scenario, d.area
        )
        SELECT i.scenario, i.area, i.score,
               (rank() OVER (PARTITION BY i.scenario ORDER BY i.score DESC))::int
        FROM idx i WHERE i.score IS NOT NULL
    $q$,
        CASE WHEN has_domain_weight THEN 'c.domain_weight::float8' ELSE '1.0::float8' END,
        catalog, data)
    USING period, grp, recipes, weight_keys, left_out, weight_noise, seed::text;
    IF large THEN
        RAISE NOTICE 'index scenarios: done in % s',
            round(extract(epoch FROM clock_timestamp() - started)::numeric, 1);
    END IF;
END
$body$;
COMMENT ON FUNCTION @extschema@.index_scenarios(regclass, regclass, double precision, text[], text[], text[], text, double precision, integer) IS
'the index of one period and group under alternative scenarios, one ranking each: scenario i uses recipes[i] (z-score or min-max normalisation, arithmetic or geometric aggregation), the catalog weights each multiplied by a uniform factor in [1 - weight_noise, 1 + weight_noise] drawn from (seed, weight_keys[i], indicator) (NULL key: the catalog weights), and leaves out indicator left_out[i] (NULL: none; its domain renormalises); returns scenario, area, score and rank (1 = best, ties share the lower rank)';

-- index_uncertainty: a seeded Monte-Carlo over weights, normalisation and
-- aggregation (OECD/JRC Handbook step 7, COINr get_sensitivity "UA"),
-- reporting each area's median rank and 5-95 % band.
CREATE FUNCTION @extschema@.index_uncertainty(
    data regclass,
    catalog regclass,
    period double precision,
    grp text DEFAULT 'all',
    draws integer DEFAULT 1000,
    weight_noise double precision DEFAULT 0.25,
    recipes text[] DEFAULT ARRAY['zscore/arithmetic', 'minmax/arithmetic', 'minmax/geometric'],
    seed integer DEFAULT 1)
RETURNS TABLE (area text, nominal_score double precision, nominal_rank integer,
               median_rank double precision, rank_p05 double precision, rank_p95 double precision,
               mean_rank_shift double precision)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $body$
DECLARE
    scenario_recipes text[];
BEGIN
    IF draws IS NULL OR draws < 1 OR draws > 100000 THEN
        RAISE EXCEPTION 'draws must lie between 1 and 100000, got %', draws
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- every recipe offered is checked, drawn or not: index_scenarios raises
    -- the error that names the first bad one
    IF recipes IS NULL OR cardinality(recipes) = 0 OR EXISTS (SELECT FROM unnest(recipes) r
           WHERE r IS NULL OR r NOT IN ('zscore/arithmetic', 'minmax/arithmetic', 'minmax/geometric')) THEN
        PERFORM 1 FROM @extschema@.index_scenarios(data, catalog, period, recipes);
    END IF;
    -- scenario 1 is the nominal index; draw k (scenario k + 1) picks a recipe
    -- and a weight key from md5 of (seed, draw)
    scenario_recipes := ARRAY['zscore/arithmetic'] || ARRAY(
        SELECT recipes[1 + floor(cardinality(recipes) * ('x' || substr(md5(seed || ':' || k || ':recipe'), 1, 12))::bit(48)::bigint
                                 / 281474976710656.0)::int]
        FROM generate_series(1, draws) AS g(k) ORDER BY g.k);
    RETURN QUERY
    WITH r AS MATERIALIZED (
        SELECT * FROM @extschema@.index_scenarios(data, catalog, period, scenario_recipes,
                          ARRAY[NULL::text] || ARRAY(SELECT g.k::text FROM generate_series(1, draws) AS g(k) ORDER BY g.k),
                          array_fill(NULL::text, ARRAY[draws + 1]), grp, weight_noise, seed)
    ), nominal AS (
        SELECT r.area, r.score, r.rank FROM r WHERE r.scenario = 1
    )
    SELECT n.area, n.score, n.rank,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY r.rank),
           percentile_cont(0.05) WITHIN GROUP (ORDER BY r.rank),
           percentile_cont(0.95) WITHIN GROUP (ORDER BY r.rank),
           avg(abs(r.rank - n.rank))::float8
    FROM nominal n JOIN r ON r.area = n.area AND r.scenario > 1
    GROUP BY n.area, n.score, n.rank
    ORDER BY n.rank, n.area;
END
$body$;
COMMENT ON FUNCTION @extschema@.index_uncertainty(regclass, regclass, double precision, text, integer, double precision, text[], integer) IS
'Monte-Carlo uncertainty of the index ranking in one period and group: each draw perturbs every indicator weight by a uniform factor in [1 - weight_noise, 1 + weight_noise] and picks one of the recipes (z-score or min-max normalisation, arithmetic or geometric aggregation); returns each area''s nominal score and rank (z-scores, arithmetic, catalog weights), median rank, 5 % and 95 % rank quantiles and mean absolute rank shift (OECD/JRC Handbook step 7, COINr); seeded, so repeatable';

-- sensitivity_indices: first-order and total Sobol indices from the output
-- of a Saltelli design (COINr SA_estimate's layout and estimators).
CREATE FUNCTION @extschema@.sensitivity_indices(y double precision[], n integer, d integer,
                                                bootstrap integer DEFAULT 0, seed integer DEFAULT 1)
RETURNS TABLE (factor integer, first_order double precision, total_order double precision,
               first_order_p05 double precision, first_order_p95 double precision,
               total_order_p05 double precision, total_order_p95 double precision)
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $body$
BEGIN
    IF n < 2 OR d < 1 THEN
        RAISE EXCEPTION 'n must be at least 2 and d at least 1, got n = % and d = %', n, d
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF cardinality(y) <> n::bigint * (d + 2) THEN
        RAISE EXCEPTION 'y must hold n (d + 2) = % values (A, B, then A with column i from B for each i), got %',
            n::bigint * (d + 2), cardinality(y)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF array_position(y, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'y must not contain NULLs' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF EXISTS (SELECT FROM unnest(y) v WHERE v IN ('NaN', 'Infinity', '-Infinity')) THEN
        RAISE EXCEPTION 'y must be finite' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF bootstrap < 0 OR bootstrap > 10000 THEN
        RAISE EXCEPTION 'bootstrap must lie between 0 and 10000, got %', bootstrap
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN QUERY
    WITH o AS (
        SELECT t.v, t.i::int AS i FROM unnest(y) WITH ORDINALITY AS t(v, i)
    ), vy AS (        -- V(Y) and the mean from A and B together; no variance, nothing to apportion
        SELECT nullif(var_samp(o.v), 0) AS v, avg(o.v) AS mean FROM o WHERE o.i <= 2 * n
    ), terms AS (     -- each design row's terms: the indices are their means over V
        SELECT (ab.i - 2 * n - 1) / n + 1 AS k, a.i AS j,
               -- Saltelli 2010 on the centred output: the same expectation, a
               -- smaller variance when the output's mean is large
               (b.v - vy.mean) * (ab.v - a.v) / vy.v AS s,
               (a.v - ab.v) ^ 2 / 2 / vy.v AS st               -- Jansen 1999
        FROM o ab
        JOIN o a ON a.i = (ab.i - 2 * n - 1) % n + 1
        JOIN o b ON b.i = n + a.i
        CROSS JOIN vy
        WHERE ab.i > 2 * n
    ), boot AS (      -- resampled design rows (with replacement), from md5 of (seed, draw, slot)
        SELECT r.draw, 1 + floor(n * ('x' || substr(md5(seed || ':' || r.draw || ':' || q.slot), 1, 12))::bit(48)::bigint
                                 / 281474976710656.0)::int AS j
        FROM generate_series(1, bootstrap) AS r(draw), generate_series(1, n) AS q(slot)
    ), replicates AS (
        SELECT t.k, bt.draw, avg(t.s) AS s, avg(t.st) AS st
        FROM boot bt JOIN terms t ON t.j = bt.j
        GROUP BY t.k, bt.draw
    ), bands AS (
        SELECT r.k, percentile_cont(0.05) WITHIN GROUP (ORDER BY r.s) AS s05,
               percentile_cont(0.95) WITHIN GROUP (ORDER BY r.s) AS s95,
               percentile_cont(0.05) WITHIN GROUP (ORDER BY r.st) AS st05,
               percentile_cont(0.95) WITHIN GROUP (ORDER BY r.st) AS st95
        FROM replicates r GROUP BY r.k
    )
    SELECT t.k, avg(t.s), avg(t.st), min(bd.s05), min(bd.s95), min(bd.st05), min(bd.st95)
    FROM terms t LEFT JOIN bands bd ON bd.k = t.k
    GROUP BY t.k ORDER BY t.k;
END
$body$;
COMMENT ON FUNCTION @extschema@.sensitivity_indices(double precision[], integer, integer, integer, integer) IS
'variance-based sensitivity indices from a Saltelli design of n rows and d factors: y holds the model output for the rows of A, then B, then A with column i taken from B for i = 1..d; returns per factor the first-order index S_i = mean((y_B - mean) (y_ABi - y_A)) / V (Saltelli 2010 on the centred output) and the total index S_Ti = sum((y_A - y_ABi)^2) / (2 n V) (Jansen), V and mean over y_A and y_B - COINr SA_estimate''s estimators, centred; NULL indices when y does not vary; with bootstrap > 0, the 5 % and 95 % quantiles of both over that many resamplings of the design rows (seeded; V fixed, as COINr)';

-- index_sensitivity: which choice moves the ranking (OECD/JRC Handbook
-- step 7, COINr get_sensitivity "SA").
CREATE FUNCTION @extschema@.index_sensitivity(
    data regclass,
    catalog regclass,
    period double precision,
    grp text DEFAULT 'all',
    n integer DEFAULT 100,
    weight_noise double precision DEFAULT 0.25,
    recipes text[] DEFAULT ARRAY['zscore/arithmetic', 'minmax/arithmetic', 'minmax/geometric'],
    leave_one_out boolean DEFAULT true,
    bootstrap integer DEFAULT 200,
    seed integer DEFAULT 1)
RETURNS TABLE (factor text, first_order double precision, total_order double precision,
               first_order_p05 double precision, first_order_p95 double precision,
               total_order_p05 double precision, total_order_p95 double precision,
               mean_rank_shift double precision, rank_shift_variance double precision, runs integer)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $body$
DECLARE
    d integer := CASE WHEN leave_one_out THEN 3 ELSE 2 END;
    indicators text[];
    design_recipes text[];
    design_keys text[];
    design_left_out text[];
    y double precision[];
BEGIN
    IF n IS NULL OR n < 2 OR n > 20000 THEN
        RAISE EXCEPTION 'n must lie between 2 and 20000, got %', n
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF leave_one_out IS NULL THEN
        RAISE EXCEPTION 'leave_one_out must not be NULL' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF bootstrap IS NULL OR bootstrap < 0 OR bootstrap > 10000 THEN
        RAISE EXCEPTION 'bootstrap must lie between 0 and 10000, got %', bootstrap
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF recipes IS NULL OR cardinality(recipes) = 0 OR EXISTS (SELECT FROM unnest(recipes) r
           WHERE r IS NULL OR r NOT IN ('zscore/arithmetic', 'minmax/arithmetic', 'minmax/geometric')) THEN
        PERFORM 1 FROM @extschema@.index_scenarios(data, catalog, period, recipes);
    END IF;
    IF seed IS NULL THEN
        RAISE EXCEPTION 'seed must not be NULL' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE format('SELECT array_agg(DISTINCT c.indicator::text ORDER BY c.indicator::text) FROM %s c', catalog)
        INTO indicators;

    -- The design: rows j = 1..n of two matrices A and B of uniforms, one
    -- column per factor (1 recipe, 2 weights, 3 left-out indicator), from md5
    -- of (seed, matrix, j, factor).  Runs: A, B, then for each factor i, A
    -- with column i from B.  Scenario 1 is the nominal index.
    WITH design_rows AS (
        SELECT blk, j,
               CASE WHEN blk = 0 THEN 'A' WHEN blk = 1 THEN 'B' END AS whole
        FROM generate_series(0, d + 1) blk, generate_series(1, n) j
    ), src AS (        -- which matrix each factor of each run comes from
        SELECT r.blk, r.j, f,
               coalesce(r.whole, CASE WHEN r.blk - 1 = f THEN 'B' ELSE 'A' END) AS m
        FROM design_rows r, generate_series(1, 3) f
    ), u AS (
        SELECT s.blk, s.j, s.f, s.m,
               ('x' || substr(md5(seed || ':' || s.m || ':' || s.j || ':' || s.f), 1, 12))::bit(48)::bigint
                   / 281474976710656.0 AS u
        FROM src s
    ), p AS (
        SELECT u.blk, u.j,
               max(CASE WHEN u.f = 1 THEN recipes[1 + floor(cardinality(recipes) * u.u)::int] END) AS recipe,
               max(CASE WHEN u.f = 2 THEN u.m || ':' || u.j END) AS wkey,
               max(CASE WHEN u.f = 3 AND leave_one_out
                        THEN indicators[floor((cardinality(indicators) + 1) * u.u)::int] END) AS left_out
        FROM u GROUP BY u.blk, u.j
    )
    SELECT ARRAY['zscore/arithmetic'] || array_agg(p.recipe ORDER BY p.blk, p.j),
           ARRAY[NULL::text] || array_agg(p.wkey ORDER BY p.blk, p.j),
           ARRAY[NULL::text] || array_agg(p.left_out ORDER BY p.blk, p.j)
    INTO design_recipes, design_keys, design_left_out
    FROM p;

    -- output of each run: the mean absolute rank shift from the nominal ranking
    -- over the areas ranked in both (COINr's target)
    WITH r AS MATERIALIZED (
        SELECT * FROM @extschema@.index_scenarios(data, catalog, period, design_recipes, design_keys,
                                                  design_left_out, grp, weight_noise, seed)
    ), shift AS (
        SELECT r.scenario, avg(abs(r.rank - nom.rank))::float8 AS y
        FROM r JOIN r AS nom ON nom.area = r.area AND nom.scenario = 1
        WHERE r.scenario > 1 GROUP BY r.scenario
    )
    SELECT array_agg(coalesce(shift.y, 'NaN') ORDER BY s.scenario) INTO y
    FROM generate_series(2, n * (d + 2) + 1) s(scenario) LEFT JOIN shift ON shift.scenario = s.scenario;
    IF 'NaN' = ANY (y) THEN
        RAISE EXCEPTION 'some scenarios rank no area of the nominal index'
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Every area needs enough indicators for the coverage rule (0.5) in every scenario.';
    END IF;

    RETURN QUERY
    SELECT (ARRAY['recipe', 'weights', 'left-out indicator'])[si.factor], si.first_order, si.total_order,
           si.first_order_p05, si.first_order_p95, si.total_order_p05, si.total_order_p95,
           (SELECT avg(v) FROM unnest(y[1:2 * n]) v),
           (SELECT var_samp(v) FROM unnest(y[1:2 * n]) v),
           n * (d + 2) + 1
    FROM @extschema@.sensitivity_indices(y, n, d, bootstrap, seed) si
    ORDER BY si.factor;
END
$body$;
COMMENT ON FUNCTION @extschema@.index_sensitivity(regclass, regclass, double precision, text, integer, double precision, text[], boolean, integer, integer) IS
'variance-based sensitivity of the index ranking in one period and group to three choices: the recipe (normalisation and aggregation), noisy weights (each indicator weight times a uniform factor in [1 - weight_noise, 1 + weight_noise]) and one left-out indicator (none, or each one, with equal probability); output: the mean absolute rank shift from the nominal ranking; n (d + 2) + 1 runs of a Saltelli design, first-order and total indices by sensitivity_indices with bootstrap 5-95 % bands (COINr get_sensitivity SA_type = "SA", Nboot); seeded, so repeatable';
