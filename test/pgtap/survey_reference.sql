-- Design-based estimates against R survey 4.1.1 on its shipped data (api
-- strat / clus1 designs with and without fpc, nhanes with strata and PSUs, a
-- lonely-PSU variant of apistrat), to 1e-8 relative: the data and the R
-- commands are test/fixtures/survey_*.csv and survey_reference.R.  The
-- likelihood interval is checked against the exact root of R's profile
-- criterion (R's own grid interpolation agrees to about 1e-5).
BEGIN;
SELECT plan(353);
CREATE TEMP TABLE ref (case_id text, quantity text, value float8);
\copy ref FROM 'test/fixtures/survey_reference.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE apistrat (snum int, stype text, pw float8, fpc float8, api00 float8, api99 float8, enroll float8,
                            api_stu float8, sch_wide int, both_yes int, awards01 int, stype_lonely text);
\copy apistrat FROM 'test/fixtures/survey_apistrat.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE apiclus1 (dnum int, snum int, stype text, pw float8, fpc float8, api00 float8, enroll float8,
                            api_stu float8, sch_wide int);
\copy apiclus1 FROM 'test/fixtures/survey_apiclus1.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE nhanes (sdmvpsu int, sdmvstra int, wtmec2yr float8, hi_chol int, race int, agecat text, riagendr int);
\copy nhanes FROM 'test/fixtures/survey_nhanes.csv' WITH (FORMAT csv, HEADER true)

-- each fixture case as the SQL that computes it
CREATE TEMP TABLE cases (case_id text, q text);
INSERT INTO cases
SELECT d.name || '.' || c.stat, format(c.tmpl, d.tbl, d.w, d.s, d.p, d.f)
FROM (VALUES ('strat', 'apistrat', 'pw', 'stype', 'snum', 'NULL'),
             ('strat_fpc', 'apistrat', 'pw', 'stype', 'snum', 'fpc'),
             ('clus1', 'apiclus1', 'pw', '1', 'dnum', 'NULL'),
             ('clus1_fpc', 'apiclus1', 'pw', '1', 'dnum', 'fpc')) d(name, tbl, w, s, p, f),
     (VALUES ('mean.api00', 'SELECT wellbeing.survey_mean(api00, %2$s, %3$s, %4$s, %5$s) FROM %1$s'),
             ('total.enroll', 'SELECT wellbeing.survey_total(enroll, %2$s, %3$s, %4$s, %5$s) FROM %1$s'),
             ('ratio.api_stu_enroll', 'SELECT wellbeing.survey_ratio(api_stu, enroll, %2$s, %3$s, %4$s, %5$s) FROM %1$s'),
             ('mean.sch_wide', 'SELECT wellbeing.survey_mean(sch_wide, %2$s, %3$s, %4$s, %5$s) FROM %1$s'),
             ('prop.sch_wide.logit', 'SELECT wellbeing.survey_proportion(sch_wide = 1, %2$s, %3$s, %4$s, %5$s, 0.95, ''interval=logit'') FROM %1$s'),
             ('prop.sch_wide.xlogit', 'SELECT wellbeing.survey_proportion(sch_wide = 1, %2$s, %3$s, %4$s, %5$s, 0.95, ''interval=xlogit'') FROM %1$s'),
             ('prop.sch_wide.mean', 'SELECT wellbeing.survey_proportion(sch_wide = 1, %2$s, %3$s, %4$s, %5$s, 0.95, ''interval=mean'') FROM %1$s'),
             ('prop.sch_wide.asin', 'SELECT wellbeing.survey_proportion(sch_wide = 1, %2$s, %3$s, %4$s, %5$s, 0.95, ''interval=asin'') FROM %1$s'),
             ('prop.sch_wide.beta', 'SELECT wellbeing.survey_proportion(sch_wide = 1, %2$s, %3$s, %4$s, %5$s, 0.95, ''interval=beta'') FROM %1$s'),
             ('prop.sch_wide.likelihood_exact', 'SELECT wellbeing.survey_proportion(sch_wide = 1, %2$s, %3$s, %4$s, %5$s, 0.95, ''interval=likelihood'') FROM %1$s')) c(stat, tmpl);
