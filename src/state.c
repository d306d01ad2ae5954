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

static void
state_error(const char *detail)
{
	ereport(ERROR,
			(errcode(WB_ERRCODE_BAD_STATE),
			 errmsg("invalid wellbeing transition state"),
			 errdetail("%s", detail),
			 errhint("States are produced by the extension's aggregates; do not construct them by hand.")));
}

ArrayType *
wb_state_get(FunctionCallInfo fcinfo, int argno, WbStateKind kind,
			 int nfields, bool growable)
{
	ArrayType  *state;
	double		tag;
	bool		in_agg = AggCheckCallContext(fcinfo, NULL);

	if (in_agg)
		state = PG_GETARG_ARRAYTYPE_P(argno);
	else
		state = PG_GETARG_ARRAYTYPE_P_COPY(argno);

	if (ARR_NDIM(state) != 1)
		state_error("The array must be one-dimensional.");
	if (ARR_ELEMTYPE(state) != FLOAT8OID)
		state_error("The array must be of type double precision[].");
	if (ARR_HASNULL(state))
		state_error("The array must not contain NULLs.");
	if (growable ? ARR_DIMS(state)[0] < nfields : ARR_DIMS(state)[0] != nfields)
		state_error("The array has the wrong length for this aggregate.");

	tag = wb_state_data(state)[WB_TAG];
	if (tag != WB_STATE_TAG(kind))
		state_error("The array's tag does not belong to this aggregate.");

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
				state_error("A field of the state is not a finite number.");
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

void
wb_state_check_count(double v)
{
	if (!(v >= 0.0) || isinf(v) || v != floor(v))
		state_error("A count field is negative, fractional or not finite.");
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
