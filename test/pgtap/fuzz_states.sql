-- Forged states through every path a user has to hand one to the extension
-- (any role can declare an aggregate with our transition function and any
-- INITCOND, declare one whose own transition function feeds our final
-- function, or pass an edited state to merge, state_combine, a final or a
-- <measure>(state) function).  Each call must end in a value, NULL or an
-- ERROR of the data-exception class or 54000, never a crash (which ends
-- this session and fails the file), a hang or an internal error (XX000).
--
-- Driven by the registry: the kinds and the rule of every field come from
-- wellbeing.state_kinds(); a genuine state of every kind is made by running
-- each aggregate's _state twin on a few rows; the forgeries are genuine
-- states with fields set to values that break (or barely keep) their rule,
-- wrong lengths, row counts beyond the room, other kinds' tags.  A kind
-- without a genuine state fails the file, so a new kind cannot be left out.
-- Deterministic (setseed).  The number of forgeries per kind is the setting
-- fuzz.per_kind (default 2600, about 52 000 in all, a few minutes); run it
-- with PGOPTIONS='-c fuzz.per_kind=26000' before a release.
BEGIN;
SELECT plan(8);
SELECT setseed(0.2718);
SET LOCAL statement_timeout = '20min';

-- the aggregates (not the _state twins nor merge) with their support functions
CREATE TEMP TABLE aggs AS
SELECT p.oid AS aggoid, p.proname::text AS name, a.aggtransfn::regproc::text AS transfn,
       a.aggfinalfn::regproc::text AS finalfn,
       pg_get_function_identity_arguments(p.oid) AS identity_args,
       ARRAY(SELECT format_type(t, NULL) FROM unnest(p.proargtypes) t) AS argtypes,
       coalesce(p.proargnames, '{}') AS argnames
FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
WHERE p.pronamespace = 'wellbeing'::regnamespace AND p.proname NOT LIKE '%\_state' AND p.proname <> 'merge';

-- a value expression over row i (1..8) for an argument, by name and type;
-- text arguments get a candidate, tried in turn until the aggregate accepts
CREATE FUNCTION pg_temp.arg_expr(argname text, argtype text, candidate text) RETURNS text LANGUAGE sql AS $$
  SELECT CASE
    WHEN argtype = 'text' THEN CASE argname WHEN 'grp' THEN $q$'g' || (i % 3)$q$ WHEN 'unit' THEN $q$'u' || i$q$
                                            WHEN 'stratum' THEN '(i % 2)::text' WHEN 'psu' THEN 'i::text'
                                            WHEN 'age_band' THEN 'i::text' ELSE quote_literal(candidate) END
    WHEN argtype = 'boolean' THEN CASE argname WHEN 'corrected' THEN 'false' WHEN 'higher_is_better' THEN 'true'
                                               WHEN 'in_b' THEN '(i % 2 = 1)' ELSE '(i % 2 = 0)' END
    WHEN argtype = 'integer' THEN CASE argname WHEN 'levels' THEN '5' ELSE '1' END
    WHEN argtype = 'bigint' THEN CASE argname WHEN 'stratum' THEN '(i % 2)' ELSE 'i' END
    WHEN argtype = 'double precision[]' THEN CASE argname
         WHEN 'items' THEN 'ARRAY[i, (i * 2) % 5, (i * 3) % 7]::float8[]'
         WHEN 'replicate_weights' THEN 'ARRAY[1 + i % 2, 2 - i % 2, 1.5]::float8[]'
         WHEN 'rscales' THEN 'ARRAY[0.5, 0.5, 0.5]::float8[]'
         ELSE 'ARRAY[i, i + 1]::float8[]' END
    ELSE CASE argname
         WHEN 'level' THEN '0.9' WHEN 'alpha' THEN '0.5' WHEN 'epsilon' THEN '0.5' WHEN 'fraction' THEN '0.6'
         WHEN 'p' THEN '2' WHEN 'per' THEN '1000' WHEN 'min_coverage' THEN '0.5' WHEN 'fpc' THEN '50'
         WHEN 'period' THEN '(2000 + i)::float8' WHEN 'population' THEN '(100 * i)::float8'
         WHEN 'denominator' THEN '(10 * i)::float8' WHEN 'total' THEN '(4 * i)::float8'
         WHEN 'other_count' THEN '(2 * i)::float8' WHEN 'weight' THEN '(1 + i % 3)::float8'
         WHEN 'se' THEN '(0.1 * i)::float8' WHEN 'se_a' THEN '0.1' WHEN 'se_b' THEN '0.2'
         WHEN 'lower' THEN '(i - 0.5)::float8' WHEN 'upper' THEN '(i + 0.5)::float8'
         WHEN 'value_b' THEN '(2 * i)::float8' WHEN 'expected' THEN '(1.5 * i)::float8'
         WHEN 'standard_population' THEN '(1000 * i)::float8' WHEN 'standard' THEN '1000'
         WHEN 'income' THEN '(1000 * i)::float8' WHEN 'score' THEN '(10 * i)::float8'
         WHEN 'value' THEN '(0.05 + 0.1 * i)::float8'
         WHEN 'age' THEN '(5 * (i - 1))::float8' WHEN 'at_age' THEN '0' WHEN 'deaths' THEN 'i::float8'
         ELSE 'i::float8' END
  END
