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

/*
 * An optional trailing argument: its value when the call has it (the
 * aggregate overload with that many arguments), else the documented
 * default.  Callers have already skipped rows with a NULL argument.
 */
static inline double
wb_float8_arg_or(FunctionCallInfo fcinfo, int argno, double dflt)
{
	return PG_NARGS() > argno ? PG_GETARG_FLOAT8(argno) : dflt;
}
extern void wb_check_not_greater(double a, const char *aname,
								 double b, const char *bname);

/*
 * Later rows of a group must repeat the parameters its first row set (kept
 * in the state): 22023 naming the argument(s) otherwise.
 */
extern void wb_same_param(double stored, double given, const char *argname);
extern void wb_same_params(const double *stored, const double *given, int n,
						   const char *names);

/*
 * Map a method name to its code; unknown names raise an error whose hint
 * lists the valid names.  "table" ends with a {NULL, 0} entry.
 */
extern int	wb_parse_method(const char *name, const WbMethod *table,
							const char *funcname);

/* the canonical name of a code of the table (the code must be in it) */
extern const char *wb_method_name(const WbMethod *table, int code);

/*
 * The same for a text argument of the current call, cached in fn_extra so
 * that aggregates do not re-parse a constant method on every row.
 */
extern int	wb_method_arg(FunctionCallInfo fcinfo, int argno,
						  const WbMethod *table, const char *funcname);

/* an optional trailing method argument: parsed when given, else dflt */
static inline int
wb_method_arg_or(FunctionCallInfo fcinfo, int argno, const WbMethod *table,
				 const char *funcname, int dflt)
{
	return PG_NARGS() > argno ? wb_method_arg(fcinfo, argno, table, funcname) : dflt;
}

/*
 * The declared type of argument argno of the called function (from its
 * pg_proc entry, cached), or InvalidOid when not a concrete type.
 */
extern Oid	wb_declared_type(FunctionCallInfo fcinfo, int argno);

/*
 * A float8[] argument read as a C array: one-dimensional (an empty array
 * has n = 0), no NULL element (22004), at most max_len elements (54000 with
 * the limit), every element finite.  The pointer is into the detoasted
 * array, valid for the call.
 */
extern const double *wb_float8_array_arg(FunctionCallInfo fcinfo, int argno,
										 const char *argname, int max_len, int *n);

/* a 0/1 outcome: boolean, or a numeric that must be exactly 0 or 1 (22023) */
extern bool wb_outcome_arg(FunctionCallInfo fcinfo, int argno);

#endif							/* WB_ARGS_H */
