-- demo/report_html.sql: the demo report as one self-contained HTML page (inline
-- SVG charts, no scripts, no network), every number computed here in SQL.
--   psql -qAtX -f demo/report_html.sql > report.html   (after demo/city.sql)
\set QUIET on
\pset format unaligned
\pset tuples_only on
SET client_min_messages = warning;

-- positions in a chart: a value v of the axis range [v0, v1] at pixel a..b
CREATE FUNCTION pg_temp.at(v float8, v0 float8, v1 float8, a float8, b float8) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$ SELECT round((a + (v - v0) / (v1 - v0) * (b - a))::numeric, 1) $$;

-- an SVG polyline of (x, y) points in the plot box [left, right] x [top, bottom]
CREATE FUNCTION pg_temp.points(xs float8[], ys float8[], x0 float8, x1 float8, y0 float8, y1 float8,
                               left_px float8, right_px float8, top_px float8, bottom_px float8)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT string_agg(pg_temp.at(x, x0, x1, left_px, right_px) || ',' || pg_temp.at(y, y0, y1, bottom_px, top_px), ' ' ORDER BY i)
  FROM unnest(xs, ys) WITH ORDINALITY AS u(x, y, i) WHERE y IS NOT NULL
$$;

-- a y axis: gridlines and labelled ticks at the given values (class "tick",
-- which the screenshot test counts: every chart must have readable axes)
CREATE FUNCTION pg_temp.y_axis(ticks float8[], y0 float8, y1 float8, left_px float8, right_px float8,
                               top_px float8, bottom_px float8, fmt text, scale float8 DEFAULT 1)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT string_agg(format('<line x1="%s" x2="%s" y1="%s" y2="%3$s" stroke="#ddd"/>'
                           '<text class="tick" x="%s" y="%s" font-size="11" text-anchor="end">%s</text>',
                           left_px, right_px, pg_temp.at(t, y0, y1, bottom_px, top_px),
                           left_px - 4, pg_temp.at(t, y0, y1, bottom_px, top_px) + 4, trim(to_char(t * scale, fmt))), '')
  FROM unnest(ticks) t
$$;

-- an x axis: labelled ticks under the plot box
CREATE FUNCTION pg_temp.x_axis(ticks float8[], x0 float8, x1 float8, left_px float8, right_px float8,
                               bottom_px float8, fmt text, scale float8 DEFAULT 1)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format('<line x1="%s" x2="%s" y1="%s" y2="%3$s" stroke="#666"/>', left_px, right_px, bottom_px) ||
         string_agg(format('<line x1="%1$s" x2="%1$s" y1="%2$s" y2="%3$s" stroke="#666"/>'
                           '<text class="tick" x="%1$s" y="%4$s" font-size="11" text-anchor="middle">%5$s</text>',
                           pg_temp.at(t, x0, x1, left_px, right_px), bottom_px, bottom_px + 4, bottom_px + 16,
                           trim(to_char(t * scale, fmt))), '')
  FROM unnest(ticks) t
$$;

CREATE TEMP TABLE idx AS
SELECT n.name AS neighbourhood, b.period::int AS year, avg(b.score) AS score
FROM wellbeing.build_index('city.indicators', 'city.indicator_catalog', baseline_period => 2015, reference_group => 'all') b
JOIN city.tracts t ON t.tract_id = b.area JOIN city.neighbourhoods n USING (neighbourhood_id)
WHERE b.grp = 'all' AND b.level = 'index'
GROUP BY n.name, b.period;

CREATE TEMP TABLE dom AS
SELECT n.name AS neighbourhood, b.name AS domain,
       avg(b.score) FILTER (WHERE b.period = 2024) - avg(b.score) FILTER (WHERE b.period = 2015) AS change
FROM wellbeing.build_index('city.indicators', 'city.indicator_catalog', baseline_period => 2015, reference_group => 'all') b
JOIN city.tracts t ON t.tract_id = b.area JOIN city.neighbourhoods n USING (neighbourhood_id)
WHERE b.grp = 'all' AND b.level = 'domain' AND b.period IN (2015, 2024)
GROUP BY n.name, b.name;

CREATE TEMP TABLE sii AS
WITH g AS (
  SELECT s.neighbourhood_id, q.ordinal,
         (wellbeing.survey_proportion(s.food_insecure, s.weight, s.stratum, s.psu, NULL, 0.95, NULL,
                                      s.income_quintile = q.grp))::wellbeing.estimate AS e,
         sum(s.weight) FILTER (WHERE s.income_quintile = q.grp) AS pop
  FROM city.survey s JOIN city.groups q ON q.dimension = 'income_quintile'
  WHERE s.year = 2024 GROUP BY s.neighbourhood_id, q.ordinal
)
SELECT n.name AS neighbourhood, (e).value AS value, (e).lower AS lower, (e).upper AS upper
FROM (SELECT neighbourhood_id, wellbeing.slope_index((e).value, pop, ordinal, (e).se) AS e FROM g GROUP BY neighbourhood_id) x
JOIN city.neighbourhoods n USING (neighbourhood_id);

