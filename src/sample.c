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
#include "numeric/rank.h"
#include "state.h"

enum
{
	SMP_MEASURE = 1, SMP_PARAM, SMP_USED, SMP_HEADER
};

#define SMP_STRIDE 2
#define SMP_MAX_ROWS 60000000	/* 960 MB of pairs, under the 1 GB limit of a value */

static void sample_check(const double *s, int64 length, bool rows);

static const WbField sample_fields[] = {
	{"measure", WB_FIELD_CODE, WB_SAMPLE_POVERTY, WB_SAMPLE_SERIES},
	{"parameter", WB_FIELD_FINITE},
	{"rows", WB_FIELD_COUNT},
};

/* x and weight, or period and value for a series */
static const WbField sample_row[] = {
	{"x", WB_FIELD_FINITE},
	{"w", WB_FIELD_FINITE},
};

StaticAssertDecl(WB_FIELDS(sample_fields) == SMP_HEADER, "sample state header");
StaticAssertDecl(lengthof(sample_row) == SMP_STRIDE, "sample state row");

/* the measures whose _state aggregates make this kind, and their codes */
static const WbMeasure sample_measures[] = {
	{"poverty_rate", WB_SAMPLE_POVERTY},
	{"poverty_threshold", WB_SAMPLE_POVERTY},
	{"gini", WB_SAMPLE_GINI},
	{"quintile_share_ratio", WB_SAMPLE_SHARES},
	{"palma", WB_SAMPLE_SHARES},
	{"hoover", WB_SAMPLE_SHARES},
	{"dissimilarity", WB_SAMPLE_DISSIMILARITY},
	{"category_cutpoints", WB_SAMPLE_CATEGORY},
	{"mann_kendall", WB_SAMPLE_SERIES},
};

const WbStateKindInfo wb_kind_sample = {
	.kind = WB_STATE_SAMPLE,.name = "sample",.version = WB_STATE_VERSION,
	.nheader = SMP_HEADER,.header = sample_fields,.nparams = 2,
	.stride = SMP_STRIDE,.row = sample_row,.used = SMP_USED,.max_rows = SMP_MAX_ROWS,
	.check = sample_check,.merge_states = wb_rows_concat,
	.grows = true,
	.measures = sample_measures,.nmeasures = lengthof(sample_measures),
};

/*
 * Each measure's parameter in the range its aggregate accepts, and the
 * weights of the (x, weight) measures non-negative (a series keeps signed
 * values there).
 */
static void
sample_check(const double *s, int64 length, bool rows)
{
	double		param = s[SMP_PARAM];
	bool		ok;

	switch ((int) s[SMP_MEASURE])
	{
		case WB_SAMPLE_POVERTY:
			ok = param > 0;
			break;
		case WB_SAMPLE_GINI:
			ok = param == 0 || param == 1;
			break;
		case WB_SAMPLE_CATEGORY:
			ok = param >= 2 && param <= 100 && param == floor(param);
			break;
		case WB_SAMPLE_SERIES:
			ok = param > 0 && param < 1;
			break;
		default:
			ok = param == 0;
			break;
	}
	if (!ok)
		wb_state_error("The parameter of the sample state is out of range for its measure.");
	if (rows && s[SMP_MEASURE] != WB_SAMPLE_SERIES)
	{
		const WbPair *p = (const WbPair *) (s + SMP_HEADER);
		int64		i;

		for (i = 0; i < (int64) s[SMP_USED]; i++)
		{
			if (!(p[i].w >= 0))
				wb_state_error("A weight of the sample state is negative.");
		}
	}
}

/* any state of the sample kind, whatever measure made it */
static ArrayType *
sample_get_any(FunctionCallInfo fcinfo, int argno)
{
	return wb_state_get(fcinfo, argno, WB_STATE_SAMPLE);
}

ArrayType *
wb_sample_get(FunctionCallInfo fcinfo, int argno, WbSampleMeasure measure)
{
	ArrayType  *state = sample_get_any(fcinfo, argno);

	if (wb_state_data(state)[SMP_MEASURE] != measure)
		wb_state_error("The state was made by another measure's aggregate.");
	return state;
}

double
wb_sample_param(ArrayType *state)
{
	return wb_state_data(state)[SMP_PARAM];
}

