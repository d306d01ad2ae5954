/*-------------------------------------------------------------------------
 *
 * args.h
 *	  Argument checks that raise the SPEC's errors, and method-name parsing.
 *
 * src/args.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef WB_ARGS_H
#define WB_ARGS_H

#include "wellbeing.h"

/* One accepted method name and the code it maps to. */
typedef struct WbMethod
{
	const char *name;
	int			code;
} WbMethod;

extern void wb_check_finite(double v, const char *argname);
extern void wb_check_nonneg(double v, const char *argname);
extern void wb_check_positive(double v, const char *argname);
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
