/*-------------------------------------------------------------------------
 *
 * sample.c
 *	  The (value, weight) sample state shared by the measures that must see
 *	  every row.
 *
 * src/sample.c
 *
 *-------------------------------------------------------------------------
 */
#include "sample.h"

#include <math.h>

#include "args.h"
#include "state.h"
#include "utils/memutils.h"

enum
{
	SMP_PARAM = 1, SMP_USED, SMP_HEADER
};

#define SMP_MIN_CAPACITY 16
#define SMP_MAX_PAIRS ((MaxAllocSize - ARR_OVERHEAD_NONULLS(1)) / (2 * sizeof(double)) - SMP_HEADER)

ArrayType *
wb_sample_get(FunctionCallInfo fcinfo, int argno)
{
	ArrayType  *state = wb_state_get(fcinfo, argno, WB_STATE_SAMPLE, SMP_HEADER, true);
	double	   *s = wb_state_data(state);

	wb_state_check_count(s[SMP_USED]);
	if (s[SMP_USED] > (wb_state_length(state) - SMP_HEADER) / 2)
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_STATE),
				 errmsg("invalid wellbeing transition state"),
				 errdetail("The state says it holds more values than it has room for.")));
	return state;
}

static ArrayType *
sample_new(double param, int64 capacity)
{
	ArrayType  *state;

	if (capacity > (int64) SMP_MAX_PAIRS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("cannot hold more than %d rows in one group",
						(int) SMP_MAX_PAIRS)));
	state = wb_state_new(WB_STATE_SAMPLE, SMP_HEADER + 2 * (int) capacity);
	wb_state_data(state)[SMP_PARAM] = param;
	return state;
}

double
wb_sample_param(ArrayType *state)
{
	return wb_state_data(state)[SMP_PARAM];
}

/* append (x, w) to the state at argument 0, creating it with param */
static Datum
sample_append(FunctionCallInfo fcinfo, double x, double w, double param,
			  const char *paramname)
{
	ArrayType  *state;
	double	   *s;
	int64		used;

	if (PG_ARGISNULL(0))
		state = sample_new(param, SMP_MIN_CAPACITY);
	else
	{
		state = wb_sample_get(fcinfo, 0);
		if (wb_state_data(state)[SMP_PARAM] != param)
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("%s must be the same for every row of a group, got %g and %g",
							paramname, wb_state_data(state)[SMP_PARAM], param)));
	}

	s = wb_state_data(state);
	used = (int64) s[SMP_USED];
	if (SMP_HEADER + 2 * used + 2 > wb_state_length(state))
	{
		/* full: double the capacity (PostgreSQL moves the copy into the aggregate's context) */
		ArrayType  *bigger = sample_new(s[SMP_PARAM], Max(2 * used, SMP_MIN_CAPACITY));

		memcpy(wb_state_data(bigger), s, sizeof(double) * (SMP_HEADER + 2 * used));
		state = bigger;
		s = wb_state_data(state);
	}
	s[SMP_HEADER + 2 * used] = x;
	s[SMP_HEADER + 2 * used + 1] = w;
	s[SMP_USED] = used + 1;
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
wb_sample_accumulate(FunctionCallInfo fcinfo, const char *xname,
					 double param, const char *paramname)
{
	double		x,
				w;

	if (PG_ARGISNULL(1) || (PG_NARGS() > 2 && PG_ARGISNULL(2)))
		return wb_state_unchanged(fcinfo);
	x = PG_GETARG_FLOAT8(1);
	w = PG_NARGS() > 2 ? PG_GETARG_FLOAT8(2) : 1.0;
	wb_check_finite(x, xname);
	wb_check_nonneg(w, "weight");
	return sample_append(fcinfo, x, w, param, paramname);
}

Datum
wb_sample_accumulate_series(FunctionCallInfo fcinfo, double param,
							const char *paramname)
{
	double		t,
				y;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		return wb_state_unchanged(fcinfo);
	t = PG_GETARG_FLOAT8(1);
	y = PG_GETARG_FLOAT8(2);
	wb_check_finite(t, "period");
	wb_check_finite(y, "value");
	return sample_append(fcinfo, t, y, param, paramname);
}

WbPair *
wb_sample_pairs(ArrayType *state, int64 *n)
{
	double	   *s = wb_state_data(state);
	WbPair	   *p;
	int64		i;

	*n = (int64) s[SMP_USED];
	p = palloc(sizeof(WbPair) * Max(*n, 1));
	memcpy(p, s + SMP_HEADER, sizeof(WbPair) * *n);
	for (i = 0; i < *n; i++)
	{
		wb_check_finite(p[i].x, "period");
		wb_check_finite(p[i].w, "value");
	}
	return p;
}

ArrayType *
wb_sample_merge(FunctionCallInfo fcinfo)
{
	ArrayType  *a = wb_sample_get(fcinfo, 0);
	ArrayType  *b = wb_sample_get(fcinfo, 1);
	double	   *sa = wb_state_data(a);
	double	   *sb = wb_state_data(b);
	int64		na = (int64) sa[SMP_USED];
	int64		nb = (int64) sb[SMP_USED];
	ArrayType  *merged;
	double	   *sm;

	wb_state_merge_sums(sa, sb, SMP_PARAM + 1, 1);	/* checks the parameter */
	merged = sample_new(sa[SMP_PARAM], Max(na + nb, 1));
	sm = wb_state_data(merged);
	memcpy(sm + SMP_HEADER, sa + SMP_HEADER, sizeof(double) * 2 * na);
	memcpy(sm + SMP_HEADER + 2 * na, sb + SMP_HEADER, sizeof(double) * 2 * nb);
	sm[SMP_USED] = na + nb;
	return merged;
}

static int
pair_cmp(const void *a, const void *b)
{
	const WbPair *pa = (const WbPair *) a;
	const WbPair *pb = (const WbPair *) b;

	/* ties broken by weight, so the result does not depend on row order */
	if (pa->x != pb->x)
		return pa->x < pb->x ? -1 : 1;
	if (pa->w != pb->w)
		return pa->w < pb->w ? -1 : 1;
	return 0;
}

WbPair *
wb_sample_sorted(ArrayType *state, int64 *n, long double *wsum)
{
	double	   *s = wb_state_data(state);
	WbPair	   *p;
	int64		i;

	*n = (int64) s[SMP_USED];
	*wsum = 0;
	if (*n == 0)
		return NULL;
	p = palloc(sizeof(WbPair) * *n);
	memcpy(p, s + SMP_HEADER, sizeof(WbPair) * *n);
	/* rows of a state that came from SQL are checked like input rows */
	for (i = 0; i < *n; i++)
	{
		wb_check_finite(p[i].x, "x");
		wb_check_nonneg(p[i].w, "weight");
		*wsum += p[i].w;
	}
	qsort(p, *n, sizeof(WbPair), pair_cmp);
	return p;
}

/*
 * laeken's weightedQuantile: with rw_i = cumsum(w)_i / sum(w), the first
 * x_i with rw_i > p.  laeken's code has a branch averaging x_i and x_{i+1}
 * when rw_i == p, but its selection (rw > p) never reaches it; we
 * reproduce what it computes.  Sums in long double, as R's cumsum and sum,
 * so the comparison falls the same way.
 */
double
wb_weighted_quantile(const WbPair *p, int64 n, long double wsum, double prob)
{
	long double cum = 0;
	int64		i;

	if (prob <= 0)
		return p[0].x;
	for (i = 0; i < n; i++)
	{
		cum += p[i].w;
		if ((double) (cum / wsum) > prob)
			return p[i].x;
	}
	return p[n - 1].x;
}
