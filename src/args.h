/*-------------------------------------------------------------------------
 *
 * args.h
 *	  Argument checks with the documented SQLSTATEs, and method-name parsing.
 *
 * src/args.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef WB_ARGS_H
#define WB_ARGS_H

#include "wellbeing.h"

#include <math.h>

/* One accepted method name and the code it maps to. */
typedef struct WbMethod
{
	const char *name;
	int			code;
} WbMethod;

/*
 * The checks every transition function makes on every row are inline, with
 * the error raised out of line, so the hot loop pays a compare and no call.
 */
extern void wb_error_not_finite(double v, const char *argname) pg_attribute_noreturn();
extern void wb_error_too_small(double v, const char *argname, bool zero_allowed) pg_attribute_noreturn();

static inline void
wb_check_finite(double v, const char *argname)
{
	if (unlikely(!isfinite(v)))
		wb_error_not_finite(v, argname);
}

static inline void
wb_check_nonneg(double v, const char *argname)
{
	if (unlikely(!(v >= 0) || !isfinite(v)))
		wb_error_too_small(v, argname, true);
}

static inline void
wb_check_positive(double v, const char *argname)
{
	if (unlikely(!(v > 0) || !isfinite(v)))
		wb_error_too_small(v, argname, false);
}
extern void wb_check_level(double level);
extern void wb_check_not_greater(double a, const char *aname,
								 double b, const char *bname);

/*
 * Map a method name to its code; unknown names raise an error whose hint
 * lists the valid names.  "table" ends with a {NULL, 0} entry.
 */
extern int	wb_parse_method(const char *name, const WbMethod *table,
							const char *funcname);

/*
 * The same for a text argument of the current call, cached in fn_extra so
 * that aggregates do not re-parse a constant method on every row.
 */
extern int	wb_method_arg(FunctionCallInfo fcinfo, int argno,
						  const WbMethod *table, const char *funcname);

#endif							/* WB_ARGS_H */