/* append (x, w) to the state at argument 0, creating it with measure and param */
static Datum
sample_append(FunctionCallInfo fcinfo, WbSampleMeasure measure, double x, double w,
			  double param, const char *paramname)
{
	ArrayType  *state;
	double		row[SMP_STRIDE] = {x, w};

	if (PG_ARGISNULL(0))
	{
		double		header[SMP_HEADER] = {0, measure, param, 0};

		state = wb_rows_new(WB_STATE_SAMPLE, 0, header);
	}
	else
	{
		/* the rows are not read here: the header and the room are checked */
		state = wb_state_running(fcinfo, WB_STATE_SAMPLE);
		if (wb_state_data(state)[SMP_MEASURE] != measure)
			wb_state_error("The state was made by another measure's aggregate.");
		wb_same_param(wb_state_data(state)[SMP_PARAM], param, paramname);
	}
	return wb_state_result(fcinfo, wb_rows_append(state, row));
}

Datum
wb_sample_accumulate(FunctionCallInfo fcinfo, WbSampleMeasure measure,
					 const char *xname, double param, const char *paramname)
{
	double		x,
				w;

	if (PG_ARGISNULL(1) || (PG_NARGS() > 2 && PG_ARGISNULL(2)))
		return wb_state_unchanged(fcinfo);
	x = PG_GETARG_FLOAT8(1);
	w = wb_float8_arg_or(fcinfo, 2, 1.0);
	wb_check_finite(x, xname);
	wb_check_nonneg(w, "weight");
	return sample_append(fcinfo, measure, x, w, param, paramname);
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
	return sample_append(fcinfo, WB_SAMPLE_SERIES, t, y, param, paramname);
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
		WB_CHECK_INTERRUPTS_EVERY(i);
		wb_check_finite(p[i].x, "period");
		wb_check_finite(p[i].w, "value");
	}
	return p;
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

	/*
	 * Sorted in place: the state stands for a multiset of rows, which a
	 * permutation leaves unchanged, so a later final call on the same state
	 * (a window frame, an aggregate sharing the state) still sees the same
	 * sample, and there is no second copy of the rows.  wb_state_get hands
	 * out a private copy when the state did not come from the aggregate.
	 */
	p = (WbPair *) (s + SMP_HEADER);
	/* rows of a state that came from SQL are checked like input rows */
	for (i = 0; i < *n; i++)
	{
		WB_CHECK_INTERRUPTS_EVERY(i);
		wb_check_finite(p[i].x, "x");
		wb_check_nonneg(p[i].w, "weight");
		*wsum += p[i].w;
	}
	StaticAssertStmt(sizeof(WbPair) == 2 * sizeof(double), "WbPair is two doubles");
	wb_sort_pairs((double *) p, (size_t) *n);
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
		WB_CHECK_INTERRUPTS_EVERY(i);
		cum += p[i].w;
		if ((double) (cum / wsum) > prob)
			return p[i].x;
	}
	return p[n - 1].x;
}

/*
 * The weighted quantile at prob = num / den with averaging at exact
 * steps, as Stata's _pctile with weights (used by the Child Opportunity
 * Index for its cut points) and, without weights, R's quantile type 2:
 * with W_i the cumulative weight, the x_i where W_{i-1} < prob W < W_i,
 * or (x_i + x_{i+1}) / 2 where W_i = prob W exactly.  prob is a fraction
 * of integers so that the step test is exact for integer weights.
 */
double
wb_weighted_quantile_stepavg(const WbPair *p, int64 n, long double wsum,
							 int num, int den)
{
	long double target = (long double) num * wsum;
	long double cum = 0;
	int64		i;

	for (i = 0; i < n; i++)
	{
		long double step;

		WB_CHECK_INTERRUPTS_EVERY(i);
		cum += p[i].w;
		step = cum * den;
		if (step > target)
			return p[i].x;
		if (step == target && p[i].w > 0)
		{
			/* average with the next value that carries weight */
			int64		j = i + 1;

			while (j < n && p[j].w == 0)
				j++;
			return j < n ? (p[i].x + p[j].x) / 2.0 : p[i].x;
		}
	}
	return p[n - 1].x;
}
