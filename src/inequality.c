/*-------------------------------------------------------------------------
 *
 * inequality.c
 *	  Inequality measures.  The generalised-entropy family
 *	  (theil_t, mean_log_deviation, generalized_entropy, atkinson) in one
 *	  pass over individual rows or group rows; the measures that sort
 *	  (gini, quintile_share_ratio, palma, hoover) over the sample state of
 *	  sample.c.
 *
 * The same aggregate serves individual-level data (one row per person,
 * weight = survey weight) and group-level data (one row per group, value =
 * the group's estimate, weight = its population): the group-level WHO HEAT
 * formulas are the individual ones with population weights.  Given each
 * group's standard error, theil_t and mean_log_deviation also return the
 * Ahn et al. (2018) analytic interval,
 * on the measure's own scale (HEAT multiplies the estimate by 1000 but not
 * its SE; we do neither).
 *
 * State: sums over r = x / c, where the pivot c is the first positive x
 * seen.  Keeping r near 1 keeps the final differences (T = sum w r ln r /
 * sum w r - ln mean r) away from cancellation when inequality is small.
 * Partial states with different pivots are re-expressed on one pivot
 * before they are added (state_rescale).  Each measure accumulates only
 * the sums its final function reads (Atkinson with epsilon != 1 takes no
 * logarithm).
 *
 * src/inequality.c
 *
 *-------------------------------------------------------------------------
 */
#include "wellbeing.h"

#include <math.h>

#include "args.h"
#include "estimate_type.h"
#include "numeric/dist.h"
#include "sample.h"
#include "state.h"
#include "utils/array.h"

PG_FUNCTION_INFO_V1(wb_theil_transfn);
PG_FUNCTION_INFO_V1(wb_mld_transfn);
PG_FUNCTION_INFO_V1(wb_ge_transfn);
PG_FUNCTION_INFO_V1(wb_atkinson_transfn);
PG_FUNCTION_INFO_V1(wb_entropy_finalfn);
PG_FUNCTION_INFO_V1(wb_gini_transfn);
PG_FUNCTION_INFO_V1(wb_gini_finalfn);
PG_FUNCTION_INFO_V1(wb_sorted_transfn);
PG_FUNCTION_INFO_V1(wb_qsr_finalfn);
PG_FUNCTION_INFO_V1(wb_palma_finalfn);
PG_FUNCTION_INFO_V1(wb_hoover_finalfn);

typedef enum EntropyMeasure
{
	ENT_THEIL = 1,
	ENT_MLD = 2,
	ENT_GE = 3,
	ENT_ATKINSON = 4
} EntropyMeasure;

static const char *const entropy_names[] = {
	NULL, "theil_t", "mean_log_deviation", "generalized_entropy", "atkinson"
};

enum
{
	ENT_MEASURE = 1, ENT_PARAM, ENT_LEVEL, ENT_HAS_SE,	/* parameters */
	ENT_PIVOT,					/* c: first positive x */
	ENT_N,
	ENT_W,						/* sum w */
	ENT_WPOS,					/* sum w over x > 0 */
	ENT_A1,						/* sum w r */
	ENT_AL,						/* sum w ln r (x > 0) */
	ENT_AXL,					/* sum w r ln r (0 ln 0 = 0) */
	ENT_AA,						/* sum w r^a, a = alpha or 1 - epsilon */
	ENT_V,						/* sum v, v = w^2 se^2 */
	ENT_VL,						/* sum v ln r */
	ENT_VLL,					/* sum v (ln r)^2 */
	ENT_VQ,						/* sum v (1 - 1/r)^2 */
	ENT_VUQ,					/* sum v (1/r)(1 - 1/r) */
	ENT_VUU,					/* sum v (1/r)^2 */
	ENT_NFIELDS
};
#define ENT_NPARAMS 4

static void entropy_merge(double *a, const double *b_in);

