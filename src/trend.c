/*-------------------------------------------------------------------------
 *
 * trend.c
 *	  Longitudinal self-comparison, first slice:
 *	  change(baseline, latest), linear_trend and annual_percent_change.
 *
 * The trend aggregates keep weighted co-moments of (period, value) in one
 * pass (West's update, Chan's merge), so a trend over any rows is one scan
 * and partial states combine.
 *
 * src/trend.c
 *
 *-------------------------------------------------------------------------
 */
#include "wellbeing.h"

#include <math.h>

#include "access/htup_details.h"
#include "args.h"
#include "estimate_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "numeric/dist.h"
#include "numeric/kendall.h"
#include "numeric/rank.h"
#include "sample.h"
#include "state.h"
#include "utils/array.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(wb_change);
PG_FUNCTION_INFO_V1(wb_linear_trend_transfn);
PG_FUNCTION_INFO_V1(wb_apc_transfn);
PG_FUNCTION_INFO_V1(wb_trend_finalfn);

/* ----------------------------------------------------------------------
 * change(baseline, latest, level DEFAULT 0.95, covariance DEFAULT 0)
 *
 * absolute = latest - baseline, se = sqrt(se_l^2 + se_b^2 - 2 cov),
 * normal interval, z = absolute / se, two-sided p;
 * relative = latest / baseline - 1 with the interval of the ratio on the
 * log scale: ln(l/b) -/+ z sqrt(se_l^2/l^2 + se_b^2/b^2 - 2 cov/(l b)).
 * cov is the covariance of the two estimates (0 for independent samples;
 * overlapping samples, such as a panel, have a positive covariance).
 * ----------------------------------------------------------------------
 */
#define CHANGE_NATTS 11

Datum
wb_change(PG_FUNCTION_ARGS)
{
	WbEstimate	b,
				l;
	double		level = PG_GETARG_FLOAT8(2);
	double		cov = PG_ARGISNULL(3) ? 0 : PG_GETARG_FLOAT8(3);
	double		out[CHANGE_NATTS];
	Datum		values[CHANGE_NATTS];
	bool		nulls[CHANGE_NATTS];
	TupleDesc	tupdesc;
	double		z = 0,
				var,
				abs_change,
				se,
				zstat,
				p;
	int			i;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_NULL();
	wb_check_level(level);
	wb_check_finite(cov, "covariance");
	wb_estimate_read(fcinfo, 0, &b);
	wb_estimate_read(fcinfo, 1, &l);
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE ||
		tupdesc->natts != CHANGE_NATTS)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("change() called in a context that cannot accept its record")));
	tupdesc = BlessTupleDesc(tupdesc);
	z = wb_z_crit(level);

	abs_change = l.value - b.value;
	var = l.se * l.se + b.se * b.se - 2.0 * cov;
	se = var >= 0 ? sqrt(var) : NAN;
	zstat = se > 0 ? abs_change / se : NAN;
	p = isfinite(zstat) ? 2.0 * (1.0 - wb_pnorm(fabs(zstat))) : NAN;

	/* absolute, se, lower, upper, relative, relative_lower, relative_upper, z, p, significant, level */
	out[0] = abs_change;
	out[1] = se;
	out[2] = abs_change - z * se;
	out[3] = abs_change + z * se;
	out[4] = b.value != 0 ? l.value / b.value - 1.0 : NAN;
	out[5] = NAN;
	out[6] = NAN;
	if (l.value > 0 && b.value > 0)
	{
		double		v = l.se * l.se / (l.value * l.value) + b.se * b.se / (b.value * b.value) -
			2.0 * cov / (l.value * b.value);

		if (v >= 0)
		{
			double		lr = log(l.value / b.value);

			out[5] = exp(lr - z * sqrt(v)) - 1.0;
			out[6] = exp(lr + z * sqrt(v)) - 1.0;
		}
	}
	out[7] = zstat;
	out[8] = p;
	out[10] = level;
	for (i = 0; i < CHANGE_NATTS; i++)
	{
		nulls[i] = !isfinite(out[i]);
		values[i] = nulls[i] ? (Datum) 0 : Float8GetDatum(out[i]);
	}
	/* significant: boolean */
	nulls[9] = !isfinite(p);
	values[9] = BoolGetDatum(!nulls[9] && p < 1.0 - level);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/* ----------------------------------------------------------------------
 * linear_trend(period, value [, se [, level [, method]]])
 * annual_percent_change(period, value [, se [, level [, method]]])
 *
 * Fit value = a + b period (linear_trend) or ln value = a + b period
 * (annual_percent_change, APC = 100 (exp(b) - 1)) by least squares:
 * ordinary without se; with se, inverse-variance weights (1/se^2 for the
 * value, (value/se)^2 for ln value) and either the known-variance slope SE
 * sqrt(1 / Sxx_w) with a normal interval (method 'known', default) or the
 * residual-scaled SE sqrt(s^2 / Sxx_w) with a t interval on n - 2 degrees
 * of freedom (method 'scaled', the SEER*Stat/Joinpoint variant).  OLS:
 * SE sqrt(s^2 / Sxx), t interval on n - 2 df.
 *
 * State: tag, kind, level, method, has_se, n, W, mean x, mean y, Sxx,
 * Sxy, Syy (weighted, centred).
 * ----------------------------------------------------------------------
 */