$$;

-- one working call per aggregate: the argument list and a genuine state
CREATE TEMP TABLE calls (aggoid oid, name text, transfn text, finalfn text, identity_args text,
                         argtypes text[], args text, tag float8, genuine float8[]);
DO $$
DECLARE a record; cand text; args text; st float8[];
BEGIN
  FOR a IN SELECT * FROM aggs ORDER BY name, aggoid LOOP
    FOREACH cand IN ARRAY ARRAY['mean', 'wilson', 'linear', 'relative', 'jk1', 'gamma', 'known', 'arithmetic',
                                'auto', 'bic', 'exact', 'best', 'lonely_psu=adjust', 'phe'] LOOP
      SELECT string_agg(pg_temp.arg_expr(n, t, cand), ', ' ORDER BY k) INTO args
      FROM unnest(a.argtypes, a.argnames[1:cardinality(a.argtypes)]) WITH ORDINALITY u(t, n, k);
      BEGIN
        EXECUTE format('SELECT wellbeing.%I(%s) FROM generate_series(1, 8) i', a.name || '_state', args) INTO st;
        IF st IS NOT NULL THEN
          INSERT INTO calls VALUES (a.aggoid, a.name, a.transfn, a.finalfn, a.identity_args, a.argtypes, args, st[1], st);
          EXIT;
        END IF;
      EXCEPTION WHEN data_exception OR invalid_parameter_value THEN
        NULL;
      END;
    END LOOP;
  END LOOP;
END $$;

CREATE TEMP VIEW kinds AS
SELECT DISTINCT kind, name, tag, header_fields, row_fields, rows_field FROM wellbeing.state_kinds();

SELECT is_empty($$SELECT name FROM kinds WHERE tag NOT IN (SELECT tag FROM calls)$$,
                'every state kind of the registry has a genuine state from some aggregate');
SELECT cmp_ok((SELECT count(DISTINCT transfn) FROM calls)::numeric / (SELECT count(DISTINCT transfn) FROM aggs), '>=', 0.9,
              'nine in ten transition functions were called with a working argument list');

