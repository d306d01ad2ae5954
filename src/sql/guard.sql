-- guard.sql: the first statement of the install script.  It refuses to
-- install into a schema wellbeing that another role already controls.
--
-- CREATE EXTENSION creates schema wellbeing, owned by the role running it,
-- when the schema does not exist, and otherwise installs into the existing
-- one.  The script runs as that role, a superuser (the extension is not
-- trusted), with search_path = wellbeing: an object another role placed in
-- the schema beforehand, say a function format(text, text, text, text) or an
-- operator = (oid, regnamespace), would be a candidate for every unqualified
-- name of the script that it matches better than the built-in one, and would
-- run with superuser rights.  The script qualifies every function and
-- operator it uses (pg_catalog., @extschema@., OPERATOR(pg_catalog.=)), so
-- no such object can be picked; this check also keeps the extension out of a
-- schema whose contents someone else decides.
--
-- Refused (SQLSTATE 42501): the schema is owned by a role that is neither the
-- role creating the extension nor a superuser, or it holds an object owned
-- by such a role (a relation, function, type, operator, collation,
-- conversion, operator class or family, text search configuration or
-- dictionary, statistics object or extension).  Superusers' objects are
-- accepted: a superuser can act as any role anyway.
--
-- The check itself follows the same rule: every catalog, function and
-- operator is qualified with pg_catalog.

DO $guard$
DECLARE
    schema_oid pg_catalog.oid;
    schema_owner pg_catalog.name;
    owner_trusted boolean;
    foreign_objects pg_catalog.int8;
    first_foreign pg_catalog.text;
BEGIN
    SELECT s.oid, r.rolname, r.rolname OPERATOR(pg_catalog.=) CURRENT_USER OR r.rolsuper
      INTO schema_oid, schema_owner, owner_trusted
    FROM pg_catalog.pg_namespace s
    JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) s.nspowner
    WHERE s.nspname OPERATOR(pg_catalog.=) '@extschema@';

    IF NOT owner_trusted THEN
        RAISE EXCEPTION 'schema "@extschema@" is owned by role "%", not by the role creating the extension', schema_owner
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = 'The install script runs as a superuser; the owner of a schema can create, replace and drop objects in it at any time.',
                  HINT = 'Drop the schema, or make the role that creates the extension its owner and check what the schema contains; then run CREATE EXTENSION again.';
    END IF;

    SELECT pg_catalog.count(*),
           pg_catalog.min(pg_catalog.format('%s %s, owned by role %I', i.type, i.identity, r.rolname)
                          COLLATE pg_catalog."C")
      INTO foreign_objects, first_foreign
    FROM (
        SELECT c.tableoid, c.oid, c.relowner FROM pg_catalog.pg_class c
        WHERE c.relnamespace OPERATOR(pg_catalog.=) schema_oid
        UNION ALL
        SELECT p.tableoid, p.oid, p.proowner FROM pg_catalog.pg_proc p
        WHERE p.pronamespace OPERATOR(pg_catalog.=) schema_oid
        UNION ALL
        SELECT t.tableoid, t.oid, t.typowner FROM pg_catalog.pg_type t
        WHERE t.typnamespace OPERATOR(pg_catalog.=) schema_oid
        UNION ALL
        SELECT o.tableoid, o.oid, o.oprowner FROM pg_catalog.pg_operator o
        WHERE o.oprnamespace OPERATOR(pg_catalog.=) schema_oid
        UNION ALL
        SELECT l.tableoid, l.oid, l.collowner FROM pg_catalog.pg_collation l
        WHERE l.collnamespace OPERATOR(pg_catalog.=) schema_oid
        UNION ALL
        SELECT v.tableoid, v.oid, v.conowner FROM pg_catalog.pg_conversion v
        WHERE v.connamespace OPERATOR(pg_catalog.=) schema_oid
        UNION ALL
        SELECT oc.tableoid, oc.oid, oc.opcowner FROM pg_catalog.pg_opclass oc
        WHERE oc.opcnamespace OPERATOR(pg_catalog.=) schema_oid
        UNION ALL
        SELECT f.tableoid, f.oid, f.opfowner FROM pg_catalog.pg_opfamily f
        WHERE f.opfnamespace OPERATOR(pg_catalog.=) schema_oid
        UNION ALL
        SELECT tc.tableoid, tc.oid, tc.cfgowner FROM pg_catalog.pg_ts_config tc
        WHERE tc.cfgnamespace OPERATOR(pg_catalog.=) schema_oid
        UNION ALL
        SELECT td.tableoid, td.oid, td.dictowner FROM pg_catalog.pg_ts_dict td
        WHERE td.dictnamespace OPERATOR(pg_catalog.=) schema_oid
        UNION ALL
        SELECT x.tableoid, x.oid, x.stxowner FROM pg_catalog.pg_statistic_ext x
        WHERE x.stxnamespace OPERATOR(pg_catalog.=) schema_oid
        UNION ALL
        SELECT e.tableoid, e.oid, e.extowner FROM pg_catalog.pg_extension e
        WHERE e.extnamespace OPERATOR(pg_catalog.=) schema_oid
    ) AS obj (classid, objid, ownerid)
    JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) obj.ownerid
    CROSS JOIN LATERAL pg_catalog.pg_identify_object(obj.classid, obj.objid, 0) AS i
    WHERE r.rolname OPERATOR(pg_catalog.<>) CURRENT_USER AND NOT r.rolsuper;

    IF first_foreign IS NOT NULL THEN
        RAISE EXCEPTION 'schema "@extschema@" already contains objects owned by another role'
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = pg_catalog.format('Objects owned by roles other than the one creating the extension: %s; the first is %s.',
                                             foreign_objects, first_foreign),
                  HINT = 'Drop the schema, or drop those objects or make the role that creates the extension their owner; then run CREATE EXTENSION again.';
    END IF;
END
$guard$;