typedef enum TrendKind
{
	TREND_LINEAR = 1,
	TREND_APC = 2
} TrendKind;

typedef enum TrendMethod
{
	TREND_KNOWN = 1,
	TREND_SCALED = 2
} TrendMethod;

static const WbMethod trend_methods[] = {
	{"known", TREND_KNOWN},
	{"scaled", TREND_SCALED},
	{NULL, 0}
};

enum
{
	TR_KIND = 1, TR_LEVEL, TR_METHOD, TR_HAS_SE,
	TR_N, TR_W, TR_MX, TR_MY, TR_SXX, TR_SXY, TR_SYY,
	TR_NFIELDS
};
#define TR_NPARAMS 4

/*
 * A block of weighted, centred co-moments of (x, y): n, W, mean x, mean y,
 * Sxx, Sxy, Syy (7 doubles).  West's update and Chan's merge.
 */
enum
{
	CM_N, CM_W, CM_MX, CM_MY, CM_SXX, CM_SXY, CM_SYY, CM_SIZE
};

static void trend_merge(double *a, const double *b);

static const WbField trend_fields[] = {
	{"kind", WB_FIELD_CODE, TREND_LINEAR, TREND_APC},
	{"level", WB_FIELD_LEVEL},
	{"method", WB_FIELD_CODE, TREND_KNOWN, TREND_SCALED},
	{"has se", WB_FIELD_CODE, 0, 1},
	{"n", WB_FIELD_COUNT},
	{"w", WB_FIELD_NONNEG},
	{"mean x", WB_FIELD_FINITE},
	{"mean y", WB_FIELD_FINITE},
	{"sxx", WB_FIELD_FINITE},
	{"sxy", WB_FIELD_FINITE},
	{"syy", WB_FIELD_FINITE},
};

StaticAssertDecl(WB_FIELDS(trend_fields) == TR_NFIELDS, "trend state layout");
StaticAssertDecl(TR_NFIELDS == TR_N + CM_SIZE, "trend state: parameters, then one co-moment block");

/* the measures whose _state aggregates make this kind, and their codes */
static const WbMeasure trend_measures[] = {
	{"linear_trend", TREND_LINEAR},
	{"annual_percent_change", TREND_APC},
};

const WbStateKindInfo wb_kind_trend = {
	.kind = WB_STATE_TREND,.name = "trend",.version = WB_STATE_VERSION,
	.nheader = TR_NFIELDS,.header = trend_fields,.nparams = TR_NPARAMS,
	.merge_fields = trend_merge,
	.measures = trend_measures,.nmeasures = lengthof(trend_measures),
};

static void
comoments_add(double *c, double x, double y, double w)
{
	double		w_new = c[CM_W] + w;
	double		dx = x - c[CM_MX];
	double		dy = y - c[CM_MY];

	c[CM_MX] += w * dx / w_new;
	c[CM_MY] += w * dy / w_new;
	c[CM_SXX] += w * dx * (x - c[CM_MX]);
	c[CM_SXY] += w * dx * (y - c[CM_MY]);
	c[CM_SYY] += w * dy * (y - c[CM_MY]);
	c[CM_W] = w_new;
	c[CM_N] += 1;
}

static void
comoments_merge(double *a, const double *b)
{
	double		w = a[CM_W] + b[CM_W];
	double		dx = b[CM_MX] - a[CM_MX];
	double		dy = b[CM_MY] - a[CM_MY];
	double		f = w > 0 ? a[CM_W] * b[CM_W] / w : 0;

	a[CM_SXX] += b[CM_SXX] + dx * dx * f;
	a[CM_SXY] += b[CM_SXY] + dx * dy * f;
	a[CM_SYY] += b[CM_SYY] + dy * dy * f;
	if (w > 0)
	{
		a[CM_MX] += dx * b[CM_W] / w;
		a[CM_MY] += dy * b[CM_W] / w;
	}
	a[CM_W] = w;
	a[CM_N] += b[CM_N];
}

/*
 * Slope of a block and its SE: known variances (se = sqrt(1/Sxx), normal)
 * or residual-scaled (t on n - 2 df).  Returns false without two periods.
 */
static bool
comoments_slope(const double *c, bool known, double level, double *b, double *se_b, double *crit)
{
	if (c[CM_N] < 2 || !(c[CM_SXX] > 0))
		return false;
	*b = c[CM_SXY] / c[CM_SXX];
	if (known)
	{
		*se_b = sqrt(1.0 / c[CM_SXX]);
		*crit = wb_z_crit(level);
	}
	else if (c[CM_N] > 2)
	{
		*se_b = sqrt(fmax(c[CM_SYY] - *b * c[CM_SXY], 0.0) / (c[CM_N] - 2.0) / c[CM_SXX]);
		*crit = wb_t_crit(level, c[CM_N] - 2.0);
	}
	else
	{
		*se_b = NAN;
		*crit = NAN;
	}
	return true;
}

