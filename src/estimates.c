/*-------------------------------------------------------------------------
 *
 * estimates.c
 *	  Estimates from microdata and counts: proportion,
 *	  mean, total, rate, standardized_rate, standardized_ratio,
 *	  poverty_rate, and the scalar twins proportion_ci and rate_ci.
 *
 * Each measure is a transition function over a float8[] state (state.h),
 * the generic combine in this file, and a final function.  The math lives
 * in static *_compute() helpers that take plain sums, so the scalar twins
 * and the aggregates share one code path and cannot drift apart.
 *
 * src/estimates.c
 *
 *-------------------------------------------------------------------------
 */
#include "wellbeing.h"

#include <math.h>

#include "args.h"
#include "catalog/pg_type.h"
#include "estimate_type.h"
#include "numeric/dist.h"
#include "sample.h"
#include "state.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

PG_FUNCTION_INFO_V1(wb_proportion_transfn);
PG_FUNCTION_INFO_V1(wb_proportion_finalfn);
PG_FUNCTION_INFO_V1(wb_proportion_ci);
PG_FUNCTION_INFO_V1(wb_mean_transfn);
PG_FUNCTION_INFO_V1(wb_mean_finalfn);
PG_FUNCTION_INFO_V1(wb_total_transfn);
PG_FUNCTION_INFO_V1(wb_total_finalfn);
PG_FUNCTION_INFO_V1(wb_rate_transfn);
PG_FUNCTION_INFO_V1(wb_rate_finalfn);
PG_FUNCTION_INFO_V1(wb_rate_ci);
PG_FUNCTION_INFO_V1(wb_dsr_transfn);
PG_FUNCTION_INFO_V1(wb_dsr_finalfn);
PG_FUNCTION_INFO_V1(wb_smr_transfn);
PG_FUNCTION_INFO_V1(wb_smr_finalfn);
PG_FUNCTION_INFO_V1(wb_poverty_transfn);
PG_FUNCTION_INFO_V1(wb_poverty_finalfn);
PG_FUNCTION_INFO_V1(wb_poverty_threshold_finalfn);

#define DEFAULT_LEVEL 0.95

/* optional level argument: checked, or the default */
static double
level_arg(FunctionCallInfo fcinfo, int argno)
{
	double		level = wb_float8_arg_or(fcinfo, argno, DEFAULT_LEVEL);

	wb_check_level(level);
	return level;
}

/*
 * Every state field must stay finite: a sum that overflows double
 * precision is an error, not an Infinity that would surface as a silent
 * NULL.  Fields from..nfields-1 are checked.
 */
static void
check_state_finite(const double *s, int from, int nfields, const char *measure)
{
	int			i;

	for (i = from; i < nfields; i++)
	{
		if (!isfinite(s[i]))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value out of range: overflow in %s", measure)));
	}
}

/* ----------------------------------------------------------------------
 * Poisson limits for a count, shared by rate, standardized_ratio and the
 * Dobson standardized rate.
 * ----------------------------------------------------------------------
 */
typedef enum PoissonMethod
{
	POISSON_AUTO = 0,			/* PHE: Byar when x >= 10, exact below */
	POISSON_EXACT = 1,			/* Garwood, from gamma quantiles */
	POISSON_BYAR = 2,
	POISSON_NORMAL = 3
} PoissonMethod;

static const WbMethod poisson_methods[] = {
	{"auto", POISSON_AUTO},
	{"exact", POISSON_EXACT},
	{"byar", POISSON_BYAR},
	{"normal", POISSON_NORMAL},
	{NULL, 0}
};

static void
poisson_limits(double x, double level, int method, double *lo, double *hi)
{
	double		alpha = 1.0 - level;
	double		z = wb_z_crit(level);

	if (method == POISSON_AUTO)
		method = x >= 10.0 ? POISSON_BYAR : POISSON_EXACT;

	switch (method)
	{
		case POISSON_EXACT:
			/* chi-square(2x)/2 and chi-square(2x+2)/2 as gamma quantiles */
			*lo = x > 0 ? wb_qgamma(alpha / 2.0, x, 1.0) : 0.0;
			*hi = wb_qgamma(1.0 - alpha / 2.0, x + 1.0, 1.0);
			break;
		case POISSON_BYAR:
			/* Byar's approximation to the exact limits (Breslow & Day 1987) */
			*lo = x > 0 ? x * pow(1.0 - 1.0 / (9.0 * x) - z / (3.0 * sqrt(x)), 3) : 0.0;
			*hi = (x + 1.0) * pow(1.0 - 1.0 / (9.0 * (x + 1.0)) + z / (3.0 * sqrt(x + 1.0)), 3);
			break;
		default:
			*lo = x - z * sqrt(x);
			*hi = x + z * sqrt(x);
			break;
	}
}

/* ----------------------------------------------------------------------
 * proportion(outcome bool [, weight [, level [, method]]])
 *
 * State: tag, weighted, level, method, n1, n0, W1, W0, V1, V0 where 1/0
 * split rows by outcome, W = sum of weights and V = sum of squared
 * weights.  Keeping the two outcome classes apart makes the linearised
 * variance a sum of non-negative terms (no cancellation):
 *	 sum w^2 (y - p)^2 = V1 (1 - p)^2 + V0 p^2.
 * ----------------------------------------------------------------------
 */
