-- demo/report.sql: a short report on the demo city, printed by demo/run.sh.
-- Every figure is a wellbeing estimate with its 95 % interval and a
-- reliability flag; cells that must not be shown are printed as "·".
\set QUIET on
\pset footer off

-- "12.3 (10.1–14.8)", or "·" when there is no value
CREATE FUNCTION pg_temp.fmt(e wellbeing.estimate, scale float8 DEFAULT 100, digits int DEFAULT 1)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN (e).value IS NULL THEN '·'
              ELSE round(((e).value * scale)::numeric, digits) ||
                   CASE WHEN (e).lower IS NULL THEN ''
                        ELSE ' (' || round(((e).lower * scale)::numeric, digits) || '–' ||
                             round(((e).upper * scale)::numeric, digits) || ')' END
         END
$$;
-- the same, "·" also where suppress() hides the cell (fewer than 11 in n)
CREATE FUNCTION pg_temp.show(e wellbeing.estimate, scale float8 DEFAULT 100, digits int DEFAULT 1)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT pg_temp.fmt(wellbeing.suppress(e), scale, digits)
$$;

\echo
\echo '== Demo city: well-being estimates with 95 % intervals =============================='
\echo 'Synthetic data (demo/city.sql, docs/demo-city.md). Flags: reliable; unreliable'
\echo '(relative standard error above 30 %); suppress (fewer than 11 respondents or'
\echo 'events, shown as ·).'

\echo
\echo '-- 1. Resident survey 2024, by race/ethnicity, with its design: 6 strata (neighbourhoods),'
\echo '--    145 PSUs (block groups); each race is a domain of the whole design (survey_*, logit'
\echo '--    interval for shares, t on the design df). "simple SE" treats the survey as a weighted'
\echo '--    sample without strata or clusters: clustering makes the design SE larger, stratification'
\echo '--    can make it smaller.'
SELECT r.race,
       pg_temp.show(food) AS "food insecure %",
       wellbeing.reliability(food) AS flag,
       round(((food).se * 100)::numeric, 2) AS "SE",
       round(((simple).se * 100)::numeric, 2) AS "simple SE",
       pg_temp.show(health) AS "health good %",
       pg_temp.show(satisfaction, 1, 2) AS "life satisfaction 0–10",
       (food).n::int AS respondents
FROM (SELECT r.race,
             wellbeing.survey_proportion(s.food_insecure, s.weight, s.stratum, s.psu, NULL, 0.95, NULL, s.race = r.race) AS food,
             wellbeing.survey_proportion(s.self_rated_health_good, s.weight, s.stratum, s.psu, NULL, 0.95, NULL, s.race = r.race) AS health,
             wellbeing.survey_mean(s.life_satisfaction, s.weight, s.stratum, s.psu, NULL, 0.95, NULL, s.race = r.race) AS satisfaction,
             wellbeing.proportion(s.food_insecure, s.weight) FILTER (WHERE s.race = r.race) AS simple
      FROM city.survey s CROSS JOIN (SELECT DISTINCT race FROM city.survey) r
      WHERE s.year = 2024 GROUP BY r.race) r
ORDER BY r.race;

\echo
\echo '-- 2. Resident survey 2024, food insecurity by neighbourhood (a stratum) and race/ethnicity'
\echo '--    (a domain within it), design-based. "NCHS" applies the NCHS Data Presentation'
\echo '--    Standards for Proportions (effective sample size, Korn-Graubard interval width,'
\echo '--    design df; docs/suppress.md): stricter than the RSE flag for small cells.'
SELECT n.name AS neighbourhood, s.race,
       pg_temp.show(e) AS "food insecure %",
       wellbeing.reliability(e) AS flag,
       (wellbeing.nchs_presentation(e)).decision AS "NCHS",
       (e).n::int AS respondents
FROM (SELECT s.neighbourhood_id, r.race,
             wellbeing.survey_proportion(s.food_insecure, s.weight, s.stratum, s.psu, NULL, 0.95, NULL, s.race = r.race) AS e
      FROM city.survey s CROSS JOIN (SELECT DISTINCT race FROM city.survey) r
      WHERE s.year = 2024 GROUP BY s.neighbourhood_id, r.race) s
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

