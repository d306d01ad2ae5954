-- Random transition states into every final and combine function: each
-- call must end in a value, NULL or an ERROR, never a crash (a crash would
-- end this session and fail the file).  Deterministic (setseed); bounded
-- (about 40 000 calls).  States get a valid tag so that they pass the
-- first check and reach the code that reads their fields.
BEGIN;
SELECT plan(3);
SELECT setseed(0.314159);

-- one random field: often ordinary, sometimes hostile
CREATE FUNCTION pg_temp.random_field() RETURNS float8 LANGUAGE sql VOLATILE AS $$
  SELECT CASE floor(random() * 10)::int
           WHEN 0 THEN 'NaN'::float8
           WHEN 1 THEN 'Infinity'::float8
           WHEN 2 THEN '-Infinity'::float8
           WHEN 3 THEN -floor(random() * 5)
           WHEN 4 THEN floor(random() * 50)
           WHEN 5 THEN 1e308
           WHEN 6 THEN 0
           WHEN 7 THEN random()
           WHEN 8 THEN floor(random() * 4) + 1
           ELSE random() * 1e6 END
$$;

-- a state with the right tag; with probability 0.8 the right length for
-- its kind (fixed length, or header + rows for the growable kinds, with a
-- row count that fits), so most calls get past the shape checks
CREATE FUNCTION pg_temp.random_state(tag float8, fixed int, header int, stride int) RETURNS float8[]
LANGUAGE plpgsql VOLATILE AS $$
DECLARE len int; rows int; st float8[] := ARRAY[tag];
BEGIN
  IF tag = 20001 AND random() < 0.8 THEN
    -- replicate weights: parameters in range, R replicates, random sums
    rows := floor(random() * 3)::int + 2;
    st := st || ARRAY[floor(random() * 4) + 1, floor(random() * 7) + 1, floor(random() * 2), floor(random() * 6),
                      0.95, random() + 0.01, rows - 1, rows, floor(random() * 9), floor(random() * 9),
                      floor(random() * 9)]::float8[];
    FOR i IN 1..(rows + 2 * (rows + 1)) LOOP
      st := st || pg_temp.random_field();
    END LOOP;
    RETURN st;
  END IF;
  IF tag = 19001 AND random() < 0.8 THEN
    -- survey: a well-formed header and index, random PSU rows
    rows := floor(random() * 8)::int;
    st := st || ARRAY[floor(random() * 7) + 1, floor(random() * 5) + 1, floor(random() * 7), 0.95,
                      0, rows * 2, rows, 16, rows]::float8[];
    FOR i IN 1..16 LOOP
      st := st || CASE WHEN i <= rows THEN i ELSE 0 END::float8;
    END LOOP;
    FOR i IN 1..rows LOOP
      st := st || ARRAY[floor(random() * 3), 0, i, 0, floor(random() * 2), 'NaN', pg_temp.random_field(), pg_temp.random_field(),
                        pg_temp.random_field(), pg_temp.random_field(), floor(random() * 2), floor(random() * 3)]::float8[];
    END LOOP;
    RETURN st;
  END IF;
  IF random() < 0.2 THEN
    len := floor(random() * 40)::int;
  ELSIF fixed > 0 THEN
    len := fixed;
  ELSE
    rows := floor(random() * 6)::int;
    len := header + stride * rows;
  END IF;
  FOR i IN 2..len LOOP
    st := st || pg_temp.random_field();
  END LOOP;
  IF fixed = 0 AND stride > 0 AND len >= header AND random() < 0.8 THEN
    -- the used-rows field is the last header field; keep it consistent most of the time
    st[header] := floor(random() * ((len - header) / stride + 1));
    IF tag = 17001 THEN
      st[2] := (len - header) / stride;      -- items: cronbach_alpha has no used-rows field
      st[3] := floor(random() * 10);         -- rows seen
      st[5] := random() * 10;                -- M2 of the total
    END IF;
    IF tag = 18001 THEN
      st[2] := floor(random() * 3) - 1;       -- max_joinpoints (-1: default)
      st[3] := 0.95;
      st[4] := floor(random() * 2) + 1;       -- selection
    END IF;
    IF tag = 7001 THEN
      st[2] := floor(random() * 6) + 1;       -- measure (WbSampleMeasure)
    END IF;
    IF header = 6 THEN
      st[2] := floor(random() * 3) + 1;       -- measure
      st[5] := floor(random() * (st[6] + 1)); -- rows without se
    END IF;
  END IF;
  IF tag = 8001 AND len = 19 AND random() < 0.8 THEN
    -- entropy: a known measure, a parameter, a level, the se flag
    st[2] := floor(random() * 4) + 1;
    st[3] := round((random() * 4 - 1)::numeric, 1);
    st[4] := 0.95;
    st[5] := floor(random() * 2);
  END IF;
  IF tag = 16001 AND len = 9 AND random() < 0.8 THEN
    -- aggregate_scores: a known method, a coverage threshold, consistent weights
    st[2] := floor(random() * 5) + 1;
    st[4] := random();
    st[6] := random() * 5;
    st[5] := st[6] + random() * 5;
    st[8] := floor(random() * 5);
    st[9] := floor(random() * 3);
  END IF;
  RETURN st;
