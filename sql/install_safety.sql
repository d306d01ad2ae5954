-- CREATE EXTENSION in a hostile database.  A role that is not a superuser
-- prepares schema wellbeing (or public) with objects that would take over
-- unqualified calls of the install script, then a superuser creates the
-- extension:
--   1. schema wellbeing owned by that role, with planted functions and
--      operators that a control query shows to win over the built-in ones:
--      refused (42501), nothing planted has run, the role is no superuser;
--   2. the superuser takes the schema over but the planted objects stay:
--      refused (42501);
--   3. the same objects owned by another superuser (which the check lets
--      through): installed, and still none of them has run, because the
--      script qualifies every function and operator it calls; every SQL and
--      PL/pgSQL function pins search_path or has a body bound at creation;
--   4. a superuser's schema in which the role has CREATE: refused while the
--      role has an object in it, installed once it is empty, with a _state
--      aggregate for every aggregate;
--   5. objects in public, with public before pg_catalog in search_path (a
--      control query shows they win there): installed, and the SQL and
--      PL/pgSQL functions called under that path use none of them.
-- Every planted object calls install_safety_hit(), which counts the call in
-- a sequence (not undone when CREATE EXTENSION fails), warns, and makes the
-- role superuser if it runs as one.
SET extra_float_digits = 0;
\set SHOW_CONTEXT never
DROP EXTENSION wellbeing;
DROP SCHEMA IF EXISTS wellbeing;

CREATE ROLE regress_wb_hostile NOSUPERUSER NOCREATEROLE NOCREATEDB;
CREATE ROLE regress_wb_admin SUPERUSER;
CREATE SEQUENCE public.install_safety_hits;
CREATE TABLE public.install_safety_ran (what text, ran_as name);
GRANT USAGE ON SEQUENCE public.install_safety_hits TO PUBLIC;
GRANT INSERT ON public.install_safety_ran TO PUBLIC;
CREATE FUNCTION public.install_safety_hit(what text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_catalog.nextval('public.install_safety_hits');
    INSERT INTO public.install_safety_ran VALUES (what, CURRENT_USER);
    RAISE WARNING 'planted object ran: %', what;
    IF (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) CURRENT_USER) THEN
        ALTER ROLE regress_wb_hostile SUPERUSER;
    END IF;
END $$;
CREATE VIEW public.install_safety_status AS
SELECT (SELECT is_called FROM public.install_safety_hits) AS planted_ran,
       (SELECT count(*) FROM public.install_safety_ran) AS runs_recorded,
       (SELECT rolsuper FROM pg_roles WHERE rolname = 'regress_wb_hostile') AS hostile_is_superuser,
       EXISTS (SELECT FROM pg_extension WHERE extname = 'wellbeing') AS installed;