enum
{
	PROP_WEIGHTED = 1, PROP_LEVEL, PROP_METHOD,
	PROP_N1, PROP_N0, PROP_W1, PROP_W0, PROP_V1, PROP_V0,
	PROP_NFIELDS
};
#define PROP_NPARAMS 3

static const WbField proportion_fields[] = {
	{"weighted", WB_FIELD_CODE, 0, 1},
	{"level", WB_FIELD_LEVEL},
	{"method", WB_FIELD_CODE, 0, 4},
	{"n1", WB_FIELD_COUNT},
	{"n0", WB_FIELD_COUNT},
	{"w1", WB_FIELD_NONNEG},
	{"w0", WB_FIELD_NONNEG},
	{"v1", WB_FIELD_NONNEG},
	{"v0", WB_FIELD_NONNEG},
};

StaticAssertDecl(WB_FIELDS(proportion_fields) == PROP_NFIELDS, "proportion state layout");

/* the measures whose _state aggregates make this kind, and their codes */
static const WbMeasure proportion_measures[] = {
	{"proportion", 0},
};

const WbStateKindInfo wb_kind_proportion = {
	.kind = WB_STATE_PROPORTION,.name = "proportion",.version = WB_STATE_VERSION,
	.nheader = PROP_NFIELDS,.header = proportion_fields,.nparams = PROP_NPARAMS,
	.measures = proportion_measures,.nmeasures = lengthof(proportion_measures),
};

typedef enum ProportionMethod
{
	PROP_DEFAULT = 0,			/* wilson unweighted, logit weighted */
	PROP_WILSON = 1,
	PROP_EXACT = 2,
	PROP_WALD = 3,
	PROP_LOGIT = 4
} ProportionMethod;

static const WbMethod proportion_methods[] = {
	{"wilson", PROP_WILSON},
	{"exact", PROP_EXACT},
	{"wald", PROP_WALD},
	{"logit", PROP_LOGIT},
	{NULL, 0}
};

/* Wilson score interval (as PHEindicatormethods) for x successes of n */
static void
wilson_interval(double x, double n, double z, double *lo, double *hi)
{
	double		z2 = z * z;
	double		root = z * sqrt(z2 + 4.0 * x * (1.0 - x / n));

	*lo = (2.0 * x + z2 - root) / (2.0 * (n + z2));
	*hi = (2.0 * x + z2 + root) / (2.0 * (n + z2));
}

/* Clopper–Pearson interval from beta quantiles */
static void
exact_binomial_interval(double x, double n, double level, double *lo, double *hi)
{
	double		alpha = 1.0 - level;

	*lo = x > 0 ? wb_qbeta(alpha / 2.0, x, n - x + 1.0) : 0.0;
	*hi = x < n ? wb_qbeta(1.0 - alpha / 2.0, x + 1.0, n - x) : 1.0;
}

static void
proportion_compute(const double *s, WbEstimate *e)
{
	bool		weighted = s[PROP_WEIGHTED] != 0;
	int			method = wb_state_code(s[PROP_METHOD]);
	double		n = s[PROP_N1] + s[PROP_N0];
	double		p,
				x_eff,
				n_eff,
				crit;

	wb_estimate_init(e, s[PROP_LEVEL]);
	e->n = n;
	if (method == PROP_DEFAULT)
		method = weighted ? PROP_LOGIT : PROP_WILSON;

	if (weighted)
	{
		double		w = s[PROP_W1] + s[PROP_W0];
		double		v = s[PROP_V1] + s[PROP_V0];

		if (!(w > 0))
			return;
		p = s[PROP_W1] / w;
		/* svymean with ids = ~1: n/(n-1) * sum w^2 (y - p)^2 / W^2 */
		if (n > 1)
			e->se = sqrt(n / (n - 1.0) *
						 (s[PROP_V1] * (1.0 - p) * (1.0 - p) + s[PROP_V0] * p * p)) / w;
		/* Kish effective sample size for the score and exact intervals */
		n_eff = w * (w / v);	/* (w / v) first: w * w may overflow */
		x_eff = p * n_eff;
		/* design degrees of freedom n - 1, as svyciprop */
		crit = n > 1 ? wb_t_crit(e->level, n - 1.0) : NAN;
	}
	else
	{
		if (!(n > 0))
			return;
		p = s[PROP_N1] / n;
		e->se = sqrt(p * (1.0 - p) / n);
		n_eff = n;
		x_eff = s[PROP_N1];
		crit = wb_z_crit(e->level);
	}
	e->value = p;

	switch (method)
	{
		case PROP_WILSON:
			wilson_interval(x_eff, n_eff, wb_z_crit(e->level), &e->lower, &e->upper);
			break;
		case PROP_EXACT:
			exact_binomial_interval(x_eff, n_eff, e->level, &e->lower, &e->upper);
			break;
		case PROP_WALD:
			e->lower = p - crit * e->se;
			e->upper = p + crit * e->se;
			break;
		case PROP_LOGIT:
			if (p <= 0.0 || p >= 1.0)
			{
				/*
				 * The logit scale has no finite point here (R's svyciprop
				 * returns a near-(0, 1) interval from a diverging fit); use
				 * the Clopper–Pearson interval, on the effective sample size
				 * when weighted, as NCHS does for such cells.
				 */
				exact_binomial_interval(x_eff, n_eff, e->level, &e->lower, &e->upper);
			}
			else
			{
				double		eta = log(p / (1.0 - p));
				double		se_eta = e->se / (p * (1.0 - p));

				e->lower = 1.0 / (1.0 + exp(-(eta - crit * se_eta)));
				e->upper = 1.0 / (1.0 + exp(-(eta + crit * se_eta)));
			}
			break;
	}
	wb_estimate_bound(e, 0.0, 1.0, "proportion");
}

