/*-------------------------------------------------------------------------
 *
 * disparity.c
 *	  Disparity measures: difference and ratio of two
 *	  estimates; between-group variance, standard deviation and
 *	  coefficient of variation over group rows.
 *
 * Group estimates are treated as independent, as WHO HEAT does
 *.
 *
 * src/disparity.c
 *
 *-------------------------------------------------------------------------
 */
#include "wellbeing.h"

#include <math.h>

#include "args.h"
#include "estimate_type.h"
#include "numeric/dist.h"
#include "state.h"
#include "utils/array.h"
#include "windowapi.h"

PG_FUNCTION_INFO_V1(wb_difference);
PG_FUNCTION_INFO_V1(wb_ratio);
PG_FUNCTION_INFO_V1(wb_bgv_transfn);
PG_FUNCTION_INFO_V1(wb_bgsd_transfn);
PG_FUNCTION_INFO_V1(wb_cov_transfn);
PG_FUNCTION_INFO_V1(wb_relative_inequity);
PG_FUNCTION_INFO_V1(wb_bgv_finalfn);

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
	wb_estimate_bound(&d, -INFINITY, INFINITY, "difference");
	PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &d));
}

/*
 * ratio(a, b, level DEFAULT 0.95): R = a / b, delta-method
 * se = sqrt(se_a^2 + R^2 se_b^2) / |b|, interval symmetric on the log
 * scale: R exp(-/+ z se / R).  No ratio when b = 0; no interval unless
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

			/* r exp(-/+ h), not exp(ln r -/+ h): with se 0 the limits are r itself */
			r.lower = r.value * exp(-half);
			r.upper = r.value * exp(half);
		}
	}
	wb_estimate_bound(&r, 0.0, INFINITY, "ratio");
	PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &r));
}

/* ----------------------------------------------------------------------
 * between_group_variance, between_group_sd, coefficient_of_variation
 *	 (value, weight [, se [, level]]) over one row per group.
 *
 * BGV = sum p (y - mu)^2 with p = w / sum w and mu = sum p y.  With group
 * SEs, Ahn et al. (2018)'s variance:
 *	 var(BGV) = 4 sum p^2 se^2 (y - mu)^2
 *			  + 2 [(sum p^2 se^2)^2 - sum p^4 se^4 + sum p^2 (1-p)^2 se^4]
 *			  = 4 sum p^2 se^2 (y - mu)^2
 *			  + 2 [(sum p^2 se^2)^2 + sum p^2 se^4 - 2 sum p^3 se^4].
 * BGSD = sqrt(BGV) and COV = BGSD / mu get delta-method SEs from the same
 * quantities (HEAT simulates them with 100 draws; see docs/disparity.md).
 *
 * State: centred sums, as for the weighted mean in estimates.c: the mean
 * m, M2 = sum w (y - m)^2 (West's update, Chan's merge) and, with v =
 * w^2 se^2, A = sum v (y - m)^2, B = sum v (y - m), which follow m when it
 * moves (A - 2dB + d^2 V).
 * ----------------------------------------------------------------------
 */
typedef enum SpreadMeasure
{
	SPREAD_BGV = 1,
	SPREAD_BGSD = 2,
	SPREAD_COV = 3
} SpreadMeasure;

enum
{
	BGV_MEASURE = 1, BGV_LEVEL, BGV_HAS_SE,
	BGV_N, BGV_W, BGV_M, BGV_M2, BGV_V, BGV_A, BGV_B, BGV_S2, BGV_S3,
	BGV_NFIELDS
};
#define BGV_NPARAMS 3

static void spread_merge(double *a, const double *b);

static const WbField spread_fields[] = {
	{"measure", WB_FIELD_CODE, 1, 3},
	{"level", WB_FIELD_LEVEL},
	{"has se", WB_FIELD_CODE, 0, 1},
	{"n", WB_FIELD_COUNT},
	{"w", WB_FIELD_NONNEG},
	{"m", WB_FIELD_FINITE},
	{"m2", WB_FIELD_FINITE},
	{"v", WB_FIELD_NONNEG},
	{"a", WB_FIELD_FINITE},
	{"b", WB_FIELD_FINITE},
	{"s2", WB_FIELD_NONNEG},
	{"s3", WB_FIELD_NONNEG},
};

StaticAssertDecl(WB_FIELDS(spread_fields) == BGV_NFIELDS, "spread state layout");

/* the measures whose _state aggregates make this kind, and their codes */
static const WbMeasure spread_measures[] = {
	{"between_group_variance", SPREAD_BGV},
	{"between_group_sd", SPREAD_BGSD},
	{"coefficient_of_variation", SPREAD_COV},
};

