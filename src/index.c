/*-------------------------------------------------------------------------
 *
 * index.c
 *	  Composite index building blocks, first slice: the
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

#include "access/htup_details.h"
#include "args.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "numeric/rank.h"
#include "sample.h"
#include "state.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "windowapi.h"

PG_FUNCTION_INFO_V1(wb_normalize_zscore);
PG_FUNCTION_INFO_V1(wb_normalize_minmax);
PG_FUNCTION_INFO_V1(wb_normalize_goalposts);
PG_FUNCTION_INFO_V1(wb_distance_to_target);
PG_FUNCTION_INFO_V1(wb_zscore_window);
PG_FUNCTION_INFO_V1(wb_minmax_window);
PG_FUNCTION_INFO_V1(wb_percentile_rank_window);
PG_FUNCTION_INFO_V1(wb_treat_outliers_window);
PG_FUNCTION_INFO_V1(wb_outlier_treatment_window);

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

/*
 * The value of argument argno at partition row i, or NaN when NULL.  The
 * fetch checks for interrupts (PostgreSQL's window_gettupleslot does), so
 * loops over the partition need no check of their own.
 */
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

/* the current row's argument argno: true when NULL, else the value in *d */
static bool
isnull_arg(WindowObject winobj, int argno, Datum *d)
{
	bool		isnull;

	*d = WinGetFuncArgCurrent(winobj, argno, &isnull);
	return isnull;
}

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

/* ----------------------------------------------------------------------
 * Outlier treatment, as COINr's Treat() with its defaults (the JRC COIN
 * Tool rule; reference A.4): an indicator passes when |skew| < 2 or
 * kurtosis < 3.5 (sample skewness and excess kurtosis of type 2, as
 * e1071 and Excel); one that fails is winsorised, the extreme value(s) on
 * the side of the skew replaced by the next one in, until it passes or
 * winmax points are replaced; if it still fails, the original values get
 * the COIN Tool log transform ln(x - min + 0.01 (max - min)).
 *
 * treat_outliers(x [, winmax, skew_threshold, kurtosis_threshold]) OVER (...)
 * returns the treated value, outlier_treatment(...) OVER (...) the
 * treatment applied to the partition: none, winsorised or log.
 * ----------------------------------------------------------------------
 */
typedef enum OutlierTreatment
{
	OUTLIER_NONE = 0,
	OUTLIER_WINSORISED = 1,
	OUTLIER_LOG = 2
} OutlierTreatment;

typedef struct OutlierPartition
{
	bool		computed;
	int			treatment;
	double		treated[FLEXIBLE_ARRAY_MEMBER];	/* by partition row; NaN: NULL */
} OutlierPartition;

/*
 * Type-2 sample skewness and excess kurtosis of v[0..n-1]; false when they
 * are undefined (n < 4 or no spread).
 */
static bool
skew_kurtosis(const double *v, int64 n, double *skew, double *kurt)
{
	double		mean = 0,
				m2 = 0,
				m3 = 0,
				m4 = 0,
				r;
	int64		i;

	if (n < 4)
		return false;
	for (i = 0; i < n; i++)
		mean += v[i];
	mean /= n;
	for (i = 0; i < n; i++)
	{
		double		d = v[i] - mean;
		double		d2 = d * d;

		m2 += d2;
		m3 += d2 * d;
		m4 += d2 * d2;
	}
	if (!(m2 > 0))
		return false;
	*skew = sqrt((double) n) * m3 / pow(m2, 1.5) * sqrt((double) n * (n - 1)) / (n - 2);
	r = n * m4 / (m2 * m2);
	*kurt = ((n + 1) * (r - 3) + 6) * (n - 1) / ((double) (n - 2) * (n - 3));
	return true;
}

/* COINr's check_SkewKurt; undefined moments (constant or tiny data) pass */
static bool
outliers_pass(const double *v, int64 n, double skew_max, double kurt_max, double *skew)
{
	double		kurt;

	*skew = 0;
	if (!skew_kurtosis(v, n, skew, &kurt))
		return true;
	return fabs(*skew) < skew_max || kurt < kurt_max;
}