Datum
wb_proportion_transfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state;
	double	   *s;
	bool		weighted = PG_NARGS() > 2;
	bool		y;
	double		w = 1.0;

	if (wb_any_arg_null(fcinfo, 1))
		return wb_state_unchanged(fcinfo);
	y = wb_outcome_arg(fcinfo, 1);
	if (weighted)
	{
		w = PG_GETARG_FLOAT8(2);
		wb_check_nonneg(w, "weight");
	}

	if (PG_ARGISNULL(0))
	{
		state = wb_state_new(WB_STATE_PROPORTION, PROP_NFIELDS);
		s = wb_state_data(state);
		s[PROP_WEIGHTED] = weighted;
		s[PROP_LEVEL] = level_arg(fcinfo, 3);
		s[PROP_METHOD] = wb_method_arg_or(fcinfo, 4, proportion_methods, "proportion", PROP_DEFAULT);
	}
	else
	{
		state = wb_state_running(fcinfo, WB_STATE_PROPORTION);
		s = wb_state_data(state);
		if (PG_NARGS() > 3)
			wb_same_param(s[PROP_LEVEL], PG_GETARG_FLOAT8(3), "level");
		if (PG_NARGS() > 4)
			wb_same_param(s[PROP_METHOD],
							 wb_method_arg(fcinfo, 4, proportion_methods, "proportion"),
							 "method");
	}

	if (y)
	{
		s[PROP_N1] += 1;
		s[PROP_W1] += w;
		s[PROP_V1] += w * w;
	}
	else
	{
		s[PROP_N0] += 1;
		s[PROP_W0] += w;
		s[PROP_V0] += w * w;
	}
	check_state_finite(s, PROP_N1, PROP_NFIELDS, "proportion");
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
wb_proportion_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state = wb_state_get(fcinfo, 0, WB_STATE_PROPORTION);
	WbEstimate	e;

	proportion_compute(wb_state_data(state), &e);
	PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &e));
}

/* proportion_ci(successes, trials, level DEFAULT 0.95, method DEFAULT 'wilson') */
Datum
wb_proportion_ci(PG_FUNCTION_ARGS)
{
	double		x = PG_GETARG_FLOAT8(0);
	double		n = PG_GETARG_FLOAT8(1);
	double		level = PG_GETARG_FLOAT8(2);
	char	   *method = text_to_cstring(PG_GETARG_TEXT_PP(3));
	double		s[PROP_NFIELDS] = {0};
	WbEstimate	e;

	wb_check_nonneg(x, "successes");
	wb_check_nonneg(n, "trials");
	wb_check_not_greater(x, "successes", n, "trials");
	wb_check_level(level);
	s[PROP_LEVEL] = level;
	s[PROP_METHOD] = wb_parse_method(method, proportion_methods, "proportion_ci");
	s[PROP_N1] = x;
	s[PROP_N0] = n - x;
	proportion_compute(s, &e);
	PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &e));
}

/* ----------------------------------------------------------------------
 * mean(x [, weight [, level]])
 *
 * State: tag, weighted, level, n, W, V, m, A, B with W = sum w,
 * V = sum w^2, m the weighted mean, A = sum w^2 (x - m)^2 and
 * B = sum w^2 (x - m).  A is what the svymean (ids = ~1) variance needs;
 * it is kept centred, Welford-style, and B lets it follow the mean as the
 * mean moves: when m moves by d,
 *	 sum v (x - m - d)^2 = A - 2 d B + d^2 V.
 * With unit weights this is Welford's algorithm and B stays 0.
 * ----------------------------------------------------------------------
 */
enum
{
	MOM_WEIGHTED = 1, MOM_LEVEL,
	MOM_N, MOM_W, MOM_V, MOM_M, MOM_A, MOM_B,
	MOM_NFIELDS
};
#define MOM_NPARAMS 2

static void moments_merge(double *a, const double *b);

static const WbField moments_fields[] = {
	{"weighted", WB_FIELD_CODE, 0, 1},
	{"level", WB_FIELD_LEVEL},
	{"n", WB_FIELD_COUNT},
	{"w", WB_FIELD_NONNEG},
	{"v", WB_FIELD_NONNEG},
	{"m", WB_FIELD_FINITE},
	{"a", WB_FIELD_FINITE},
	{"b", WB_FIELD_FINITE},
};

StaticAssertDecl(WB_FIELDS(moments_fields) == MOM_NFIELDS, "mean state layout");

/* the measures whose _state aggregates make this kind, and their codes */
static const WbMeasure moments_measures[] = {
	{"mean", 0},
};

const WbStateKindInfo wb_kind_moments = {
	.kind = WB_STATE_MOMENTS,.name = "mean",.version = WB_STATE_VERSION,
	.nheader = MOM_NFIELDS,.header = moments_fields,.nparams = MOM_NPARAMS,
	.merge_fields = moments_merge,
	.measures = moments_measures,.nmeasures = lengthof(moments_measures),
};