CREATE TEMP TABLE gap AS
SELECT s.year,
       wellbeing.survey_proportion(s.food_insecure, s.weight, s.stratum, s.psu, NULL, 0.95, NULL, s.race = 'Black')::wellbeing.estimate AS black,
       wellbeing.survey_proportion(s.food_insecure, s.weight, s.stratum, s.psu, NULL, 0.95, NULL, s.race = 'White')::wellbeing.estimate AS white
FROM city.survey s GROUP BY s.year;

SELECT $html$<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Demo city: well-being against its own past</title>
<style>
body { font-family: sans-serif; margin: 24px; color: #222; max-width: 1120px; }
h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 28px; }
p.note { color: #555; font-size: 13px; }
.grid { display: flex; flex-wrap: wrap; gap: 12px; }
.card { border: 1px solid #ddd; padding: 6px; }
.card h3 { font-size: 13px; margin: 2px 0 4px 0; }
table { border-collapse: collapse; font-size: 13px; }
td, th { border: 1px solid #ddd; padding: 3px 8px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
</style></head><body>
<h1>Demo city: well-being against its own past</h1>
<p class="note">Synthetic data (the wellbeing extension's demo city). Every figure comes from SQL with the
wellbeing extension; intervals are 95 %; nothing is ranked.</p>
<h2>1. The well-being index of each neighbourhood, 2015&ndash;2024, against its own 2015 level</h2>
<p class="note">Mean tract index (indicators as z-scores on the 2015 distribution, eight domains, equal
weights), by year; the same vertical scale on every chart. The dashed line is the neighbourhood's own 2015
value: above it is better than its own past.</p>
<div class="grid">$html$;

SELECT string_agg(format(
  '<div class="card"><h3>%1$s: %2$s to %3$s</h3><svg width="350" height="190" viewBox="0 0 350 190">'
  '<rect x="44" y="10" width="276" height="150" fill="#fafafa"/>%4$s%5$s'
  '<line x1="44" x2="320" y1="%6$s" y2="%6$s" stroke="#999" stroke-dasharray="4 3"/>'
  '<polyline fill="none" stroke="#1f77b4" stroke-width="2" points="%7$s"/></svg></div>',
  neighbourhood, to_char(first, 'S0.00'), to_char(last, 'S0.00'),
  pg_temp.y_axis(ticks, lo, hi, 44, 320, 10, 160, 'S0.0'),
  pg_temp.x_axis(ARRAY[2015, 2018, 2021, 2024], 2015, 2024, 44, 320, 160, '9999'),
  pg_temp.at(first, lo, hi, 160, 10),
  pg_temp.points(xs, ys, 2015, 2024, lo, hi, 44, 320, 10, 160)), E'\n' ORDER BY neighbourhood)
FROM (SELECT neighbourhood, array_agg(year::float8 ORDER BY year) AS xs, array_agg(score ORDER BY year) AS ys,
             max(score) FILTER (WHERE year = 2015) AS first, max(score) FILTER (WHERE year = 2024) AS last,
             r.lo, r.hi, ARRAY(SELECT g::float8 FROM generate_series(ceil(r.lo)::int, floor(r.hi)::int) g) AS ticks
      FROM idx, (SELECT floor((min(score) - 0.1) * 2) / 2 AS lo, ceil((max(score) + 0.1) * 2) / 2 AS hi FROM idx) r
      GROUP BY neighbourhood, r.lo, r.hi) s;

SELECT $html$</div>
<h2>2. Change in each domain since 2015 (on the 2015 scale)</h2>
<p class="note">Mean tract domain score in 2024 minus 2015; green is better than the neighbourhood's own 2015.</p>
<table><tr><th>neighbourhood</th>$html$ ||
       (SELECT string_agg('<th>' || domain || '</th>', '' ORDER BY domain) FROM (SELECT DISTINCT domain FROM dom) d) || '</tr>';
SELECT string_agg('<tr><td>' || neighbourhood || '</td>' || cells || '</tr>', E'\n' ORDER BY neighbourhood)
FROM (SELECT neighbourhood,
             string_agg(format('<td style="background:%s">%s</td>',
                               CASE WHEN change > 0 THEN format('rgba(44,160,44,%s)', round(least(abs(change), 2)::numeric / 2 * 0.8, 2))
                                    ELSE format('rgba(214,39,40,%s)', round(least(abs(change), 2)::numeric / 2 * 0.8, 2)) END,
                               to_char(change, 'S0.00')), '' ORDER BY domain) AS cells
      FROM dom GROUP BY neighbourhood) r;

SELECT $html$</table>
<h2>3. Food insecurity across income quintiles: slope index of inequality, 2024</h2>
<p class="note">Difference in food insecurity (percentage points) from the top to the bottom of the income
distribution, from design-based quintile estimates (survey strata and clusters), with its 95 % interval.
Negative: more food insecurity at the low-income end.</p>
<svg width="1000" height="$html$ || (SELECT 60 + 28 * count(*) FROM sii) || $html$" viewBox="0 0 1000 $html$ || (SELECT 60 + 28 * count(*) FROM sii) || $html$">$html$;

-- x axis: -80 to +20 points, at 6 px a point from x = 130
SELECT format('<line x1="%s" x2="%1$s" y1="0" y2="%s" stroke="#999"/>', pg_temp.at(0, -80, 20, 130, 730), 28 * count(*) + 10) ||
       pg_temp.x_axis(ARRAY[-80, -60, -40, -20, 0, 20], -80, 20, 130, 730, 28 * count(*) + 10, 'S90') ||
       format('<text x="430" y="%s" font-size="12" text-anchor="middle">slope index of inequality, percentage points</text>',
              28 * count(*) + 44)
FROM sii;

SELECT string_agg(format(
  '<text x="5" y="%s" font-size="13">%s</text>'
  '<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="#d62728" stroke-width="3"/>'
  '<circle cx="%s" cy="%s" r="5" fill="#d62728"/>'
  '<text x="745" y="%s" font-size="12">%s (%s to %s)</text>',
  20 + 28 * (i - 1), neighbourhood,
  pg_temp.at(lower * 100, -80, 20, 130, 730), pg_temp.at(upper * 100, -80, 20, 130, 730), 15 + 28 * (i - 1), 15 + 28 * (i - 1),
  pg_temp.at(value * 100, -80, 20, 130, 730), 15 + 28 * (i - 1),
  20 + 28 * (i - 1),
  to_char(value * 100, 'S90.0'), to_char(lower * 100, 'S90.0'), to_char(upper * 100, 'S90.0')), E'\n' ORDER BY i)
FROM (SELECT *, row_number() OVER (ORDER BY neighbourhood) AS i FROM sii) s;

SELECT $html$</svg>
<h2>4. Is the gap closing? Food insecurity of Black and White residents by year</h2>
<p class="note">Design-based yearly shares with 95 % intervals (bars). $html$ ||
       (SELECT format('Trend of the gap: %s points a year (%s to %s), %s.',
                      to_char(difference_slope * 100, 'S90.00'), to_char(difference_lower * 100, 'S90.00'),
                      to_char(difference_upper * 100, 'S90.00'), status)
        FROM (SELECT (wellbeing.gap_trend(year, (black).value, (black).se, (white).value, (white).se)).* FROM gap) g) ||
       $html$</p>
<svg width="1000" height="300" viewBox="0 0 1000 300"><rect x="60" y="30" width="820" height="230" fill="#fafafa"/>$html$ ||
       pg_temp.y_axis(ARRAY[0, 0.1, 0.2, 0.3, 0.4], 0, 0.4, 60, 880, 30, 260, '90', 100) ||
       pg_temp.x_axis((SELECT array_agg(year::float8 ORDER BY year) FROM gap), 2014.5, 2024.5, 60, 880, 260, '9999') ||
       $html$<text x="14" y="150" font-size="12" transform="rotate(-90 14 150)" text-anchor="middle">food insecure, %</text>
<text x="890" y="60" font-size="12" fill="#9467bd">&#9679; Black</text>
<text x="890" y="80" font-size="12" fill="#ff7f0e">&#9679; White</text>$html$;

SELECT string_agg(format(
  '<line x1="%1$s" x2="%1$s" y1="%2$s" y2="%3$s" stroke="%4$s" stroke-width="2"/><circle cx="%1$s" cy="%5$s" r="4" fill="%4$s"/>',
  pg_temp.at(year + offs, 2014.5, 2024.5, 60, 880),
  pg_temp.at(lo, 0, 0.4, 260, 30), pg_temp.at(hi, 0, 0.4, 260, 30), colour,
  pg_temp.at(v, 0, 0.4, 260, 30)), E'\n')
FROM (SELECT year, -0.08 AS offs, '#9467bd' AS colour, (black).value AS v, (black).lower AS lo, (black).upper AS hi FROM gap
      UNION ALL
      SELECT year, 0.08, '#ff7f0e', (white).value, (white).lower, (white).upper FROM gap) p;

SELECT $html$</svg>
</body></html>$html$;