static OutlierPartition *
outlier_partition(WindowObject winobj, FunctionCallInfo fcinfo)
{
	int64		rows = WinGetPartitionRowCount(winobj);
	OutlierPartition *part;
	double	   *v,
			   *w;
	int64		n = 0,
				i;
	int32		winmax = 5;
	double		skew_max = 2,
				kurt_max = 3.5,
				skew;
	Datum		d;

	part = (OutlierPartition *) WinGetPartitionLocalMemory(winobj,
														   offsetof(OutlierPartition, treated) +
														   rows * sizeof(double));
	if (part->computed)
		return part;

	if (PG_NARGS() > 1 && !isnull_arg(winobj, 1, &d))
		winmax = DatumGetInt32(d);
	if (PG_NARGS() > 2 && !isnull_arg(winobj, 2, &d))
		skew_max = DatumGetFloat8(d);
	if (PG_NARGS() > 3 && !isnull_arg(winobj, 3, &d))
		kurt_max = DatumGetFloat8(d);
	if (winmax < 0)
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("winmax must not be negative, got %d", winmax)));
	wb_check_positive(skew_max, "skew_threshold");
	wb_check_finite(kurt_max, "kurtosis_threshold");

	v = palloc(sizeof(double) * Max(rows, 1));
	for (i = 0; i < rows; i++)
	{
		double		x = row_arg(winobj, 0, i, "x");

		part->treated[i] = x;
		if (!isnan(x))
			v[n++] = x;
	}
	part->treatment = OUTLIER_NONE;
	if (!outliers_pass(v, n, skew_max, kurt_max, &skew))
	{
		int64		last_high = 0,
					last_low = 0;
		bool		passing = false;

		/* winsorise a copy, one extreme value (with its ties) at a time */
		w = palloc(sizeof(double) * n);
		memcpy(w, v, sizeof(double) * n);
		while (!passing && last_high + last_low < winmax)
		{
			bool		high = skew >= 0;
			double		extreme = w[0],
						next = NAN;
			int64		count = 0;

			/*
			 * up to winmax steps (2^31 - 1) of four passes over the rows:
			 * check for a cancel request at each
			 */
			CHECK_FOR_INTERRUPTS();
			for (i = 1; i < n; i++)
				extreme = high ? fmax(extreme, w[i]) : fmin(extreme, w[i]);
			for (i = 0; i < n; i++)
			{
				if (w[i] == extreme)
					count++;
				else if (isnan(next) || (high ? w[i] > next : w[i] < next))
					next = w[i];
			}
			if (isnan(next))
				break;			/* nothing left to winsorise */
			for (i = 0; i < n; i++)
			{
				if (w[i] == extreme)
					w[i] = next;
			}
			if (high)
				last_high = count;
			else
				last_low = count;
			passing = outliers_pass(w, n, skew_max, kurt_max, &skew);
		}
		if (passing)
		{
			int64		j = 0;

			part->treatment = OUTLIER_WINSORISED;
			for (i = 0; i < rows; i++)
			{
				if (!isnan(part->treated[i]))
					part->treated[i] = w[j++];
			}
		}
		else
		{
			/* the COIN Tool log transform of the original values */
			double		mn = v[0],
						mx = v[0];

			for (i = 1; i < n; i++)
			{
				mn = fmin(mn, v[i]);
				mx = fmax(mx, v[i]);
			}
			part->treatment = OUTLIER_LOG;
			for (i = 0; i < rows; i++)
			{
				if (!isnan(part->treated[i]))
					part->treated[i] = log(part->treated[i] - mn + 0.01 * (mx - mn));
			}
		}
	}
	part->computed = true;
	return part;
}