/* Move a centred (V, m, A, B) block to a new centre m_new. */
static void
moments_recentre(double *a, double *b, double v, double d)
{
	if (v == 0)
		return;					/* nothing centred yet (also avoids inf * 0) */
	*a = *a - 2.0 * d * (*b) + d * (d * v);
	*b = *b - d * v;
}

static void
mean_compute(const double *s, WbEstimate *e)
{
	double		n = s[MOM_N];
	double		w = s[MOM_W];

	wb_estimate_init(e, s[MOM_LEVEL]);
	e->n = n;
	if (!(w > 0))
		return;
	e->value = s[MOM_M];
	if (n > 1)
	{
		e->se = sqrt(n / (n - 1.0) * fmax(s[MOM_A], 0.0)) / w;
		wb_interval_t(e, n - 1.0);
	}
	wb_estimate_bound(e, -INFINITY, INFINITY, "mean");
}

Datum
wb_mean_transfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state;
	double	   *s;
	bool		weighted = PG_NARGS() > 2;
	double		x,
				w = 1.0,
				w_new,
				d,
				r;

	if (wb_any_arg_null(fcinfo, 1))
		return wb_state_unchanged(fcinfo);
	x = PG_GETARG_FLOAT8(1);
	wb_check_finite(x, "x");
	if (weighted)
	{
		w = PG_GETARG_FLOAT8(2);
		wb_check_nonneg(w, "weight");
	}

	if (PG_ARGISNULL(0))
	{
		state = wb_state_new(WB_STATE_MOMENTS, MOM_NFIELDS);
		s = wb_state_data(state);
		s[MOM_WEIGHTED] = weighted;
		s[MOM_LEVEL] = level_arg(fcinfo, 3);
	}
	else
	{
		state = wb_state_running(fcinfo, WB_STATE_MOMENTS);
		s = wb_state_data(state);
		if (PG_NARGS() > 3)
			wb_same_param(s[MOM_LEVEL], PG_GETARG_FLOAT8(3), "level");
	}

	w_new = s[MOM_W] + w;
	d = w_new > 0 ? w * (x - s[MOM_M]) / w_new : 0.0;
	moments_recentre(&s[MOM_A], &s[MOM_B], s[MOM_V], d);
	s[MOM_M] += d;
	r = x - s[MOM_M];
	s[MOM_A] += w * w * r * r;
	s[MOM_B] += w * w * r;
	s[MOM_V] += w * w;
	s[MOM_W] = w_new;
	s[MOM_N] += 1;
	check_state_finite(s, MOM_N, MOM_NFIELDS, "mean");
	PG_RETURN_ARRAYTYPE_P(state);
}

/* Chan et al. merge of two centred moment blocks */
static void
moments_merge(double *a, const double *b)
{
	double		w = a[MOM_W] + b[MOM_W];
	double		m = w > 0 ? a[MOM_M] + (b[MOM_M] - a[MOM_M]) * (b[MOM_W] / w) : a[MOM_M];
	double		ab = b[MOM_A],
				bb = b[MOM_B];

	if (a[MOM_WEIGHTED] != b[MOM_WEIGHTED] || a[MOM_LEVEL] != b[MOM_LEVEL])
		wb_state_merge_sums(a, b, MOM_NPARAMS + 1, MOM_NPARAMS);	/* raises */
	moments_recentre(&a[MOM_A], &a[MOM_B], a[MOM_V], m - a[MOM_M]);
	moments_recentre(&ab, &bb, b[MOM_V], m - b[MOM_M]);
	a[MOM_A] += ab;
	a[MOM_B] += bb;
	a[MOM_M] = m;
	a[MOM_N] += b[MOM_N];
	a[MOM_W] = w;
	a[MOM_V] += b[MOM_V];
}

Datum
wb_mean_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state = wb_state_get(fcinfo, 0, WB_STATE_MOMENTS);
	WbEstimate	e;

	mean_compute(wb_state_data(state), &e);
	PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &e));
}

/* ----------------------------------------------------------------------
 * total(x [, weight [, level]])
 *
 * svytotal with ids = ~1: T = sum u with u = w x, and
 * var = n/(n-1) sum (u - mean u)^2.  State: tag, level, n, mean u, M2 of
 * u (Welford; merged with Chan's formula).
 * ----------------------------------------------------------------------
 */
enum
{
	TOT_LEVEL = 1, TOT_N, TOT_MEAN, TOT_M2, TOT_NFIELDS
};

static void total_merge(double *a, const double *b);

static const WbField total_fields[] = {
	{"level", WB_FIELD_LEVEL},
	{"n", WB_FIELD_COUNT},
	{"mean", WB_FIELD_FINITE},
	{"m2", WB_FIELD_FINITE},
};

StaticAssertDecl(WB_FIELDS(total_fields) == TOT_NFIELDS, "total state layout");

/* the measures whose _state aggregates make this kind, and their codes */
static const WbMeasure total_measures[] = {
	{"total", 0},
};

const WbStateKindInfo wb_kind_total = {
	.kind = WB_STATE_TOTAL,.name = "total",.version = WB_STATE_VERSION,
	.nheader = TOT_NFIELDS,.header = total_fields,.nparams = 1,
	.merge_fields = total_merge,
	.measures = total_measures,.nmeasures = lengthof(total_measures),
};

