-- Replicate-weight estimates against R survey 4.1.1 (svrepdesign /
-- as.svrepdesign): scd with BRR and Fay weights, apiclus1 with JK1 and
-- bootstrap weights, apistrat with JKn and successive-difference weights,
-- each with and without mse, to 1e-8 relative.  The data and R commands are
-- test/fixtures/replicate_*.csv and replicate_reference.R.  R's degrees of
-- freedom are the rank of the replicate weights minus 1, given here as
-- options 'df=' (the default is R - 1); the bootstrap scale of
-- as.svrepdesign is given as 'scale='.  Differences between domains against
-- svycontrast on svyby(..., covmat = TRUE): replicate_difference_reference.R.
BEGIN;
SELECT plan(891);
CREATE TEMP TABLE ref (case_id text, quantity text, value float8);
\copy ref FROM 'test/fixtures/replicate_reference.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE scd (design text, id int, esa int, ambulance int, arrests float8, alive float8, high_arrests int,
                       weight float8, repweights float8[]);
CREATE TEMP TABLE scd_in (id int, esa int, ambulance int, arrests float8, alive float8, high_arrests int,
                          weight float8, repweights float8[]);
\copy scd_in FROM 'test/fixtures/replicate_scd_brr.csv' WITH (FORMAT csv, HEADER true)
INSERT INTO scd SELECT 'scd_brr', * FROM scd_in;
INSERT INTO scd SELECT 'scd_fay_raw', * FROM scd_in;
TRUNCATE scd_in;
\copy scd_in FROM 'test/fixtures/replicate_scd_fay.csv' WITH (FORMAT csv, HEADER true)
INSERT INTO scd SELECT 'scd_fay', * FROM scd_in;
CREATE TEMP TABLE api (design text, id int, dnum int, stype text, api00 float8, enroll float8, api_stu float8,
                       sch_wide int, weight float8, repweights float8[]);
CREATE TEMP TABLE clus_in (id int, dnum int, stype text, api00 float8, enroll float8, api_stu float8, sch_wide int,
                           weight float8, repweights float8[]);
CREATE TEMP TABLE strat_in (id int, stype text, api00 float8, enroll float8, api_stu float8, sch_wide int,
                            weight float8, repweights float8[]);
\copy clus_in FROM 'test/fixtures/replicate_clus1_jk1.csv' WITH (FORMAT csv, HEADER true)
INSERT INTO api SELECT 'clus1_jk1', * FROM clus_in;
TRUNCATE clus_in;
\copy clus_in FROM 'test/fixtures/replicate_clus1_boot.csv' WITH (FORMAT csv, HEADER true)
INSERT INTO api SELECT 'clus1_boot', * FROM clus_in;
\copy strat_in FROM 'test/fixtures/replicate_strat_jkn.csv' WITH (FORMAT csv, HEADER true)
INSERT INTO api SELECT 'strat_jkn', id, NULL, stype, api00, enroll, api_stu, sch_wide, weight, repweights FROM strat_in;
TRUNCATE strat_in;
\copy strat_in FROM 'test/fixtures/replicate_strat_sdr.csv' WITH (FORMAT csv, HEADER true)
INSERT INTO api SELECT 'strat_sdr', id, NULL, stype, api00, enroll, api_stu, sch_wide, weight, repweights FROM strat_in;

-- each design: its method and options (scale, rho, mse, df) and rscales
CREATE TEMP TABLE designs AS
SELECT d.design || CASE WHEN m THEN '_mse' ELSE '' END AS name, d.design, d.tbl, d.method,
       concat_ws(', ', d.extra, CASE WHEN m THEN 'mse=true' END,
                 'df=' || (SELECT value::int FROM ref WHERE case_id = d.design || '.design' AND quantity = 'degf')) AS options,
       CASE WHEN d.method = 'jkn'
            THEN (SELECT array_agg(value ORDER BY substr(quantity, 8)::int) FROM ref
                  WHERE case_id = d.design || '.design' AND quantity LIKE 'rscale\_%') END AS rscales,
       d.x, d.tot, d.num, d.den, d.prop
FROM (VALUES ('scd_brr', 'scd', 'brr', NULL, 'arrests', 'arrests', 'arrests', 'alive', 'high_arrests = 1'),
             ('scd_fay_raw', 'scd', 'fay', 'rho=0.3', 'arrests', 'arrests', 'arrests', 'alive', 'high_arrests = 1'),
             ('scd_fay', 'scd', 'fay', 'rho=0.3', 'arrests', 'arrests', 'arrests', 'alive', 'high_arrests = 1'),
             ('clus1_jk1', 'api', 'jk1', NULL, 'api00', 'enroll', 'api_stu', 'enroll', 'sch_wide = 1'),
             ('clus1_boot', 'api', 'bootstrap', 'scale=0.021865889212827987', 'api00', 'enroll', 'api_stu', 'enroll', 'sch_wide = 1'),
             ('strat_jkn', 'api', 'jkn', NULL, 'api00', 'enroll', 'api_stu', 'enroll', 'sch_wide = 1'),
             ('strat_sdr', 'api', 'sdr', NULL, 'api00', 'enroll', 'api_stu', 'enroll', 'sch_wide = 1'))
     d(design, tbl, method, extra, x, tot, num, den, prop),
     (VALUES (false), (true)) mse(m);

CREATE TEMP TABLE cases (case_id text, q text);
INSERT INTO cases
SELECT g.name || '.' || format(c.stat, g.tbl, g.design, g.method, g.options, g.rscales, g.x, g.tot, g.num, g.den,
                              split_part(g.prop, ' ', 1)),
       format(c.tmpl, g.tbl, g.design, g.method, g.options, g.rscales, g.x, g.tot, g.num, g.den, g.prop)