static Datum
trend_accumulate(FunctionCallInfo fcinfo, int kind)
{
	const char *name = kind == TREND_APC ? "annual_percent_change" : "linear_trend";
	bool		has_se = PG_NARGS() > 3;
	ArrayType  *state;
	double	   *s;
	double		x,
				y,
				w = 1.0,
				params[TR_NPARAMS + 1];
	int			i;

	if (wb_any_arg_null(fcinfo, 1))
		return wb_state_unchanged(fcinfo);
	x = PG_GETARG_FLOAT8(1);
	y = PG_GETARG_FLOAT8(2);
	wb_check_finite(x, "period");
	if (kind == TREND_APC)
	{
		wb_check_positive(y, "value");
		y = log(PG_GETARG_FLOAT8(2));
	}
	else
		wb_check_finite(y, "value");
	if (has_se)
	{
		double		se = PG_GETARG_FLOAT8(3);

		wb_check_positive(se, "se");
		/* inverse variance of the fitted quantity (ln value: delta method) */
		w = kind == TREND_APC ? pow(PG_GETARG_FLOAT8(2) / se, 2) : 1.0 / (se * se);
	}

	params[TR_KIND] = kind;
	params[TR_LEVEL] = wb_float8_arg_or(fcinfo, 4, 0.95);
	params[TR_METHOD] = wb_method_arg_or(fcinfo, 5, trend_methods, name, TREND_KNOWN);
	params[TR_HAS_SE] = has_se;

	if (PG_ARGISNULL(0))
	{
		wb_check_level(params[TR_LEVEL]);
		state = wb_state_new(WB_STATE_TREND, TR_NFIELDS);
		memcpy(wb_state_data(state) + 1, params + 1, sizeof(double) * TR_NPARAMS);
	}
	else
	{
		state = wb_state_running(fcinfo, WB_STATE_TREND);
		wb_same_params(wb_state_data(state) + 1, params + 1, TR_NPARAMS, "level and method");
	}
	s = wb_state_data(state);
	comoments_add(s + TR_N, x, y, w);
	for (i = TR_N; i < TR_NFIELDS; i++)
	{
		if (!isfinite(s[i]))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value out of range: overflow in %s", name)));
	}
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
wb_linear_trend_transfn(PG_FUNCTION_ARGS)
{
	return trend_accumulate(fcinfo, TREND_LINEAR);
}

Datum
wb_apc_transfn(PG_FUNCTION_ARGS)
{
	return trend_accumulate(fcinfo, TREND_APC);
}

/* merge b into a (called by the shared combine function); b is not modified */
static void
trend_merge(double *a, const double *b)
{
	wb_state_merge_sums(a, b, TR_NPARAMS + 1, TR_NPARAMS);	/* checks parameters */
	comoments_merge(a + TR_N, b + TR_N);
}

Datum
wb_trend_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state = wb_state_get(fcinfo, 0, WB_STATE_TREND);
	double	   *s = wb_state_data(state);
	double		n = s[TR_N];
	bool		has_se = s[TR_HAS_SE] != 0;
	bool		known = has_se && wb_state_code(s[TR_METHOD]) == TREND_KNOWN;
	double		b,
				se_b,
				crit;
	WbEstimate	e;

	wb_estimate_init(&e, s[TR_LEVEL]);
	e.n = n;
	/* a slope needs two distinct periods */
	if (!comoments_slope(s + TR_N, known, e.level, &b, &se_b, &crit))
		PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &e));

	if (wb_state_code(s[TR_KIND]) == TREND_APC)
	{
		/* percent; the interval is transformed, the se by the delta method */
		e.value = 100.0 * (exp(b) - 1.0);
		e.se = 100.0 * exp(b) * se_b;
		e.lower = 100.0 * (exp(b - crit * se_b) - 1.0);
		e.upper = 100.0 * (exp(b + crit * se_b) - 1.0);
	}
	else
	{
		e.value = b;
		e.se = se_b;
		e.lower = b - crit * se_b;
		e.upper = b + crit * se_b;
	}
	PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &e));
}

/* ----------------------------------------------------------------------
 * mann_kendall(period, value [, level]) -> wellbeing.trend_test
 *
 * Mann-Kendall test and Sen's slope over a short series (the series is
 * collected: (period, value) pairs, 16 bytes a period; the work is
 * O(n^2) pairs).  With the pairs ordered by period:
 *	 S = sum_{i<j} sgn(y_j - y_i) over pairs with different periods;
 *	 Var(S) = [n(n-1)(2n+5) - sum_g t_g(t_g-1)(2t_g+5)] / 18 (ties in y);
 *	 Z = (S - sgn S) / sqrt(Var S), two-sided normal p (as R trend/zyp);
 *	 tau = S / sqrt((n0 - n1)(n0 - n2)) (tau-b: ties in value and period);
 *	 Sen's slope = median of (y_j - y_i) / (t_j - t_i) (time differences,
 *	 not index differences), intercept = median(y - slope t) (zyp);
 *	 interval (Gilbert 1987, as zyp): C = z sqrt(Var S), the round((N - C)/2)-th
 *	 and round((N + C)/2)-th ordered slopes.
 * ----------------------------------------------------------------------
 */
#define MK_NATTS 12
#define MK_EXACT_MAX_N 50

PG_FUNCTION_INFO_V1(wb_mann_kendall_transfn);
PG_FUNCTION_INFO_V1(wb_mann_kendall_finalfn);

Datum
wb_mann_kendall_transfn(PG_FUNCTION_ARGS)
{
	double		level = 0.95;

	if (PG_NARGS() > 3)
	{
		if (PG_ARGISNULL(3))
			return wb_state_unchanged(fcinfo);
		level = PG_GETARG_FLOAT8(3);
		wb_check_level(level);
	}
	return wb_sample_accumulate_series(fcinfo, level, "level");
}