const WbStateKindInfo wb_kind_spread = {
	.kind = WB_STATE_SPREAD,.name = "between-group spread",.version = WB_STATE_VERSION,
	.nheader = BGV_NFIELDS,.header = spread_fields,.nparams = BGV_NPARAMS,
	.merge_fields = spread_merge,
	.measures = spread_measures,.nmeasures = lengthof(spread_measures),
};

static const char *const spread_names[] = {
	NULL, "between_group_variance", "between_group_sd", "coefficient_of_variation"
};

static void
recentre(double *a, double *b, double v, double d)
{
	if (v == 0)
		return;
	*a = *a - 2.0 * d * (*b) + d * (d * v);
	*b = *b - d * v;
}

/* one group row: (state, value, weight [, se [, level]]) */
static Datum
spread_accumulate(FunctionCallInfo fcinfo, int measure)
{
	bool		has_se = PG_NARGS() > 3;
	ArrayType  *state;
	double	   *s;
	double		y,
				w,
				se = 0,
				w_new,
				d,
				r;
	int			i;

	if (wb_any_arg_null(fcinfo, 1))
		return wb_state_unchanged(fcinfo);
	y = PG_GETARG_FLOAT8(1);
	w = PG_GETARG_FLOAT8(2);
	wb_check_finite(y, "value");
	wb_check_nonneg(w, "weight");
	if (has_se)
	{
		se = PG_GETARG_FLOAT8(3);
		wb_check_nonneg(se, "se");
	}

	if (PG_ARGISNULL(0))
	{
		double		level = wb_float8_arg_or(fcinfo, 4, 0.95);

		wb_check_level(level);
		state = wb_state_new(WB_STATE_SPREAD, BGV_NFIELDS);
		s = wb_state_data(state);
		s[BGV_MEASURE] = measure;
		s[BGV_LEVEL] = level;
		s[BGV_HAS_SE] = has_se;
	}
	else
	{
		state = wb_state_running(fcinfo, WB_STATE_SPREAD);
		s = wb_state_data(state);
		if (PG_NARGS() > 4)
			wb_same_param(s[BGV_LEVEL], PG_GETARG_FLOAT8(4), "level");
	}

	w_new = s[BGV_W] + w;
	d = w_new > 0 ? w * (y - s[BGV_M]) / w_new : 0.0;
	/* West: M2 += w (y - m_old)(y - m_new) */
	s[BGV_M2] += w * (y - s[BGV_M]) * (y - s[BGV_M] - d);
	recentre(&s[BGV_A], &s[BGV_B], s[BGV_V], d);
	s[BGV_M] += d;
	s[BGV_W] = w_new;
	s[BGV_N] += 1;
	if (has_se)
	{
		double		v = w * w * se * se;

		r = y - s[BGV_M];
		s[BGV_A] += v * r * r;
		s[BGV_B] += v * r;
		s[BGV_V] += v;
		s[BGV_S2] += v * se * se;
		s[BGV_S3] += v * se * se * w;
	}
	for (i = BGV_N; i < BGV_NFIELDS; i++)
	{
		if (!isfinite(s[i]))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value out of range: overflow in %s", spread_names[measure])));
	}
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
wb_bgv_transfn(PG_FUNCTION_ARGS)
{
	return spread_accumulate(fcinfo, SPREAD_BGV);
}

Datum
wb_bgsd_transfn(PG_FUNCTION_ARGS)
{
	return spread_accumulate(fcinfo, SPREAD_BGSD);
}

Datum
wb_cov_transfn(PG_FUNCTION_ARGS)
{
	return spread_accumulate(fcinfo, SPREAD_COV);
}

/* merge b into a (called by the shared combine function); b is not modified */
static void
spread_merge(double *a, const double *b)
{
	double		w = a[BGV_W] + b[BGV_W];
	double		m = w > 0 ? a[BGV_M] + (b[BGV_M] - a[BGV_M]) * (b[BGV_W] / w) : a[BGV_M];
	double		dm = b[BGV_M] - a[BGV_M];
	double		ab = b[BGV_A],
				bb = b[BGV_B];
	int			i;

	for (i = 1; i <= BGV_NPARAMS; i++)
	{
		if (a[i] != b[i])
			wb_state_merge_sums(a, b, BGV_NPARAMS + 1, BGV_NPARAMS);	/* raises */
	}
	if (w > 0)
		a[BGV_M2] += b[BGV_M2] + dm * dm * a[BGV_W] * b[BGV_W] / w;
	recentre(&a[BGV_A], &a[BGV_B], a[BGV_V], m - a[BGV_M]);
	recentre(&ab, &bb, b[BGV_V], m - b[BGV_M]);
	a[BGV_A] += ab;
	a[BGV_B] += bb;
	a[BGV_M] = m;
	a[BGV_W] = w;
	a[BGV_N] += b[BGV_N];
	a[BGV_V] += b[BGV_V];
	a[BGV_S2] += b[BGV_S2];
	a[BGV_S3] += b[BGV_S3];
}

Datum
wb_bgv_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state = wb_state_get(fcinfo, 0, WB_STATE_SPREAD);
	double	   *s = wb_state_data(state);
	double		w = s[BGV_W];
	double		mu = s[BGV_M];
	double		bgv,
				var_bgv = NAN;
	WbEstimate	e;

	wb_estimate_init(&e, s[BGV_HAS_SE] != 0 ? s[BGV_LEVEL] : NAN);
	e.n = s[BGV_N];
	/* a spread between groups needs two groups */
	if (!(w > 0) || s[BGV_N] < 2)
		PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &e));

	bgv = fmax(s[BGV_M2], 0.0) / w;
	if (s[BGV_HAS_SE] != 0)
	{
		double		w2 = w * w;
		double		sum_p2se2 = s[BGV_V] / w2;

		var_bgv = 4.0 * fmax(s[BGV_A], 0.0) / w2 +
			2.0 * (sum_p2se2 * sum_p2se2 + s[BGV_S2] / w2 - 2.0 * s[BGV_S3] / (w2 * w));
		var_bgv = fmax(var_bgv, 0.0);
	}

	switch (wb_state_code(s[BGV_MEASURE]))
	{
		case SPREAD_BGV:
			e.value = bgv;
			e.se = sqrt(var_bgv);
			break;
		case SPREAD_BGSD:
			e.value = sqrt(bgv);
			e.se = bgv > 0 ? sqrt(var_bgv) / (2.0 * e.value) : NAN;
			break;
		case SPREAD_COV:
			if (mu != 0)
			{
				double		cov = sqrt(bgv) / mu;

				e.value = cov;
				if (bgv > 0 && !isnan(var_bgv))
				{
					/* delta method on sqrt(BGV) / mu, with cov(BGV, mu) = 2 sum p^2 se^2 (y - mu) */
					double		var_mu = s[BGV_V] / (w * w);
					double		cov_bm = 2.0 * s[BGV_B] / (w * w);
					double		rel = var_bgv / (4.0 * bgv * bgv) + var_mu / (mu * mu) -
						cov_bm / (bgv * mu);

					e.se = fabs(cov) * sqrt(fmax(rel, 0.0));
				}
			}
			break;
	}
	if (!isnan(e.se))
		wb_interval_normal(&e);
	PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &e));
}

