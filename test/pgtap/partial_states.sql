-- Conditions for partial aggregation across processes and machines
-- (parallel workers, Citus workers; docs/citus.md):
--  1. every aggregate of the extension has a combine function, a state type
--     that is not `internal` (so no serial/deserial functions are needed),
--     is PARALLEL SAFE and has a read-only final function;
--  2. the state of every state kind survives its text form exactly (Citus
--     ships partial states between nodes as text);
--  3. a state that went through text, merged with another, finalises to the
--     single-pass answer.
BEGIN;
SELECT plan(11);

CREATE TEMP VIEW ext_aggs AS
SELECT p.oid::regprocedure AS agg, a.*, p.proparallel
FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'wellbeing';

SELECT cmp_ok((SELECT count(*) FROM ext_aggs), '>=', 150::bigint, 'the extension has its aggregates (catalog query finds them)');
SELECT is_empty($$SELECT agg FROM ext_aggs WHERE aggcombinefn = 0$$, 'every aggregate has a combine function');
SELECT is_empty($$SELECT agg FROM ext_aggs WHERE aggtranstype <> 'double precision[]'::regtype$$,
                'every state is double precision[] (never internal, so no serialisation functions are needed)');
SELECT is_empty($$SELECT agg FROM ext_aggs WHERE proparallel <> 's'$$, 'every aggregate is PARALLEL SAFE');
SELECT is_empty($$SELECT agg FROM ext_aggs WHERE aggfinalmodify <> 'r' OR aggkind <> 'n'$$,
                'every aggregate is a normal aggregate with a read-only final function (usable as a window)');

-- One representative aggregate per state kind: the transition function as an
-- aggregate without a final function gives the raw state.
SELECT setseed(0.7);
CREATE TEMP TABLE rows AS
SELECT g AS id, g % 7 AS area, (g % 3)::text AS grp, random() < 0.3 AS outcome,
       0.2 + 3 * random() AS weight, exp(8 + random() * 2) AS income,
       floor(random() * 20)::float8 AS events, 1000 + floor(random() * 5000)::float8 AS population,
       (g % 19) + 1 AS band, 2000 + g % 12 AS year, g % 4 AS stratum, g % 40 AS psu
FROM generate_series(1, 3000) g;
CREATE SCHEMA wbstate;
CREATE AGGREGATE wbstate.proportion(boolean, float8) (SFUNC = wellbeing.proportion_transfn, STYPE = float8[]);
CREATE AGGREGATE wbstate.mean(float8, float8) (SFUNC = wellbeing.mean_transfn, STYPE = float8[]);
CREATE AGGREGATE wbstate.total(float8, float8) (SFUNC = wellbeing.total_transfn, STYPE = float8[]);
CREATE AGGREGATE wbstate.rate(float8, float8, float8) (SFUNC = wellbeing.rate_transfn, STYPE = float8[]);
CREATE AGGREGATE wbstate.standardized_rate(float8, float8, float8, float8, float8, text) (SFUNC = wellbeing.standardized_rate_transfn, STYPE = float8[]);
CREATE AGGREGATE wbstate.standardized_ratio(float8, float8) (SFUNC = wellbeing.standardized_ratio_transfn, STYPE = float8[]);
CREATE AGGREGATE wbstate.gini(float8, float8, boolean) (SFUNC = wellbeing.gini_transfn, STYPE = float8[]);
CREATE AGGREGATE wbstate.theil_t(float8, float8, float8, float8) (SFUNC = wellbeing.theil_t_transfn, STYPE = float8[]);
CREATE AGGREGATE wbstate.between_group_variance(float8, float8, float8) (SFUNC = wellbeing.between_group_variance_transfn, STYPE = float8[]);
CREATE AGGREGATE wbstate.slope_index(float8, float8, float8, float8) (SFUNC = wellbeing.slope_index_transfn, STYPE = float8[]);
CREATE AGGREGATE wbstate.isolation(float8, float8) (SFUNC = wellbeing.isolation_transfn, STYPE = float8[]);
CREATE AGGREGATE wbstate.mutual_information(text, text, float8) (SFUNC = wellbeing.multigroup_transfn, STYPE = float8[]);
CREATE AGGREGATE wbstate.annual_percent_change(float8, float8, float8) (SFUNC = wellbeing.annual_percent_change_transfn, STYPE = float8[]);
CREATE AGGREGATE wbstate.gap_trend(float8, float8, float8, float8, float8) (SFUNC = wellbeing.gap_trend_transfn, STYPE = float8[]);
CREATE AGGREGATE wbstate.recent_trend(float8, float8, float8, float8) (SFUNC = wellbeing.recent_trend_transfn, STYPE = float8[]);
CREATE AGGREGATE wbstate.aggregate_scores(float8, float8) (SFUNC = wellbeing.aggregate_scores_transfn, STYPE = float8[]);
CREATE AGGREGATE wbstate.cronbach_alpha(float8[]) (SFUNC = wellbeing.cronbach_alpha_transfn, STYPE = float8[]);
CREATE AGGREGATE wbstate.joinpoint(float8, float8) (SFUNC = wellbeing.joinpoint_transfn, STYPE = float8[]);
CREATE AGGREGATE wbstate.survey_mean(float8, float8, bigint, bigint) (SFUNC = wellbeing.survey_mean_transfn, STYPE = float8[]);
CREATE AGGREGATE wbstate.replicate_mean(float8, float8, float8[], text) (SFUNC = wellbeing.replicate_mean_transfn, STYPE = float8[]);

