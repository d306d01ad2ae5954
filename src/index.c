/*-------------------------------------------------------------------------
 *
 * index.c
 *	  Composite index building blocks (SPEC section 5), first slice: the
 *	  normalisations, as scalar functions with explicit parameters and as
 *	  window functions over a partition.
 *
 * The window forms read their partition once (values, and weights for the
 * weighted z-score), keep the statistics and the ranks in partition-local
 * memory, and answer each row from them; rows with a NULL value are left
 * out of the statistics and get NULL.
 *
 * src/index.c
 *
 *-------------------------------------------------------------------------
 */
#include "wellbeing.h"

#include <math.h>

#include "args.h"
#include "numeric/rank.h"
#include "utils/builtins.h"
#include "windowapi.h"

PG_FUNCTION_INFO_V1(wb_normalize_zscore);
PG_FUNCTION_INFO_V1(wb_normalize_minmax);
PG_FUNCTION_INFO_V1(wb_normalize_goalposts);
PG_FUNCTION_INFO_V1(wb_distance_to_target);
PG_FUNCTION_INFO_V1(wb_zscore_window);
PG_FUNCTION_INFO_V1(wb_minmax_window);
PG_FUNCTION_INFO_V1(wb_percentile_rank_window);

/* normalize_zscore(x, mean, sd) = (x - mean) / sd; sd 0: NULL */
Datum
wb_normalize_zscore(PG_FUNCTION_ARGS)
{
	double		x = PG_GETARG_FLOAT8(0);
	double		mean = PG_GETARG_FLOAT8(1);
	double		sd = PG_GETARG_FLOAT8(2);

	wb_check_finite(x, "x");
	wb_check_finite(mean, "mean");
	wb_check_nonneg(sd, "sd");
	if (sd == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((x - mean) / sd);
}

/* normalize_minmax(x, min, max, lo DEFAULT 0, hi DEFAULT 1) */
Datum
wb_normalize_minmax(PG_FUNCTION_ARGS)
{
	double		x = PG_GETARG_FLOAT8(0);
	double		mn = PG_GETARG_FLOAT8(1);
	double		mx = PG_GETARG_FLOAT8(2);
	double		lo = PG_GETARG_FLOAT8(3);
	double		hi = PG_GETARG_FLOAT8(4);

	wb_check_finite(x, "x");
	wb_check_finite(mn, "min");
	wb_check_finite(mx, "max");
	wb_check_finite(lo, "lo");
	wb_check_finite(hi, "hi");
	wb_check_not_greater(mn, "min", mx, "max");
	if (mx == mn)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(lo + (hi - lo) * (x - mn) / (mx - mn));
}

/*
 * normalize_goalposts(x, lower, upper, higher_is_better DEFAULT true,
 * cap DEFAULT true): the share of the way from the worst goalpost to the
 * best, (x - lower) / (upper - lower) for an asset and
 * (upper - x) / (upper - lower) for a deficit, capped to [0, 1] (COINr
 * n_goalposts).  Fixed goalposts keep scores comparable over time.
 */
Datum
wb_normalize_goalposts(PG_FUNCTION_ARGS)
{
	double		x = PG_GETARG_FLOAT8(0);
	double		lower = PG_GETARG_FLOAT8(1);
	double		upper = PG_GETARG_FLOAT8(2);
	bool		asset = PG_GETARG_BOOL(3);
	bool		cap = PG_GETARG_BOOL(4);
	double		v;

	wb_check_finite(x, "x");
	wb_check_finite(lower, "lower");
	wb_check_finite(upper, "upper");
	if (!(lower < upper))
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("lower must be below upper, got %g and %g", lower, upper)));
	v = asset ? (x - lower) / (upper - lower) : (upper - x) / (upper - lower);
	if (cap)
		v = fmin(fmax(v, 0.0), 1.0);
	PG_RETURN_FLOAT8(v);
}

