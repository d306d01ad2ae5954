/*-------------------------------------------------------------------------
 *
 * state.h
 *	  Aggregate transition states stored as float8[] values.
 *
 * A state is a one-dimensional float8[] without NULLs whose element 0 is a
 * tag identifying the layout (kind * 1000 + version).  Being an ordinary
 * value (not "internal") is what lets PostgreSQL run the aggregates in
 * parallel and Citus push them to workers: partial states travel as
 * float8[] text, which round-trips exactly.  Every state arriving from SQL
 * is checked with wb_state_get() before any element is read, so a
 * hand-made or corrupted array is an ERROR, never a crash.
 *
 * src/state.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef WB_STATE_H
#define WB_STATE_H

#include "wellbeing.h"
#include <math.h>

#include "utils/array.h"

typedef enum WbStateKind
{
	WB_STATE_PROPORTION = 1,
	WB_STATE_MOMENTS = 2,
	WB_STATE_TOTAL = 3,
	WB_STATE_RATE = 4,
	WB_STATE_DSR = 5,
	WB_STATE_SMR = 6,
	WB_STATE_SAMPLE = 7,
	WB_STATE_ENTROPY = 8,
	WB_STATE_SPREAD = 9,
	WB_STATE_GROUPS = 10,
	WB_STATE_EXPOSURE = 11,
	WB_STATE_TRIPLES = 12,
	WB_STATE_TREND = 13,
	WB_STATE_GAP = 14,
	WB_STATE_SERIES = 15,
	WB_STATE_SCORES = 16,
	WB_STATE_ALPHA = 17,
	WB_STATE_SEGMENTED = 18,
	WB_STATE_SURVEY = 19,
	WB_STATE_REPLICATE = 20
} WbStateKind;

#define WB_STATE_VERSION 1
#define WB_STATE_TAG(kind) ((double) ((kind) * 1000 + WB_STATE_VERSION))

/* element 0 of every state */
#define WB_TAG 0

/*
 * Fetch argument argno as a state of the given kind, checking its shape.
 * nfields is the exact length, or the minimum length when growable.  When
 * not called as part of an aggregate the array is copied, so callers may
 * update the result in place either way.
 */
extern ArrayType *wb_state_get(FunctionCallInfo fcinfo, int argno,
							   WbStateKind kind, int nfields, bool growable);

/* A new zeroed state of length nfields with its tag set. */
extern ArrayType *wb_state_new(WbStateKind kind, int nfields);

static inline double *
wb_state_data(ArrayType *state)
{
	return (double *) ARR_DATA_PTR(state);
}

static inline int
wb_state_length(ArrayType *state)
{
	return ARR_DIMS(state)[0];
}

/*
 * A row with a NULL argument is skipped: the transition returns the state
 * unchanged (NULL before the first usable row).
 */
static inline Datum
wb_state_unchanged(FunctionCallInfo fcinfo)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	PG_RETURN_DATUM(PG_GETARG_DATUM(0));
}

/* true when any of the arguments first..PG_NARGS()-1 is NULL */
static inline bool
wb_any_arg_null(FunctionCallInfo fcinfo, int first)
{
	int			i;

	for (i = first; i < PG_NARGS(); i++)
	{
		if (PG_ARGISNULL(i))
			return true;
	}
	return false;
}

/* Validate a count-like state field read back from SQL. */
extern void wb_state_check_count(double v);

/* a code field (method, measure, kind) as an int; a state error if it is not one */
extern int	wb_state_code(double v);

/*
 * Compensated (Kahan–Babuska/Neumaier) running sum: sum and carry live in
 * two adjacent state fields, so merged states stay exact to the last bits.
 */
static inline void
wb_ksum_add(double *sum, double *carry, double x)
{
	double		t = *sum + x;

	if (fabs(*sum) >= fabs(x))
		*carry += (*sum - t) + x;
	else
		*carry += (x - t) + *sum;
	*sum = t;
}



/* ERROR 22000 "invalid wellbeing transition state" with the given detail */
extern void wb_state_error(const char *detail) pg_attribute_noreturn();

/*
 * Merge state b into a, in place: the parameter fields 1..nparams (level,
 * method, ...) must agree, the remaining fields are sums.
 */
extern void wb_state_merge_sums(double *a, const double *b, int nfields,
								int nparams);
/*
 * Row-collecting states (measures that must see every row): a header whose
 * last field counts the rows, then fixed-width rows of `stride` doubles.
 * The array grows by doubling, so it may be longer than the rows it holds.
 */

/* A new state with room for capacity rows; header fields 1..header-2 from params. */
extern ArrayType *wb_rows_new(WbStateKind kind, int header, int stride,
							  int64 capacity, const double *params);

/* The state at argno, checked: its row count must be a count that fits. */
extern ArrayType *wb_rows_get(FunctionCallInfo fcinfo, int argno, WbStateKind kind,
							  int header, int stride);

/*
 * Append one row; returns the state, or a bigger copy when it was full
 * (PostgreSQL moves a returned copy into the aggregate's context).
 */
extern ArrayType *wb_rows_append(ArrayType *state, int header, int stride,
								 const double *row);

/* A new state with a's header and the rows of a then b. */
extern ArrayType *wb_rows_concat(ArrayType *a, ArrayType *b, int header, int stride);

#endif							/* WB_STATE_H */
