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

#include "lib/stringinfo.h"
#include "utils/builtins.h"

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
		if (strcmp(m->name, name) == 0)
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