/* treat_outliers(x [, winmax [, skew_threshold [, kurtosis_threshold]]]) OVER (...) */
Datum
wb_treat_outliers_window(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	OutlierPartition *part = outlier_partition(winobj, fcinfo);
	double		x = part->treated[WinGetCurrentPosition(winobj)];

	if (isnan(x))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(x);
}

/* outlier_treatment(x [, ...]) OVER (...): none, winsorised or log */
Datum
wb_outlier_treatment_window(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	OutlierPartition *part = outlier_partition(winobj, fcinfo);
	static const char *const names[] = {"none", "winsorised", "log"};

	PG_RETURN_TEXT_P(cstring_to_text(names[part->treatment]));
}

/* ----------------------------------------------------------------------
 * aggregate_scores(score, weight [, method [, min_coverage [, p]]])
 *
 * Weighted means of the scores of one area's indicators (or domains).  A
 * row with a NULL score is a missing indicator: its weight counts towards
 * the coverage but not towards the mean, so the other weights are
 * renormalised (OECD/JRC Handbook, COINr a_amean).  The state holds
 * sums only, so the aggregate combines and runs in parallel.
 * ----------------------------------------------------------------------
 */
typedef enum ScoreMethod
{
	SCORES_ARITHMETIC = 1,
	SCORES_GEOMETRIC = 2,
	SCORES_HARMONIC = 3,
	SCORES_GENERALIZED = 4
} ScoreMethod;

static const WbMethod score_methods[] = {
	{"arithmetic", SCORES_ARITHMETIC},
	{"geometric", SCORES_GEOMETRIC},
	{"harmonic", SCORES_HARMONIC},
	{"generalized", SCORES_GENERALIZED},
	{NULL, 0}
};

enum
{
	SC_METHOD = 1, SC_P, SC_MIN_COVERAGE,	/* parameters */
	SC_W_TOTAL, SC_W_AVAILABLE, SC_SUM, SC_AVAILABLE, SC_MISSING,	/* sums */
	SC_NFIELDS
};

static const WbField scores_fields[] = {
	{"method", WB_FIELD_CODE, SCORES_ARITHMETIC, SCORES_GENERALIZED},
	{"p", WB_FIELD_FINITE},
	{"min coverage", WB_FIELD_NONNEG},
	{"weight total", WB_FIELD_NONNEG},
	{"weight available", WB_FIELD_NONNEG},
	{"sum", WB_FIELD_FINITE},
	{"available", WB_FIELD_COUNT},
	{"missing", WB_FIELD_COUNT},
};

StaticAssertDecl(WB_FIELDS(scores_fields) == SC_NFIELDS, "aggregate_scores state layout");

/* the measures whose _state aggregates make this kind, and their codes */
static const WbMeasure scores_measures[] = {
	{"aggregate_scores", 0},
};

const WbStateKindInfo wb_kind_scores = {
	.kind = WB_STATE_SCORES,.name = "aggregate_scores",.version = WB_STATE_VERSION,
	.nheader = SC_NFIELDS,.header = scores_fields,.nparams = 3,
	.measures = scores_measures,.nmeasures = lengthof(scores_measures),
};

/* the power the method raises scores to: 1, 0 (logarithm), -1, or p */
static double
score_power(int method, double p)
{
	switch (method)
	{
		case SCORES_ARITHMETIC:
			return 1.0;
		case SCORES_GEOMETRIC:
			return 0.0;
		case SCORES_HARMONIC:
			return -1.0;
		default:
			return p;
	}
}