static void
total_compute(const double *s, WbEstimate *e)
{
	double		n = s[TOT_N];

	wb_estimate_init(e, s[TOT_LEVEL]);
	e->n = n;
	e->value = n * s[TOT_MEAN];
	if (n > 1)
	{
		e->se = sqrt(n / (n - 1.0) * fmax(s[TOT_M2], 0.0));
		wb_interval_t(e, n - 1.0);
	}
	/* the state keeps the mean, so n times it can overflow only here */
	wb_estimate_bound(e, -INFINITY, INFINITY, "total");
}

Datum
wb_total_transfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state;
	double	   *s;
	double		x,
				u,
				d;

	if (wb_any_arg_null(fcinfo, 1))
		return wb_state_unchanged(fcinfo);
	x = PG_GETARG_FLOAT8(1);
	wb_check_finite(x, "x");
	u = x;
	if (PG_NARGS() > 2)
	{
		double		w = PG_GETARG_FLOAT8(2);

		wb_check_nonneg(w, "weight");
		u = w * x;
	}

	if (PG_ARGISNULL(0))
	{
		state = wb_state_new(WB_STATE_TOTAL, TOT_NFIELDS);
		s = wb_state_data(state);
		s[TOT_LEVEL] = level_arg(fcinfo, 3);
	}
	else
	{
		state = wb_state_running(fcinfo, WB_STATE_TOTAL);
		s = wb_state_data(state);
		if (PG_NARGS() > 3)
			wb_same_param(s[TOT_LEVEL], PG_GETARG_FLOAT8(3), "level");
	}

	s[TOT_N] += 1;
	d = u - s[TOT_MEAN];
	s[TOT_MEAN] += d / s[TOT_N];
	s[TOT_M2] += d * (u - s[TOT_MEAN]);
	check_state_finite(s, TOT_N, TOT_NFIELDS, "total");
	PG_RETURN_ARRAYTYPE_P(state);
}

static void
total_merge(double *a, const double *b)
{
	double		n = a[TOT_N] + b[TOT_N];
	double		d = b[TOT_MEAN] - a[TOT_MEAN];

	if (a[TOT_LEVEL] != b[TOT_LEVEL])
		wb_state_merge_sums(a, b, TOT_LEVEL + 1, 1);	/* raises */
	a[TOT_M2] += b[TOT_M2] + d * d * a[TOT_N] * b[TOT_N] / n;
	a[TOT_MEAN] += d * b[TOT_N] / n;
	a[TOT_N] = n;
}

Datum
wb_total_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state = wb_state_get(fcinfo, 0, WB_STATE_TOTAL);
	WbEstimate	e;

	total_compute(wb_state_data(state), &e);
	PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &e));
}

/* ----------------------------------------------------------------------
 * rate(events, population [, per [, level [, method]]])
 *
 * State: tag, per, level, method, events, population, rows.
 * ----------------------------------------------------------------------
 */
enum
{
	RATE_PER = 1, RATE_LEVEL, RATE_METHOD,
	RATE_EVENTS, RATE_POPULATION, RATE_ROWS,
	RATE_NFIELDS
};
#define RATE_NPARAMS 3

static const WbField rate_fields[] = {
	{"per", WB_FIELD_POSITIVE},
	{"level", WB_FIELD_LEVEL},
	{"method", WB_FIELD_CODE, 0, 3},
	{"events", WB_FIELD_NONNEG},
	{"population", WB_FIELD_NONNEG},
	{"rows", WB_FIELD_COUNT},
};

StaticAssertDecl(WB_FIELDS(rate_fields) == RATE_NFIELDS, "rate state layout");

/* the measures whose _state aggregates make this kind, and their codes */
static const WbMeasure rate_measures[] = {
	{"rate", 0},
};

const WbStateKindInfo wb_kind_rate = {
	.kind = WB_STATE_RATE,.name = "rate",.version = WB_STATE_VERSION,
	.nheader = RATE_NFIELDS,.header = rate_fields,.nparams = RATE_NPARAMS,
	.measures = rate_measures,.nmeasures = lengthof(rate_measures),
};

static void
rate_compute(const double *s, WbEstimate *e)
{
	double		x = s[RATE_EVENTS];
	double		pop = s[RATE_POPULATION];
	double		per = s[RATE_PER];
	double		lo,
				hi;

	wb_estimate_init(e, s[RATE_LEVEL]);
	e->n = x;
	if (!(pop > 0))
		return;
	poisson_limits(x, e->level, wb_state_code(s[RATE_METHOD]), &lo, &hi);
	e->value = x / pop * per;
	e->se = sqrt(x) / pop * per;
	e->lower = lo / pop * per;
	e->upper = hi / pop * per;
	wb_estimate_bound(e, 0.0, INFINITY, "rate");
}

static void
check_events(double events, double population)
{
	wb_check_nonneg(events, "events");
	wb_check_nonneg(population, "population");
	wb_check_not_greater(events, "events", population, "population");
}

