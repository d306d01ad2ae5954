/*-------------------------------------------------------------------------
 *
 * disparity.c
 *	  Pairwise disparity measures on two estimates (SPEC section 4):
 *	  difference and ratio, with their intervals.
 *
 * Group estimates are treated as independent, as WHO HEAT does (D, R in
 * reference/disparity.md 2.1-2.2).
 *
 * src/disparity.c
 *
 *-------------------------------------------------------------------------
 */
#include "wellbeing.h"

#include <math.h>

#include "args.h"
#include "estimate.h"
#include "numeric/dist.h"

PG_FUNCTION_INFO_V1(wb_difference);
PG_FUNCTION_INFO_V1(wb_ratio);

/*
 * The n of a comparison is the smaller of the two: a difference built on a
 * cell too small to show would reveal it (reliability() uses n).
 */
static double
pair_n(const WbEstimate *a, const WbEstimate *b)
{
	if (isnan(a->n) || isnan(b->n))
		return NAN;
	return fmin(a->n, b->n);
}

static void
read_pair(FunctionCallInfo fcinfo, WbEstimate *a, WbEstimate *b, double *level)
{
	wb_estimate_read(fcinfo, 0, a);
	wb_estimate_read(fcinfo, 1, b);
	*level = PG_GETARG_FLOAT8(2);
	wb_check_level(*level);
}

/*
 * difference(a, b, level DEFAULT 0.95): D = a - b,
 * se = sqrt(se_a^2 + se_b^2), normal interval.
 */
Datum
wb_difference(PG_FUNCTION_ARGS)
{
	WbEstimate	a,
				b,
				d;
	double		level;

	read_pair(fcinfo, &a, &b, &level);
	wb_estimate_init(&d, level);
	d.value = a.value - b.value;
	d.se = sqrt(a.se * a.se + b.se * b.se);
	d.n = pair_n(&a, &b);
	wb_interval_normal(&d);
	PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &d));
}

/*
 * ratio(a, b, level DEFAULT 0.95): R = a / b, delta-method
 * se = sqrt(se_a^2 + R^2 se_b^2) / |b|, interval symmetric on the log
 * scale: exp(ln R -/+ z se / R).  No ratio when b = 0; no interval unless
 * both values are positive.
 */
Datum
wb_ratio(PG_FUNCTION_ARGS)
{
	WbEstimate	a,
				b,
				r;
	double		level;

	read_pair(fcinfo, &a, &b, &level);
	wb_estimate_init(&r, level);
	r.n = pair_n(&a, &b);
	if (b.value != 0)
	{
		r.value = a.value / b.value;
		r.se = sqrt(a.se * a.se + r.value * r.value * b.se * b.se) / fabs(b.value);
		if (a.value > 0 && b.value > 0)
		{
			double		half = wb_z_crit(level) * r.se / r.value;

			r.lower = exp(log(r.value) - half);
			r.upper = exp(log(r.value) + half);
		}
	}
	PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &r));
}