static const WbField entropy_fields[] = {
	{"measure", WB_FIELD_CODE, 1, 4},
	{"parameter", WB_FIELD_FINITE},
	{"level", WB_FIELD_LEVEL},
	{"has se", WB_FIELD_CODE, 0, 1},
	{"pivot", WB_FIELD_NONNEG},
	{"n", WB_FIELD_COUNT},
	{"w", WB_FIELD_NONNEG},
	{"w positive", WB_FIELD_NONNEG},
	{"a1", WB_FIELD_NONNEG},
	{"al", WB_FIELD_FINITE},
	{"axl", WB_FIELD_FINITE},
	{"aa", WB_FIELD_NONNEG},
	{"v", WB_FIELD_NONNEG},
	{"vl", WB_FIELD_FINITE},
	{"vll", WB_FIELD_FINITE},
	{"vq", WB_FIELD_FINITE},
	{"vuq", WB_FIELD_FINITE},
	{"vuu", WB_FIELD_NONNEG},
};

StaticAssertDecl(WB_FIELDS(entropy_fields) == ENT_NFIELDS, "entropy state layout");

/* the measures whose _state aggregates make this kind, and their codes */
static const WbMeasure entropy_measures[] = {
	{"theil_t", ENT_THEIL},
	{"mean_log_deviation", ENT_MLD},
	{"generalized_entropy", ENT_GE},
	{"atkinson", ENT_ATKINSON},
};

const WbStateKindInfo wb_kind_entropy = {
	.kind = WB_STATE_ENTROPY,.name = "entropy",.version = WB_STATE_VERSION,
	.nheader = ENT_NFIELDS,.header = entropy_fields,.nparams = ENT_NPARAMS,
	.merge_fields = entropy_merge,
	.measures = entropy_measures,.nmeasures = lengthof(entropy_measures),
};

/* the exponent a used in ENT_AA */
static double
entropy_exponent(int measure, double param)
{
	if (measure == ENT_GE)
		return param;
	if (measure == ENT_ATKINSON)
		return 1.0 - param;
	return 0.0;
}

/*
 * r^a for the power sum.  The exponents people use (Atkinson's 0.5, 1.5, 2;
 * GE's -1, 2, 0.5) are taken without pow(), which costs more than the rest
 * of a row; sqrt and products are correctly rounded, as pow is to within an
 * ulp.
 */
static inline double
entropy_power(double r, double a)
{
	if (a == 1.0)
		return r;
	if (a == 0.5)
		return sqrt(r);
	if (a == -0.5)
		return 1.0 / sqrt(r);
	if (a == 1.5)
		return r * sqrt(r);
	if (a == 2.0)
		return r * r;
	if (a == -1.0)
		return 1.0 / r;
	if (a == -2.0)
		return 1.0 / (r * r);
	return pow(r, a);
}

/* does the final function read the log sums (ENT_AL, ENT_AXL)? */
static inline bool
entropy_needs_log(int measure, double param)
{
	if (measure == ENT_GE)
		return param == 0 || param == 1;
	if (measure == ENT_ATKINSON)
		return param == 1;
	return true;
}

/* does the final function read the power sum (ENT_AA)? */
static inline bool
entropy_needs_power(int measure, double param)
{
	return (measure == ENT_GE && param != 0 && param != 1) ||
		(measure == ENT_ATKINSON && param != 1);
}

/* does the measure take the log of x (so x must be positive)? */
static bool
entropy_needs_positive(int measure, double param)
{
	switch (measure)
	{
		case ENT_MLD:
			return true;
		case ENT_GE:
			return param <= 0;
		case ENT_ATKINSON:
			return param >= 1;
		default:
			return false;
	}
}

