-- demo/views.sql: views a BI tool can point at (Power BI, Tableau, Superset,
-- Metabase through ODBC or JDBC), over the demo city.  Every column is a plain
-- scalar with a stable name and type; estimates come with their intervals,
-- degrees of freedom and reliability flags; nothing is ranked.
-- Load after demo/city.sql:  psql -v ON_ERROR_STOP=1 -f demo/views.sql
-- docs/bi.md describes the columns.
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS city_bi CASCADE;
CREATE SCHEMA city_bi;
COMMENT ON SCHEMA city_bi IS 'BI-ready views over the demo city (demo/views.sql, docs/bi.md)';

-- Survey shares by year, neighbourhood (a stratum) and race (a domain of the
-- design), for the survey's yes/no outcomes, design-based, with suppression
CREATE VIEW city_bi.survey_shares AS
WITH outcomes AS (
  SELECT s.year, s.neighbourhood_id, s.stratum, s.psu, s.weight, s.race, o.outcome, o.answer
  FROM city.survey s
  CROSS JOIN LATERAL (VALUES ('food_insecure', s.food_insecure), ('self_rated_health_good', s.self_rated_health_good),
                             ('feels_safe', s.feels_safe), ('civic_participation', s.civic_participation)) o(outcome, answer)
), cells AS (
  SELECT o.year, o.neighbourhood_id, r.race, o.outcome,
         wellbeing.survey_proportion(o.answer, o.weight, o.stratum, o.psu, NULL, 0.95, NULL, o.race = r.race) AS e
  FROM outcomes o
  CROSS JOIN (SELECT DISTINCT race FROM city.survey) r
  GROUP BY o.year, o.neighbourhood_id, r.race, o.outcome
)
SELECT c.year::integer AS year, n.name AS neighbourhood, c.race, c.outcome,
       (wellbeing.suppress(c.e)).value AS share,
       (wellbeing.suppress(c.e)).lower AS share_lower,
       (wellbeing.suppress(c.e)).upper AS share_upper,
       (c.e).se AS standard_error,
       (c.e).n::integer AS respondents,
       (c.e).df AS design_df,
       wellbeing.reliability(c.e) AS reliability
FROM cells c JOIN city.neighbourhoods n USING (neighbourhood_id);
COMMENT ON VIEW city_bi.survey_shares IS
'survey shares (0-1) by year, neighbourhood and race, design-based (strata, PSUs; race as a domain), NULL where suppressed (fewer than 11 respondents)';

-- The composite index and the self-comparison run build_index and
-- self_comparison, which read the indicator tables with the rights of the
-- role that calls them (they run SQL built from their table arguments, and
-- a function that ran it with its owner's rights would let any caller read
-- what the owner can).  A view over them would make the BI role need SELECT
-- on the raw city tables; materialised, the owner computes them and the BI
-- role reads only the results.  Refresh after loading new data:
--   REFRESH MATERIALIZED VIEW city_bi.index_scores;
--   REFRESH MATERIALIZED VIEW city_bi.compared_with_2015;

-- The composite index on the 2015 baseline: index, domains and indicators of
-- every tract and period, with its neighbourhood
CREATE MATERIALIZED VIEW city_bi.index_scores AS
SELECT b.area AS tract, n.name AS neighbourhood, b.period::integer AS year, b.level, b.name,
       b.score, b.category, b.coverage, b.effective_weight
FROM wellbeing.build_index('city.indicators', 'city.indicator_catalog',
                           baseline_period => 2015, reference_group => 'all') b
JOIN city.tracts t ON t.tract_id = b.area
JOIN city.neighbourhoods n USING (neighbourhood_id)
WHERE b.grp = 'all';
COMMENT ON MATERIALIZED VIEW city_bi.index_scores IS
'composite well-being index of every tract and year on the 2015 baseline (z-scores of 2015, equal domain weights): level index, domain or indicator; higher is better; no rank';

-- Each tract against its own 2015 baseline
CREATE MATERIALIZED VIEW city_bi.compared_with_2015 AS
SELECT sc.area AS tract, n.name AS neighbourhood, sc.grp AS population_group, sc.indicator,
       c.domain, sc.higher_is_better, sc.baseline AS value_2015, sc.latest AS value_latest,
       sc.latest_period_used::integer AS latest_year, sc.change, sc.relative_change,
       sc.trend AS trend_per_year, sc.trend_lower, sc.trend_upper, sc.periods, sc.status
FROM wellbeing.self_comparison('city.indicators', 'city.indicator_catalog', 2015) sc
JOIN city.tracts t ON t.tract_id = sc.area
JOIN city.neighbourhoods n USING (neighbourhood_id)
JOIN city.indicator_catalog c ON c.indicator = sc.indicator;
COMMENT ON MATERIALIZED VIEW city_bi.compared_with_2015 IS
'every tract x group x indicator against its own 2015 value: change, linear trend with its 95 % interval, improving / worsening / no significant change';

-- Disparity tiles: food insecurity across income quintiles, per neighbourhood, 2024
CREATE VIEW city_bi.disparity_tiles AS
WITH g AS (
  SELECT s.neighbourhood_id, q.ordinal,
         (wellbeing.survey_proportion(s.food_insecure, s.weight, s.stratum, s.psu, NULL, 0.95, NULL,
                                      s.income_quintile = q.grp))::wellbeing.estimate AS e,
         sum(s.weight) FILTER (WHERE s.income_quintile = q.grp) AS pop
  FROM city.survey s
  JOIN city.groups q ON q.dimension = 'income_quintile'
  WHERE s.year = 2024
  GROUP BY s.neighbourhood_id, q.ordinal
), a AS (
  SELECT neighbourhood_id, array_agg((e).value ORDER BY ordinal) AS v, array_agg(pop ORDER BY ordinal) AS w,
         array_agg(ordinal::float8 ORDER BY ordinal) AS o, array_agg((e).se ORDER BY ordinal) AS s
  FROM g GROUP BY neighbourhood_id
)
SELECT n.name AS neighbourhood, 2024 AS year, 'food_insecure'::text AS outcome, 'income_quintile'::text AS dimension,
       p.measure, p.method, p.value, p.se AS standard_error, p.lower, p.upper, p.note
FROM a
JOIN city.neighbourhoods n USING (neighbourhood_id)
CROSS JOIN LATERAL wellbeing.disparity_profile(a.v, a.w, a.o, a.s, higher_is_better => false) p;
COMMENT ON VIEW city_bi.disparity_tiles IS
'every disparity measure of food insecurity across income quintiles (Q1 = lowest income) per neighbourhood in 2024, with intervals; note says why a measure is absent';

-- The BI role reads city_bi and nothing else: no grant on the city's tables
-- (the views run as their owner; the materialised ones were computed by it)
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'city_bi_reader') THEN
    CREATE ROLE city_bi_reader NOLOGIN;
  END IF;
END $$;
GRANT USAGE ON SCHEMA wellbeing, city_bi TO city_bi_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA city_bi TO city_bi_reader;