Datum
wb_rate_transfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state;
	double	   *s;
	double		events,
				population;

	if (wb_any_arg_null(fcinfo, 1))
		return wb_state_unchanged(fcinfo);
	events = PG_GETARG_FLOAT8(1);
	population = PG_GETARG_FLOAT8(2);
	check_events(events, population);

	if (PG_ARGISNULL(0))
	{
		state = wb_state_new(WB_STATE_RATE, RATE_NFIELDS);
		s = wb_state_data(state);
		s[RATE_PER] = wb_float8_arg_or(fcinfo, 3, 1.0);
		wb_check_positive(s[RATE_PER], "per");
		s[RATE_LEVEL] = level_arg(fcinfo, 4);
		s[RATE_METHOD] = wb_method_arg_or(fcinfo, 5, poisson_methods, "rate", POISSON_AUTO);
	}
	else
	{
		state = wb_state_running(fcinfo, WB_STATE_RATE);
		s = wb_state_data(state);
		if (PG_NARGS() > 3)
			wb_same_param(s[RATE_PER], PG_GETARG_FLOAT8(3), "per");
		if (PG_NARGS() > 4)
			wb_same_param(s[RATE_LEVEL], PG_GETARG_FLOAT8(4), "level");
		if (PG_NARGS() > 5)
			wb_same_param(s[RATE_METHOD],
							 wb_method_arg(fcinfo, 5, poisson_methods, "rate"),
							 "method");
	}
	s[RATE_EVENTS] += events;
	s[RATE_POPULATION] += population;
	s[RATE_ROWS] += 1;
	check_state_finite(s, RATE_EVENTS, RATE_NFIELDS, "rate");
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
wb_rate_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state = wb_state_get(fcinfo, 0, WB_STATE_RATE);
	WbEstimate	e;

	rate_compute(wb_state_data(state), &e);
	PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &e));
}

/* rate_ci(events, population, per DEFAULT 1, level DEFAULT 0.95, method DEFAULT 'auto') */
Datum
wb_rate_ci(PG_FUNCTION_ARGS)
{
	double		s[RATE_NFIELDS] = {0};
	WbEstimate	e;

	s[RATE_EVENTS] = PG_GETARG_FLOAT8(0);
	s[RATE_POPULATION] = PG_GETARG_FLOAT8(1);
	s[RATE_PER] = PG_GETARG_FLOAT8(2);
	s[RATE_LEVEL] = PG_GETARG_FLOAT8(3);
	check_events(s[RATE_EVENTS], s[RATE_POPULATION]);
	wb_check_positive(s[RATE_PER], "per");
	wb_check_level(s[RATE_LEVEL]);
	s[RATE_METHOD] = wb_parse_method(text_to_cstring(PG_GETARG_TEXT_PP(4)),
									 poisson_methods, "rate_ci");
	s[RATE_ROWS] = 1;
	rate_compute(s, &e);
	PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &e));
}

/* ----------------------------------------------------------------------
 * standardized_rate(events, population, standard_population
 *					 [, per [, level [, method]]])
 *
 * Directly standardised rate over age bands (one row per band):
 *	 DSR = sum_i w_i O_i / n_i / sum_i w_i,
 *	 var = sum_i O_i (w_i / n_i)^2 / (sum_i w_i)^2.
 * State: tag, per, level, method, O, sum w, S1 = sum w O / n,
 * S2 = sum O (w / n)^2, max w / n, population, rows, undefined bands
 * (population 0 with a positive standard weight).
 * ----------------------------------------------------------------------
 */
enum
{
	DSR_PER = 1, DSR_LEVEL, DSR_METHOD,
	DSR_EVENTS, DSR_WSUM, DSR_S1, DSR_S2, DSR_MAXR, DSR_POPULATION,
	DSR_ROWS, DSR_UNDEFINED,
	DSR_NFIELDS
};
#define DSR_NPARAMS 3

static void dsr_merge(double *a, const double *b);

static const WbField dsr_fields[] = {
	{"per", WB_FIELD_POSITIVE},
	{"level", WB_FIELD_LEVEL},
	{"method", WB_FIELD_CODE, 1, 2},
	{"events", WB_FIELD_NONNEG},
	{"standard weight", WB_FIELD_NONNEG},
	{"s1", WB_FIELD_NONNEG},
	{"s2", WB_FIELD_NONNEG},
	{"max w/n", WB_FIELD_NONNEG},
	{"population", WB_FIELD_NONNEG},
	{"rows", WB_FIELD_COUNT},
	{"undefined bands", WB_FIELD_COUNT},
};

StaticAssertDecl(WB_FIELDS(dsr_fields) == DSR_NFIELDS, "standardized_rate state layout");

/* the measures whose _state aggregates make this kind, and their codes */
static const WbMeasure dsr_measures[] = {
	{"standardized_rate", 0},
};

const WbStateKindInfo wb_kind_dsr = {
	.kind = WB_STATE_DSR,.name = "standardized_rate",.version = WB_STATE_VERSION,
	.nheader = DSR_NFIELDS,.header = dsr_fields,.nparams = DSR_NPARAMS,
	.merge_fields = dsr_merge,
	.measures = dsr_measures,.nmeasures = lengthof(dsr_measures),
};

/* the largest band weight w/n is a maximum, not a sum */
static void
dsr_merge(double *a, const double *b)
{
	double		maxr = fmax(a[DSR_MAXR], b[DSR_MAXR]);

	wb_state_merge_sums(a, b, DSR_NFIELDS, DSR_NPARAMS);
	a[DSR_MAXR] = maxr;
}

typedef enum DsrMethod
{
	DSR_GAMMA = 1,
	DSR_DOBSON = 2
} DsrMethod;

