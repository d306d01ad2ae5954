-- The install script and the functions are safe under a hostile search_path:
-- shadowing functions, operators, types and tables in
-- public, searched before pg_catalog, are never called or used.
SET extra_float_digits = 0;
DROP EXTENSION wellbeing;

CREATE FUNCTION public.shadow_called() RETURNS float8 LANGUAGE plpgsql
AS $$ BEGIN RAISE EXCEPTION 'a shadowing object in public was used'; END $$;
CREATE FUNCTION public.sqrt(float8) RETURNS float8 LANGUAGE sql AS 'SELECT public.shadow_called()';
CREATE FUNCTION public.ln(float8) RETURNS float8 LANGUAGE sql AS 'SELECT public.shadow_called()';
CREATE FUNCTION public.shadow_plus(float8, float8) RETURNS float8 LANGUAGE sql AS 'SELECT public.shadow_called()';
CREATE OPERATOR public.+ (LEFTARG = float8, RIGHTARG = float8, FUNCTION = public.shadow_plus);
CREATE FUNCTION public.shadow_eq(text, text) RETURNS boolean LANGUAGE sql AS 'SELECT public.shadow_called() > 0';
CREATE OPERATOR public.= (LEFTARG = text, RIGHTARG = text, FUNCTION = public.shadow_eq);
CREATE TYPE public.estimate AS (hijacked integer);
CREATE FUNCTION public.estimate(float8, float8) RETURNS float8 LANGUAGE sql AS 'SELECT public.shadow_called()';
CREATE TABLE public.standard_population (standard text, hijacked integer);
CREATE TEMP TABLE standard_population (standard text, hijacked integer);

SET search_path = public, pg_catalog;
CREATE EXTENSION wellbeing;

-- the extension's objects are all in its schema, none in public
SELECT n.nspname, count(*) > 0 AS has_functions
FROM pg_depend d JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE d.refclassid = 'pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'wellbeing')
GROUP BY n.nspname;
SELECT count(*) AS rows_in_shipped_table FROM wellbeing.standard_population;
SELECT count(*) AS rows_in_shadow_table FROM public.standard_population;

-- calls under the hostile path give the same answers as in estimates.sql
SELECT round(lower::numeric, 12) AS lower, round(upper::numeric, 12) AS upper
FROM wellbeing.proportion_ci(65, 100);
SELECT round((wellbeing.rate(e, p, 100000)).upper::numeric, 9) AS upper
FROM (VALUES (2.0, 200.0)) t(e, p);
SELECT wellbeing.reliability(wellbeing.estimate(1.0, 0.1, 50.0)) AS flag;
-- by hand: m = 9/4, sum w^2 (x - m)^2 = 1.5625 + 0.25 + 3.0625 = 4.875,
-- se = sqrt(3/2 * 4.875) / 4 = 0.676040864149
SELECT round((wellbeing.mean(x, w)).se::numeric, 12) AS se
FROM (VALUES (1.0, 1.0), (2.0, 2.0), (4.0, 1.0)) t(x, w);

-- every function runs with the caller's rights (none is SECURITY DEFINER),
-- and every function, aggregate and type the extension creates has a comment
SELECT count(*) FILTER (WHERE p.prosecdef) AS security_definer,
       count(*) FILTER (WHERE obj_description(p.oid, 'pg_proc') IS NULL) AS without_comment,
       count(*) > 300 AS many_functions
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.refclassid = 'pg_extension'::regclass
WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'wellbeing');
SELECT t.typname AS type_without_comment
FROM pg_type t
JOIN pg_depend d ON d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.refclassid = 'pg_extension'::regclass
WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'wellbeing')
  AND t.typtype = 'c' AND obj_description(t.oid, 'pg_type') IS NULL;

RESET search_path;
DROP TABLE public.standard_population;
DROP TYPE public.estimate CASCADE;
DROP OPERATOR public.+ (float8, float8);
DROP OPERATOR public.= (text, text);
DROP FUNCTION public.shadow_plus(float8, float8), public.shadow_eq(text, text),
  public.sqrt(float8), public.ln(float8), public.estimate(float8, float8), public.shadow_called();

-- an analyst role: without USAGE on the schema the first query fails (the
-- README's grant); with it every function and the shipped table work
CREATE ROLE regress_wb_analyst;
SET ROLE regress_wb_analyst;
SELECT (wellbeing.proportion(x)).value FROM (VALUES (true), (false)) t(x);
RESET ROLE;
GRANT USAGE ON SCHEMA wellbeing TO regress_wb_analyst;
SET ROLE regress_wb_analyst;
SELECT (wellbeing.proportion(x)).value FROM (VALUES (true), (false)) t(x);
SELECT count(*) > 0 AS reads_standard_population FROM wellbeing.standard_population;
RESET ROLE;
REVOKE USAGE ON SCHEMA wellbeing FROM regress_wb_analyst;
DROP ROLE regress_wb_analyst;