\echo '-- 5. Disparities in food insecurity by neighbourhood, resident survey 2024'
\echo '--    by income quintile (Q1 = lowest income = most disadvantaged): slope index in percentage'
\echo '--    points (negative: more food insecurity at the low-income end), the Q1 - Q5 difference'
\echo '--    and the concentration index; by race: between-group SD in points; each with its 95 %'
\echo '--    interval. The group estimates are design-based (survey_proportion, each group a domain'
\echo '--    of the design, as in the HTML report), so the intervals carry the design; groups come'
\echo '--    from cells that may be small: the measures are not suppressed, and their intervals'
\echo '--    carry the uncertainty of the small cells'
WITH by_quintile AS (
  SELECT s.neighbourhood_id, q.ordinal,
         (wellbeing.survey_proportion(s.food_insecure, s.weight, s.stratum, s.psu, NULL, 0.95, NULL,
                                      s.income_quintile = q.grp))::wellbeing.estimate AS e,
         sum(s.weight) FILTER (WHERE s.income_quintile = q.grp) AS pop
  FROM city.survey s JOIN city.groups q ON q.dimension = 'income_quintile'
  WHERE s.year = 2024 GROUP BY s.neighbourhood_id, q.ordinal
), by_race AS (
  SELECT s.neighbourhood_id, r.race,
         (wellbeing.survey_proportion(s.food_insecure, s.weight, s.stratum, s.psu, NULL, 0.95, NULL,
                                      s.race = r.race))::wellbeing.estimate AS e,
         sum(s.weight) FILTER (WHERE s.race = r.race) AS pop
  FROM city.survey s CROSS JOIN (SELECT DISTINCT race FROM city.survey) r
  WHERE s.year = 2024 GROUP BY s.neighbourhood_id, r.race
), ordered AS (
  SELECT neighbourhood_id,
         wellbeing.slope_index((e).value, pop, ordinal, (e).se) AS sii,
         wellbeing.difference((array_agg(e) FILTER (WHERE ordinal = 1))[1],
                              (array_agg(e) FILTER (WHERE ordinal = 5))[1]) AS q1_q5,
         wellbeing.concentration_index((e).value, pop, ordinal, (e).se) AS ci
  FROM by_quintile GROUP BY neighbourhood_id
), spread AS (
  SELECT neighbourhood_id, wellbeing.between_group_sd((e).value, pop, (e).se) AS bgsd
  FROM by_race GROUP BY neighbourhood_id
)
SELECT n.name AS neighbourhood,
       pg_temp.fmt(sii, 100, 1) AS "SII (points)",
       pg_temp.fmt(q1_q5, 100, 1) AS "Q1 - Q5 (points)",
       pg_temp.fmt(ci, 1, 3) AS "concentration index",
       pg_temp.fmt(bgsd, 100, 1) AS "between-race SD (points)"
FROM ordered JOIN spread USING (neighbourhood_id) JOIN city.neighbourhoods n USING (neighbourhood_id)
ORDER BY n.name;

\echo '-- 6. Are we better than in 2015?  Each tract against its own past (whole-tract indicators,'
\echo '--    trend 2015-2024 with its interval, read through each indicator''s direction): number of'
\echo '--    tract x indicator pairs improving, worsening or without significant change, by neighbourhood'
SELECT n.name AS neighbourhood,
       count(*) FILTER (WHERE sc.status = 'improving') AS improving,
       count(*) FILTER (WHERE sc.status = 'worsening') AS worsening,
       count(*) FILTER (WHERE sc.status = 'no significant change') AS no_significant_change
FROM wellbeing.self_comparison('city.indicators', 'city.indicator_catalog', 2015) sc
JOIN city.tracts t ON t.tract_id = sc.area
JOIN city.neighbourhoods n USING (neighbourhood_id)
WHERE sc.grp = 'all'
GROUP BY n.name ORDER BY n.name;
\echo '--    and by race/ethnicity, on the indicators the city has by race (tract x race x indicator)'
SELECT sc.grp AS race,
       count(*) FILTER (WHERE sc.status = 'improving') AS improving,
       count(*) FILTER (WHERE sc.status = 'worsening') AS worsening,
       count(*) FILTER (WHERE sc.status = 'no significant change') AS no_significant_change,
       count(*) FILTER (WHERE sc.status = 'not enough data') AS not_enough_data
FROM wellbeing.self_comparison('city.indicators', 'city.indicator_catalog', 2015) sc
WHERE sc.grp <> 'all'
GROUP BY sc.grp ORDER BY sc.grp;

\echo '-- 7. Tract detail, 2020–2024 pooled: asthma emergency visits by race/ethnicity in the'
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
\echo '-- 8. Well-being index against its own 2015 baseline: eight domains, equal weights, each'
\echo '--    indicator as a z-score on the 2015 distribution of tracts (so a score rises when the'
\echo '--    tract improves), levels cut on 2015 quintiles. Mean tract index by neighbourhood,'
\echo '--    2015 and 2024, and the number of tracts per level in 2024'
WITH bi AS (
  SELECT * FROM wellbeing.build_index('city.indicators', 'city.indicator_catalog',
                                      baseline_period => 2015, reference_group => 'all')
  WHERE grp = 'all' AND level = 'index'
)
SELECT n.name AS neighbourhood,
       to_char(avg(bi.score) FILTER (WHERE bi.period = 2015), 'S0.00') AS "index 2015",
       to_char(avg(bi.score) FILTER (WHERE bi.period = 2024), 'S0.00') AS "index 2024",
       count(*) FILTER (WHERE bi.period = 2024 AND bi.category = 'very low') AS "very low",
       count(*) FILTER (WHERE bi.period = 2024 AND bi.category = 'low') AS low,
       count(*) FILTER (WHERE bi.period = 2024 AND bi.category = 'moderate') AS moderate,
       count(*) FILTER (WHERE bi.period = 2024 AND bi.category = 'high') AS high,
       count(*) FILTER (WHERE bi.period = 2024 AND bi.category = 'very high') AS "very high"