PG_FUNCTION_INFO_V1(wb_aggregate_scores_transfn);
Datum
wb_aggregate_scores_transfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state;
	double	   *s;
	double		w,
				power,
				term;

	if (PG_ARGISNULL(2))
		return wb_state_unchanged(fcinfo);
	w = PG_GETARG_FLOAT8(2);
	wb_check_positive(w, "weight");

	if (PG_ARGISNULL(0))
	{
		int			method = SCORES_ARITHMETIC;
		double		p = 1.0;
		double		min_coverage = 0.0;

		if (PG_NARGS() > 3 && !PG_ARGISNULL(3))
			method = wb_method_arg(fcinfo, 3, score_methods, "aggregate_scores");
		if (PG_NARGS() > 4 && !PG_ARGISNULL(4))
		{
			min_coverage = PG_GETARG_FLOAT8(4);
			wb_check_finite(min_coverage, "min_coverage");
			if (min_coverage < 0 || min_coverage > 1)
				ereport(ERROR,
						(errcode(WB_ERRCODE_BAD_ARGUMENT),
						 errmsg("min_coverage must lie between 0 and 1, got %g", min_coverage)));
		}
		if (PG_NARGS() > 5 && !PG_ARGISNULL(5))
		{
			if (method != SCORES_GENERALIZED)
				ereport(ERROR,
						(errcode(WB_ERRCODE_BAD_ARGUMENT),
						 errmsg("p applies only to method \"generalized\"")));
			p = PG_GETARG_FLOAT8(5);
			wb_check_finite(p, "p");
		}
		else if (method == SCORES_GENERALIZED)
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("method \"generalized\" needs the power p"),
					 errhint("Call aggregate_scores(score, weight, 'generalized', min_coverage, p).")));
		state = wb_state_new(WB_STATE_SCORES, SC_NFIELDS);
		s = wb_state_data(state);
		s[SC_METHOD] = method;
		s[SC_P] = p;
		s[SC_MIN_COVERAGE] = min_coverage;
	}
	else
		state = wb_state_running(fcinfo, WB_STATE_SCORES);
	s = wb_state_data(state);

	s[SC_W_TOTAL] += w;
	if (PG_ARGISNULL(1))
	{
		s[SC_MISSING] += 1;
		PG_RETURN_ARRAYTYPE_P(state);
	}

	power = score_power(wb_state_code(s[SC_METHOD]), s[SC_P]);
	{
		double		x = PG_GETARG_FLOAT8(1);

		wb_check_finite(x, "score");
		if (power <= 0 && x <= 0)
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("score must be positive for %s aggregation, got %g",
							power == 0 ? "geometric" : "harmonic or negative-power", x),
					 errhint("Normalise to a positive range first, for example min-max to [1, 100].")));
		if (power != 1 && x < 0)
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("score must not be negative for a generalized mean, got %g", x),
					 errhint("Normalise to a non-negative range first, for example min-max to [0, 1].")));
		if (power == 1)
			term = x;
		else if (power == 0)
			term = log(x);
		else
			term = pow(x, power);
	}
	s[SC_SUM] += w * term;
	if (!isfinite(s[SC_SUM]))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("the weighted sum of scores overflows")));
	s[SC_W_AVAILABLE] += w;
	s[SC_AVAILABLE] += 1;
	PG_RETURN_ARRAYTYPE_P(state);
}