/*
 * distance_to_target(x, target, worst, cap DEFAULT true): the share of the
 * way from the worst value to the target, (x - worst) / (target - worst),
 * for assets (worst below target) and deficits (worst above) alike (COINr
 * n_dist2targ); capped at 1 when cap (beyond the target counts as the
 * target).
 */
Datum
wb_distance_to_target(PG_FUNCTION_ARGS)
{
	double		x = PG_GETARG_FLOAT8(0);
	double		target = PG_GETARG_FLOAT8(1);
	double		worst = PG_GETARG_FLOAT8(2);
	bool		cap = PG_GETARG_BOOL(3);
	double		v;

	wb_check_finite(x, "x");
	wb_check_finite(target, "target");
	wb_check_finite(worst, "worst");
	if (target == worst)
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("target and worst must differ, both are %g", target)));
	v = (x - worst) / (target - worst);
	if (cap)
		v = fmin(v, 1.0);
	PG_RETURN_FLOAT8(v);
}

/* ----------------------------------------------------------------------
 * Window forms.
 * ----------------------------------------------------------------------
 */
typedef struct NormPartition
{
	bool		computed;
	int64		n;				/* rows with a value */
	double		mean;
	double		sd;
	double		min;
	double		max;
	double		sorted[FLEXIBLE_ARRAY_MEMBER];	/* values, ascending (percentile ranks only) */
} NormPartition;

/* the value of argument argno at partition row i, or NaN when NULL */
static double
row_arg(WindowObject winobj, int argno, int64 i, const char *name)
{
	bool		isnull,
				isout;
	Datum		d = WinGetFuncArgInPartition(winobj, argno, i, WINDOW_SEEK_HEAD, false,
											 &isnull, &isout);
	double		v;

	if (isnull)
		return NAN;
	v = DatumGetFloat8(d);
	wb_check_finite(v, name);
	return v;
}

/*
 * Mean, sd (n - 1, or with weights the population-weighted sd as COI 2.0),
 * min and max of the partition, in two passes (centred sums of squares).
 */
static NormPartition *
norm_partition(WindowObject winobj, bool weighted, bool want_sorted)
{
	int64		rows = WinGetPartitionRowCount(winobj);
	NormPartition *p;
	int64		i;
	double		sw = 0,
				swx = 0,
				ss = 0;

	/* the same size on every call of one window function: rows are fixed */
	p = (NormPartition *) WinGetPartitionLocalMemory(winobj,
													 offsetof(NormPartition, sorted) +
													 (want_sorted ? rows : 0) * sizeof(double));
	if (p->computed)
		return p;
	p->min = INFINITY;
	p->max = -INFINITY;
	for (i = 0; i < rows; i++)
	{
		double		x = row_arg(winobj, 0, i, "x");
		double		w = 1.0;

		if (isnan(x))
			continue;
		if (weighted)
		{
			w = row_arg(winobj, 1, i, "weight");
			if (isnan(w))
				continue;
			wb_check_nonneg(w, "weight");
		}
		sw += w;
		swx += w * x;
		p->min = fmin(p->min, x);
		p->max = fmax(p->max, x);
		if (want_sorted)
			p->sorted[p->n] = x;
		p->n++;
	}
	p->mean = sw > 0 ? swx / sw : NAN;
	for (i = 0; i < rows && sw > 0; i++)
	{
		double		x = row_arg(winobj, 0, i, "x");
		double		w = weighted ? row_arg(winobj, 1, i, "weight") : 1.0;

		if (!isnan(x) && !isnan(w))
			ss += w * (x - p->mean) * (x - p->mean);
	}
	if (weighted)
		p->sd = sw > 0 ? sqrt(ss / sw) : NAN;
	else
		p->sd = p->n > 1 ? sqrt(ss / (p->n - 1)) : NAN;
	if (want_sorted)
		wb_sort_doubles(p->sorted, p->n);
	p->computed = true;
	return p;
}