-- a hostile value for a field of the given rule: mostly just outside the
-- rule, sometimes just inside, sometimes absurd
CREATE FUNCTION pg_temp.hostile(rule text, codes text, current float8, room int) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE r float8 := random(); lo float8; hi float8;
BEGIN
  IF r < 0.12 THEN RETURN (ARRAY['NaN', 'Infinity', '-Infinity', '1e308', '-1e308', '4294967296',
                                  '1099511627776', '9007199254740993', '-1', '0.5', '-0.0', '2147483648'])[1 + floor(random() * 12)]::float8; END IF;
  IF rule = 'level' THEN RETURN (ARRAY[0, 1, 1.001, -0.5, 0.999999999, 1e-300, 4294967296, 'NaN'])[1 + floor(random() * 8)];
  ELSIF rule = 'code' THEN
    lo := split_part(codes, '..', 1)::float8; hi := split_part(codes, '..', 2)::float8;
    RETURN (ARRAY[lo - 1, hi + 1, lo, hi, lo + 0.5, -hi, hi * 2, hi * 1024])[1 + floor(random() * 8)];
  ELSIF rule = 'count' THEN RETURN (ARRAY[-1, 0.5, current + 1, current * 2 + 1, room, room + 1, 1e15, 2^53])[1 + floor(random() * 8)];
  ELSIF rule IN ('non-negative', 'positive', 'NaN or non-negative', 'NaN or positive') THEN
    RETURN (ARRAY[-1e-300, -1, 0, 'NaN', 1e308, -current])[1 + floor(random() * 6)];
  ELSE RETURN (ARRAY['Infinity', 'NaN', 1e308, -1e308, current * 1e300, -current])[1 + floor(random() * 6)];
  END IF;
EXCEPTION WHEN numeric_value_out_of_range THEN
  RETURN 'Infinity';
END $$;

-- a forgery of genuine state g (kind k): 1 to 3 edits
CREATE FUNCTION pg_temp.forge(g float8[], k int) RETURNS float8[] LANGUAGE plpgsql AS $$
DECLARE s float8[] := g; len int := cardinality(g); f record; edits int := 1 + floor(random() * 3); e int; pos int;
  nheader int; stride int; rowsf int;
BEGIN
  SELECT header_fields, row_fields, rows_field INTO nheader, stride, rowsf FROM kinds WHERE kind = k;
  FOR e IN 1..edits LOOP
    CASE floor(random() * 10)::int
      WHEN 0, 1, 2, 3 THEN
        -- a header field (not the tag)
        SELECT * INTO f FROM wellbeing.state_kinds() sk WHERE sk.kind = k AND part = 'header' AND field_number > 0
        ORDER BY random() LIMIT 1;
        IF f IS NOT NULL THEN
          s[f.field_number + 1] := pg_temp.hostile(f.rule, f.codes, s[f.field_number + 1],
                                                   CASE WHEN stride > 0 THEN (len - nheader) / stride ELSE 0 END);
        END IF;
      WHEN 4, 5 THEN
        -- a field of the body (rows, index, sums)
        IF len > nheader THEN
          pos := nheader + 1 + floor(random() * (len - nheader));
          s[pos] := pg_temp.hostile((ARRAY['finite', 'count', 'non-negative', 'code'])[1 + floor(random() * 4)],
                                    '0..' || len, s[pos], len);
        END IF;
      WHEN 6 THEN
        -- shorter, or longer with zeros or junk
        IF random() < 0.5 THEN
          s := s[1:greatest(1, cardinality(s) - 1 - floor(random() * 4)::int)];
        ELSE
          s := s || array_fill(CASE WHEN random() < 0.5 THEN 0 ELSE 7 END::float8, ARRAY[1 + floor(random() * 20)::int]);
        END IF;
      WHEN 7 THEN
        -- the row count beyond the room, or at it
        IF rowsf > 0 THEN
          s[rowsf + 1] := floor((cardinality(s) - nheader) / stride) + (ARRAY[0, 1, 2, 1000000])[1 + floor(random() * 4)];
        END IF;
      WHEN 8 THEN
        -- another kind's tag on this body
        s[1] := (SELECT tag FROM kinds ORDER BY random() LIMIT 1);
      ELSE
        -- a field copied from elsewhere in the state
        IF cardinality(s) > 2 THEN
          s[2 + floor(random() * (cardinality(s) - 1))] := s[2 + floor(random() * (cardinality(s) - 1))];
        END IF;
    END CASE;
  END LOOP;
  RETURN s;
END $$;