END $$;

CREATE TEMP TABLE finals (fn text, tag float8, fixed int, header int, stride int);
INSERT INTO finals VALUES
  ('proportion_finalfn', 1001, 10, 0, 0), ('mean_finalfn', 2001, 9, 0, 0), ('total_finalfn', 3001, 5, 0, 0),
  ('rate_finalfn', 4001, 7, 0, 0), ('standardized_rate_finalfn', 5001, 12, 0, 0),
  ('standardized_ratio_finalfn', 6001, 6, 0, 0),
  ('poverty_rate_finalfn', 7001, 0, 4, 2), ('poverty_threshold_finalfn', 7001, 0, 4, 2),
  ('gini_finalfn', 7001, 0, 4, 2), ('quintile_share_ratio_finalfn', 7001, 0, 4, 2),
  ('palma_finalfn', 7001, 0, 4, 2), ('hoover_finalfn', 7001, 0, 4, 2),
  ('dissimilarity_finalfn', 7001, 0, 4, 2), ('mann_kendall_finalfn', 7001, 0, 4, 2),
  ('entropy_finalfn', 8001, 19, 0, 0),
  ('between_group_spread_finalfn', 9001, 13, 0, 0), ('ordered_finalfn', 10001, 0, 6, 4),
  ('exposure_finalfn', 11001, 5, 0, 0), ('mutual_information_finalfn', 12001, 0, 2, 3),
  ('entropy_index_finalfn', 12001, 0, 2, 3), ('trend_finalfn', 13001, 12, 0, 0),
  ('gap_trend_finalfn', 14001, 17, 0, 0), ('recent_trend_finalfn', 15001, 0, 4, 4),
  ('aggregate_scores_finalfn', 16001, 9, 0, 0), ('category_cutpoints_finalfn', 7001, 0, 4, 2),
  ('cronbach_alpha_finalfn', 17001, 0, 5, 3), ('cronbach_alpha_if_deleted_finalfn', 17001, 0, 5, 3),
  ('joinpoint_finalfn', 18001, 0, 5, 3), ('survey_finalfn', 19001, 0, 0, 0),
  ('replicate_finalfn', 20001, 0, 0, 0);

CREATE TEMP TABLE outcomes (fn text, outcome text);
DO $$
DECLARE f record; i int; st float8[]; st2 float8[];
BEGIN
  FOR f IN SELECT * FROM finals LOOP
    FOR i IN 1..1200 LOOP
      st := pg_temp.random_state(f.tag, f.fixed, f.header, f.stride);
      BEGIN
        EXECUTE format('SELECT wellbeing.%I($1)', f.fn) USING st;
        INSERT INTO outcomes VALUES (f.fn, 'value');
      EXCEPTION WHEN data_exception OR invalid_parameter_value OR numeric_value_out_of_range
                     OR program_limit_exceeded THEN
        INSERT INTO outcomes VALUES (f.fn, 'error');
      END;
      st2 := pg_temp.random_state(f.tag, f.fixed, f.header, f.stride);
      BEGIN
        PERFORM wellbeing.state_combine(st, st2);
        INSERT INTO outcomes VALUES ('state_combine', 'value');
      EXCEPTION WHEN data_exception OR invalid_parameter_value OR numeric_value_out_of_range
                     OR program_limit_exceeded THEN
        INSERT INTO outcomes VALUES ('state_combine', 'error');
      END;
    END LOOP;
  END LOOP;
END $$;

SELECT ok((SELECT count(*) FROM outcomes) = 30 * 1200 * 2, 'every call returned or raised an expected SQLSTATE');
SELECT ok((SELECT count(*) FROM outcomes WHERE outcome = 'error') > 0, 'some random states were rejected');
SELECT ok((SELECT count(DISTINCT fn) FROM outcomes WHERE outcome = 'value') = 31, 'random states reached the computation of every function');
SELECT diag(fn || ': ' || count(*) FILTER (WHERE outcome = 'value') || ' values, '
            || count(*) FILTER (WHERE outcome = 'error') || ' errors')
FROM outcomes GROUP BY fn ORDER BY fn;
SELECT * FROM finish();
ROLLBACK;