PG_FUNCTION_INFO_V1(wb_aggregate_scores_finalfn);
Datum
wb_aggregate_scores_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state;
	double	   *s;
	TupleDesc	tupdesc;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};
	double		coverage,
				mean,
				power,
				score = NAN;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = wb_state_get(fcinfo, 0, WB_STATE_SCORES);
	s = wb_state_data(state);
	if (s[SC_METHOD] != SCORES_ARITHMETIC && s[SC_METHOD] != SCORES_GEOMETRIC &&
		s[SC_METHOD] != SCORES_HARMONIC && s[SC_METHOD] != SCORES_GENERALIZED)
		wb_state_error("The method field is not a known method.");
	if (!(s[SC_MIN_COVERAGE] >= 0 && s[SC_MIN_COVERAGE] <= 1) ||
		!(s[SC_W_AVAILABLE] >= 0 && s[SC_W_TOTAL] >= s[SC_W_AVAILABLE] && s[SC_W_TOTAL] > 0))
		wb_state_error("The coverage fields are inconsistent.");
	wb_state_check_count(s[SC_AVAILABLE]);
	wb_state_check_count(s[SC_MISSING]);

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE ||
		tupdesc->natts != 4)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("aggregate_scores called in a context that cannot accept its record")));
	tupdesc = BlessTupleDesc(tupdesc);

	coverage = s[SC_W_AVAILABLE] / s[SC_W_TOTAL];
	power = score_power(wb_state_code(s[SC_METHOD]), s[SC_P]);
	/* a relative tolerance, so that 3 of 5 equal weights meet 0.6 */
	if (s[SC_AVAILABLE] > 0 && s[SC_W_AVAILABLE] > 0 &&
		coverage >= s[SC_MIN_COVERAGE] * (1.0 - 1e-12))
	{
		mean = s[SC_SUM] / s[SC_W_AVAILABLE];
		if (power == 1)
			score = mean;
		else if (power == 0)
			score = exp(mean);
		else
			score = pow(mean, 1.0 / power);
	}
	nulls[0] = !isfinite(score);
	values[0] = nulls[0] ? (Datum) 0 : Float8GetDatum(score);
	values[1] = Float8GetDatum(coverage);
	values[2] = Int32GetDatum((int32) Min(s[SC_AVAILABLE], PG_INT32_MAX));
	values[3] = Int32GetDatum((int32) Min(s[SC_MISSING], PG_INT32_MAX));
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/* ----------------------------------------------------------------------
 * Categories: category_cutpoints(score [, population [, levels]]) is an
 * aggregate over the (score, population) sample state returning the
 * levels - 1 cut points (population-weighted quantiles at 1/levels,
 * 2/levels, ...); category_level() and category() place a score among
 * cut points.  Computing cut points on a reference period and applying
 * them to every period freezes them, as the Child Opportunity Index does.
 * ----------------------------------------------------------------------
 */
#define CATEGORY_MAX_LEVELS 100

PG_FUNCTION_INFO_V1(wb_category_cutpoints_transfn);
Datum
wb_category_cutpoints_transfn(PG_FUNCTION_ARGS)
{
	int32		levels = 5;

	if (PG_NARGS() > 3)
	{
		if (PG_ARGISNULL(3))
			return wb_state_unchanged(fcinfo);
		levels = PG_GETARG_INT32(3);
		if (levels < 2 || levels > CATEGORY_MAX_LEVELS)
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("levels must lie between 2 and %d, got %d",
							CATEGORY_MAX_LEVELS, levels)));
	}
	return wb_sample_accumulate(fcinfo, WB_SAMPLE_CATEGORY, "score", levels, "levels");
}

PG_FUNCTION_INFO_V1(wb_category_cutpoints_finalfn);
Datum
wb_category_cutpoints_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state;
	WbPair	   *p;
	int64		n;
	long double wsum;
	double		levels;
	Datum		cuts[CATEGORY_MAX_LEVELS];
	int			j;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = wb_sample_get(fcinfo, 0, WB_SAMPLE_CATEGORY);
	levels = wb_sample_param(state);
	if (!(levels >= 2 && levels <= CATEGORY_MAX_LEVELS) || levels != floor(levels))
		wb_state_error("The levels field is not an integer between 2 and 100.");
	p = wb_sample_sorted(state, &n, &wsum);
	if (n == 0 || !(wsum > 0))
		PG_RETURN_NULL();
	for (j = 1; j < (int) levels; j++)
		cuts[j - 1] = Float8GetDatum(wb_weighted_quantile_stepavg(p, n, wsum, j, (int) levels));
	PG_RETURN_ARRAYTYPE_P(construct_array(cuts, (int) levels - 1, FLOAT8OID,
										  sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

/* the cut points argument: one-dimensional, no NULLs, finite, ascending */
static double *
cutpoints_arg(FunctionCallInfo fcinfo, int argno, int *count)
{
	ArrayType  *a = PG_GETARG_ARRAYTYPE_P(argno);
	double	   *c;
	int			i;

	if (ARR_NDIM(a) > 1 || ARR_ELEMTYPE(a) != FLOAT8OID || ARR_HASNULL(a))
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("cutpoints must be a one-dimensional array without NULLs")));
	*count = ARR_NDIM(a) == 0 ? 0 : ARR_DIMS(a)[0];
	c = (double *) ARR_DATA_PTR(a);
	for (i = 0; i < *count; i++)
	{
		wb_check_finite(c[i], "cutpoints");
		if (i > 0 && c[i] < c[i - 1])
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("cutpoints must be in ascending order, got %g after %g",
							c[i], c[i - 1])));
	}
	return c;
}