/* Re-express a state's sums from pivot c_old to pivot c_new (k = c_old/c_new). */
static void
state_rescale(double *s, double c_new)
{
	int			measure = wb_state_code(s[ENT_MEASURE]);
	double		param = s[ENT_PARAM];
	double		k,
				lk,
				d;

	if (s[ENT_PIVOT] == 0 || s[ENT_PIVOT] == c_new)
	{
		s[ENT_PIVOT] = c_new;	/* no positive x yet: nothing depends on c */
		return;
	}
	k = s[ENT_PIVOT] / c_new;
	lk = log(k);
	d = 1.0 - 1.0 / k;

	/* the sums a measure does not accumulate stay 0 */
	if (s[ENT_HAS_SE] != 0 || entropy_needs_log(measure, param))
	{
		s[ENT_AXL] = k * (s[ENT_AXL] + lk * s[ENT_A1]);
		s[ENT_AL] += lk * s[ENT_WPOS];
	}
	s[ENT_A1] *= k;
	if (entropy_needs_power(measure, param))
		s[ENT_AA] *= pow(k, entropy_exponent(measure, param));
	s[ENT_VLL] += 2.0 * lk * s[ENT_VL] + lk * lk * s[ENT_V];
	s[ENT_VL] += lk * s[ENT_V];
	s[ENT_VQ] += 2.0 * d * s[ENT_VUQ] + d * d * s[ENT_VUU];
	s[ENT_VUQ] = (s[ENT_VUQ] + d * s[ENT_VUU]) / k;
	s[ENT_VUU] /= k * k;
	s[ENT_PIVOT] = c_new;
}

/*
 * Did the sums one row touched overflow?  The others were checked when they
 * changed, or by wb_state_get for a state from SQL; WPOS <= W, and the count
 * cannot overflow.  (Checking every field each row cost a tenth of the
 * transition function.)
 */
static inline bool
entropy_row_overflowed(const double *s, bool has_se)
{
	int			i;

	if (!(isfinite(s[ENT_W]) && isfinite(s[ENT_A1]) && isfinite(s[ENT_AL]) &&
		  isfinite(s[ENT_AXL]) && isfinite(s[ENT_AA])))
		return true;
	for (i = has_se ? ENT_V : ENT_NFIELDS; i < ENT_NFIELDS; i++)
	{
		if (!isfinite(s[i]))
			return true;
	}
	return false;
}

/*
 * One row into the state of any measure of the family.  Arguments of the
 * current call: x at xarg, weight at xarg + 1, then optionally se at searg
 * and level at searg + 1 (searg < 0: none).
 */
static Datum
entropy_accumulate(FunctionCallInfo fcinfo, int measure, double param, int searg)
{
	bool		has_se = searg > 0 && PG_NARGS() > searg;
	bool		has_level = has_se && PG_NARGS() > searg + 1;
	ArrayType  *state;
	double	   *s;
	double		x,
				w,
				se = 0;

	if (wb_any_arg_null(fcinfo, 1))
		return wb_state_unchanged(fcinfo);
	x = PG_GETARG_FLOAT8(1);
	w = wb_float8_arg_or(fcinfo, 2, 1.0);
	if (entropy_needs_positive(measure, param) || has_se)
		wb_check_positive(x, "x");
	else
		wb_check_nonneg(x, "x");
	wb_check_nonneg(w, "weight");
	if (has_se)
	{
		se = PG_GETARG_FLOAT8(searg);
		wb_check_nonneg(se, "se");
	}

	if (PG_ARGISNULL(0))
	{
		double		level = has_level ? PG_GETARG_FLOAT8(searg + 1) : 0.95;

		wb_check_level(level);
		state = wb_state_new(WB_STATE_ENTROPY, ENT_NFIELDS);
		s = wb_state_data(state);
		s[ENT_MEASURE] = measure;
		s[ENT_PARAM] = param;
		s[ENT_LEVEL] = level;
		s[ENT_HAS_SE] = has_se;
	}
	else
	{
		state = wb_state_running(fcinfo, WB_STATE_ENTROPY);
		s = wb_state_data(state);
		wb_same_param(s[ENT_PARAM], param, measure == ENT_ATKINSON ? "epsilon" : "alpha");
		if (has_level)
			wb_same_param(s[ENT_LEVEL], PG_GETARG_FLOAT8(searg + 1), "level");
	}

	if (x > 0 && s[ENT_PIVOT] == 0)
		s[ENT_PIVOT] = x;

	s[ENT_N] += 1;
	s[ENT_W] += w;
	if (x > 0)
	{
		double		r = x / s[ENT_PIVOT];
		double		lr = 0;

		s[ENT_WPOS] += w;
		s[ENT_A1] += w * r;
		if (has_se || entropy_needs_log(measure, param))
		{
			lr = log(r);
			s[ENT_AL] += w * lr;
			s[ENT_AXL] += w * r * lr;
		}
		if (entropy_needs_power(measure, param))
			s[ENT_AA] += w * entropy_power(r, entropy_exponent(measure, param));
		if (has_se)
		{
			double		v = w * w * se * se;
			double		q = 1.0 / r;

			s[ENT_V] += v;
			s[ENT_VL] += v * lr;
			s[ENT_VLL] += v * lr * lr;
			s[ENT_VQ] += v * (1.0 - q) * (1.0 - q);
			s[ENT_VUQ] += v * q * (1.0 - q);
			s[ENT_VUU] += v * q * q;
		}
	}
	if (entropy_row_overflowed(s, has_se))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("value out of range: overflow in %s", entropy_names[measure])));
	PG_RETURN_ARRAYTYPE_P(state);
}

