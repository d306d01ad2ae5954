-- demo/report.sql: a short report on the demo city, printed by demo/run.sh.
-- Every figure is a wellbeing estimate with its 95 % interval and a
-- reliability flag; cells that must not be shown are printed as "·".
\set QUIET on
\pset footer off

-- "12.3 % (10.1–14.8)", or "·" when suppress() hides the cell
CREATE FUNCTION pg_temp.show(e wellbeing.estimate, scale float8 DEFAULT 100,
                             digits int DEFAULT 1, unit text DEFAULT '')
RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN s.value IS NULL THEN '·'
              ELSE round((s.value * scale)::numeric, digits) || unit ||
                   CASE WHEN s.lower IS NULL THEN ''
                        ELSE ' (' || round((s.lower * scale)::numeric, digits) || '–' ||
                             round((s.upper * scale)::numeric, digits) || ')' END
         END
  FROM (SELECT (wellbeing.suppress(e)).*) s
$$;

\echo
\echo '== Demo city: well-being estimates with 95 % intervals =============================='
\echo 'Synthetic data (demo/city.sql, docs/demo-city.md). Flags: reliable; unreliable'
\echo '(relative standard error above 30 %); suppress (fewer than 11 respondents or'
\echo 'events, shown as ·).'

\echo
\echo '-- 1. Resident survey 2024, by race/ethnicity (weighted; logit interval for shares)'
\echo '--    Standard errors treat the survey as a weighted sample without strata or clusters;'
\echo '--    design-based intervals (strata, PSUs) come with the survey family and will be wider.'
SELECT race,
       pg_temp.show(food) AS "food insecure %",
       wellbeing.reliability(food) AS flag,
       pg_temp.show(health) AS "health good %",
       pg_temp.show(satisfaction, 1, 2) AS "life satisfaction 0–10",
       (food).n::int AS respondents
FROM (SELECT race,
             wellbeing.proportion(food_insecure, weight) AS food,
             wellbeing.proportion(self_rated_health_good, weight) AS health,
             wellbeing.mean(life_satisfaction, weight) AS satisfaction
      FROM city.survey WHERE year = 2024 GROUP BY race) s
ORDER BY race;

\echo
\echo '-- 2. Resident survey 2024, food insecurity by neighbourhood and race/ethnicity'
SELECT n.name AS neighbourhood, s.race,
       pg_temp.show(e) AS "food insecure %",
       wellbeing.reliability(e) AS flag,
       (e).n::int AS respondents
FROM (SELECT neighbourhood_id, race, wellbeing.proportion(food_insecure, weight) AS e
      FROM city.survey WHERE year = 2024 GROUP BY neighbourhood_id, race) s
JOIN city.neighbourhoods n USING (neighbourhood_id)
ORDER BY n.name, s.race;

\echo
\echo '-- 3. Share of residents below 60 % of the city-wide weighted median household income, 2024'
\echo '--    (threshold from the whole city, as laeken arpr with a breakdown)'
WITH threshold AS (
  SELECT wellbeing.poverty_threshold(household_income, weight) AS t
  FROM city.survey WHERE year = 2024
)
SELECT n.name AS neighbourhood,
       pg_temp.show(wellbeing.proportion(s.household_income < threshold.t, s.weight)) AS "below threshold %",
       wellbeing.reliability(wellbeing.proportion(s.household_income < threshold.t, s.weight)) AS flag,
       round(max(threshold.t)::numeric) AS "threshold $"
FROM city.survey s JOIN city.neighbourhoods n USING (neighbourhood_id), threshold
WHERE s.year = 2024
GROUP BY n.name ORDER BY n.name;
SELECT pg_temp.show(wellbeing.poverty_rate(household_income, weight)) AS "whole city %"
FROM city.survey WHERE year = 2024;

\echo
\echo '-- 4. Asthma emergency visits per 10 000, age-standardised (US 2000 standard, gamma interval), 2015 and 2024'
\echo '--    standardized_rate takes one row per age band: tract rows are pooled into bands first'
WITH bands AS (
  SELECT race, year, age_group, sum(events) AS events, sum(population) AS population
  FROM city.event_counts WHERE year IN (2015, 2024)
  GROUP BY race, year, age_group
), dsr AS (
  SELECT b.race,
         wellbeing.standardized_rate(b.events, b.population, sp.population, 10000) FILTER (WHERE b.year = 2015) AS y2015,
         wellbeing.standardized_rate(b.events, b.population, sp.population, 10000) FILTER (WHERE b.year = 2024) AS y2024
  FROM bands b JOIN wellbeing.standard_population sp ON sp.standard = 'us2000_11' AND sp.age_group = b.age_group
  GROUP BY b.race
)
SELECT race, pg_temp.show(y2015, 1, 1) AS "2015", pg_temp.show(y2024, 1, 1) AS "2024",
       wellbeing.reliability(y2024) AS "flag 2024",
       pg_temp.show(wellbeing.ratio(y2024, y2015), 1, 2) AS "2024 / 2015"
FROM dsr ORDER BY race;

\echo '-- 5. Tract detail, 2020–2024 pooled: asthma emergency visits by race/ethnicity in the'
\echo '--    largest neighbourhood, crude rate per 10 000 person-years (exact interval below 10'
\echo '--    events, Byar above). Counts 1–10 are hidden, and so is a second cell of the tract, so'
\echo '--    the first cannot be recovered from the published tract total (complementary suppression).'
WITH largest AS (
  SELECT neighbourhood_id FROM city.tracts GROUP BY neighbourhood_id ORDER BY count(*) DESC, neighbourhood_id LIMIT 1
), cells AS (
  SELECT c.tract_id, c.race, sum(c.events) AS events, sum(c.population) AS population
  FROM city.event_counts c JOIN city.tracts t USING (tract_id) JOIN largest USING (neighbourhood_id)
  WHERE c.year BETWEEN 2020 AND 2024
  GROUP BY c.tract_id, c.race
)
SELECT tract_id AS tract, race,
       CASE WHEN hidden THEN '·' ELSE events::text END AS events,
       CASE WHEN hidden THEN '·' ELSE pg_temp.show(wellbeing.rate_ci(events, population, 10000), 1, 1) END AS "rate per 10 000",
       CASE WHEN hidden THEN 'suppress' ELSE wellbeing.reliability(wellbeing.rate_ci(events, population, 10000)) END AS flag
FROM (SELECT *, wellbeing.complementary_suppression(events, events BETWEEN 1 AND 10)
                  OVER (PARTITION BY tract_id ORDER BY race) AS hidden
      FROM cells) s
WHERE tract_id IN (SELECT tract_id FROM cells ORDER BY tract_id LIMIT 12)
ORDER BY tract_id, race;
\echo
