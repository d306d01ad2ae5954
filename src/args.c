/*-------------------------------------------------------------------------
 *
 * args.c
 *	  Argument validation shared by all families.
 *
 * Messages name the argument and the offending value, as an analyst needs to fix the call:
 * "weight must be non-negative, got -1".
 *
 * src/args.c
 *
 *-------------------------------------------------------------------------
 */
#include "args.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_type.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "utils/syscache.h"

void
wb_error_not_finite(double v, const char *argname)
{
	ereport(ERROR,
			(errcode(WB_ERRCODE_BAD_ARGUMENT),
			 errmsg("%s must be a finite number, got %s", argname,
					isnan(v) ? "NaN" : (v > 0 ? "Infinity" : "-Infinity"))));
	pg_unreachable();
}

/* v failed a non-negative or positive check: say which of the two rules */
void
wb_error_too_small(double v, const char *argname, bool zero_allowed)
{
	if (!isfinite(v))
		wb_error_not_finite(v, argname);
	ereport(ERROR,
			(errcode(WB_ERRCODE_BAD_ARGUMENT),
			 errmsg(zero_allowed ? "%s must be non-negative, got %g" : "%s must be positive, got %g",
					argname, v)));
	pg_unreachable();
}

void
wb_check_level(double level)
{
	if (isnan(level) || !(level > 0.0 && level < 1.0))
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("level must lie strictly between 0 and 1, got %g", level),
				 errhint("Confidence levels are fractions: 0.95, not 95.")));
}

void
wb_check_not_greater(double a, const char *aname, double b, const char *bname)
{
	if (a > b)
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("%s must not exceed %s, got %g > %g", aname, bname, a, b)));
}

int
wb_parse_method(const char *name, const WbMethod *table, const char *funcname)
{
	const WbMethod *m;
	StringInfoData valid;

	for (m = table; m->name != NULL; m++)
	{
		if (pg_strcasecmp(m->name, name) == 0)
			return m->code;
	}

	initStringInfo(&valid);
	for (m = table; m->name != NULL; m++)
		appendStringInfo(&valid, "%s%s", m == table ? "" : ", ", m->name);
	ereport(ERROR,
			(errcode(WB_ERRCODE_BAD_ARGUMENT),
			 errmsg("unknown method \"%s\" for %s", name, funcname),
			 errhint("Valid methods are: %s.", valid.data)));
	return -1;					/* keep compiler quiet */
}

const char *
wb_method_name(const WbMethod *table, int code)
{
	const WbMethod *m;

	for (m = table; m->name != NULL; m++)
	{
		if (m->code == code)
			return m->name;
	}
	elog(ERROR, "method code %d is not in its table", code);
	return NULL;				/* not reached */
}

/* the last method text seen by one call site is kept in its WbFnCache */
int
wb_method_arg(FunctionCallInfo fcinfo, int argno,
			  const WbMethod *table, const char *funcname)
{
	text	   *t = PG_GETARG_TEXT_PP(argno);
	int			len = VARSIZE_ANY_EXHDR(t);
	WbFnCache  *cache = wb_fn_cache(fcinfo);
	char	   *name;
	int			code;

	if (cache->method_len == len && cache->method_argno == argno &&
		memcmp(cache->method_name, VARDATA_ANY(t), len) == 0)
		return cache->method_code;

	name = text_to_cstring(t);
	code = wb_parse_method(name, table, funcname);

	if (cache->method_room < len + 1)
	{
		cache->method_name = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, len + 1);
		cache->method_room = len + 1;
	}
	cache->method_argno = argno;
	cache->method_code = code;
	cache->method_len = len;
	memcpy(cache->method_name, name, len + 1);
	pfree(name);
	return code;
}

/*
 * A group's parameters (level, method, a poverty-line fraction) come from
 * its first row and are kept in the state; every later row must repeat
 * them, or the state would describe two different computations.
 */
void
wb_same_param(double stored, double given, const char *argname)
{
	if (stored != given)
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("%s must be the same for every row of a group, got %g and %g",
						argname, stored, given)));
}

/* the same for n parameters at once; names lists them for the message */
void
wb_same_params(const double *stored, const double *given, int n, const char *names)
{
	int			i;

	for (i = 0; i < n; i++)
	{
		if (stored[i] != given[i])
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("%s must be the same for every row of a group", names)));
	}
}