static const WbMethod dsr_methods[] = {
	{"gamma", DSR_GAMMA},
	{"dobson", DSR_DOBSON},
	{NULL, 0}
};

static void
dsr_compute(const double *s, WbEstimate *e)
{
	double		wsum = s[DSR_WSUM];
	double		per = s[DSR_PER];
	double		o = s[DSR_EVENTS];
	double		dsr,
				var;

	wb_estimate_init(e, s[DSR_LEVEL]);
	e->n = o;
	if (!(wsum > 0) || s[DSR_UNDEFINED] > 0)
		return;
	dsr = s[DSR_S1] / wsum;
	var = s[DSR_S2] / wsum / wsum;	/* wsum * wsum may overflow to a zero var */
	e->value = dsr * per;
	e->se = sqrt(var) * per;

	if (wb_state_code(s[DSR_METHOD]) == DSR_GAMMA)
	{
		/* Fay & Feuer (1997), as epitools::ageadjust.direct */
		double		alpha = 1.0 - e->level;
		double		wm = s[DSR_MAXR] / wsum;
		double		m1 = dsr * dsr;
		double		m2 = (dsr + wm) * (dsr + wm);
		double		v2 = var + wm * wm;
		double		lo,
					hi;

		/* an infinite moment would make a gamma quantile NaN, a silent NULL */
		if (!isfinite(m1) || !isfinite(m2) || !isfinite(v2))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value out of range: overflow in standardized_rate"),
					 errdetail("The moments of the gamma limits exceed the range of double precision.")));
		lo = dsr > 0 ? wb_qgamma(alpha / 2.0, m1 / var, var / dsr) : 0.0;
		hi = wb_qgamma(1.0 - alpha / 2.0, m2 / v2, v2 / (dsr + wm));
		e->lower = lo * per;
		e->upper = hi * per;
	}
	else if (o > 0)
	{
		/* Dobson et al. (1991), as PHEindicatormethods::phe_dsr */
		double		lo,
					hi;

		poisson_limits(o, e->level, POISSON_AUTO, &lo, &hi);
		e->lower = (dsr + sqrt(var / o) * (lo - o)) * per;
		e->upper = (dsr + sqrt(var / o) * (hi - o)) * per;
	}
	wb_estimate_bound(e, 0.0, INFINITY, "standardized_rate");
}

Datum
wb_dsr_transfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state;
	double	   *s;
	double		events,
				population,
				w;

	if (wb_any_arg_null(fcinfo, 1))
		return wb_state_unchanged(fcinfo);
	events = PG_GETARG_FLOAT8(1);
	population = PG_GETARG_FLOAT8(2);
	w = PG_GETARG_FLOAT8(3);
	check_events(events, population);
	wb_check_nonneg(w, "standard_population");

	if (PG_ARGISNULL(0))
	{
		state = wb_state_new(WB_STATE_DSR, DSR_NFIELDS);
		s = wb_state_data(state);
		s[DSR_PER] = wb_float8_arg_or(fcinfo, 4, 1.0);
		wb_check_positive(s[DSR_PER], "per");
		s[DSR_LEVEL] = level_arg(fcinfo, 5);
		s[DSR_METHOD] = wb_method_arg_or(fcinfo, 6, dsr_methods, "standardized_rate", DSR_GAMMA);
	}
	else
	{
		state = wb_state_running(fcinfo, WB_STATE_DSR);
		s = wb_state_data(state);
		if (PG_NARGS() > 4)
			wb_same_param(s[DSR_PER], PG_GETARG_FLOAT8(4), "per");
		if (PG_NARGS() > 5)
			wb_same_param(s[DSR_LEVEL], PG_GETARG_FLOAT8(5), "level");
		if (PG_NARGS() > 6)
			wb_same_param(s[DSR_METHOD],
							 wb_method_arg(fcinfo, 6, dsr_methods, "standardized_rate"),
							 "method");
	}

	if (population > 0)
	{
		double		r = w / population;

		s[DSR_S1] += events * r;
		s[DSR_S2] += events * r * r;
		s[DSR_MAXR] = fmax(s[DSR_MAXR], r);
	}
	else if (w > 0)
		s[DSR_UNDEFINED] += 1;
	s[DSR_EVENTS] += events;
	s[DSR_WSUM] += w;
	s[DSR_POPULATION] += population;
	s[DSR_ROWS] += 1;
	check_state_finite(s, DSR_EVENTS, DSR_NFIELDS, "standardized_rate");
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
wb_dsr_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state = wb_state_get(fcinfo, 0, WB_STATE_DSR);
	WbEstimate	e;

	dsr_compute(wb_state_data(state), &e);
	PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &e));
}

/* ----------------------------------------------------------------------
 * standardized_ratio(observed, expected [, level [, method]])
 *
 * Indirectly standardised ratio O / E with Poisson limits on O (Byar when
 * O >= 10, exact below, as PHEindicatormethods::phe_isr), divided by E.
 * State: tag, level, method, O, E, rows.
 * ----------------------------------------------------------------------
 */
enum
{
	SMR_LEVEL = 1, SMR_METHOD, SMR_OBSERVED, SMR_EXPECTED, SMR_ROWS,
	SMR_NFIELDS
};
#define SMR_NPARAMS 2