/* normalize_zscore(x [, weight]) OVER (...) */
Datum
wb_zscore_window(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	NormPartition *p = norm_partition(winobj, PG_NARGS() > 1, false);
	bool		isnull;
	Datum		d = WinGetFuncArgCurrent(winobj, 0, &isnull);

	if (isnull || !(p->sd > 0))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((DatumGetFloat8(d) - p->mean) / p->sd);
}

/* normalize_minmax(x) OVER (...) */
Datum
wb_minmax_window(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	NormPartition *p = norm_partition(winobj, false, false);
	bool		isnull;
	Datum		d = WinGetFuncArgCurrent(winobj, 0, &isnull);

	if (isnull || !(p->max > p->min))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((DatumGetFloat8(d) - p->min) / (p->max - p->min));
}

typedef enum RankConvention
{
	PR_R_OVER_N = 1,			/* r / n (OECD/JRC Handbook Table 15) */
	PR_R1_OVER_N1 = 2			/* (r - 1) / (n - 1) (CDC SVI, COINr n_prank) */
} RankConvention;

static const WbMethod rank_conventions[] = {
	{"r/n", PR_R_OVER_N},
	{"(r-1)/(n-1)", PR_R1_OVER_N1},
	{NULL, 0}
};

typedef enum RankTies
{
	TIES_MIN = 1,
	TIES_AVERAGE = 2,
	TIES_MAX = 3
} RankTies;

static const WbMethod rank_ties[] = {
	{"min", TIES_MIN},
	{"average", TIES_AVERAGE},
	{"max", TIES_MAX},
	{NULL, 0}
};

static int
text_arg_method(WindowObject winobj, int argno, const WbMethod *table, const char *what)
{
	bool		isnull;
	Datum		d = WinGetFuncArgCurrent(winobj, argno, &isnull);
	char	   *name;

	if (isnull)
		return table[0].code;
	name = text_to_cstring(DatumGetTextPP(d));
	return wb_parse_method(name, table, what);
}

/*
 * percentile_rank(x [, convention [, ties]]) OVER (...): the rank r of x
 * among the partition's n values (ties: min, average or max rank), as r/n
 * (default, the Handbook's) or (r - 1)/(n - 1) (CDC SVI, COINr).  Unlike
 * the built-in percent_rank(), the ranking is by x, whatever the window's
 * ORDER BY.
 */
Datum
wb_percentile_rank_window(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	NormPartition *p;
	bool		isnull;
	Datum		d;
	int			convention = PG_NARGS() > 1 ? text_arg_method(winobj, 1, rank_conventions, "percentile_rank") : PR_R_OVER_N;
	int			ties = PG_NARGS() > 2 ? text_arg_method(winobj, 2, rank_ties, "percentile_rank ties") : TIES_MIN;
	double		x,
				r;
	int64		below = 0,
				equal = 0,
				lo,
				hi;

	p = norm_partition(winobj, false, true);
	d = WinGetFuncArgCurrent(winobj, 0, &isnull);
	if (isnull || p->n == 0)
		PG_RETURN_NULL();
	x = DatumGetFloat8(d);
	/* binary searches on the sorted values: rows below x, rows equal to x */
	lo = 0;
	hi = p->n;
	while (lo < hi)
	{
		int64		mid = (lo + hi) / 2;

		if (p->sorted[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	below = lo;
	hi = p->n;
	while (lo < hi)
	{
		int64		mid = (lo + hi) / 2;

		if (p->sorted[mid] <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	equal = lo - below;
	if (ties == TIES_MIN)
		r = below + 1;
	else if (ties == TIES_MAX)
		r = below + equal;
	else
		r = below + (equal + 1) / 2.0;
	if (convention == PR_R_OVER_N)
		PG_RETURN_FLOAT8(r / p->n);
	if (p->n < 2)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((r - 1) / (p->n - 1));
}