-- the user aggregate whose own transition function hands our final function
-- the forged state (kept in a setting: updating a one-row table 50 000 times
-- in one transaction would leave as many dead versions to scan on each read)
CREATE FUNCTION pg_temp.forgery() RETURNS float8[] LANGUAGE sql AS $$ SELECT current_setting('fuzz.forgery')::float8[] $$;
CREATE FUNCTION pg_temp.hand(st float8[], i int) RETURNS float8[] LANGUAGE sql AS $$ SELECT pg_temp.forgery() $$;

CREATE TEMP TABLE outcomes (path text, fn text, outcome text);
CREATE TEMP TABLE forgeries (n int);
-- the outcome of one call: 'value', the SQLSTATE of its error, or 'hang'.
-- Nothing is written inside the subtransaction, so none of the many
-- subtransactions takes a transaction id of its own.
CREATE FUNCTION pg_temp.try(q text, st float8[]) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q USING st;
  RETURN 'value';
EXCEPTION
  WHEN query_canceled THEN RETURN 'hang';
  WHEN OTHERS THEN RETURN SQLSTATE;
END $$;
CREATE FUNCTION pg_temp.try(path text, fn text, q text, st float8[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO outcomes VALUES (path, fn, pg_temp.try(q, st))
$$;

DO $$
DECLARE c record; i int; st float8[]; per_kind int := coalesce(nullif(current_setting('fuzz.per_kind', true), ''), '2600')::int;
  rollup_final boolean; hand_made text[] := '{}'; forged int := 0;
BEGIN
  FOR c IN
    -- one call per kind at a time, cycling through the kind's aggregates
    SELECT cl.*, row_number() OVER (PARTITION BY cl.tag ORDER BY random()) AS k,
           count(*) OVER (PARTITION BY cl.tag) AS in_kind, (cl.tag / 1000)::int AS kind
    FROM calls cl
  LOOP
    rollup_final := EXISTS (SELECT FROM pg_proc p WHERE p.pronamespace = 'wellbeing'::regnamespace
                            AND p.proname = c.name AND p.proargtypes = '1022'::oidvector AND p.prokind = 'f');
    IF c.finalfn <> '-' AND NOT c.finalfn = ANY (hand_made) THEN
      EXECUTE format('CREATE AGGREGATE pg_temp.%I(int) (SFUNC = pg_temp.hand, STYPE = float8[], FINALFUNC = %s)',
                     'hand_' || replace(c.finalfn, 'wellbeing.', ''), c.finalfn);
      hand_made := hand_made || c.finalfn;
    END IF;
    -- a moving-aggregate window whose inverse transition function (the
    -- user's) hands the forgery to our transition function
    EXECUTE format('CREATE FUNCTION pg_temp.%I(float8[], %s) RETURNS float8[] LANGUAGE sql AS %L',
                   'minv_' || c.aggoid, array_to_string(c.argtypes, ', '), 'SELECT pg_temp.forgery()');
    EXECUTE format('CREATE AGGREGATE pg_temp.%I(%s) (SFUNC = %s, STYPE = float8[], MSFUNC = %s, MINVFUNC = pg_temp.%I, MSTYPE = float8[])',
                   'win_' || c.aggoid, array_to_string(c.argtypes, ', '), c.transfn, c.transfn, 'minv_' || c.aggoid);
    FOR i IN 1..ceil(per_kind::float8 / c.in_kind)::int LOOP
      st := pg_temp.forge(c.genuine, c.kind);
      forged := forged + 1;
      PERFORM set_config('fuzz.forgery', st::text, true);
      -- a final function called directly, and inside a user's aggregate
      IF c.finalfn <> '-' THEN
        PERFORM pg_temp.try('final', c.finalfn, format('SELECT %s($1)', c.finalfn), st);
        PERFORM pg_temp.try('final in a user aggregate', c.finalfn,
                            format('SELECT pg_temp.%I(g) FROM generate_series(1, 2) g', 'hand_' || replace(c.finalfn, 'wellbeing.', '')), st);
      END IF;
      -- the rollup final and merge
      IF rollup_final THEN
        PERFORM pg_temp.try('<measure>(state)', c.name, format('SELECT wellbeing.%I($1)', c.name), st);
        PERFORM pg_temp.try('merge', c.name,
                            format('SELECT wellbeing.%I(wellbeing.merge(s)) FROM (VALUES ($1), (%L::float8[]), ($1)) v(s)', c.name, c.genuine), st);
      END IF;
      PERFORM pg_temp.try('state_combine', 'state_combine', format('SELECT wellbeing.state_combine($1, %L::float8[])', c.genuine), st);
      PERFORM pg_temp.try('state_combine', 'state_combine', format('SELECT wellbeing.state_combine(%L::float8[], $1)', c.genuine), st);
      PERFORM pg_temp.try('window with a user''s inverse transition', c.transfn,
        format('SELECT pg_temp.%I(%s) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM generate_series(1, 4) i',
               'win_' || c.aggoid, c.args), st);
      -- the transition function called directly, and as the running state of
      -- a user's aggregate with the forgery as INITCOND (one in four: DDL)
      PERFORM pg_temp.try('transition', c.transfn,
                          format('SELECT %s($1, %s) FROM generate_series(1, 1) i', c.transfn, c.args), st);
      IF random() < 0.25 THEN
        -- a new name each time: thousands of dropped versions of one name
        -- would slow every later catalog lookup of it in this transaction
        PERFORM pg_temp.try('INITCOND of a user aggregate', c.transfn,
          format($f$DO $i$ BEGIN
                     CREATE AGGREGATE pg_temp.%1$I(%2$s) (SFUNC = %3$s, STYPE = float8[], INITCOND = %4$L%5$s);
                     PERFORM pg_temp.%1$I(%6$s) FROM generate_series(1, 3) i;
                     DROP AGGREGATE pg_temp.%1$I(%2$s);
                   END $i$ $f$,
                 'forged_' || forged, array_to_string(c.argtypes, ', '), c.transfn, st::text,
                 CASE WHEN c.finalfn <> '-' THEN ', FINALFUNC = ' || c.finalfn ELSE '' END,
                 c.args), NULL);
      END IF;
    END LOOP;
  END LOOP;
  INSERT INTO forgeries VALUES (forged);
END $$;

SELECT cmp_ok((SELECT n FROM forgeries), '>=', least(50000, 19 * coalesce(nullif(current_setting('fuzz.per_kind', true), ''), '2600')::int),
              'at least 50 000 forged states, each through every path of its kind');
SELECT is_empty($$SELECT DISTINCT path, fn FROM outcomes WHERE outcome = 'XX000'$$, 'no internal error (XX000)');
SELECT is_empty($$SELECT DISTINCT path, fn FROM outcomes WHERE outcome = 'hang'$$, 'no call had to be cancelled');
SELECT is_empty($$SELECT DISTINCT path, fn, outcome FROM outcomes
                  WHERE outcome NOT IN ('value', 'hang', 'XX000') AND outcome NOT LIKE '22%' AND outcome <> '54000'$$,
                'every error is a data exception (22xxx) or a size limit (54000)');
SELECT is_empty($$SELECT DISTINCT path FROM (VALUES ('final'), ('final in a user aggregate'), ('<measure>(state)'), ('merge'),
                                                    ('state_combine'), ('transition'), ('INITCOND of a user aggregate'),
                                                    ('window with a user''s inverse transition')) v(path)
                  EXCEPT SELECT path FROM outcomes WHERE outcome = '22000'$$,
                'on every path some forgeries were refused as bad states (22000)');
SELECT cmp_ok((SELECT count(DISTINCT fn) FROM outcomes WHERE path = 'final' AND outcome = 'value'), '>=',
              (SELECT count(DISTINCT finalfn) FROM calls WHERE finalfn <> '-') - 2,
              'forgeries that keep the rules reached the computation of (nearly) every final function');
SELECT diag(path || ': ' || count(*) || ' calls, ' || count(*) FILTER (WHERE outcome = 'value') || ' values, '
            || string_agg(DISTINCT outcome, ' ') FILTER (WHERE outcome <> 'value'))
FROM outcomes GROUP BY path ORDER BY path;
SELECT * FROM finish();
ROLLBACK;