FROM designs g,
     (VALUES ('mean.%6$s', 'SELECT wellbeing.replicate_mean(%6$s, weight, repweights, %3$L, %4$L, %5$L) FROM %1$s WHERE design = %2$L'),
             ('total.%7$s', 'SELECT wellbeing.replicate_total(%7$s, weight, repweights, %3$L, %4$L, %5$L) FROM %1$s WHERE design = %2$L'),
             ('ratio.%8$s_%9$s', 'SELECT wellbeing.replicate_ratio(%8$s, %9$s, weight, repweights, %3$L, %4$L, %5$L) FROM %1$s WHERE design = %2$L'),
             ('prop.%10$s.mean', 'SELECT wellbeing.replicate_proportion(%10$s, weight, repweights, %3$L, %4$L || '', interval=mean'', %5$L) FROM %1$s WHERE design = %2$L'),
             ('prop.%10$s.logit_exact', 'SELECT wellbeing.replicate_proportion(%10$s, weight, repweights, %3$L, %4$L, %5$L) FROM %1$s WHERE design = %2$L'))
     c(stat, tmpl);
-- domains: stype, with the domain's df
INSERT INTO cases
SELECT g.name || '.domain_mean.api00.stype=' || t,
       format('SELECT wellbeing.replicate_mean(api00, weight, repweights, %L, %L, %L, stype = %L) FROM api WHERE design = %L',
              g.method,
              regexp_replace(g.options, 'df=[0-9]+', 'df=' || (SELECT value::int FROM ref
                                                                WHERE case_id = g.name || '.domain_mean.api00.stype=' || t AND quantity = 'df')),
              g.rscales, t, g.design)
FROM designs g, unnest(ARRAY['E', 'H', 'M']) t
WHERE g.design IN ('clus1_jk1', 'strat_jkn');

-- differences between domains (replicate_difference of two FILTERed
-- states) against svycontrast(svyby(..., covmat = TRUE)): the fixture
-- replicate_difference_reference.csv, same designs, whole-design df
CREATE TEMP TABLE ref_diff (case_id text, quantity text, value float8);
\copy ref_diff FROM 'test/fixtures/replicate_difference_reference.csv' WITH (FORMAT csv, HEADER true)
INSERT INTO ref SELECT * FROM ref_diff WHERE case_id NOT LIKE '%.design' AND quantity <> 'se_by_hand';
INSERT INTO cases
SELECT format('%s.%s.%s_%s', g.name, k.kind, p.a, p.b),
       format('SELECT wellbeing.replicate_difference(wellbeing.%1$s_state(%2$s, weight, repweights, %3$L, %4$L, %5$L) FILTER (WHERE stype = %6$L),
                                                     wellbeing.%1$s_state(%2$s, weight, repweights, %3$L, %4$L, %5$L) FILTER (WHERE stype = %7$L))
               FROM api WHERE design = %8$L',
              k.aggregate, k.args, g.method, g.options, g.rscales, p.a, p.b, g.design)
FROM designs g,
     (VALUES ('mean_diff.api00', 'replicate_mean', 'api00'), ('total_diff.enroll', 'replicate_total', 'enroll'),
             ('prop_diff.sch_wide', 'replicate_proportion', 'sch_wide = 1'),
             ('ratio_diff.api_stu_enroll', 'replicate_ratio', 'api_stu, enroll')) k(kind, aggregate, args),
     (VALUES ('E', 'H'), ('E', 'M'), ('H', 'M')) p(a, b)
WHERE g.tbl = 'api';

CREATE FUNCTION pg_temp.run(q text) RETURNS wellbeing.survey_estimate LANGUAGE plpgsql AS $$
DECLARE e wellbeing.survey_estimate;
BEGIN EXECUTE format('SELECT (x).* FROM (%s) s(x)', q) INTO e; RETURN e; END $$;
CREATE TEMP TABLE ours AS SELECT case_id, pg_temp.run(q) AS e FROM cases;

-- svyciprop's "mean" limits are not clipped; ours are clamped to [0, 1], so a
-- proportion's limit is compared clipped to [0, 1] (R's own value is shown).
SELECT ok(CASE r.quantity
              WHEN 'df' THEN (o.e).df = r.value
              ELSE abs(CASE r.quantity WHEN 'value' THEN (o.e).value WHEN 'se' THEN (o.e).se
                                       WHEN 'lower' THEN (o.e).lower WHEN 'upper' THEN (o.e).upper END
                       - r.clipped) <= 1e-8 * abs(r.clipped) + 1e-12 END,
          format('%s %s = R survey (%s vs %s)', r.case_id, r.quantity,
                 CASE r.quantity WHEN 'value' THEN (o.e).value WHEN 'se' THEN (o.e).se WHEN 'lower' THEN (o.e).lower
                                 WHEN 'upper' THEN (o.e).upper WHEN 'df' THEN (o.e).df END, r.value))
FROM ours o
JOIN (SELECT *, CASE WHEN case_id LIKE '%.prop.%' AND quantity IN ('lower', 'upper')
                     THEN least(greatest(value, 0), 1) ELSE value END AS clipped
      FROM ref) r USING (case_id)
WHERE r.quantity IN ('value', 'se', 'lower', 'upper', 'df')
ORDER BY r.case_id, r.quantity;
SELECT ok((SELECT count(*) FROM ours) = (SELECT count(DISTINCT case_id) FROM ref WHERE case_id NOT LIKE '%.design'
                                                     AND case_id NOT LIKE '%.logit'),
          'every fixture case but R''s refitted logit is computed');

SELECT * FROM finish();
ROLLBACK;