/* theil_t(x [, weight [, se [, level]]]) */
Datum
wb_theil_transfn(PG_FUNCTION_ARGS)
{
	return entropy_accumulate(fcinfo, ENT_THEIL, 0, 3);
}

/* mean_log_deviation(x [, weight [, se [, level]]]) */
Datum
wb_mld_transfn(PG_FUNCTION_ARGS)
{
	return entropy_accumulate(fcinfo, ENT_MLD, 0, 3);
}

/* generalized_entropy(x, weight, alpha) */
Datum
wb_ge_transfn(PG_FUNCTION_ARGS)
{
	double		alpha = PG_ARGISNULL(3) ? 0 : PG_GETARG_FLOAT8(3);

	wb_check_finite(alpha, "alpha");
	return entropy_accumulate(fcinfo, ENT_GE, alpha, -1);
}

/* atkinson(x, weight, epsilon) */
Datum
wb_atkinson_transfn(PG_FUNCTION_ARGS)
{
	double		epsilon = PG_ARGISNULL(3) ? 0 : PG_GETARG_FLOAT8(3);

	wb_check_nonneg(epsilon, "epsilon");
	return entropy_accumulate(fcinfo, ENT_ATKINSON, epsilon, -1);
}

/*
 * Merge b into a (called by the shared combine function).  b is the
 * combine function's input and must not be modified: it is rescaled in a
 * local copy.
 */
static void
entropy_merge(double *a, const double *b_in)
{
	double		b[ENT_NFIELDS];
	int			i;

	memcpy(b, b_in, sizeof(b));
	for (i = 1; i <= ENT_NPARAMS; i++)
	{
		if (a[i] != b[i])
			wb_state_merge_sums(a, b, ENT_NPARAMS + 1, ENT_NPARAMS);	/* raises */
	}
	if (a[ENT_PIVOT] == 0)
		state_rescale(a, b[ENT_PIVOT]);
	state_rescale(b, a[ENT_PIVOT]);
	for (i = ENT_N; i < ENT_NFIELDS; i++)
		a[i] += b[i];
}

