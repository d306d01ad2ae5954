-- The documented row limits of the collecting states end in 54000 with the
-- limit in the message, never in an allocation failure (XX000): growth by
-- doubling stops at the limit instead of overshooting 1 GB.  Each case
-- fills a state to its limit and adds one row (about a minute in all, and
-- up to 2 GB of memory while a state grows).
BEGIN;
SELECT plan(4);
SET LOCAL max_parallel_workers_per_gather = 0;

-- survey: 2^23 strata x PSUs fit (the index has 2^24 slots), one more does not
SELECT ok((SELECT (wellbeing.survey_total(1.0, 1.0, 1, g)).value = 8388608
           FROM generate_series(1, 8388608) g), 'survey_total holds 8 388 608 PSUs in one group');
SELECT throws_ok($$SELECT wellbeing.survey_total(1.0, 1.0, 1, g) FROM generate_series(1, 8388609) g$$,
                 '54000', 'survey estimates take at most 8388608 strata x PSUs in one group',
                 'survey_total: one PSU more is 54000 with the limit');

-- the sample measures: 60 000 000 pairs fit, one more does not; the Gini
-- index of 1..N is (N - 1) / (3N)
SELECT ok((SELECT abs((wellbeing.gini(g::float8)).value - 59999999.0 / 180000000.0) < 1e-12
           FROM generate_series(1, 60000000) g),
          'gini holds 60 000 000 rows in one group, (N - 1) / (3N) to 1e-12');
SELECT throws_ok($$SELECT wellbeing.gini(g::float8) FROM generate_series(1, 60000001) g$$,
                 '54000', 'cannot hold more than 60000000 rows in one group of a sample aggregate',
                 'gini: one row more is 54000 with the limit');
SELECT * FROM finish();
ROLLBACK;