static int
pair_by_period(const void *a, const void *b)
{
	const WbPair *p = (const WbPair *) a;
	const WbPair *q = (const WbPair *) b;

	if (p->x != q->x)
		return p->x < q->x ? -1 : 1;
	return p->w < q->w ? -1 : (p->w > q->w ? 1 : 0);
}

static double
median_of(double *v, int64 n)
{
	wb_sort_doubles(v, n);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

/* sum over tie groups of f(t) for the sorted values v */
static double
tie_sum(const double *v, int64 n, int kind)
{
	double		sum = 0;
	int64		i,
				j;

	for (i = 0; i < n; i = j)
	{
		double		t;

		for (j = i; j < n && v[j] == v[i]; j++)
			;
		t = (double) (j - i);
		sum += kind == 0 ? t * (t - 1) * (2 * t + 5) : t * (t - 1) / 2;
	}
	return sum;
}

Datum
wb_mann_kendall_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state = wb_sample_get(fcinfo, 0, WB_SAMPLE_SERIES);
	double		level = wb_sample_param(state);
	int64		n,
				i,
				j,
				nslopes = 0;
	WbPair	   *p = wb_sample_pairs(state, &n);
	double		out[MK_NATTS];
	Datum		values[MK_NATTS];
	bool		nulls[MK_NATTS];
	TupleDesc	tupdesc;
	double		s = 0,
				var,
				zstat,
				n0,
				*slopes,
				*ys,
				*ts,
				slope,
				c;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE ||
		tupdesc->natts != MK_NATTS)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("wellbeing.trend_test has an unexpected shape")));
	tupdesc = BlessTupleDesc(tupdesc);
	for (i = 0; i < MK_NATTS; i++)
		out[i] = NAN;
	out[9] = n;
	out[10] = level;

	if (n >= 2)
	{
		/*
		 * Sen's slope keeps every pairwise slope: n(n - 1)/2 doubles (refused
		 * before any work on the rows)
		 */
		if ((double) n * (n - 1) / 2 > (double) (MaxAllocSize / sizeof(double)))
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("mann_kendall keeps every pairwise slope: %lld periods are too many",
							(long long) n),
					 errhint("The test is meant for series of yearly or monthly values; at most 16 384 periods.")));
		qsort(p, n, sizeof(WbPair), pair_by_period);
		slopes = palloc(sizeof(double) * (n * (n - 1) / 2));
		for (i = 0; i < n; i++)
		{
			CHECK_FOR_INTERRUPTS();
			for (j = i + 1; j < n; j++)
			{
				double		dy = p[j].w - p[i].w;

				if (p[j].x == p[i].x)
					continue;	/* same period: no order, no slope */
				s += (dy > 0) - (dy < 0);
				slopes[nslopes++] = dy / (p[j].x - p[i].x);
			}
		}
		ys = palloc(sizeof(double) * n);
		ts = palloc(sizeof(double) * n);
		for (i = 0; i < n; i++)
		{
			ys[i] = p[i].w;
			ts[i] = p[i].x;
		}
		wb_sort_doubles(ys, n);
		var = (n * (n - 1.0) * (2.0 * n + 5.0) - tie_sum(ys, n, 0)) / 18.0;
		zstat = var > 0 ? (s - (s > 0) + (s < 0)) / sqrt(var) : NAN;
		n0 = n * (n - 1.0) / 2.0;
		out[0] = s;
		out[1] = var;
		out[2] = zstat;
		out[3] = isfinite(zstat) ? 2.0 * (1.0 - wb_pnorm(fabs(zstat))) : NAN;
		out[4] = s / sqrt((n0 - tie_sum(ys, n, 1)) * (n0 - tie_sum(ts, n, 1)));
		/* ts is in period order, so sorted */
		if (n <= MK_EXACT_MAX_N && tie_sum(ts, n, 1) == 0)
			out[11] = wb_kendall_exact_p(ys, (int) n, s);
		if (nslopes > 0)
		{
			/* sorts slopes: up to 134 million, by the interruptible radix sort */
			slope = median_of(slopes, nslopes);
			out[5] = slope;
			c = wb_z_crit(level) * sqrt(var);
			{
				double		m1 = rint((nslopes - c) / 2.0);
				double		m2 = rint((nslopes + c) / 2.0);

				if (m1 >= 1 && m1 <= nslopes)
					out[6] = slopes[(int64) m1 - 1];
				if (m2 >= 1 && m2 <= nslopes)
					out[7] = slopes[(int64) m2 - 1];
			}
			for (i = 0; i < n; i++)
				ys[i] = p[i].w - slope * p[i].x;
			out[8] = median_of(ys, n);
		}
	}
	for (i = 0; i < MK_NATTS; i++)
	{
		nulls[i] = !isfinite(out[i]);
		values[i] = nulls[i] ? (Datum) 0 : Float8GetDatum(out[i]);
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/* ----------------------------------------------------------------------
 * trend_status(trend, higher_is_better DEFAULT true, min_periods DEFAULT 5)
 *
 * 'improving' / 'worsening' / 'no significant change' / 'not enough data'
 * from a trend estimate (linear_trend, annual_percent_change, or any slope
 * with its interval): the interval excludes 0 upwards or downwards, read
 * through the indicator's direction.  Fewer than min_periods periods (n),
 * or no interval: not enough data.
 * ----------------------------------------------------------------------
 */
PG_FUNCTION_INFO_V1(wb_trend_status);

Datum
wb_trend_status(PG_FUNCTION_ARGS)
{
	WbEstimate	t;
	bool		higher_is_better = PG_GETARG_BOOL(1);
	double		min_periods = PG_GETARG_FLOAT8(2);
	const char *status;

	wb_check_nonneg(min_periods, "min_periods");
	wb_estimate_read(fcinfo, 0, &t);
	if (isnan(t.n) || t.n < min_periods || isnan(t.lower) || isnan(t.upper))
		status = "not enough data";
	else if (t.lower > 0)
		status = higher_is_better ? "improving" : "worsening";
	else if (t.upper < 0)
		status = higher_is_better ? "worsening" : "improving";
	else
		status = "no significant change";
	PG_RETURN_TEXT_P(cstring_to_text(status));
}

/* ----------------------------------------------------------------------
 * periods_to_target(trend, current, target)
 *
 * Periods until a linear trend (slope per period) carries the current
 * value to the target: (target - current) / slope, with the interval from
 * the slope's interval (the slower end gives the later bound) and a
 * delta-method se |target - current| se_b / b^2.  NULL when the trend
 * points away from the target or is zero; no upper bound (NULL) when the
 * slope's interval reaches zero or the wrong direction.  0 when the target
 * is already reached.
 * ----------------------------------------------------------------------
 */
PG_FUNCTION_INFO_V1(wb_periods_to_target);

Datum
wb_periods_to_target(PG_FUNCTION_ARGS)
{
	WbEstimate	t,
				e;
	double		current = PG_GETARG_FLOAT8(1);
	double		target = PG_GETARG_FLOAT8(2);
	double		gap,
				b;

	wb_check_finite(current, "current");
	wb_check_finite(target, "target");
	wb_estimate_read(fcinfo, 0, &t);
	wb_estimate_init(&e, t.level);
	e.n = t.n;
	gap = target - current;
	b = t.value;
	if (gap == 0)
	{
		e.value = 0;
		e.lower = 0;
		e.upper = 0;
		e.se = 0;
	}
	else if (!isnan(b) && b != 0 && (gap > 0) == (b > 0))
	{
		double		fast = gap > 0 ? t.upper : t.lower;	/* steeper towards the target */
		double		slow = gap > 0 ? t.lower : t.upper;

		e.value = gap / b;
		e.se = fabs(gap) * t.se / (b * b);
		/* bounds only where the slope's interval stays on the target's side */
		if (!isnan(fast) && fast != 0 && (gap > 0) == (fast > 0))
			e.lower = gap / fast;
		if (!isnan(slow) && slow != 0 && (gap > 0) == (slow > 0))
			e.upper = gap / slow;
	}
	PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &e));
}