Datum
wb_entropy_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state = wb_state_get(fcinfo, 0, WB_STATE_ENTROPY);
	double	   *s = wb_state_data(state);
	int			measure = wb_state_code(s[ENT_MEASURE]);
	double		param = s[ENT_PARAM];
	double		w = s[ENT_W];
	double		mu_r,
				mu;
	WbEstimate	e;

	wb_estimate_init(&e, s[ENT_HAS_SE] != 0 ? s[ENT_LEVEL] : NAN);
	e.n = s[ENT_N];
	if (!(w > 0) || !(s[ENT_A1] > 0))
		PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &e));

	mu_r = s[ENT_A1] / w;		/* mean of x / c */
	mu = mu_r * s[ENT_PIVOT];

	switch (measure)
	{
		case ENT_THEIL:
			e.value = s[ENT_AXL] / s[ENT_A1] - log(mu_r);
			if (s[ENT_HAS_SE] != 0)
			{
				/* Ahn 2018: sum p^2 se^2 (ln(y/mu) - T)^2 / mu^2 */
				double		k = log(mu_r) + e.value;
				double		ss = s[ENT_VLL] - 2.0 * k * s[ENT_VL] + k * k * s[ENT_V];

				e.se = sqrt(fmax(ss, 0.0)) / (w * mu);
			}
			break;
		case ENT_MLD:
			e.value = log(mu_r) - s[ENT_AL] / w;
			if (s[ENT_HAS_SE] != 0)
			{
				/* Ahn 2018: sum p^2 se^2 (1 - mu/y)^2 / mu^2 */
				double		d = 1.0 - mu_r;
				double		ss = s[ENT_VQ] + 2.0 * d * s[ENT_VUQ] + d * d * s[ENT_VUU];

				e.se = sqrt(fmax(ss, 0.0)) / (w * mu);
			}
			break;
		case ENT_GE:
			if (param == 0)
				e.value = log(mu_r) - s[ENT_AL] / w;
			else if (param == 1)
				e.value = s[ENT_AXL] / s[ENT_A1] - log(mu_r);
			else
				e.value = (s[ENT_AA] / (w * pow(mu_r, param)) - 1.0) / (param * (param - 1.0));
			break;
		case ENT_ATKINSON:
			if (param == 1)
				e.value = 1.0 - exp(s[ENT_AL] / w) / mu_r;
			else
			{
				double		a = 1.0 - param;

				e.value = 1.0 - pow(s[ENT_AA] / (w * pow(mu_r, a)), 1.0 / a);
			}
			break;
	}
	if (!isnan(e.se))
		wb_interval_normal(&e);
	PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &e));
}

/* ----------------------------------------------------------------------
 * Measures that sort: gini, quintile_share_ratio, palma, hoover.
 * ----------------------------------------------------------------------
 */

/* gini(x [, weight [, corrected]]): the parameter is 1 when corrected */
Datum
wb_gini_transfn(PG_FUNCTION_ARGS)
{
	double		corrected = 0;

	if (PG_NARGS() > 3)
	{
		if (PG_ARGISNULL(3))
			return wb_state_unchanged(fcinfo);
		corrected = PG_GETARG_BOOL(3) ? 1 : 0;
	}
	return wb_sample_accumulate(fcinfo, WB_SAMPLE_GINI, "x", corrected, "corrected");
}

/* quintile_share_ratio, palma, hoover (x, weight): no parameter */
Datum
wb_sorted_transfn(PG_FUNCTION_ARGS)
{
	return wb_sample_accumulate(fcinfo, WB_SAMPLE_SHARES, "x", 0, "parameter");
}

/*
 * Gini as laeken (and the EU-SILC definition): with incomes sorted and C_i
 * the cumulative weight up to and including row i,
 *	 G = (2 sum w_i x_i C_i - sum w_i^2 x_i) / (W sum w_i x_i) - 1,
 * which equals sum_i sum_k w_i w_k |x_i - x_k| / (2 W^2 mu) and does not
 * depend on the order of tied incomes.  Corrected (DescTools unbiased):
 * G / (1 - sum (w_i/W)^2), which is n/(n-1) G for equal weights.
 */
Datum
wb_gini_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state = wb_sample_get(fcinfo, 0, WB_SAMPLE_GINI);
	int64		n;
	long double wsum;
	WbPair	   *p = wb_sample_sorted(state, &n, &wsum);
	long double cum = 0,
				a = 0,
				b = 0,
				t = 0,
				w2 = 0;
	double		g;
	int64		i;

	if (p == NULL || !(wsum > 0))
		PG_RETURN_DATUM(wb_estimate_value_only(fcinfo, NAN, n));
	for (i = 0; i < n; i++)
	{
		WB_CHECK_INTERRUPTS_EVERY(i);
		cum += p[i].w;
		a += (long double) p[i].w * p[i].x * cum;
		b += (long double) p[i].w * p[i].w * p[i].x;
		t += (long double) p[i].w * p[i].x;
		w2 += (long double) p[i].w * p[i].w;
	}
	if (!(t > 0))
		PG_RETURN_DATUM(wb_estimate_value_only(fcinfo, NAN, n));
	g = (double) ((2 * a - b) / (wsum * t) - 1);
	if (wb_sample_param(state) != 0)
	{
		long double share2 = w2 / (wsum * wsum);

		g = share2 < 1 ? (double) (g / (1 - share2)) : NAN;
	}
	PG_RETURN_DATUM(wb_estimate_value_only(fcinfo, g, n));
}

