/*-------------------------------------------------------------------------
 *
 * state.c
 *	  Creating and validating float8[] transition states.
 *
 * src/state.c
 *
 *-------------------------------------------------------------------------
 */
#include "state.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "nodes/execnodes.h"
#include "utils/memutils.h"

void
wb_state_error(const char *detail)
{
	ereport(ERROR,
			(errcode(WB_ERRCODE_BAD_STATE),
			 errmsg("invalid wellbeing transition state"),
			 errdetail("%s", detail),
			 errhint("States are produced by the extension's aggregates; do not construct them by hand.")));
}

/*
 * AggCheckCallContext without the function call: wb_state_get runs once a
 * row in every transition function.
 */
static inline bool
called_as_aggregate(FunctionCallInfo fcinfo)
{
	return fcinfo->context != NULL &&
		(IsA(fcinfo->context, AggState) || IsA(fcinfo->context, WindowAggState));
}

ArrayType *
wb_state_get(FunctionCallInfo fcinfo, int argno, WbStateKind kind,
			 int nfields, bool growable)
{
	ArrayType  *state;
	double		tag;
	bool		in_agg = called_as_aggregate(fcinfo);

	if (in_agg)
	{
		/* the running state is a plain palloc'd array: no detoast call */
		Pointer		p = DatumGetPointer(PG_GETARG_DATUM(argno));

		state = VARATT_IS_EXTENDED(p) ? PG_GETARG_ARRAYTYPE_P(argno) : (ArrayType *) p;
	}
	else
		state = PG_GETARG_ARRAYTYPE_P_COPY(argno);

	if (ARR_NDIM(state) != 1)
		wb_state_error("The array must be one-dimensional.");
	if (ARR_ELEMTYPE(state) != FLOAT8OID)
		wb_state_error("The array must be of type double precision[].");
	if (ARR_HASNULL(state))
		wb_state_error("The array must not contain NULLs.");
	if (growable ? ARR_DIMS(state)[0] < nfields : ARR_DIMS(state)[0] != nfields)
		wb_state_error("The array has the wrong length for this aggregate.");

	tag = wb_state_data(state)[WB_TAG];
	if (tag != WB_STATE_TAG(kind))
		wb_state_error("The array's tag does not belong to this aggregate.");

	/*
	 * Fixed-layout states hold parameters and sums, which the extension
	 * keeps finite.  The running state of an aggregate (argument 0 inside
	 * the aggregate) is our own and is not re-checked on every row; any
	 * other state may have come from SQL.  Rows of the growable kinds are
	 * checked where they are read.
	 */
	if (!growable && !(in_agg && argno == 0))
	{
		double	   *d = wb_state_data(state);
		int			i;

		for (i = 1; i < nfields; i++)
		{
			if (!isfinite(d[i]))
				wb_state_error("A field of the state is not a finite number.");
		}
	}
	return state;
}

ArrayType *
wb_state_new(WbStateKind kind, int nfields)
{
	Size		nbytes = ARR_OVERHEAD_NONULLS(1) + sizeof(double) * nfields;
	ArrayType  *state = (ArrayType *) palloc0(nbytes);

	SET_VARSIZE(state, nbytes);
	state->ndim = 1;
	state->dataoffset = 0;
	state->elemtype = FLOAT8OID;
	ARR_DIMS(state)[0] = nfields;
	ARR_LBOUND(state)[0] = 1;
	wb_state_data(state)[WB_TAG] = WB_STATE_TAG(kind);
	return state;
}

int
wb_state_code(double v)
{
	/* a method or measure code: small and whole, so the cast is defined */
	if (!(v >= -1000000.0 && v <= 1000000.0) || v != floor(v))
		wb_state_error("A method or measure field of the state is not a small integer.");
	return (int) v;
}

void
wb_state_check_count(double v)
{
	if (!(v >= 0.0) || isinf(v) || v != floor(v))
		wb_state_error("A count field is negative, fractional or not finite.");
}

void
wb_state_merge_sums(double *a, const double *b, int nfields, int nparams)
{
	int			i;

	for (i = 1; i <= nparams; i++)
	{
		if (a[i] != b[i])
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("cannot combine partial states computed with different parameters"),
					 errdetail("Parameter %d of the state is %g in one part and %g in the other.",
							   i, a[i], b[i]),
					 errhint("Level, method and similar arguments must be the same for every row of a group.")));
	}
	for (i = nparams + 1; i < nfields; i++)
		a[i] += b[i];
}

#define ROWS_MIN_CAPACITY 16

ArrayType *
wb_rows_new(WbStateKind kind, int header, int stride, int64 capacity,
			const double *params)
{
	int64		max_rows = (int64) ((MaxAllocSize - ARR_OVERHEAD_NONULLS(1)) /
									(stride * sizeof(double))) - header;
	ArrayType  *state;

	capacity = Max(capacity, ROWS_MIN_CAPACITY);
	if (capacity > max_rows)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("cannot hold more than %lld rows in one group", (long long) max_rows)));
	state = wb_state_new(kind, header + stride * (int) capacity);
	if (params != NULL && header > 2)
		memcpy(wb_state_data(state) + 1, params + 1, sizeof(double) * (header - 2));
	return state;
}

ArrayType *
wb_rows_get(FunctionCallInfo fcinfo, int argno, WbStateKind kind, int header, int stride)
{
	ArrayType  *state = wb_state_get(fcinfo, argno, kind, header, true);
	double		used = wb_state_data(state)[header - 1];

	wb_state_check_count(used);
	if (used > (wb_state_length(state) - header) / stride)
		wb_state_error("The state says it holds more rows than it has room for.");
	return state;
}

ArrayType *
wb_rows_append(ArrayType *state, int header, int stride, const double *row)
{
	double	   *s = wb_state_data(state);
	int64		used = (int64) s[header - 1];

	if (header + stride * (used + 1) > wb_state_length(state))
	{
		ArrayType  *bigger = wb_rows_new((WbStateKind) ((int) s[WB_TAG] / 1000), header, stride,
										 2 * used, NULL);

		memcpy(wb_state_data(bigger), s, sizeof(double) * (header + stride * used));
		state = bigger;
		s = wb_state_data(state);
	}
	memcpy(s + header + stride * used, row, sizeof(double) * stride);
	s[header - 1] = used + 1;
	return state;
}

ArrayType *
wb_rows_concat(ArrayType *a, ArrayType *b, int header, int stride)
{
	double	   *sa = wb_state_data(a);
	double	   *sb = wb_state_data(b);
	int64		na = (int64) sa[header - 1];
	int64		nb = (int64) sb[header - 1];
	ArrayType  *m = wb_rows_new((WbStateKind) ((int) sa[WB_TAG] / 1000), header, stride,
								na + nb, sa);
	double	   *sm = wb_state_data(m);

	memcpy(sm + header, sa + header, sizeof(double) * stride * na);
	memcpy(sm + header + stride * na, sb + header, sizeof(double) * stride * nb);
	sm[header - 1] = na + nb;
	return m;
}
