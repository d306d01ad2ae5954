/*-------------------------------------------------------------------------
 *
 * wellbeing.h
 *	  Declarations shared by every family of the wellbeing extension.
 *
 * src/wellbeing.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef WELLBEING_H
#define WELLBEING_H

#include "postgres.h"
#include "fmgr.h"
#include "access/tupdesc.h"
#include "miscadmin.h"

/*
 * Every user-caused error uses one of these SQLSTATEs (documented in
 * docs/errors.md): a bad argument value or unknown method is 22023, a
 * transition state that is not one of ours is 22000.
 */
#define WB_ERRCODE_BAD_ARGUMENT		ERRCODE_INVALID_PARAMETER_VALUE
#define WB_ERRCODE_BAD_STATE		ERRCODE_DATA_EXCEPTION

/*
 * A loop whose length comes from the user's data (rows of a state, groups,
 * PSUs, strata) checks for a cancel request (statement_timeout,
 * pg_cancel_backend, pg_terminate_backend) every 2^16 iterations: often
 * enough to stop within milliseconds, rarely enough to cost nothing.
 * Loops with expensive iterations call CHECK_FOR_INTERRUPTS() once each;
 * fetching a row of a window partition checks by itself.
 */
#define WB_CHECK_INTERRUPTS_EVERY(i) \
	do { \
		if (((i) & 0xFFFF) == 0) \
			CHECK_FOR_INTERRUPTS(); \
	} while (0)

/*
 * What one call site keeps between calls in fn_extra.  Every user of
 * fn_extra goes through wb_fn_cache, so the caches of different helpers
 * (a transition function's trusted state, a parsed method name, a result
 * descriptor) share one struct and can never be read as one another.
 */
typedef struct WbFnCache
{
	/* the running state a transition function validated last (state.c) */
	const void *trusted_state;
	MemoryContext trusted_cxt;
	bool		trusted_pending;
	/* the last method text of one argument (args.c) */
	int			method_argno;
	int			method_code;
	int			method_len;			/* -1: none yet */
	int			method_room;
	char	   *method_name;
	/* the blessed descriptor of wellbeing.estimate (estimate_type.c) */
	TupleDesc	estimate_tupdesc;
	/* the declared argument types of the function called (survey.c) */
	Oid			declared_fn;
	int			declared_nargs;
	Oid		   *declared_types;
} WbFnCache;

extern WbFnCache *wb_fn_cache(FunctionCallInfo fcinfo);

#endif							/* WELLBEING_H */