/* 1 + the number of cut points below score: score <= c_1 is level 1 */
static int
category_of(double score, const double *cuts, int count)
{
	int			level = 1;

	while (level <= count && score > cuts[level - 1])
		level++;
	return level;
}

PG_FUNCTION_INFO_V1(wb_category_level);
Datum
wb_category_level(PG_FUNCTION_ARGS)
{
	double		score = PG_GETARG_FLOAT8(0);
	int			count;
	double	   *cuts = cutpoints_arg(fcinfo, 1, &count);

	wb_check_finite(score, "score");
	PG_RETURN_INT32(category_of(score, cuts, count));
}

static const char *const five_levels[] = {
	"very low", "low", "moderate", "high", "very high"
};

PG_FUNCTION_INFO_V1(wb_category);
Datum
wb_category(PG_FUNCTION_ARGS)
{
	double		score;
	int			count;
	double	   *cuts;
	int			level;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	score = PG_GETARG_FLOAT8(0);
	wb_check_finite(score, "score");
	cuts = cutpoints_arg(fcinfo, 1, &count);
	level = category_of(score, cuts, count);

	if (PG_NARGS() < 3 || PG_ARGISNULL(2))
	{
		if (count != 4)
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("category() names five levels, but %d cut points make %d",
							count, count + 1),
					 errhint("Pass labels for %d levels, or use category_level().", count + 1)));
		PG_RETURN_TEXT_P(cstring_to_text(five_levels[level - 1]));
	}
	else
	{
		ArrayType  *labels = PG_GETARG_ARRAYTYPE_P(2);
		Datum	   *elems;
		bool	   *elnulls;
		int			nlabels;

		if (ARR_NDIM(labels) > 1)
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("labels must be a one-dimensional array")));
		deconstruct_array(labels, TEXTOID, -1, false, TYPALIGN_INT,
						  &elems, &elnulls, &nlabels);
		if (nlabels != count + 1)
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("labels must name %d levels for %d cut points, got %d",
							count + 1, count, nlabels)));
		if (elnulls[level - 1])
			PG_RETURN_NULL();
		PG_RETURN_DATUM(elems[level - 1]);
	}
}

/* ----------------------------------------------------------------------
 * cronbach_alpha(items float8[]) and cronbach_alpha_if_deleted(items):
 * one row per unit (area) with the k items' values.  The state keeps, by
 * Welford's updates (merged with Chan's formulas), the mean and centred
 * sum of squares of each item and of the total, and each item's co-moment
 * with the total, which is all that alpha and "alpha if item deleted"
 * need (OECD/JRC Handbook eq. 18):
 *   alpha = k / (k - 1) * (1 - sum_i var(x_i) / var(sum_i x_i)).
 * Rows with a NULL item are left out (listwise deletion).
 * ----------------------------------------------------------------------
 */
enum
{
	AL_K = 1, AL_N, AL_MEAN_T, AL_M2_T, AL_ITEMS
};

#define AL_ITEM_STRIDE 3		/* mean, M2, co-moment with the total */
#define AL_MAX_ITEMS 1000

static void alpha_check(const double *s, int64 length, bool rows);
static ArrayType *alpha_merge(ArrayType *a, ArrayType *b);

static const WbField alpha_fields[] = {
	{"items", WB_FIELD_CODE, 2, AL_MAX_ITEMS},
	{"n", WB_FIELD_COUNT},
	{"mean of the total", WB_FIELD_FINITE},
	{"m2 of the total", WB_FIELD_FINITE},
};