/* ----------------------------------------------------------------------
 * gap_trend(period, value_a, se_a, value_b, se_b [, level]) -> wellbeing.gap_trend
 *
 * Is the gap between two groups closing?  Per period, the difference
 * d = a - b (var se_a^2 + se_b^2) and the log ratio ln(a/b) (var
 * se_a^2/a^2 + se_b^2/b^2) are fitted against period by inverse-variance
 * WLS with known variances (normal intervals): the difference's slope per
 * period, and the ratio's percent change per period 100 (exp(b) - 1).
 * status: 'closing' when the difference's slope is significantly towards
 * zero from the side of the mean gap, 'widening' when away from it, else
 * 'no significant change' ('not enough data' below three periods).
 * State: tag, level, rows with a non-positive value (no ratio), then the
 * co-moment blocks of the difference and of the log ratio.
 * ----------------------------------------------------------------------
 */
#define GAP_NATTS 11

enum
{
	GAP_LEVEL = 1, GAP_NO_RATIO, GAP_DIFF, GAP_RATIO = GAP_DIFF + CM_SIZE,
	GAP_NFIELDS = GAP_RATIO + CM_SIZE
};


static void gap_merge(double *a, const double *b);

#define GAP_COMOMENTS(block) \
	{block " n", WB_FIELD_COUNT}, {block " w", WB_FIELD_NONNEG}, \
	{block " mean x", WB_FIELD_FINITE}, {block " mean y", WB_FIELD_FINITE}, \
	{block " sxx", WB_FIELD_FINITE}, {block " sxy", WB_FIELD_FINITE}, \
	{block " syy", WB_FIELD_FINITE}

static const WbField gap_fields[] = {
	{"level", WB_FIELD_LEVEL},
	{"rows without ratio", WB_FIELD_COUNT},
	GAP_COMOMENTS("difference"),
	GAP_COMOMENTS("log ratio"),
};

StaticAssertDecl(WB_FIELDS(gap_fields) == GAP_NFIELDS, "gap_trend state layout");

/* the measures whose _state aggregates make this kind, and their codes */
static const WbMeasure gap_measures[] = {
	{"gap_trend", 0},
};

const WbStateKindInfo wb_kind_gap = {
	.kind = WB_STATE_GAP,.name = "gap_trend",.version = WB_STATE_VERSION,
	.nheader = GAP_NFIELDS,.header = gap_fields,.nparams = 1,
	.merge_fields = gap_merge,
	.measures = gap_measures,.nmeasures = lengthof(gap_measures),
};