INSERT INTO cases VALUES
  ('nhanes.mean.HI_CHOL', 'SELECT wellbeing.survey_mean(hi_chol, wtmec2yr, sdmvstra, sdmvpsu) FROM nhanes'),
  ('nhanes.total.HI_CHOL', 'SELECT wellbeing.survey_total(hi_chol, wtmec2yr, sdmvstra, sdmvpsu) FROM nhanes'),
  ('nhanes.prop.HI_CHOL.logit', 'SELECT wellbeing.survey_proportion(hi_chol = 1, wtmec2yr, sdmvstra, sdmvpsu) FROM nhanes'),
  ('nhanes.prop.HI_CHOL.xlogit', 'SELECT wellbeing.survey_proportion(hi_chol = 1, wtmec2yr, sdmvstra, sdmvpsu, NULL, 0.95, ''interval=xlogit'') FROM nhanes'),
  ('nhanes.prop.HI_CHOL.mean', 'SELECT wellbeing.survey_proportion(hi_chol = 1, wtmec2yr, sdmvstra, sdmvpsu, NULL, 0.95, ''interval=mean'') FROM nhanes'),
  ('nhanes.prop.HI_CHOL.asin', 'SELECT wellbeing.survey_proportion(hi_chol = 1, wtmec2yr, sdmvstra, sdmvpsu, NULL, 0.95, ''interval=asin'') FROM nhanes'),
  ('nhanes.prop.HI_CHOL.beta', 'SELECT wellbeing.survey_proportion(hi_chol = 1, wtmec2yr, sdmvstra, sdmvpsu, NULL, 0.95, ''interval=beta'') FROM nhanes'),
  ('nhanes_nonmissing.prop.HI_CHOL.likelihood_exact', 'SELECT wellbeing.survey_proportion(hi_chol = 1, wtmec2yr, sdmvstra, sdmvpsu, NULL, 0.95, ''interval=likelihood'') FROM nhanes WHERE hi_chol IS NOT NULL'),
  ('nhanes_nonmissing.prop.HI_CHOL.beta', 'SELECT wellbeing.survey_proportion(hi_chol = 1, wtmec2yr, sdmvstra, sdmvpsu, NULL, 0.95, ''interval=beta'') FROM nhanes WHERE hi_chol IS NOT NULL'),
  ('nhanes.contrast.HI_CHOL.race_1_minus_2', 'SELECT wellbeing.survey_mean_difference(hi_chol, wtmec2yr, sdmvstra, sdmvpsu, race = 1, race = 2) FROM nhanes'),
  ('strat.contrast.api00.awards01_1_minus_0', 'SELECT wellbeing.survey_mean_difference(api00, pw, stype, snum, awards01 = 1, awards01 = 0) FROM apistrat'),
  ('clus1.wrong_subset_mean.api00.stype=E', 'SELECT wellbeing.survey_mean(api00, pw, 1, dnum) FROM apiclus1 WHERE stype = ''E'''),
  ('clus1.wrong_subset_mean.api00.stype=H', 'SELECT wellbeing.survey_mean(api00, pw, 1, dnum) FROM apiclus1 WHERE stype = ''H'''),
  ('clus1.wrong_subset_mean.api00.stype=M', 'SELECT wellbeing.survey_mean(api00, pw, 1, dnum) FROM apiclus1 WHERE stype = ''M'''),
  ('strat.wrong_subset_mean.api00.awards01=1', 'SELECT wellbeing.survey_mean(api00, pw, stype, snum) FROM apistrat WHERE awards01 = 1');
