-- Forged states that crashed, hung or read outside the state before every
-- state was checked against its kind's rules on every path (the running
-- state of an aggregate included): each now ends in 22000.
BEGIN;
SELECT plan(9);

-- a survey state whose capacity says 2^40 index slots in a 10-field array
CREATE AGGREGATE pg_temp.huge_index(float8, float8, bigint, bigint) (SFUNC = wellbeing.survey_mean_transfn, STYPE = float8[],
  INITCOND = '{19001,1,1,0,0.95,0,0,0,1099511627776,0}');
SELECT throws_ok($$SELECT pg_temp.huge_index(1, 1, 1, 1)$$, '22000', NULL,
                 'survey INITCOND with an index larger than the array: an error, not a segfault');

-- a full index (every slot points at one of 8 rows, none of them the key):
-- the probe loop used to spin without end, deaf to cancellation
CREATE AGGREGATE pg_temp.full_index(float8, float8, bigint, bigint) (SFUNC = wellbeing.survey_mean_transfn, STYPE = float8[],
  INITCOND = '{19001,1,1,0,0.95,0,0,0,16,8,1,2,3,4,5,6,7,8,1,2,3,4,5,6,7,8,0,0,0,0,0,NaN,0,0,0,0,0,0,0,0,0,0,0,NaN,0,0,0,0,0,0,0,0,0,0,0,NaN,0,0,0,0,0,0,0,0,0,0,0,NaN,0,0,0,0,0,0,0,0,0,0,0,NaN,0,0,0,0,0,0,0,0,0,0,0,NaN,0,0,0,0,0,0,0,0,0,0,0,NaN,0,0,0,0,0,0,0,0,0,0,0,NaN,0,0,0,0,0,0}');
SET LOCAL statement_timeout = '10s';
SELECT throws_ok($$SELECT pg_temp.full_index(1, 1, 1, 1)$$, '22000', 'invalid wellbeing transition state',
                 'survey INITCOND with a full index: the probe stops after one round');
-- the same state handed to the final and to merge is refused as a whole
SELECT throws_ok($$SELECT wellbeing.survey_finalfn(s) FROM (SELECT '{19001,1,1,0,0.95,0,0,0,16,8,1,2,3,4,5,6,7,8,1,2,3,4,5,6,7,8,0,0,0,0,0,NaN,0,0,0,0,0,0,0,0,0,0,0,NaN,0,0,0,0,0,0,0,0,0,0,0,NaN,0,0,0,0,0,0,0,0,0,0,0,NaN,0,0,0,0,0,0,0,0,0,0,0,NaN,0,0,0,0,0,0,0,0,0,0,0,NaN,0,0,0,0,0,0,0,0,0,0,0,NaN,0,0,0,0,0,0,0,0,0,0,0,NaN,0,0,0,0,0,0}'::float8[]) v(s)$$,
                 '22000', NULL, 'the full index through the final');
RESET statement_timeout;

-- the level of a groups state indexed the simulation's draws
SELECT throws_ok($$SELECT wellbeing.mean_difference((SELECT s[1:3] || 4294967296::float8 || s[5:]
                   FROM (SELECT wellbeing.mean_difference_state(v, 1, 'mean', true, 0.1 * v) s FROM generate_series(1, 5) v) q))$$,
                 '22000', NULL, 'mean_difference(state) with level 2^32: an error, not a segfault');
SELECT throws_ok($$SELECT wellbeing.mean_difference((SELECT s[1:3] || 1.001::float8 || s[5:]
                   FROM (SELECT wellbeing.mean_difference_state(v, 1, 'mean', true, 0.1 * v) s FROM generate_series(1, 5) v) q))$$,
                 '22000', NULL, 'mean_difference(state) with level 1.001: an error, not 8 bytes from before the array');
SELECT throws_ok($$SELECT wellbeing.index_of_disparity((SELECT s[1:3] || 1.001::float8 || s[5:]
                   FROM (SELECT wellbeing.index_of_disparity_state(v, 1, 'mean', true, 0.1 * v) s FROM generate_series(1, 5) v) q))$$,
                 '22000', NULL, 'index_of_disparity(state) with level 1.001');

-- a collecting state whose row count exceeds its room, as a running state
CREATE AGGREGATE pg_temp.overfull(float8) (SFUNC = wellbeing.gini_transfn, STYPE = float8[],
  INITCOND = '{7001,2,0,1000000,1,1}');
SELECT throws_ok($$SELECT pg_temp.overfull(x) FROM generate_series(1, 3) x$$, '22000', NULL,
                 'gini INITCOND claiming a million rows in room for one');

-- a parameter out of its rule in a one-pass state, as a running state
CREATE AGGREGATE pg_temp.bad_level(boolean) (SFUNC = wellbeing.proportion_transfn, STYPE = float8[],
  FINALFUNC = wellbeing.proportion_finalfn, INITCOND = '{1001,0,7,1,0,0,0,0,0,0}');
SELECT throws_ok($$SELECT pg_temp.bad_level(b) FROM (VALUES (true), (false)) v(b)$$, '22000', NULL,
                 'proportion INITCOND with level 7');

-- the genuine layouts pass: a state made by the aggregate merges and finalises
SELECT is((SELECT (wellbeing.proportion(wellbeing.merge(s))).value FROM
           (SELECT wellbeing.proportion_state(b) s FROM (VALUES (true), (false), (true), (true)) v(b)) q),
          0.75::float8, 'a genuine state still finalises (3 of 4)');
SELECT * FROM finish();
ROLLBACK;