-- 1. The role owns schema wellbeing and plants objects that beat the
-- built-in ones, under search_path = wellbeing, for the calls of the DO block
-- that used to build the _state aggregates at install time
-- (format(text, text, text, text), format(text, name, text), name || text,
-- oid = regnamespace) and for calls a check of the schema could make if it
-- were not qualified (format(text, text, text, name), format(text, bigint,
-- text), oid <> regrole, pg_get_function_identity_arguments(regproc)), plus
-- types and a table named like built-in ones (these never win: pg_catalog is
-- searched first).  Each planted function gives the right answer, so a
-- script that called one would still install.
CREATE SCHEMA wellbeing AUTHORIZATION regress_wb_hostile;
SET ROLE regress_wb_hostile;
CREATE FUNCTION wellbeing.format(text, text, text, text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN PERFORM public.install_safety_hit('format(text, text, text, text)'); RETURN pg_catalog.format($1, $2, $3, $4); END $$;
CREATE FUNCTION wellbeing.format(text, name, text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN PERFORM public.install_safety_hit('format(text, name, text)'); RETURN pg_catalog.format($1, $2, $3); END $$;
CREATE FUNCTION wellbeing.format(text, text, text, name) RETURNS text LANGUAGE plpgsql AS $$
BEGIN PERFORM public.install_safety_hit('format(text, text, text, name)'); RETURN pg_catalog.format($1, $2, $3, $4); END $$;
CREATE FUNCTION wellbeing.format(text, bigint, text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN PERFORM public.install_safety_hit('format(text, bigint, text)'); RETURN pg_catalog.format($1, $2, $3); END $$;
CREATE FUNCTION wellbeing.pg_get_function_identity_arguments(regproc) RETURNS text LANGUAGE plpgsql AS $$
BEGIN PERFORM public.install_safety_hit('pg_get_function_identity_arguments(regproc)');
      RETURN pg_catalog.pg_get_function_identity_arguments($1); END $$;
CREATE FUNCTION wellbeing.planted_cat(name, text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN PERFORM public.install_safety_hit('name || text'); RETURN pg_catalog.textcat($1, $2); END $$;
CREATE OPERATOR wellbeing.|| (LEFTARG = name, RIGHTARG = text, FUNCTION = wellbeing.planted_cat);
CREATE FUNCTION wellbeing.planted_eq(oid, regnamespace) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN PERFORM public.install_safety_hit('oid = regnamespace'); RETURN pg_catalog.oideq($1, $2); END $$;
CREATE OPERATOR wellbeing.= (LEFTARG = oid, RIGHTARG = regnamespace, FUNCTION = wellbeing.planted_eq);
CREATE FUNCTION wellbeing.planted_ne(oid, regrole) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN PERFORM public.install_safety_hit('oid <> regrole'); RETURN pg_catalog.oidne($1, $2); END $$;
CREATE OPERATOR wellbeing.<> (LEFTARG = oid, RIGHTARG = regrole, FUNCTION = wellbeing.planted_ne);
CREATE TYPE wellbeing.text AS (planted integer);
CREATE TYPE wellbeing.regproc AS (planted integer);
CREATE TABLE wellbeing.pg_namespace (oid oid, nspname name, nspowner oid);
-- control: called the way the DO block called them, the planted objects are
-- the ones that run
SET search_path = wellbeing;
SELECT p.proname || '_state' AS name_state,
       format('%s(%s) %s', 'a'::text, 'b'::text, 'c'::text) AS format_4,
       format('%s: %s', p.proname, 'c'::text) AS format_name,
       format('%s %s %I', 'a'::text, 'b'::text, p.proname) AS format_ident,
       format('%s: %s', 2::bigint, 'c'::text) AS format_count,
       p.pronamespace = 'pg_catalog'::regnamespace AS in_catalog,
       p.proowner <> 'regress_wb_hostile'::regrole AS other_owner,
       pg_get_function_identity_arguments(p.oid::regproc) AS args
FROM pg_catalog.pg_proc p WHERE p.oid OPERATOR(pg_catalog.=) 'pg_catalog.int4abs'::pg_catalog.regproc;
RESET search_path;
RESET ROLE;
SELECT what FROM public.install_safety_ran ORDER BY what COLLATE "C";
TRUNCATE public.install_safety_ran;
ALTER SEQUENCE public.install_safety_hits RESTART;
SET search_path = wellbeing, public;
CREATE EXTENSION wellbeing;
SELECT :'LAST_ERROR_SQLSTATE' AS sqlstate;
RESET search_path;
SELECT * FROM public.install_safety_status;

-- 2. Taking the schema over is not enough: the objects are still the role's.
ALTER SCHEMA wellbeing OWNER TO CURRENT_USER;
CREATE EXTENSION wellbeing;
SELECT :'LAST_ERROR_SQLSTATE' AS sqlstate;
SELECT * FROM public.install_safety_status;

-- 3. The same objects owned by a superuser: the check accepts them (a
-- superuser can act as any role anyway), the extension is installed next to
-- them, and none of them is called, since the script qualifies every
-- function and operator it uses.
REASSIGN OWNED BY regress_wb_hostile TO regress_wb_admin;
CREATE EXTENSION wellbeing;
SELECT * FROM public.install_safety_status;
SELECT round((wellbeing.proportion(wellbeing.merge(s))).value::numeric, 12) AS share
FROM (SELECT wellbeing.proportion_state(o) AS s
      FROM (VALUES (1, true), (1, false), (2, true), (2, true)) v(part, o) GROUP BY part) t;
-- every SQL and PL/pgSQL function of the extension either runs with
-- search_path = pg_catalog, pg_temp or has an SQL-standard body, bound when
-- it was created; the functions those bodies call are the extension's own
SELECT count(*) AS sql_and_plpgsql_functions,
       count(*) FILTER (WHERE 'search_path=pg_catalog, pg_temp' = ANY (p.proconfig)) AS pinned_path,
       count(*) FILTER (WHERE p.prosqlbody IS NOT NULL) AS sql_standard_body,
       count(*) FILTER (WHERE p.prosqlbody IS NULL
                          AND NOT coalesce('search_path=pg_catalog, pg_temp' = ANY (p.proconfig), false)) AS neither
FROM pg_proc p
JOIN pg_language l ON l.oid = p.prolang
JOIN pg_depend e ON e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e'
     AND e.refclassid = 'pg_extension'::regclass
     AND e.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'wellbeing')
WHERE l.lanname IN ('sql', 'plpgsql');
SELECT count(*) AS calls_in_sql_standard_bodies,
       count(*) FILTER (WHERE EXISTS (
           SELECT FROM pg_depend e
           WHERE e.classid = 'pg_proc'::regclass AND e.objid = d.refobjid AND e.deptype = 'e'
             AND e.refclassid = 'pg_extension'::regclass
             AND e.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'wellbeing'))) AS to_extension_functions
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.refclassid = 'pg_proc'::regclass
     AND d.deptype = 'n'
WHERE p.pronamespace = 'wellbeing'::regnamespace AND p.prosqlbody IS NOT NULL;
DROP EXTENSION wellbeing;
SET client_min_messages = warning;
DROP SCHEMA wellbeing CASCADE;
RESET client_min_messages;

-- 4. A superuser's schema in which the role has CREATE (and no USAGE):
-- refused while the role owns an object in it, installed once the superuser
-- has dropped it (the role still has CREATE).
CREATE SCHEMA wellbeing;
GRANT CREATE ON SCHEMA wellbeing TO regress_wb_hostile;
SET ROLE regress_wb_hostile;
CREATE FUNCTION wellbeing.format(text, text, text, text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN PERFORM public.install_safety_hit('format(text, text, text, text)'); RETURN pg_catalog.format($1, $2, $3, $4); END $$;
RESET ROLE;
CREATE EXTENSION wellbeing;
SELECT :'LAST_ERROR_SQLSTATE' AS sqlstate;
SELECT * FROM public.install_safety_status;
DROP FUNCTION wellbeing.format(text, text, text, text);
CREATE EXTENSION wellbeing;
SELECT * FROM public.install_safety_status;

-- every aggregate but merge has a _state twin with its identity arguments
-- and transition function, no final function, state_combine to combine, and
-- the comment that names its final (built from the sources by
-- src/sql/gen_states.awk)
SELECT count(*) AS aggregates,
       count(sp.oid) AS with_state,
       count(*) FILTER (WHERE sa.aggtransfn = a.aggtransfn AND sa.aggfinalfn = 0
                          AND sa.aggcombinefn = 'wellbeing.state_combine'::regproc
                          AND sa.aggtranstype = 'double precision[]'::regtype
                          AND sp.proparallel = 's'
                          AND obj_description(sp.oid, 'pg_proc') = format(
                                'the partial state of %s, a value to store and merge later: %s(merge(state))',
                                p.proname,
                                p.proname || CASE WHEN p.proname LIKE 'cronbach\_alpha%' THEN '_finalfn' ELSE '' END)
                      ) AS state_as_generated
FROM pg_aggregate a
JOIN pg_proc p ON p.oid = a.aggfnoid
LEFT JOIN (pg_proc sp JOIN pg_aggregate sa ON sa.aggfnoid = sp.oid)
       ON sp.pronamespace = p.pronamespace AND sp.proname = p.proname || '_state'
      AND pg_get_function_identity_arguments(sp.oid) = pg_get_function_identity_arguments(p.oid)
WHERE p.pronamespace = 'wellbeing'::regnamespace
  AND p.proname <> 'merge' AND p.proname NOT LIKE '%\_state';
SELECT count(*) AS state_aggregates_without_twin
FROM pg_proc sp JOIN pg_aggregate sa ON sa.aggfnoid = sp.oid
WHERE sp.pronamespace = 'wellbeing'::regnamespace AND sp.proname LIKE '%\_state'
  AND NOT EXISTS (SELECT FROM pg_proc p
                  WHERE p.pronamespace = sp.pronamespace AND p.proname || '_state' = sp.proname
                    AND pg_get_function_identity_arguments(p.oid) = pg_get_function_identity_arguments(sp.oid));
DROP EXTENSION wellbeing;
DROP SCHEMA wellbeing;

-- 5. Objects in public, searched before pg_catalog: the install script runs
-- with search_path = wellbeing whatever the session's path, and the SQL and
-- PL/pgSQL functions either pin search_path or qualify every name.
GRANT CREATE ON SCHEMA public TO regress_wb_hostile;
SET ROLE regress_wb_hostile;
CREATE FUNCTION public.format(text, text, text, text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN PERFORM public.install_safety_hit('public.format(text, text, text, text)'); RETURN pg_catalog.format($1, $2, $3, $4); END $$;
CREATE FUNCTION public.format(text, name, text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN PERFORM public.install_safety_hit('public.format(text, name, text)'); RETURN pg_catalog.format($1, $2, $3); END $$;
CREATE FUNCTION public.cardinality(double precision[]) RETURNS integer LANGUAGE plpgsql AS $$
BEGIN PERFORM public.install_safety_hit('public.cardinality(double precision[])'); RETURN pg_catalog.cardinality($1); END $$;
CREATE FUNCTION public.state_of(double precision[], text) RETURNS double precision[] LANGUAGE plpgsql AS $$
BEGIN PERFORM public.install_safety_hit('public.state_of'); RETURN $1; END $$;
CREATE FUNCTION public.proportion_finalfn(double precision[]) RETURNS double precision[] LANGUAGE plpgsql AS $$
BEGIN PERFORM public.install_safety_hit('public.proportion_finalfn'); RETURN $1; END $$;
CREATE FUNCTION public.planted_text_eq(text, text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN PERFORM public.install_safety_hit('public text = text'); RETURN pg_catalog.texteq($1, $2); END $$;
CREATE OPERATOR public.= (LEFTARG = text, RIGHTARG = text, FUNCTION = public.planted_text_eq);
CREATE FUNCTION public.planted_int_eq(integer, integer) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN PERFORM public.install_safety_hit('public integer = integer'); RETURN pg_catalog.int4eq($1, $2); END $$;
CREATE OPERATOR public.= (LEFTARG = integer, RIGHTARG = integer, FUNCTION = public.planted_int_eq);
CREATE FUNCTION public.planted_text_ne(text, text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN PERFORM public.install_safety_hit('public text <> text'); RETURN pg_catalog.textne($1, $2); END $$;
CREATE OPERATOR public.<> (LEFTARG = text, RIGHTARG = text, FUNCTION = public.planted_text_ne);
CREATE FUNCTION public.planted_text_cat(text, text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN PERFORM public.install_safety_hit('public text || text'); RETURN pg_catalog.textcat($1, $2); END $$;
CREATE OPERATOR public.|| (LEFTARG = text, RIGHTARG = text, FUNCTION = public.planted_text_cat);
CREATE FUNCTION public.planted_float_mul(float8, float8) RETURNS float8 LANGUAGE plpgsql AS $$
BEGIN PERFORM public.install_safety_hit('public float8 * float8'); RETURN pg_catalog.float8mul($1, $2); END $$;
CREATE OPERATOR public.* (LEFTARG = float8, RIGHTARG = float8, FUNCTION = public.planted_float_mul);
CREATE TYPE public.regclass AS (planted integer);
-- control: under this path, unqualified calls take the planted objects
SET search_path = public, pg_catalog;
SELECT format('%s %s %s', 'a'::text, 'b'::text, 'c'::text) AS format_4,
       format('%s %s', 'a'::name, 'b'::text) AS format_name,
       cardinality(ARRAY[1.0, 2.0]::float8[]) AS cardinality,
       'a'::text = 'a' AS text_eq, 1 = 1 AS int_eq, 'a'::text <> 'b' AS text_ne,
       'a'::text || 'b' AS text_cat, 2.0::float8 * 3.0::float8 AS float_mul,
       proportion_finalfn(state_of(ARRAY[1.0]::float8[], 'proportion')) AS final_of_state;
RESET search_path;
RESET ROLE;
SELECT what FROM public.install_safety_ran ORDER BY what COLLATE "C";
TRUNCATE public.install_safety_ran;
ALTER SEQUENCE public.install_safety_hits RESTART;
SET search_path = public, pg_catalog;
CREATE EXTENSION wellbeing;
-- a rollup final (SQL-standard body), the survey cast (SQL, pinned path), a
-- SQL function comparing text (trend_status), a PL/pgSQL one using
-- cardinality, format and IS DISTINCT FROM (disparity_profile)
SELECT round((wellbeing.proportion(wellbeing.merge(s))).value::numeric, 12) AS share
FROM (SELECT wellbeing.proportion_state(o) AS s
      FROM (VALUES (1, true), (1, false), (2, true), (2, true)) v(part, o) GROUP BY part) t;
SELECT (ROW(0.5, 0.1, 0.3, 0.7, 40, 0.95, 12)::wellbeing.survey_estimate::wellbeing.estimate).se AS se_through_cast;
SELECT wellbeing.trend_status(ROW('no significant change', NULL, NULL, NULL, 5)::wellbeing.recent_trend) AS status,
       wellbeing.trend_status(ROW('decreasing and getting worse', -1, 0.1, 9, 5)::wellbeing.recent_trend, true) AS status_2;
SELECT count(*) > 0 AS profile_rows
FROM wellbeing.disparity_profile(ARRAY[0.1, 0.2, 0.4], ARRAY[100, 200, 300]);
SELECT wellbeing.disparity_profile(ARRAY[0.1, 0.2], ARRAY[100]);
SELECT :'LAST_ERROR_SQLSTATE' AS sqlstate;
RESET search_path;
SELECT * FROM public.install_safety_status;

-- clean up: the role's objects and grants, the roles, the helpers; the
-- extension as the other tests expect it
DROP EXTENSION wellbeing;
DROP SCHEMA wellbeing;
DROP OWNED BY regress_wb_hostile;
DROP ROLE regress_wb_hostile;
DROP OWNED BY regress_wb_admin;
DROP ROLE regress_wb_admin;
DROP VIEW public.install_safety_status;
DROP FUNCTION public.install_safety_hit(text);
DROP TABLE public.install_safety_ran;
DROP SEQUENCE public.install_safety_hits;
CREATE EXTENSION wellbeing;
SELECT count(*) AS objects_left_in_public
FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND proname LIKE 'planted%';