INSERT INTO cases
SELECT 'lonely.' || o || '.mean.api00', format('SELECT wellbeing.survey_mean(api00, pw, stype_lonely, snum, NULL, 0.95, ''lonely_psu=%s'') FROM apistrat', o)
FROM unnest(ARRAY['remove', 'adjust', 'average', 'certainty']) o
UNION ALL
SELECT 'lonely.' || o || '.total.enroll', format('SELECT wellbeing.survey_total(enroll, pw, stype_lonely, snum, NULL, 0.95, ''lonely_psu=%s'') FROM apistrat', o)
FROM unnest(ARRAY['remove', 'adjust', 'average', 'certainty']) o
UNION ALL
SELECT 'clus1.domain_mean.api00.stype=' || t, format('SELECT wellbeing.survey_mean(api00, pw, 1, dnum, NULL, 0.95, NULL, stype = %L) FROM apiclus1', t)
FROM unnest(ARRAY['E', 'H', 'M']) t
UNION ALL
SELECT 'strat.domain_total.enroll.stype=' || t, format('SELECT wellbeing.survey_total(enroll, pw, stype, snum, NULL, 0.95, NULL, stype = %L) FROM apistrat', t)
FROM unnest(ARRAY['E', 'H', 'M']) t
UNION ALL
SELECT 'strat.domain_mean.api00.awards01=' || a, format('SELECT wellbeing.survey_mean(api00, pw, stype, snum, NULL, 0.95, NULL, awards01 = %s) FROM apistrat', a)
FROM unnest(ARRAY[0, 1]) a
UNION ALL
SELECT 'nhanes.domain_mean.HI_CHOL.race=' || r, format('SELECT wellbeing.survey_mean(hi_chol, wtmec2yr, sdmvstra, sdmvpsu, NULL, 0.95, NULL, race = %s) FROM nhanes', r)
FROM unnest(ARRAY[1, 2, 3, 4]) r
UNION ALL
-- svystandardize(by = ~agecat, over = ~race, population = c(1, 1, 1, 1)):
-- equal standard weights over the four age groups
SELECT 'nhanes.std_mean.HI_CHOL.race=' || r,
       format('SELECT wellbeing.survey_standardized_mean(hi_chol, wtmec2yr, sdmvstra, sdmvpsu, agecat, 1, NULL, 0.95, NULL, race = %s) FROM nhanes', r)
FROM unnest(ARRAY[1, 2, 3, 4]) r;

CREATE FUNCTION pg_temp.run(q text) RETURNS wellbeing.survey_estimate LANGUAGE plpgsql AS $$
DECLARE e wellbeing.survey_estimate;
BEGIN EXECUTE format('SELECT (x).* FROM (%s) s(x)', q) INTO e; RETURN e; END $$;
CREATE TEMP TABLE ours AS SELECT case_id, pg_temp.run(q) AS e FROM cases;

SELECT ok(CASE r.quantity
              WHEN 'df' THEN (o.e).df = r.value
              ELSE abs(CASE r.quantity WHEN 'value' THEN (o.e).value WHEN 'se' THEN (o.e).se
                                       WHEN 'lower' THEN (o.e).lower WHEN 'upper' THEN (o.e).upper END
                       - r.value) <= 1e-8 * abs(r.value) + 1e-12 END,
          format('%s %s = R survey (%s vs %s)', r.case_id, r.quantity,
                 CASE r.quantity WHEN 'value' THEN (o.e).value WHEN 'se' THEN (o.e).se WHEN 'lower' THEN (o.e).lower
                                 WHEN 'upper' THEN (o.e).upper WHEN 'df' THEN (o.e).df END, r.value))
FROM ours o JOIN ref r USING (case_id)
WHERE r.quantity IN ('value', 'se', 'lower', 'upper', 'df')
ORDER BY r.case_id, r.quantity;

-- R's own likelihood limits (interpolated on a profile grid) to 1e-4
SELECT ok(bool_and(abs(CASE r.quantity WHEN 'lower' THEN (o.e).lower ELSE (o.e).upper END - r.value) < 1e-4),
          'likelihood intervals within 1e-4 of R''s interpolated ones (' || count(*) || ' limits)')
FROM ours o JOIN ref r ON r.case_id = replace(o.case_id, 'likelihood_exact', 'likelihood')
WHERE o.case_id LIKE '%likelihood_exact' AND r.quantity IN ('lower', 'upper');

SELECT * FROM finish();
ROLLBACK;