/* one row an item; there are as many as the items field says */
static const WbField alpha_row[] = {
	{"mean", WB_FIELD_FINITE},
	{"m2", WB_FIELD_FINITE},
	{"co-moment with the total", WB_FIELD_FINITE},
};

StaticAssertDecl(WB_FIELDS(alpha_fields) == AL_ITEMS, "cronbach_alpha state header");
StaticAssertDecl(lengthof(alpha_row) == AL_ITEM_STRIDE, "cronbach_alpha state row");

/* the measures whose _state aggregates make this kind, and their codes */
static const WbMeasure alpha_measures[] = {
	{"cronbach_alpha", 0},
	{"cronbach_alpha_if_deleted", 0},
};

const WbStateKindInfo wb_kind_alpha = {
	.kind = WB_STATE_ALPHA,.name = "cronbach_alpha",.version = WB_STATE_VERSION,
	.nheader = AL_ITEMS,.header = alpha_fields,.nparams = 0,
	.stride = AL_ITEM_STRIDE,.row = alpha_row,
	.check = alpha_check,.merge_states = alpha_merge,
	.measures = alpha_measures,.nmeasures = lengthof(alpha_measures),
};

/* the length the item count says, and every item finite */
static void
alpha_check(const double *s, int64 length, bool rows)
{
	int64		i;

	if (length != AL_ITEMS + AL_ITEM_STRIDE * (int64) s[AL_K])
		wb_state_error("The item count does not match the array's length.");
	for (i = AL_ITEMS; i < length; i++)
	{
		if (!isfinite(s[i]))
			wb_state_error("A field of the state is not a finite number.");
	}
}

/* the item count of a validated state */
static int
alpha_items(ArrayType *state)
{
	return (int) wb_state_data(state)[AL_K];
}

static ArrayType *
alpha_state_get(FunctionCallInfo fcinfo, int argno)
{
	return wb_state_get(fcinfo, argno, WB_STATE_ALPHA);
}

PG_FUNCTION_INFO_V1(wb_cronbach_alpha_transfn);
Datum
wb_cronbach_alpha_transfn(PG_FUNCTION_ARGS)
{
	ArrayType  *items;
	ArrayType  *state;
	double	   *s;
	double	   *x;
	int			k,
				i;
	double		n,
				total = 0,
				d_total;

	if (PG_ARGISNULL(1))
		return wb_state_unchanged(fcinfo);
	items = PG_GETARG_ARRAYTYPE_P(1);
	if (ARR_NDIM(items) != 1 || ARR_ELEMTYPE(items) != FLOAT8OID)
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("items must be a one-dimensional array")));
	k = ARR_DIMS(items)[0];
	if (k < 2 || k > AL_MAX_ITEMS)
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("cronbach_alpha needs between 2 and %d items, got %d",
						AL_MAX_ITEMS, k)));
	if (ARR_HASNULL(items))
		return wb_state_unchanged(fcinfo);
	x = (double *) ARR_DATA_PTR(items);
	for (i = 0; i < k; i++)
	{
		wb_check_finite(x[i], "items");
		total += x[i];
	}
	if (!isfinite(total))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("the sum of the items overflows")));

	if (PG_ARGISNULL(0))
	{
		state = wb_state_new(WB_STATE_ALPHA, AL_ITEMS + AL_ITEM_STRIDE * k);
		wb_state_data(state)[AL_K] = k;
	}
	else
	{
		state = wb_state_running(fcinfo, WB_STATE_ALPHA);
		if (alpha_items(state) != k)
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("every row must have the same number of items, got %d and %d",
							alpha_items(state), k)));
	}
	s = wb_state_data(state);

	/* Welford: means first, then sums of products of old and new deviations */
	n = s[AL_N] + 1;
	d_total = total - s[AL_MEAN_T];
	s[AL_MEAN_T] += d_total / n;
	s[AL_M2_T] += d_total * (total - s[AL_MEAN_T]);
	for (i = 0; i < k; i++)
	{
		double	   *it = s + AL_ITEMS + AL_ITEM_STRIDE * i;
		double		d = x[i] - it[0];

		it[0] += d / n;
		it[1] += d * (x[i] - it[0]);
		it[2] += d * (total - s[AL_MEAN_T]);
	}
	s[AL_N] = n;
	PG_RETURN_ARRAYTYPE_P(state);
}