FROM bi
JOIN city.tracts t ON t.tract_id = bi.area
JOIN city.neighbourhoods n USING (neighbourhood_id)
GROUP BY n.name ORDER BY n.name;
\echo
\echo '-- 9. The index''s domains by neighbourhood: change of the mean tract domain score from 2015'
\echo '--    to 2024, on the 2015 scale (positive = better than its own 2015; no ranks)'
WITH bi AS (
  SELECT * FROM wellbeing.build_index('city.indicators', 'city.indicator_catalog',
                                      baseline_period => 2015, reference_group => 'all')
  WHERE grp = 'all' AND level = 'domain' AND period IN (2015, 2024)
), change AS (
  SELECT t.neighbourhood_id, bi.name AS domain,
         avg(bi.score) FILTER (WHERE bi.period = 2024) - avg(bi.score) FILTER (WHERE bi.period = 2015) AS d
  FROM bi JOIN city.tracts t ON t.tract_id = bi.area
  GROUP BY t.neighbourhood_id, bi.name
)
SELECT n.name AS neighbourhood,
       to_char(max(d) FILTER (WHERE domain = 'health'), 'S0.00') AS health,
       to_char(max(d) FILTER (WHERE domain = 'income'), 'S0.00') AS income,
       to_char(max(d) FILTER (WHERE domain = 'housing'), 'S0.00') AS housing,
       to_char(max(d) FILTER (WHERE domain = 'education'), 'S0.00') AS education,
       to_char(max(d) FILTER (WHERE domain = 'safety'), 'S0.00') AS safety,
       to_char(max(d) FILTER (WHERE domain = 'environment'), 'S0.00') AS environment,
       to_char(max(d) FILTER (WHERE domain = 'civic life'), 'S0.00') AS "civic life",
       to_char(max(d) FILTER (WHERE domain = 'subjective well-being'), 'S0.00') AS "subjective"
FROM change JOIN city.neighbourhoods n USING (neighbourhood_id)
GROUP BY n.name ORDER BY n.name;

\echo
\echo '-- 10. Who lives where the index is low: share of each race/ethnicity''s residents living in'
\echo '--     tracts of each level (levels cut on 2015), 2015 and 2024 (Child Opportunity Index style);'
\echo '--     and race-specific domain scores where the city has race-specific indicators'
WITH lv AS (
  SELECT area, period, category FROM wellbeing.build_index('city.indicators', 'city.indicator_catalog',
                                                           baseline_period => 2015, reference_group => 'all')
  WHERE grp = 'all' AND level = 'index' AND period IN (2015, 2024)
), pop AS (
  SELECT tract_id, year, race, sum(population) AS pop FROM city.population WHERE year IN (2015, 2024) GROUP BY 1, 2, 3
)
SELECT p.race,
       round(100.0 * sum(p.pop) FILTER (WHERE p.year = 2015 AND lv.category IN ('very low', 'low'))
             / sum(p.pop) FILTER (WHERE p.year = 2015), 1) AS "% in low or very low 2015",
       round(100.0 * sum(p.pop) FILTER (WHERE p.year = 2024 AND lv.category IN ('very low', 'low'))
             / sum(p.pop) FILTER (WHERE p.year = 2024), 1) AS "2024",
       round(100.0 * sum(p.pop) FILTER (WHERE p.year = 2024 AND lv.category IN ('high', 'very high'))
             / sum(p.pop) FILTER (WHERE p.year = 2024), 1) AS "% in high or very high 2024"
FROM pop p JOIN lv ON lv.area = p.tract_id AND lv.period = p.year
GROUP BY p.race ORDER BY p.race;
WITH bi AS (
  SELECT * FROM wellbeing.build_index('city.indicators', 'city.indicator_catalog',
                                      baseline_period => 2015, reference_group => 'all')
  WHERE grp <> 'all' AND level = 'domain' AND name IN ('health', 'housing', 'income') AND period IN (2015, 2024)
)
SELECT grp AS race, name AS domain,
       to_char(avg(score) FILTER (WHERE period = 2015), 'S0.00') AS "2015",
       to_char(avg(score) FILTER (WHERE period = 2024), 'S0.00') AS "2024",
       count(score) FILTER (WHERE period = 2024) AS tracts
FROM bi GROUP BY grp, name ORDER BY name, grp;
\echo
