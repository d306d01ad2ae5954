-- Segregation measures on real data shipped with R survey (apipop: 6 157
-- California schools in their districts) against the definitions written out
-- in R: test/fixtures/segregation_reference.R made segregation_units.csv and
-- segregation_reference.csv (R 4.2.2, survey 4.1-1).
BEGIN;
SELECT plan(14);
CREATE TEMP TABLE ref (quantity text, value float8);
\copy ref FROM 'test/fixtures/segregation_reference.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE units (snum int, dnum int, el float8, other float8, not_hsg float8, hsg float8,
                         some_col float8, col_grad float8, grad_sch float8);
\copy units FROM 'test/fixtures/segregation_units.csv' WITH (FORMAT csv, HEADER true)
-- the long table: one row per school and parents' education group
CREATE TEMP TABLE long AS
SELECT snum::text AS unit, dnum::text AS district, g.grp, g.n
FROM units, LATERAL (VALUES ('not_hsg', not_hsg), ('hsg', hsg), ('some_col', some_col),
                            ('col_grad', col_grad), ('grad_sch', grad_sch)) g(grp, n)
WHERE g.n > 0;
CREATE FUNCTION pg_temp.r(q text) RETURNS float8 LANGUAGE sql STABLE AS $$ SELECT value FROM ref WHERE quantity = q $$;
CREATE FUNCTION pg_temp.close(a float8, b float8, tol float8) RETURNS boolean LANGUAGE sql IMMUTABLE
AS $$ SELECT a IS NOT NULL AND b IS NOT NULL AND abs(a - b) <= tol * abs(b) + 1e-15 $$;

SELECT is((SELECT count(*)::float8 FROM units), pg_temp.r('units'), 'the fixture has its 6 157 schools');
SELECT ok(pg_temp.close((SELECT (wellbeing.dissimilarity(el, other)).value FROM units), pg_temp.r('dissimilarity'), 1e-12),
          'dissimilarity of English learners across schools = R formula');
SELECT ok(pg_temp.close((SELECT (wellbeing.isolation(el, el + other)).value FROM units), pg_temp.r('isolation'), 1e-12),
          'isolation = R formula');
SELECT ok(pg_temp.close((SELECT (wellbeing.exposure(el, other, el + other)).value FROM units), pg_temp.r('exposure'), 1e-12),
          'exposure to the other students = R formula');
SELECT ok(pg_temp.close((SELECT (wellbeing.mutual_information(unit, grp, n)).value FROM long), pg_temp.r('M'), 1e-12),
          'mutual information M of parents'' education across schools = R formula');
SELECT ok(pg_temp.close((SELECT (wellbeing.entropy_index(unit, grp, n)).value FROM long), pg_temp.r('H'), 1e-12),
          'entropy index H = R formula');

CREATE TEMP TABLE decomposition AS
SELECT d.* FROM (SELECT array_agg(unit) AS u, array_agg(district) AS s, array_agg(grp) AS g, array_agg(n) AS c FROM long) a,
     LATERAL wellbeing.mutual_information_decomposition(a.u, a.s, a.g, a.c) d;
SELECT ok(pg_temp.close((SELECT value FROM decomposition WHERE component = 'total'), pg_temp.r('M'), 1e-12), 'decomposition: total = M');
SELECT ok(pg_temp.close((SELECT value FROM decomposition WHERE component = 'between'), pg_temp.r('M_between'), 1e-12),
          'decomposition: M between districts = R formula');
SELECT ok(pg_temp.close((SELECT value FROM decomposition WHERE component = 'within'), pg_temp.r('M_within'), 1e-12),
          'decomposition: M within districts = R formula');
SELECT ok((SELECT bool_and(pg_temp.close(value, pg_temp.r('local_' || name), 1e-12)) AND count(*) = 5
           FROM decomposition WHERE component = 'local'), 'local scores of the five groups = R formula');
-- properties on the same data
SELECT ok(pg_temp.close((SELECT (wellbeing.dissimilarity(el * 10, other * 10)).value FROM units),
                        (SELECT (wellbeing.dissimilarity(el, other)).value FROM units), 1e-14), 'dissimilarity is scale invariant');
SELECT ok(pg_temp.close((SELECT (wellbeing.isolation(el, el + other)).value + (wellbeing.exposure(el, other, el + other)).value FROM units), 1, 1e-14),
          'two groups: isolation + exposure = 1');
SELECT ok(pg_temp.close((SELECT (wellbeing.mutual_information(unit, grp, n)).value FROM (SELECT * FROM long ORDER BY n DESC, unit) s),
                        pg_temp.r('M'), 1e-12), 'row order does not change M');
SELECT ok(pg_temp.close((SELECT sum(contribution) FROM decomposition WHERE component = 'district'),
                        pg_temp.r('M_within'), 1e-12), 'district contributions add up to the within part');
SELECT * FROM finish();
ROLLBACK;