PG_FUNCTION_INFO_V1(wb_gap_trend_transfn);
PG_FUNCTION_INFO_V1(wb_gap_trend_finalfn);

Datum
wb_gap_trend_transfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state;
	double	   *s;
	double		t,
				a,
				sa,
				b,
				sb,
				level = wb_float8_arg_or(fcinfo, 6, 0.95);
	int			i;

	if (wb_any_arg_null(fcinfo, 1))
		return wb_state_unchanged(fcinfo);
	t = PG_GETARG_FLOAT8(1);
	a = PG_GETARG_FLOAT8(2);
	sa = PG_GETARG_FLOAT8(3);
	b = PG_GETARG_FLOAT8(4);
	sb = PG_GETARG_FLOAT8(5);
	wb_check_finite(t, "period");
	wb_check_finite(a, "value_a");
	wb_check_finite(b, "value_b");
	wb_check_nonneg(sa, "se_a");
	wb_check_nonneg(sb, "se_b");
	if (!(sa > 0 || sb > 0))
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("se_a and se_b must not both be 0")));

	if (PG_ARGISNULL(0))
	{
		wb_check_level(level);
		state = wb_state_new(WB_STATE_GAP, GAP_NFIELDS);
		wb_state_data(state)[GAP_LEVEL] = level;
	}
	else
	{
		state = wb_state_running(fcinfo, WB_STATE_GAP);
		wb_same_param(wb_state_data(state)[GAP_LEVEL], level, "level");
	}
	s = wb_state_data(state);
	comoments_add(s + GAP_DIFF, t, a - b, 1.0 / (sa * sa + sb * sb));
	if (a > 0 && b > 0)
		comoments_add(s + GAP_RATIO, t, log(a / b), 1.0 / (sa * sa / (a * a) + sb * sb / (b * b)));
	else
		s[GAP_NO_RATIO] += 1;
	for (i = GAP_NO_RATIO; i < GAP_NFIELDS; i++)
	{
		if (!isfinite(s[i]))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value out of range: overflow in gap_trend")));
	}
	PG_RETURN_ARRAYTYPE_P(state);
}

/* merge b into a (called by the shared combine function); b is not modified */
static void
gap_merge(double *a, const double *b)
{
	wb_state_merge_sums(a, b, GAP_LEVEL + 1, 1);	/* checks the level */
	a[GAP_NO_RATIO] += b[GAP_NO_RATIO];
	comoments_merge(a + GAP_DIFF, b + GAP_DIFF);
	comoments_merge(a + GAP_RATIO, b + GAP_RATIO);
}

Datum
wb_gap_trend_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state = wb_state_get(fcinfo, 0, WB_STATE_GAP);
	double	   *s = wb_state_data(state);
	double		level = s[GAP_LEVEL];
	double		out[GAP_NATTS];
	Datum		values[GAP_NATTS];
	bool		nulls[GAP_NATTS];
	TupleDesc	tupdesc;
	double		b,
				se_b,
				crit,
				mean_gap = s[GAP_DIFF + CM_MY];
	const char *status = "not enough data";
	int			i;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE ||
		tupdesc->natts != GAP_NATTS)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("wellbeing.gap_trend has an unexpected shape")));
	tupdesc = BlessTupleDesc(tupdesc);
	for (i = 0; i < GAP_NATTS; i++)
		out[i] = NAN;
	/* difference_slope, se, lower, upper, ratio_percent, lower, upper, mean_gap, status, n, level */
	if (comoments_slope(s + GAP_DIFF, true, level, &b, &se_b, &crit))
	{
		out[0] = b;
		out[1] = se_b;
		out[2] = b - crit * se_b;
		out[3] = b + crit * se_b;
		if (s[GAP_DIFF + CM_N] >= 3)
		{
			bool		down = out[3] < 0;
			bool		up = out[2] > 0;

			if ((mean_gap > 0 && down) || (mean_gap < 0 && up))
				status = "closing";
			else if ((mean_gap > 0 && up) || (mean_gap < 0 && down))
				status = "widening";
			else
				status = "no significant change";
		}
	}
	if (s[GAP_NO_RATIO] == 0 && comoments_slope(s + GAP_RATIO, true, level, &b, &se_b, &crit))
	{
		out[4] = 100.0 * (exp(b) - 1.0);
		out[5] = 100.0 * (exp(b - crit * se_b) - 1.0);
		out[6] = 100.0 * (exp(b + crit * se_b) - 1.0);
	}
	out[7] = mean_gap;
	out[9] = s[GAP_DIFF + CM_N];
	out[10] = level;
	for (i = 0; i < GAP_NATTS; i++)
	{
		nulls[i] = !isfinite(out[i]);
		values[i] = nulls[i] ? (Datum) 0 : Float8GetDatum(out[i]);
	}
	nulls[8] = false;
	values[8] = PointerGetDatum(cstring_to_text(status));
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/* ----------------------------------------------------------------------
 * Fingertips recent-trend markers:
 *
 * recent_trend(period, value, lower, upper [, higher_is_better])
 * recent_trend_proportion(period, count, denominator [, higher_is_better])
 *	 -> wellbeing.recent_trend (marker, slope, se, chi_square, periods)
 *
 * The 5 most recent periods, oldest first, x = 1..5.  Values with 95 %
 * limits: known-variance WLS with SE = (upper - lower) / 3.92, chi^2 =
 * (slope / SE)^2.  Proportions: the Cochran-Armitage chi^2 for linear
 * trend, direction from the OLS slope of logit(r / n).  Significant when
 * chi^2 > 9.5495 (chi^2_1 at 0.998) and the slope has the same sign on all
 * 5 points and on each 4-point subset.  Then the marker is read through
 * the polarity (NULL higher_is_better: no polarity).
 * The series is collected: rows (period, a, b, c), 32 bytes a period.
 * ----------------------------------------------------------------------
 */