CREATE TEMP TABLE states AS
SELECT 'proportion' AS kind, wbstate.proportion(outcome, weight) AS s FROM rows
UNION ALL SELECT 'mean', wbstate.mean(income, weight) FROM rows
UNION ALL SELECT 'total', wbstate.total(income, weight) FROM rows
UNION ALL SELECT 'rate', wbstate.rate(events, population, 1000) FROM rows
UNION ALL SELECT 'standardized_rate', wbstate.standardized_rate(events, population, band * 100.0, 1, 0.95, 'gamma') FROM rows
UNION ALL SELECT 'standardized_ratio', wbstate.standardized_ratio(events, population / 500.0) FROM rows
UNION ALL SELECT 'sample (gini)', wbstate.gini(income, weight, false) FROM rows
UNION ALL SELECT 'entropy (theil_t)', wbstate.theil_t(income, weight, income / 10, 0.9) FROM rows
UNION ALL SELECT 'spread (between_group_variance)', wbstate.between_group_variance(income, weight, income / 10) FROM rows
UNION ALL SELECT 'groups (slope_index)', wbstate.slope_index(income, weight, band, income / 10) FROM rows
UNION ALL SELECT 'exposure (isolation)', wbstate.isolation(events, population) FROM rows
UNION ALL SELECT 'triples (mutual_information)', wbstate.mutual_information(area::text, grp, events) FROM rows
UNION ALL SELECT 'trend (annual_percent_change)', wbstate.annual_percent_change(year, income, income / 10) FROM rows
UNION ALL SELECT 'gap (gap_trend)', wbstate.gap_trend(year, income, income / 10, events + 1, 0.5) FROM rows
UNION ALL SELECT 'series (recent_trend)', wbstate.recent_trend(year, income, income * 0.9, income * 1.1) FROM rows WHERE id <= 12
UNION ALL SELECT 'scores (aggregate_scores)', wbstate.aggregate_scores(income / 1000, weight) FROM rows
UNION ALL SELECT 'alpha (cronbach_alpha)', wbstate.cronbach_alpha(ARRAY[income, income * weight, events]) FROM rows
UNION ALL SELECT 'segmented (joinpoint)', wbstate.joinpoint(year, income) FROM rows WHERE id <= 12
UNION ALL SELECT 'survey (survey_mean)', wbstate.survey_mean(income, weight, stratum, psu) FROM rows
UNION ALL SELECT 'replicate (replicate_mean)', wbstate.replicate_mean(income, weight, ARRAY[weight * 0.9, weight * 1.1, weight], 'bootstrap') FROM rows;

SELECT is((SELECT count(DISTINCT s[1]) FROM states), 20::bigint, 'one state of each of the 20 state kinds (distinct tags)');
SELECT is_empty($$SELECT kind FROM states WHERE s IS NULL OR cardinality(s) < 2$$, 'every representative state is non-trivial');

-- text round trip at the default extra_float_digits (1: shortest exact
-- output) and at 3, compared byte for byte (array_send); the binary form is the
-- array itself, so it needs no test
SET LOCAL extra_float_digits = 1;
SELECT is_empty($$SELECT kind FROM states WHERE array_send(s::text::float8[]) <> array_send(s)$$,
                'every state kind: text output read back is the same bytes (extra_float_digits = 1)');
SET LOCAL extra_float_digits = 3;
SELECT is_empty($$SELECT kind FROM states WHERE array_send(s::text::float8[]) <> array_send(s)$$,
                'every state kind: text output read back is the same bytes (extra_float_digits = 3)');
RESET extra_float_digits;
-- a partial state shipped as text and merged gives the single-pass answer
SELECT is(
  (SELECT wellbeing.gini_finalfn(wellbeing.state_combine(a::text::float8[], b::text::float8[]))
   FROM (SELECT wbstate.gini(income, weight, false) AS a FROM rows WHERE id % 2 = 0) x,
        (SELECT wbstate.gini(income, weight, false) AS b FROM rows WHERE id % 2 = 1) y),
  (SELECT wellbeing.gini(income, weight) FROM rows),
  'gini: two partial states through text and combine = one pass');
SELECT ok(
  (SELECT abs((wellbeing.survey_finalfn(wellbeing.state_combine(a::text::float8[], b::text::float8[]))).se
             - (SELECT (wellbeing.survey_mean(income, weight, stratum, psu)).se FROM rows))
          <= 1e-12 * (SELECT (wellbeing.survey_mean(income, weight, stratum, psu)).se FROM rows)
   FROM (SELECT wbstate.survey_mean(income, weight, stratum, psu) AS a FROM rows WHERE area < 3) x,
        (SELECT wbstate.survey_mean(income, weight, stratum, psu) AS b FROM rows WHERE area >= 3) y),
  'survey_mean: partial states through text and combine = one pass (design SE to 1e-12)');
SELECT * FROM finish();
ROLLBACK;
