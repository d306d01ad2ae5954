-- Two-group segregation: dissimilarity, isolation, exposure.
-- Fixture (reference/disparity.md 5.5, computed with the formulas): tracts
-- with group counts 100, 300, 50, 550 and totals 1000, 800, 600, 1600:
-- D = 0.3333333, isolation xPx = 0.3157292, exposure xPy = 0.6842708.
SET extra_float_digits = 0;
CREATE TABLE units AS
SELECT * FROM (VALUES ('T1', 100, 1000), ('T2', 300, 800), ('T3', 50, 600), ('T4', 550, 1600)) t(tract, x, t);
SELECT round((wellbeing.dissimilarity(x, t - x)).value::numeric, 7) AS dissimilarity,
       round((wellbeing.isolation(x, t)).value::numeric, 7) AS isolation,
       round((wellbeing.exposure(x, t - x, t)).value::numeric, 7) AS exposure,
       (wellbeing.isolation(x, t)).n AS units
FROM units;
-- for two groups exposure = 1 - isolation; D written out as
-- sum t |p - P| / (2 T P (1 - P)) with p = x/t, P = X/T
SELECT abs((wellbeing.exposure(x, t - x, t)).value + (wellbeing.isolation(x, t)).value - 1) < 1e-15 AS complement,
       abs((wellbeing.dissimilarity(x, t - x)).value
           - sum(t * abs(x::float8 / t - 1000.0 / 4000)) / (2 * 4000 * 0.25 * 0.75)) < 1e-15 AS d_alternative_form
FROM units;
-- even spread gives D = 0 and isolation = the group's share; total separation D = 1
SELECT (wellbeing.dissimilarity(x, y)).value AS even, (wellbeing.isolation(x, x + y)).value AS isolation_even
FROM (VALUES (10, 30), (20, 60)) t(x, y);
SELECT (wellbeing.dissimilarity(x, y)).value AS separated FROM (VALUES (10, 0), (0, 60)) t(x, y);
-- undefined: no members of the group; empty input
SELECT (wellbeing.dissimilarity(0, y)).value IS NULL AS no_group FROM (VALUES (5), (6)) t(y);
SELECT wellbeing.isolation(x, t) IS NULL AS empty FROM units WHERE false;
-- bad input
SELECT wellbeing.isolation(20, 10);
SELECT wellbeing.exposure(5, 6, 10);
SELECT wellbeing.dissimilarity(-1, 5);

-- multigroup: mutual information M and entropy index H (R segregation).
-- For two groups H equals the two-group Theil H: on the fixture
-- M = 0.0483297, E = 0.5623351, H = 0.0859447
CREATE TABLE cells AS
SELECT tract, 'group' AS grp, x::float8 AS c FROM units
UNION ALL SELECT tract, 'others', (t - x)::float8 FROM units;
SELECT round((wellbeing.mutual_information(tract, grp, c)).value::numeric, 7) AS m,
       round((wellbeing.entropy_index(tract, grp, c)).value::numeric, 7) AS h,
       (wellbeing.entropy_index(tract, grp, c)).n AS units
FROM cells;
-- three groups: M written out, sum p_ug ln(p_ug / (p_u p_g)), and H = M / E
CREATE TABLE cells3 AS
SELECT 'u' || (g % 5) AS unit, 'g' || (g % 3) AS grp, ((g * 37) % 23 + 1)::float8 AS c
FROM generate_series(1, 15) g;
WITH t AS (SELECT sum(c) AS total FROM cells3),
     pu AS (SELECT unit, sum(c) AS cu FROM cells3 GROUP BY unit),
     pg AS (SELECT grp, sum(c) AS cg FROM cells3 GROUP BY grp),
     m AS (SELECT sum(c / total * ln(c * total / (cu * cg))) AS m
           FROM cells3 JOIN pu USING (unit) JOIN pg USING (grp), t),
     e AS (SELECT -sum(cg / total * ln(cg / total)) AS e FROM pg, t)
SELECT abs((SELECT (wellbeing.mutual_information(unit, grp, c)).value FROM cells3) - m) < 1e-14 AS m_by_hand,
       abs((SELECT (wellbeing.entropy_index(unit, grp, c)).value FROM cells3) - m / e) < 1e-14 AS h_by_hand
FROM m, e;
-- a cell split over two rows is the same cell; row order does not matter
SELECT abs((wellbeing.mutual_information(unit, grp, c)).value
           - (SELECT (wellbeing.mutual_information(unit, grp, c)).value FROM cells3)) < 1e-15 AS split_cells
FROM (SELECT * FROM (SELECT unit, grp, c / 2 AS c FROM cells3 UNION ALL SELECT unit, grp, c / 2 FROM cells3) u ORDER BY random()) s;
-- one unit or one group: no segregation (M = 0, H = 0); empty: NULL
SELECT (wellbeing.mutual_information('u', grp, c)).value AS one_unit FROM cells3;
SELECT (wellbeing.entropy_index(unit, 'g', c)).value IS NULL AS one_group_h_undefined FROM cells3;
SELECT wellbeing.mutual_information(unit, grp, c) IS NULL AS empty FROM cells3 WHERE false;
SELECT wellbeing.mutual_information('u', 'g', -1);

DROP TABLE cells, cells3;
DROP TABLE units;

-- M's decomposition: units a, b in district N, c, d in S.  District N alone is
-- the 2 x 2 table (10, 30 | 30, 10): M_N = 0.25 ln 0.5 + 0.75 ln 1.5 = 0.130812;
-- total = between + within, and the local scores add up to M (p_g L_g)
SELECT component, name, round(share::numeric, 6) AS share, round(value::numeric, 6) AS value
FROM wellbeing.mutual_information_decomposition('{a,a,b,b,c,c,d,d}', '{N,N,N,N,S,S,S,S}', '{x,y,x,y,x,y,x,y}',
                                               '{10,30,30,10,20,20,5,35}');
SELECT abs(sum(contribution) FILTER (WHERE component IN ('between', 'within'))
           - sum(contribution) FILTER (WHERE component = 'total')) < 1e-15 AS between_plus_within_is_total,
       abs(sum(contribution) FILTER (WHERE component = 'local')
           - sum(contribution) FILTER (WHERE component = 'total')) < 1e-15 AS locals_add_up,
       abs(sum(contribution) FILTER (WHERE component = 'district')
           - sum(contribution) FILTER (WHERE component = 'within')) < 1e-15 AS districts_add_up
FROM wellbeing.mutual_information_decomposition('{a,a,b,b,c,c,d,d}', '{N,N,N,N,S,S,S,S}', '{x,y,x,y,x,y,x,y}',
                                               '{10,30,30,10,20,20,5,35}');
\set SHOW_CONTEXT never
SELECT * FROM wellbeing.mutual_information_decomposition('{a,b}', '{N,S}', '{x}', '{1,2}');
SELECT * FROM wellbeing.mutual_information_decomposition('{a,a}', '{N,S}', '{x,y}', '{1,2}');
\set SHOW_CONTEXT errors
-- no one in a group, or in the whole table: no shares, no division by zero
SELECT * FROM wellbeing.mutual_information_decomposition('{a,b,a}', '{x,y,x}', '{g,h,k}', '{1,2,0}'::float8[]) WHERE component = 'local';
SELECT count(*) AS rows, count(value) AS values FROM wellbeing.mutual_information_decomposition('{a,b}', '{a,b}', '{a,b}', '{0,0}'::float8[]);