/*
 * The declared type of argument argno of the function called, or
 * InvalidOid when the declaration does not fix it (polymorphic, "any").
 * It is read from the function's own pg_proc entry, not from the call
 * expression: Citus's partial aggregation calls transition functions with
 * no expression at all.  Read once per call site (WbFnCache).
 */
Oid
wb_declared_type(FunctionCallInfo fcinfo, int argno)
{
	WbFnCache  *c = wb_fn_cache(fcinfo);
	Oid			fn = fcinfo->flinfo->fn_oid;
	Oid			type;

	if (c->declared_types == NULL || c->declared_fn != fn)
	{
		HeapTuple	tuple = SearchSysCache1(PROCOID, ObjectIdGetDatum(fn));
		Form_pg_proc proc;

		if (!HeapTupleIsValid(tuple))
			elog(ERROR, "cache lookup failed for function %u", fn);
		proc = (Form_pg_proc) GETSTRUCT(tuple);
		if (c->declared_types != NULL)
			pfree(c->declared_types);
		c->declared_types = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt,
											   sizeof(Oid) * Max(proc->pronargs, 1));
		memcpy(c->declared_types, proc->proargtypes.values, sizeof(Oid) * proc->pronargs);
		c->declared_nargs = proc->pronargs;
		c->declared_fn = fn;
		ReleaseSysCache(tuple);
	}
	type = argno < c->declared_nargs ? c->declared_types[argno] : InvalidOid;
	if (!OidIsValid(type) || IsPolymorphicType(type) || type == ANYOID ||
		get_typtype(type) == TYPTYPE_PSEUDO)
		return InvalidOid;
	return type;
}

/*
 * A 0/1 outcome (argument argno, not NULL): a boolean, or a number that
 * must be exactly 0 or 1 -- city tables often keep flags as integers, and
 * a 2 or a 0.5 there is a coding error, not a proportion.
 */
bool
wb_outcome_arg(FunctionCallInfo fcinfo, int argno)
{
	Oid			type = wb_declared_type(fcinfo, argno);
	Datum		d = PG_GETARG_DATUM(argno);
	char	   *shown;

	if (type == BOOLOID)
		return DatumGetBool(d);
	if (type == FLOAT8OID)
	{
		double		v = DatumGetFloat8(d);

		if (v == 0.0 || v == 1.0)
			return v == 1.0;
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("a numeric outcome must be 0 or 1, got %g", v),
				 errhint("For another coding pass a condition as the outcome: proportion(answer = 2), proportion(score >= 5).")));
	}
	if (type == NUMERICOID)
	{
		Numeric		n = PG_GETARG_NUMERIC(argno);	/* detoasted: a short header is read as one */

		if (!numeric_is_nan(n) && !numeric_is_inf(n))
		{
			double		v = DatumGetFloat8(DirectFunctionCall1(numeric_float8_no_overflow, d));

			if (v == 0.0 || v == 1.0)
			{
				/* exactly: 1.0000000000000000001 is not 1 */
				if (DatumGetBool(DirectFunctionCall2(numeric_eq, d,
													 DirectFunctionCall1(float8_numeric, Float8GetDatum(v)))))
					return v == 1.0;
			}
		}
		shown = DatumGetCString(DirectFunctionCall1(numeric_out, d));
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("a numeric outcome must be 0 or 1, got %s", shown),
				 errhint("For another coding pass a condition as the outcome: proportion(answer = 2), proportion(score >= 5).")));
	}
	ereport(ERROR,
			(errcode(ERRCODE_DATATYPE_MISMATCH),
			 errmsg("an outcome must be boolean or a 0/1 number, not %s", format_type_be(type))));
	return false;				/* not reached */
}

const double *
wb_float8_array_arg(FunctionCallInfo fcinfo, int argno, const char *argname,
					int max_len, int *n)
{
	ArrayType  *a = PG_GETARG_ARRAYTYPE_P(argno);
	const double *x;
	int			i;

	if (ARR_NDIM(a) > 1 || ARR_ELEMTYPE(a) != FLOAT8OID)
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("%s must be a one-dimensional array of double precision", argname)));
	if (ARR_HASNULL(a))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s must not contain NULLs", argname)));
	*n = ARR_NDIM(a) == 0 ? 0 : ARR_DIMS(a)[0];
	if (*n > max_len)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s has %d elements, more than the limit of %d", argname, *n, max_len)));
	x = (const double *) ARR_DATA_PTR(a);
	for (i = 0; i < *n; i++)
		wb_check_finite(x[i], argname);
	return x;
}