#define RT_NATTS 5
#define RT_POINTS 5
#define RT_CRITICAL 9.5495

enum
{
	RT_KIND = 1, RT_POLARITY, RT_USED, RT_HEADER
};
#define RT_STRIDE 4
#define RT_MAX_ROWS 524288		/* 2^19 periods */

typedef enum RecentKind
{
	RECENT_VALUES = 1,
	RECENT_PROPORTIONS = 2
} RecentKind;

static const WbField series_fields[] = {
	{"kind", WB_FIELD_CODE, RECENT_VALUES, RECENT_PROPORTIONS},
	{"polarity", WB_FIELD_CODE, -1, 1},
	{"rows", WB_FIELD_COUNT},
};

/* (period, value, lower, upper) or (period, count, denominator, 0) */
static const WbField series_row[] = {
	{"period", WB_FIELD_FINITE},
	{"a", WB_FIELD_FINITE},
	{"b", WB_FIELD_FINITE},
	{"c", WB_FIELD_FINITE},
};

StaticAssertDecl(WB_FIELDS(series_fields) == RT_HEADER, "recent_trend state header");
StaticAssertDecl(lengthof(series_row) == RT_STRIDE, "recent_trend state row");

/* the measures whose _state aggregates make this kind, and their codes */
static const WbMeasure series_measures[] = {
	{"recent_trend", RECENT_VALUES},
	{"recent_trend_proportion", RECENT_PROPORTIONS},
};

const WbStateKindInfo wb_kind_series = {
	.kind = WB_STATE_SERIES,.name = "recent_trend",.version = WB_STATE_VERSION,
	.nheader = RT_HEADER,.header = series_fields,.nparams = 2,
	.stride = RT_STRIDE,.row = series_row,.used = RT_USED,.max_rows = RT_MAX_ROWS,
	.merge_states = wb_rows_concat,
	.grows = true,
	.measures = series_measures,.nmeasures = lengthof(series_measures),
};

PG_FUNCTION_INFO_V1(wb_recent_trend_transfn);
PG_FUNCTION_INFO_V1(wb_recent_trend_proportion_transfn);
PG_FUNCTION_INFO_V1(wb_recent_trend_finalfn);

static ArrayType *
recent_state_get(FunctionCallInfo fcinfo, int argno)
{
	return wb_state_get(fcinfo, argno, WB_STATE_SERIES);
}

static Datum
recent_accumulate(FunctionCallInfo fcinfo, int kind)
{
	int			nrow = kind == RECENT_VALUES ? 4 : 3;
	double		row[RT_STRIDE] = {0, 0, 0, 0};
	double		polarity;
	ArrayType  *state;
	int			i;

	for (i = 1; i <= nrow; i++)
	{
		if (PG_ARGISNULL(i))
			return wb_state_unchanged(fcinfo);
		row[i - 1] = PG_GETARG_FLOAT8(i);
	}
	wb_check_finite(row[0], "period");
	if (kind == RECENT_VALUES)
	{
		wb_check_finite(row[1], "value");
		wb_check_finite(row[2], "lower");
		wb_check_finite(row[3], "upper");
		wb_check_not_greater(row[2], "lower", row[3], "upper");
	}
	else
	{
		wb_check_nonneg(row[1], "count");
		wb_check_positive(row[2], "denominator");
		wb_check_not_greater(row[1], "count", row[2], "denominator");
	}
	polarity = (PG_NARGS() > nrow + 1 && !PG_ARGISNULL(nrow + 1)) ?
		(PG_GETARG_BOOL(nrow + 1) ? 1 : -1) : 0;

	if (PG_ARGISNULL(0))
	{
		double		params[RT_HEADER] = {0, kind, polarity, 0};

		state = wb_rows_new(WB_STATE_SERIES, 0, params);
	}
	else
	{
		/* the rows are not read here: the header and the room are checked */
		state = wb_state_running(fcinfo, WB_STATE_SERIES);
		if (wb_state_data(state)[RT_KIND] != kind)
			wb_state_error("The state was made by another measure's aggregate.");
		wb_same_params(&wb_state_data(state)[RT_POLARITY], &polarity, 1, "higher_is_better");
		/* one row per period: a group this large is a mistake, say so early */
		if (wb_state_data(state)[RT_USED] >= RT_MAX_ROWS)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("recent_trend takes one row per period; more than %d rows in one group",
							RT_MAX_ROWS)));
	}
	return wb_state_result(fcinfo, wb_rows_append(state, row));
}

Datum
wb_recent_trend_transfn(PG_FUNCTION_ARGS)
{
	return recent_accumulate(fcinfo, RECENT_VALUES);
}

Datum
wb_recent_trend_proportion_transfn(PG_FUNCTION_ARGS)
{
	return recent_accumulate(fcinfo, RECENT_PROPORTIONS);
}