/* weighted mean of x over rows with lo < x <= hi (sorted rows) */
static double
tail_mean(const WbPair *p, int64 n, double lo, double hi, bool total)
{
	long double sw = 0,
				swx = 0;
	int64		i;

	for (i = 0; i < n; i++)
	{
		WB_CHECK_INTERRUPTS_EVERY(i);
		if (p[i].x > lo && p[i].x <= hi)
		{
			sw += p[i].w;
			swx += (long double) p[i].w * p[i].x;
		}
	}
	if (total)
		return (double) swx;
	return sw > 0 ? (double) (swx / sw) : NAN;
}

/*
 * quintile_share_ratio as laeken qsr (quintileRatio): the weighted income
 * total above the 80th percentile over the total at or below the 20th,
 * i.e. the ratio of the two income shares (laeken's weighted quantiles).
 */
Datum
wb_qsr_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state = wb_sample_get(fcinfo, 0, WB_SAMPLE_SHARES);
	int64		n;
	long double wsum;
	WbPair	   *p = wb_sample_sorted(state, &n, &wsum);
	double		q20,
				q80,
				top,
				bottom;

	if (p == NULL || !(wsum > 0))
		PG_RETURN_DATUM(wb_estimate_value_only(fcinfo, NAN, n));
	q20 = wb_weighted_quantile(p, n, wsum, 0.2);
	q80 = wb_weighted_quantile(p, n, wsum, 0.8);
	top = tail_mean(p, n, q80, INFINITY, true);
	bottom = tail_mean(p, n, -INFINITY, q20, true);
	PG_RETURN_DATUM(wb_estimate_value_only(fcinfo, bottom != 0 ? top / bottom : NAN, n));
}

/*
 * palma: income held above the 90th percentile over income held at or
 * below the 40th (the ratio of the two income shares), with laeken's
 * weighted quantiles.
 */
Datum
wb_palma_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state = wb_sample_get(fcinfo, 0, WB_SAMPLE_SHARES);
	int64		n;
	long double wsum;
	WbPair	   *p = wb_sample_sorted(state, &n, &wsum);
	double		top,
				bottom;

	if (p == NULL || !(wsum > 0))
		PG_RETURN_DATUM(wb_estimate_value_only(fcinfo, NAN, n));
	top = tail_mean(p, n, wb_weighted_quantile(p, n, wsum, 0.9), INFINITY, true);
	bottom = tail_mean(p, n, -INFINITY, wb_weighted_quantile(p, n, wsum, 0.4), true);
	PG_RETURN_DATUM(wb_estimate_value_only(fcinfo, bottom != 0 ? top / bottom : NAN, n));
}

/*
 * hoover (Robin Hood index): the share of total income that would have to
 * move to equalise it, 1/2 sum w |x - mu| / (W mu).
 */
Datum
wb_hoover_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state = wb_sample_get(fcinfo, 0, WB_SAMPLE_SHARES);
	int64		n;
	long double wsum;
	WbPair	   *p = wb_sample_sorted(state, &n, &wsum);
	long double t = 0,
				dev = 0;
	double		mu;
	int64		i;

	if (p == NULL || !(wsum > 0))
		PG_RETURN_DATUM(wb_estimate_value_only(fcinfo, NAN, n));
	for (i = 0; i < n; i++)
	{
		WB_CHECK_INTERRUPTS_EVERY(i);
		t += (long double) p[i].w * p[i].x;
	}
	mu = (double) (t / wsum);
	if (!(mu > 0))
		PG_RETURN_DATUM(wb_estimate_value_only(fcinfo, NAN, n));
	for (i = 0; i < n; i++)
	{
		WB_CHECK_INTERRUPTS_EVERY(i);
		dev += (long double) p[i].w * fabs(p[i].x - mu);
	}
	PG_RETURN_DATUM(wb_estimate_value_only(fcinfo, (double) (dev / (2 * t)), n));
}