static const WbField smr_fields[] = {
	{"level", WB_FIELD_LEVEL},
	{"method", WB_FIELD_CODE, 0, 3},
	{"observed", WB_FIELD_NONNEG},
	{"expected", WB_FIELD_NONNEG},
	{"rows", WB_FIELD_COUNT},
};

StaticAssertDecl(WB_FIELDS(smr_fields) == SMR_NFIELDS, "standardized_ratio state layout");

/* the measures whose _state aggregates make this kind, and their codes */
static const WbMeasure smr_measures[] = {
	{"standardized_ratio", 0},
};

const WbStateKindInfo wb_kind_smr = {
	.kind = WB_STATE_SMR,.name = "standardized_ratio",.version = WB_STATE_VERSION,
	.nheader = SMR_NFIELDS,.header = smr_fields,.nparams = SMR_NPARAMS,
	.measures = smr_measures,.nmeasures = lengthof(smr_measures),
};

static void
smr_compute(const double *s, WbEstimate *e)
{
	double		o = s[SMR_OBSERVED];
	double		ex = s[SMR_EXPECTED];
	double		lo,
				hi;

	wb_estimate_init(e, s[SMR_LEVEL]);
	e->n = o;
	if (!(ex > 0))
		return;
	poisson_limits(o, e->level, wb_state_code(s[SMR_METHOD]), &lo, &hi);
	e->value = o / ex;
	e->se = sqrt(o) / ex;
	e->lower = lo / ex;
	e->upper = hi / ex;
	wb_estimate_bound(e, 0.0, INFINITY, "standardized_ratio");
}

Datum
wb_smr_transfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state;
	double	   *s;
	double		o,
				ex;

	if (wb_any_arg_null(fcinfo, 1))
		return wb_state_unchanged(fcinfo);
	o = PG_GETARG_FLOAT8(1);
	ex = PG_GETARG_FLOAT8(2);
	wb_check_nonneg(o, "observed");
	wb_check_nonneg(ex, "expected");

	if (PG_ARGISNULL(0))
	{
		state = wb_state_new(WB_STATE_SMR, SMR_NFIELDS);
		s = wb_state_data(state);
		s[SMR_LEVEL] = level_arg(fcinfo, 3);
		s[SMR_METHOD] = wb_method_arg_or(fcinfo, 4, poisson_methods, "standardized_ratio", POISSON_AUTO);
	}
	else
	{
		state = wb_state_running(fcinfo, WB_STATE_SMR);
		s = wb_state_data(state);
		if (PG_NARGS() > 3)
			wb_same_param(s[SMR_LEVEL], PG_GETARG_FLOAT8(3), "level");
		if (PG_NARGS() > 4)
			wb_same_param(s[SMR_METHOD],
							 wb_method_arg(fcinfo, 4, poisson_methods, "standardized_ratio"),
							 "method");
	}
	s[SMR_OBSERVED] += o;
	s[SMR_EXPECTED] += ex;
	s[SMR_ROWS] += 1;
	check_state_finite(s, SMR_OBSERVED, SMR_NFIELDS, "standardized_ratio");
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
wb_smr_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state = wb_state_get(fcinfo, 0, WB_STATE_SMR);
	WbEstimate	e;

	smr_compute(wb_state_data(state), &e);
	PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &e));
}

/* ----------------------------------------------------------------------
 * poverty_rate(income, weight [, fraction]), poverty_threshold(...)
 *
 * Weighted share of incomes strictly below fraction x laeken's weighted
 * median (laeken arpr, arpt).  These must see every value: they keep the
 * (income, weight) sample state of sample.c, 16 bytes a row.
 * ----------------------------------------------------------------------
 */
Datum
wb_poverty_transfn(PG_FUNCTION_ARGS)
{
	double		fraction = 0.6;

	if (PG_NARGS() > 3)
	{
		if (PG_ARGISNULL(3))
			return wb_state_unchanged(fcinfo);
		fraction = PG_GETARG_FLOAT8(3);
		wb_check_positive(fraction, "fraction");
	}
	return wb_sample_accumulate(fcinfo, WB_SAMPLE_POVERTY, "income", fraction, "fraction");
}

Datum
wb_poverty_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state = wb_sample_get(fcinfo, 0, WB_SAMPLE_POVERTY);
	int64		n;
	long double wsum;
	WbPair	   *p = wb_sample_sorted(state, &n, &wsum);
	WbEstimate	e;

	wb_estimate_init(&e, NAN);
	e.n = n;
	if (p != NULL && wsum > 0)
	{
		double		threshold = wb_sample_param(state) * wb_weighted_quantile(p, n, wsum, 0.5);
		long double wbelow = 0;
		int64		i;

		for (i = 0; i < n && p[i].x < threshold; i++)
		{
			WB_CHECK_INTERRUPTS_EVERY(i);
			wbelow += p[i].w;
		}
		e.value = (double) (wbelow / wsum);
	}
	PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &e));
}

/* poverty_threshold: fraction x laeken's weighted median (laeken arpt) */
Datum
wb_poverty_threshold_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state = wb_sample_get(fcinfo, 0, WB_SAMPLE_POVERTY);
	int64		n;
	long double wsum;
	WbPair	   *p = wb_sample_sorted(state, &n, &wsum);

	if (p == NULL || !(wsum > 0))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(wb_sample_param(state) * wb_weighted_quantile(p, n, wsum, 0.5));
}