static int
row_by_period(const void *a, const void *b)
{
	const double *x = (const double *) a;
	const double *y = (const double *) b;
	int			i;

	for (i = 0; i < RT_STRIDE; i++)
	{
		if (x[i] != y[i])
			return x[i] < y[i] ? -1 : 1;
	}
	return 0;
}

/* slope of y on x = 1..5 with weights w, leaving out point skip (-1: none) */
static double
weighted_slope(const double *y, const double *w, int skip)
{
	double		sw = 0,
				swx = 0,
				swy = 0,
				swxx = 0,
				swxy = 0;
	int			i;

	for (i = 0; i < RT_POINTS; i++)
	{
		double		x = i + 1;

		if (i == skip)
			continue;
		sw += w[i];
		swx += w[i] * x;
		swy += w[i] * y[i];
		swxx += w[i] * x * x;
		swxy += w[i] * x * y[i];
	}
	return (sw * swxy - swx * swy) / (sw * swxx - swx * swx);
}

Datum
wb_recent_trend_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state = recent_state_get(fcinfo, 0);
	double	   *s = wb_state_data(state);
	int64		n = (int64) s[RT_USED];
	int			kind = wb_state_code(s[RT_KIND]);
	int			polarity = wb_state_code(s[RT_POLARITY]);
	double	   *rows;
	double		y[RT_POINTS],
				w[RT_POINTS],
				out[RT_NATTS];
	Datum		values[RT_NATTS];
	bool		nulls[RT_NATTS];
	TupleDesc	tupdesc;
	const char *marker = "cannot be calculated";
	int			i;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE ||
		tupdesc->natts != RT_NATTS)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("wellbeing.recent_trend has an unexpected shape")));
	tupdesc = BlessTupleDesc(tupdesc);
	for (i = 0; i < RT_NATTS; i++)
		out[i] = NAN;
	out[4] = n;

	rows = palloc(sizeof(double) * RT_STRIDE * Max(n, 1));
	memcpy(rows, s + RT_HEADER, sizeof(double) * RT_STRIDE * n);
	/* a state from SQL may hold more rows than the transition allows */
	wb_sort_stable(rows, n, sizeof(double) * RT_STRIDE, row_by_period);

	if (n >= RT_POINTS)
	{
		const double *last = rows + RT_STRIDE * (n - RT_POINTS);
		double		slope = 0,
					chi2 = NAN,
					se = NAN;
		bool		ok = true,
					consistent = true;

		if (kind == RECENT_VALUES)
		{
			double		sw = 0,
						swx = 0,
						swxx = 0;

			for (i = 0; i < RT_POINTS; i++)
			{
				double		sei = (last[RT_STRIDE * i + 3] - last[RT_STRIDE * i + 2]) / 3.92;

				if (!(sei > 0))
					ok = false;
				y[i] = last[RT_STRIDE * i + 1];
				w[i] = ok ? 1.0 / (sei * sei) : 0;
				sw += w[i];
				swx += w[i] * (i + 1);
				swxx += w[i] * (i + 1) * (i + 1);
			}
			if (ok)
			{
				slope = weighted_slope(y, w, -1);
				se = sqrt(sw / (sw * swxx - swx * swx));
				chi2 = (slope / se) * (slope / se);
			}
		}
		else
		{
			/* Cochran-Armitage for r_t of n_t, t = 1..5; direction from OLS of logit */
			double		r = 0,
						nn = 0,
						rt = 0,
						nt = 0,
						ntt = 0;

			for (i = 0; i < RT_POINTS; i++)
			{
				double		ri = last[RT_STRIDE * i + 1];
				double		ni = last[RT_STRIDE * i + 2];
				double		t = i + 1;

				if (!(ri > 0 && ri < ni))
					ok = false;	/* the logit needs 0 < r < n */
				r += ri;
				nn += ni;
				rt += ri * t;
				nt += ni * t;
				ntt += ni * t * t;
				y[i] = ok ? log(ri / (ni - ri)) : 0;
				w[i] = 1.0;
			}
			if (ok)
			{
				chi2 = nn * pow(nn * rt - r * nt, 2) / (r * (nn - r) * (nn * ntt - nt * nt));
				slope = weighted_slope(y, w, -1);
			}
		}
		if (ok && isfinite(chi2))
		{
			out[0] = slope;
			out[1] = se;
			out[2] = chi2;
			for (i = 0; i < RT_POINTS; i++)
			{
				if ((weighted_slope(y, w, i) > 0) != (slope > 0) || weighted_slope(y, w, i) == 0)
					consistent = false;
			}
			if (chi2 > RT_CRITICAL && consistent && slope != 0)
			{
				bool		up = slope > 0;

				if (polarity == 0)
					marker = up ? "increasing" : "decreasing";
				else if (up)
					marker = polarity > 0 ? "increasing and getting better" : "increasing and getting worse";
				else
					marker = polarity > 0 ? "decreasing and getting worse" : "decreasing and getting better";
			}
			else
				marker = "no significant change";
		}
	}
	values[0] = PointerGetDatum(cstring_to_text(marker));
	nulls[0] = false;
	for (i = 0; i < 4; i++)
	{
		nulls[i + 1] = !isfinite(out[i == 3 ? 4 : i]);
		values[i + 1] = nulls[i + 1] ? (Datum) 0 : Float8GetDatum(out[i == 3 ? 4 : i]);
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
