/*-------------------------------------------------------------------------
 *
 * segregation.c
 *	  Two-group residential segregation over areal units (SPEC section 4):
 *	  dissimilarity, isolation, exposure.  One input row per unit (tract)
 *	  with the unit's counts.
 *
 * With X = sum x (the group), Y = sum y (the others), t = x + y per unit
 * (reference/disparity.md 3.6):
 *	 D	 = 1/2 sum |x/X - y/Y|
 *	 xPx = sum (x/X)(x/t)		(isolation)
 *	 xPy = sum (x/X)(y/t)		(exposure)
 *
 * isolation and exposure are one-pass sums; dissimilarity needs X and Y
 * before the absolute values, so it keeps the (x, y) pairs in the sample
 * state of sample.c (16 bytes a unit).
 *
 * src/segregation.c
 *
 *-------------------------------------------------------------------------
 */
#include "wellbeing.h"

#include <math.h>

#include "args.h"
#include "estimate.h"
#include "sample.h"
#include "state.h"
#include "utils/array.h"

PG_FUNCTION_INFO_V1(wb_dissimilarity_transfn);
PG_FUNCTION_INFO_V1(wb_dissimilarity_finalfn);
PG_FUNCTION_INFO_V1(wb_exposure_transfn);
PG_FUNCTION_INFO_V1(wb_isolation_transfn);
PG_FUNCTION_INFO_V1(wb_exposure_finalfn);

/* dissimilarity(group_count, other_count) */
Datum
wb_dissimilarity_transfn(PG_FUNCTION_ARGS)
{
	if (!PG_ARGISNULL(1))
		wb_check_nonneg(PG_GETARG_FLOAT8(1), "group_count");
	if (!PG_ARGISNULL(2))
		wb_check_nonneg(PG_GETARG_FLOAT8(2), "other_count");
	return wb_sample_accumulate(fcinfo, "group_count", 0, "parameter");
}

Datum
wb_dissimilarity_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state = wb_sample_get(fcinfo, 0);
	int64		n;
	long double ysum;
	WbPair	   *p = wb_sample_sorted(state, &n, &ysum);
	long double xsum = 0,
				d = 0;
	int64		i;

	if (p == NULL)
		PG_RETURN_DATUM(wb_estimate_value_only(fcinfo, NAN, n));
	for (i = 0; i < n; i++)
		xsum += p[i].x;
	if (!(xsum > 0) || !(ysum > 0))
		PG_RETURN_DATUM(wb_estimate_value_only(fcinfo, NAN, n));
	for (i = 0; i < n; i++)
		d += fabsl(p[i].x / xsum - p[i].w / ysum);
	PG_RETURN_DATUM(wb_estimate_value_only(fcinfo, (double) (d / 2), n));
}

/*
 * isolation and exposure share one state: tag, measure, units, X, S with
 * S = sum x^2/t (isolation) or sum x y / t (exposure).
 */
enum
{
	EXP_MEASURE = 1, EXP_UNITS, EXP_X, EXP_S, EXP_NFIELDS
};

static Datum
exposure_accumulate(FunctionCallInfo fcinfo, int measure)
{
	ArrayType  *state;
	double	   *s;
	double		x,
				y,
				t;
	int			i;

	if (wb_any_arg_null(fcinfo, 1))
		return wb_state_unchanged(fcinfo);
	x = PG_GETARG_FLOAT8(1);
	wb_check_nonneg(x, "group_count");
	if (measure == 1)
	{
		/* isolation(group_count, total) */
		t = PG_GETARG_FLOAT8(2);
		wb_check_nonneg(t, "total");
		wb_check_not_greater(x, "group_count", t, "total");
		y = x;
	}
	else
	{
		/* exposure(group_count, other_count, total) */
		y = PG_GETARG_FLOAT8(2);
		t = PG_GETARG_FLOAT8(3);
		wb_check_nonneg(y, "other_count");
		wb_check_nonneg(t, "total");
		wb_check_not_greater(x + y, "group_count + other_count", t, "total");
	}

	if (PG_ARGISNULL(0))
	{
		state = wb_state_new(WB_STATE_EXPOSURE, EXP_NFIELDS);
		wb_state_data(state)[EXP_MEASURE] = measure;
	}
	else
	{
		state = wb_state_get(fcinfo, 0, WB_STATE_EXPOSURE, EXP_NFIELDS, false);
		if (wb_state_data(state)[EXP_MEASURE] != measure)
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_STATE),
					 errmsg("invalid wellbeing transition state"),
					 errdetail("The state belongs to another segregation measure.")));
	}
	s = wb_state_data(state);
	s[EXP_UNITS] += 1;
	s[EXP_X] += x;
	if (t > 0)
		s[EXP_S] += x * y / t;
	for (i = EXP_UNITS; i < EXP_NFIELDS; i++)
	{
		if (!isfinite(s[i]))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value out of range: overflow in %s", measure == 1 ? "isolation" : "exposure")));
	}
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
wb_isolation_transfn(PG_FUNCTION_ARGS)
{
	return exposure_accumulate(fcinfo, 1);
}

Datum
wb_exposure_transfn(PG_FUNCTION_ARGS)
{
	return exposure_accumulate(fcinfo, 2);
}

Datum
wb_exposure_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state = wb_state_get(fcinfo, 0, WB_STATE_EXPOSURE, EXP_NFIELDS, false);
	double	   *s = wb_state_data(state);

	PG_RETURN_DATUM(wb_estimate_value_only(fcinfo, s[EXP_X] > 0 ? s[EXP_S] / s[EXP_X] : NAN, s[EXP_UNITS]));
}