/* ----------------------------------------------------------------------
 * relative_inequity(burden, population) OVER (PARTITION BY ...)
 *
 * The Health Equity Tracker's relative inequity of a group: its share of
 * the burden over its share of the population, minus one,
 *	 (burden / sum burden) / (population / sum population) - 1,
 * as a fraction (HET prints percent, rounded).  Sums are over the rows of
 * the window partition that have both values.  NULL when the group's
 * population share is 0 or the partition has no burden.
 * ----------------------------------------------------------------------
 */
typedef struct InequityPartition
{
	bool		computed;
	double		burden;
	double		population;
} InequityPartition;

Datum
wb_relative_inequity(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	InequityPartition *part;
	bool		isnull_b,
				isnull_p;
	double		burden,
				population;

	part = (InequityPartition *) WinGetPartitionLocalMemory(winobj, sizeof(InequityPartition));
	if (!part->computed)
	{
		int64		n = WinGetPartitionRowCount(winobj);
		int64		i;

		for (i = 0; i < n; i++)
		{
			bool		isout;
			Datum		b = WinGetFuncArgInPartition(winobj, 0, i, WINDOW_SEEK_HEAD, false,
													 &isnull_b, &isout);
			Datum		p = WinGetFuncArgInPartition(winobj, 1, i, WINDOW_SEEK_HEAD, false,
													 &isnull_p, &isout);

			if (isnull_b || isnull_p)
				continue;
			wb_check_nonneg(DatumGetFloat8(b), "burden");
			wb_check_nonneg(DatumGetFloat8(p), "population");
			part->burden += DatumGetFloat8(b);
			part->population += DatumGetFloat8(p);
		}
		part->computed = true;
	}

	burden = DatumGetFloat8(WinGetFuncArgCurrent(winobj, 0, &isnull_b));
	population = DatumGetFloat8(WinGetFuncArgCurrent(winobj, 1, &isnull_p));
	if (isnull_b || isnull_p || !(population > 0) || !(part->burden > 0))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((burden / part->burden) / (population / part->population) - 1.0);
}