/* merge validated alpha state b into a (Chan et al.); b is not modified */
static ArrayType *
alpha_merge(ArrayType *a, ArrayType *b)
{
	double	   *sa = wb_state_data(a);
	double	   *sb = wb_state_data(b);
	int			k = alpha_items(a);
	double		na = sa[AL_N],
				nb = sb[AL_N],
				n = na + nb,
				d_total;
	int			i;

	if (alpha_items(b) != k)
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("every row must have the same number of items, got %d and %d",
						k, alpha_items(b))));
	if (nb == 0)
		return a;
	if (na == 0)
	{
		memcpy(sa, sb, sizeof(double) * wb_state_length(b));
		return a;
	}
	d_total = sb[AL_MEAN_T] - sa[AL_MEAN_T];
	for (i = 0; i < k; i++)
	{
		double	   *ia = sa + AL_ITEMS + AL_ITEM_STRIDE * i;
		const double *ib = sb + AL_ITEMS + AL_ITEM_STRIDE * i;
		double		d = ib[0] - ia[0];

		ia[0] += d * nb / n;
		ia[1] += ib[1] + d * d * na * nb / n;
		ia[2] += ib[2] + d * d_total * na * nb / n;
	}
	sa[AL_MEAN_T] += d_total * nb / n;
	sa[AL_M2_T] += sb[AL_M2_T] + d_total * d_total * na * nb / n;
	sa[AL_N] = n;
	return a;
}

/* alpha of the k items without item skip (-1: none), or NaN */
static double
alpha_without(const double *s, int k, int skip)
{
	double		sum_items = 0,
				m2_total = s[AL_M2_T];
	int			i,
				q = skip >= 0 ? k - 1 : k;

	for (i = 0; i < k; i++)
		sum_items += s[AL_ITEMS + AL_ITEM_STRIDE * i + 1];
	if (skip >= 0)
	{
		const double *it = s + AL_ITEMS + AL_ITEM_STRIDE * skip;

		/* var(T - x_j) = var(T) - 2 cov(x_j, T) + var(x_j) */
		m2_total += it[1] - 2.0 * it[2];
		sum_items -= it[1];
	}
	if (q < 2 || s[AL_N] < 2 || !(m2_total > 0))
		return NAN;
	return q / (q - 1.0) * (1.0 - sum_items / m2_total);
}

PG_FUNCTION_INFO_V1(wb_cronbach_alpha_finalfn);
Datum
wb_cronbach_alpha_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state;
	double		alpha;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = alpha_state_get(fcinfo, 0);
	alpha = alpha_without(wb_state_data(state), alpha_items(state), -1);
	if (isnan(alpha))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(alpha);
}

PG_FUNCTION_INFO_V1(wb_cronbach_alpha_if_deleted_finalfn);
Datum
wb_cronbach_alpha_if_deleted_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state;
	int			k,
				i;
	Datum	   *out;
	bool	   *nulls;
	int			dims[1],
				lbs[1] = {1};

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = alpha_state_get(fcinfo, 0);
	k = alpha_items(state);
	out = palloc(sizeof(Datum) * k);
	nulls = palloc(sizeof(bool) * k);
	for (i = 0; i < k; i++)
	{
		double		a = alpha_without(wb_state_data(state), k, i);

		nulls[i] = isnan(a);
		out[i] = nulls[i] ? (Datum) 0 : Float8GetDatum(a);
	}
	dims[0] = k;
	PG_RETURN_ARRAYTYPE_P(construct_md_array(out, nulls, 1, dims, lbs, FLOAT8OID,
											 sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}
