/*-------------------------------------------------------------------------
 *
 * ordered.c
 *	  Measures over groups: slope_index, relative_index,
 *	  concentration_index over ordered groups, and attributable_risk and
 *	  attributable_fraction against the most advantaged or the best group.
 *
 * Input is one row per group (value = the group's estimate, weight = its
 * population, position = its order, 1 = most disadvantaged, optional se),
 * or one row per person for concentration_index (position = the ranking
 * variable).  Rows with equal positions share the midpoint of their
 * weighted fractional rank (ridit), so both uses agree.
 *
 * These measures need every row, sorted: the state collects (value,
 * weight, position, se) rows, 32 bytes each, in a float8[] grown by
 * doubling.  Group tables are small; for person-level concentration
 * indices memory grows with the rows (docs/disparity.md).
 *
 * src/ordered.c
 *
 *-------------------------------------------------------------------------
 */
#include "wellbeing.h"

#include <math.h>

#include "args.h"
#include "estimate_type.h"
#include "numeric/dist.h"
#include "numeric/rank.h"
#include "numeric/regress.h"
#include "state.h"
#include "utils/array.h"
#include "common/hashfn.h"
#include "miscadmin.h"
#include "utils/memutils.h"

PG_FUNCTION_INFO_V1(wb_slope_index_transfn);
PG_FUNCTION_INFO_V1(wb_relative_index_transfn);
PG_FUNCTION_INFO_V1(wb_concentration_index_transfn);
PG_FUNCTION_INFO_V1(wb_attributable_transfn);
PG_FUNCTION_INFO_V1(wb_attributable_fraction_transfn);
PG_FUNCTION_INFO_V1(wb_index_of_disparity_transfn);
PG_FUNCTION_INFO_V1(wb_mean_difference_transfn);
PG_FUNCTION_INFO_V1(wb_ordered_finalfn);

typedef enum OrderedMeasure
{
	ORD_SII = 1,
	ORD_RII = 2,
	ORD_CI = 3,
	ORD_PAR = 4,
	ORD_PAF = 5,
	ORD_IDIS = 6,
	ORD_MD = 7
} OrderedMeasure;

/* methods of slope_index and relative_index */
typedef enum RegressionMethod
{
	REG_LINEAR = 1,				/* WLS on ridits (PHE, HD*Calc) */
	REG_LOG = 2,				/* WLS of ln y (PHE transform, rates) */
	REG_LOGIT = 3,				/* WLS of logit y (PHE transform, proportions) */
	REG_PAMUK = 4,				/* relative_index only: SII / mean */
	REG_KUNST_MACKENBACH = 5,	/* relative_index only: yhat(0) / yhat(1) */
	REG_LOGISTIC = 6			/* WHO HEAT v6: binomial GLM with prior weights */
} RegressionMethod;

static const WbMethod slope_methods[] = {
	{"linear", REG_LINEAR},
	{"log", REG_LOG},
	{"logit", REG_LOGIT},
	{"logistic", REG_LOGISTIC},
	{NULL, 0}
};

static const WbMethod relative_methods[] = {
	{"linear", REG_LINEAR},
	{"log", REG_LOG},
	{"logit", REG_LOGIT},
	{"logistic", REG_LOGISTIC},
	{"pamuk", REG_PAMUK},
	{"kunst_mackenbach", REG_KUNST_MACKENBACH},
	{NULL, 0}
};

typedef enum ConcentrationMethod
{
	CI_RELATIVE = 1,
	CI_ABSOLUTE = 2,
	CI_WAGSTAFF = 3,
	CI_ERREYGERS = 4
} ConcentrationMethod;

static const WbMethod concentration_methods[] = {
	{"relative", CI_RELATIVE},
	{"absolute", CI_ABSOLUTE},
	{"wagstaff", CI_WAGSTAFF},
	{"erreygers", CI_ERREYGERS},
	{NULL, 0}
};

static const char *const ordered_names[] = {
	NULL, "slope_index", "relative_index", "concentration_index",
	"attributable_risk", "attributable_fraction", "index_of_disparity", "mean_difference"
};

/* reference points of index_of_disparity and mean_difference */
typedef enum ReferencePoint
{
	REF_MEAN = 1,				/* population-weighted (HEAT IDISW, MDMW) */
	REF_MEAN_UNWEIGHTED = 2,	/* HEAT IDISU, MDMU (the mean is still weighted) */
	REF_BEST = 3,				/* IDisp of Healthy People; HEAT MDBW */
	REF_BEST_UNWEIGHTED = 4,	/* HEAT MDBU */
	REF_DESIGNATED = 5,			/* a designated reference group: HEAT MDRW */
	REF_DESIGNATED_UNWEIGHTED = 6	/* HEAT MDRU */
} ReferencePoint;

static const WbMethod idis_references[] = {
	{"mean", REF_MEAN},
	{"mean_unweighted", REF_MEAN_UNWEIGHTED},
	{"best", REF_BEST},
	{NULL, 0}
};

static const WbMethod md_references[] = {
	{"mean", REF_MEAN},
	{"mean_unweighted", REF_MEAN_UNWEIGHTED},
	{"best", REF_BEST},
	{"best_unweighted", REF_BEST_UNWEIGHTED},
	{"reference", REF_DESIGNATED},
	{"reference_unweighted", REF_DESIGNATED_UNWEIGHTED},
	{NULL, 0}
};

/* the higher_is_better flag rides in the method field above the reference code */
#define REF_HIGHER_IS_BETTER 8
#define SIM_DRAWS 10000
#define SIM_MAX_GROUPS 1000

/*
 * attributable_risk/fraction keep their options in the method field:
 * bit 0 = higher is better, bit 1 = ordered (positions given).
 */
#define PAR_HIGHER_IS_BETTER 1
#define PAR_ORDERED 2

enum
{
	GRP_MEASURE = 1, GRP_METHOD, GRP_LEVEL,	/* parameters */
	GRP_MISSING_SE,				/* rows without se */
	GRP_USED,					/* rows held */
	GRP_HEADER
};
#define GRP_NPARAMS 3
#define GRP_STRIDE 4			/* value, weight, position, se */

typedef struct GroupRow
{
	double		value;
	double		weight;
	double		position;
	double		se;				/* NaN when not given */
} GroupRow;

StaticAssertDecl(sizeof(GroupRow) == GRP_STRIDE * sizeof(double), "GroupRow must match the state stride");

#define GRP_MAX_ROWS 25000000	/* 800 MB of rows, under the 1 GB limit of a value */

static void groups_check(const double *s, int64 length, bool rows);
static ArrayType *groups_merge(ArrayType *a, ArrayType *b);

static const WbField groups_fields[] = {
	{"measure", WB_FIELD_CODE, ORD_SII, ORD_MD},
	/* a method, or a reference point plus REF_HIGHER_IS_BETTER, or PAR flags */
	{"method", WB_FIELD_CODE, 0, REF_DESIGNATED_UNWEIGHTED + REF_HIGHER_IS_BETTER},
	{"level", WB_FIELD_LEVEL},
	{"rows without se", WB_FIELD_COUNT},
	{"rows", WB_FIELD_COUNT},
};

static const WbField groups_row[] = {
	{"value", WB_FIELD_FINITE},
	{"weight", WB_FIELD_NONNEG},
	{"position", WB_FIELD_NAN_OR_FINITE},	/* NaN: unordered measures */
	{"se", WB_FIELD_NAN_OR_NONNEG},
};

StaticAssertDecl(WB_FIELDS(groups_fields) == GRP_HEADER, "groups state header");
StaticAssertDecl(lengthof(groups_row) == GRP_STRIDE, "groups state row");

/* the measures whose _state aggregates make this kind, and their codes */
static const WbMeasure groups_measures[] = {
	{"slope_index", ORD_SII},
	{"relative_index", ORD_RII},
	{"concentration_index", ORD_CI},
	{"attributable_risk", ORD_PAR},
	{"attributable_fraction", ORD_PAF},
	{"index_of_disparity", ORD_IDIS},
	{"mean_difference", ORD_MD},
};

const WbStateKindInfo wb_kind_groups = {
	.kind = WB_STATE_GROUPS,.name = "groups",.version = WB_STATE_VERSION,
	.nheader = GRP_HEADER,.header = groups_fields,.nparams = GRP_NPARAMS,
	.stride = GRP_STRIDE,.row = groups_row,.used = GRP_USED,.max_rows = GRP_MAX_ROWS,
	.check = groups_check,.merge_states = groups_merge,
	.grows = true,
	.measures = groups_measures,.nmeasures = lengthof(groups_measures),
};

static void
groups_check(const double *s, int64 length, bool rows)
{
	if (s[GRP_MISSING_SE] > s[GRP_USED])
		wb_state_error("The state's header does not match its contents.");
}

static ArrayType *
groups_state_get(FunctionCallInfo fcinfo, int argno)
{
	return wb_state_get(fcinfo, argno, WB_STATE_GROUPS);
}

/*
 * Add one row to the state at argument 0, creating it with params on the
 * first row and otherwise checking that params have not changed
 * (mismatch: the arguments they come from, for the error).
 */
static Datum
groups_add_row(FunctionCallInfo fcinfo, const double *params, const GroupRow *row,
			   const char *mismatch)
{
	ArrayType  *state;
	double	   *s;

	if (PG_ARGISNULL(0))
	{
		wb_check_level(params[GRP_LEVEL]);
		state = wb_rows_new(WB_STATE_GROUPS, 0, params);
	}
	else
	{
		/* the rows are not read here: the header and the room are checked */
		state = wb_state_running(fcinfo, WB_STATE_GROUPS);
		s = wb_state_data(state);
		wb_same_params(s + 1, params + 1, GRP_NPARAMS, mismatch);
	}
	state = wb_rows_append(state, (const double *) row);
	if (isnan(row->se))
		wb_state_data(state)[GRP_MISSING_SE] += 1;
	return wb_state_result(fcinfo, state);
}

/*
 * One row: (state, value, weight, position [, se [, method [, level]]]).
 * NULL value, weight or position skip the row; a NULL se only means this
 * group has no standard error (then the measure has no interval).
 */
static Datum
groups_accumulate(FunctionCallInfo fcinfo, int measure, const WbMethod *methods)
{
	double		params[GRP_HEADER] = {0};
	GroupRow	row;
	int			i;

	for (i = 1; i <= 3; i++)
	{
		if (PG_ARGISNULL(i))
			return wb_state_unchanged(fcinfo);
	}
	row.value = PG_GETARG_FLOAT8(1);
	row.weight = PG_GETARG_FLOAT8(2);
	row.position = PG_GETARG_FLOAT8(3);
	row.se = (PG_NARGS() > 4 && !PG_ARGISNULL(4)) ? PG_GETARG_FLOAT8(4) : NAN;
	wb_check_finite(row.value, "value");
	wb_check_nonneg(row.weight, "weight");
	wb_check_finite(row.position, "position");
	if (!isnan(row.se))
		wb_check_nonneg(row.se, "se");

	params[GRP_MEASURE] = measure;
	params[GRP_METHOD] = (PG_NARGS() > 5 && !PG_ARGISNULL(5)) ?
		wb_method_arg(fcinfo, 5, methods, ordered_names[measure]) : methods[0].code;
	params[GRP_LEVEL] = (PG_NARGS() > 6 && !PG_ARGISNULL(6)) ? PG_GETARG_FLOAT8(6) : 0.95;

	/* transformed fits take ln y or logit y; bounded indices need y in [0, 1] */
	if (measure != ORD_CI && params[GRP_METHOD] == REG_LOG)
		wb_check_positive(row.value, "value");
	else if (measure != ORD_CI && params[GRP_METHOD] == REG_LOGISTIC &&
			 !(row.value >= 0 && row.value <= 1))
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("value must lie between 0 and 1 for method logistic, got %g", row.value),
				 errhint("Proportions are fractions: 0.42, not 42.")));
	else if (measure != ORD_CI && params[GRP_METHOD] == REG_LOGIT &&
			 !(row.value > 0 && row.value < 1))
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("value must lie strictly between 0 and 1 for method logit, got %g", row.value)));
	else if (measure == ORD_CI &&
			 (params[GRP_METHOD] == CI_WAGSTAFF || params[GRP_METHOD] == CI_ERREYGERS) &&
			 !(row.value >= 0 && row.value <= 1))
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("value must lie between 0 and 1 for method %s, got %g",
						params[GRP_METHOD] == CI_WAGSTAFF ? "wagstaff" : "erreygers", row.value),
				 errhint("Bounded indicators are fractions: 0.42, not 42.")));

	return groups_add_row(fcinfo, params, &row,
						  "method and level");
}

Datum
wb_slope_index_transfn(PG_FUNCTION_ARGS)
{
	return groups_accumulate(fcinfo, ORD_SII, slope_methods);
}

Datum
wb_relative_index_transfn(PG_FUNCTION_ARGS)
{
	return groups_accumulate(fcinfo, ORD_RII, relative_methods);
}

Datum
wb_concentration_index_transfn(PG_FUNCTION_ARGS)
{
	return groups_accumulate(fcinfo, ORD_CI, concentration_methods);
}

/*
 * attributable_risk / attributable_fraction:
 * (state, value, weight, higher_is_better [, position [, level]]).
 * Without positions the reference is the best group; with them, the most
 * advantaged (highest position).  Rows go into the same state as the
 * ordered measures, with a NaN position when there is none.
 */
static Datum
attributable_accumulate(FunctionCallInfo fcinfo, int measure)
{
	double		params[GRP_HEADER] = {0};
	GroupRow	row;
	bool		ordered = PG_NARGS() > 4;

	if (wb_any_arg_null(fcinfo, 1))
		return wb_state_unchanged(fcinfo);
	row.value = PG_GETARG_FLOAT8(1);
	row.weight = PG_GETARG_FLOAT8(2);
	row.position = ordered ? PG_GETARG_FLOAT8(4) : NAN;
	row.se = NAN;
	wb_check_finite(row.value, "value");
	wb_check_nonneg(row.weight, "weight");
	if (ordered)
		wb_check_finite(row.position, "position");

	params[GRP_MEASURE] = measure;
	params[GRP_METHOD] = (PG_GETARG_BOOL(3) ? PAR_HIGHER_IS_BETTER : 0) | (ordered ? PAR_ORDERED : 0);
	params[GRP_LEVEL] = wb_float8_arg_or(fcinfo, 5, 0.95);

	return groups_add_row(fcinfo, params, &row,
						  "higher_is_better and level");
}

Datum
wb_attributable_transfn(PG_FUNCTION_ARGS)
{
	return attributable_accumulate(fcinfo, ORD_PAR);
}

Datum
wb_attributable_fraction_transfn(PG_FUNCTION_ARGS)
{
	return attributable_accumulate(fcinfo, ORD_PAF);
}

/*
 * index_of_disparity / mean_difference:
 * (state, value, weight, reference text [, higher_is_better [, se [, level]]]).
 */
static Datum
reference_accumulate(FunctionCallInfo fcinfo, int measure, const WbMethod *refs)
{
	double		params[GRP_HEADER] = {0};
	GroupRow	row;
	int			i;

	for (i = 1; i <= 3; i++)
	{
		if (PG_ARGISNULL(i))
			return wb_state_unchanged(fcinfo);
	}
	row.value = PG_GETARG_FLOAT8(1);
	row.weight = PG_GETARG_FLOAT8(2);
	row.position = NAN;
	row.se = (PG_NARGS() > 5 && !PG_ARGISNULL(5)) ? PG_GETARG_FLOAT8(5) : NAN;
	wb_check_finite(row.value, "value");
	wb_check_nonneg(row.weight, "weight");
	if (!isnan(row.se))
		wb_check_nonneg(row.se, "se");

	params[GRP_MEASURE] = measure;
	params[GRP_METHOD] = wb_method_arg(fcinfo, 3, refs, ordered_names[measure]);
	if (params[GRP_METHOD] == REF_DESIGNATED || params[GRP_METHOD] == REF_DESIGNATED_UNWEIGHTED)
	{
		/*
		 * from 'reference': the fourth argument says which row is the
		 * reference group (mean_difference(value, weight, from
		 * [, is_reference])); the position field carries it
		 */
		row.position = (PG_NARGS() > 4 && !PG_ARGISNULL(4) && PG_GETARG_BOOL(4)) ? 1.0 : 0.0;
	}
	else if (!(PG_NARGS() > 4 && !PG_ARGISNULL(4) && !PG_GETARG_BOOL(4)))
		params[GRP_METHOD] += REF_HIGHER_IS_BETTER;
	params[GRP_LEVEL] = (PG_NARGS() > 6 && !PG_ARGISNULL(6)) ? PG_GETARG_FLOAT8(6) : 0.95;

	return groups_add_row(fcinfo, params, &row,
						  "reference, higher_is_better and level");
}

Datum
wb_index_of_disparity_transfn(PG_FUNCTION_ARGS)
{
	return reference_accumulate(fcinfo, ORD_IDIS, idis_references);
}

Datum
wb_mean_difference_transfn(PG_FUNCTION_ARGS)
{
	return reference_accumulate(fcinfo, ORD_MD, md_references);
}

/* merged copy of two validated states with the same parameters */
static ArrayType *
groups_merge(ArrayType *a, ArrayType *b)
{
	ArrayType  *m = wb_rows_concat(a, b);

	wb_state_data(m)[GRP_MISSING_SE] = wb_state_data(a)[GRP_MISSING_SE] + wb_state_data(b)[GRP_MISSING_SE];
	return m;
}

static int
group_row_cmp(const void *a, const void *b)
{
	const GroupRow *ra = (const GroupRow *) a;
	const GroupRow *rb = (const GroupRow *) b;

	/*
	 * By position (missing positions, NaN, are equal to each other); the rest
	 * only makes the order independent of the input order.
	 */
	if (isnan(ra->position) != isnan(rb->position))
		return isnan(ra->position) ? 1 : -1;
	if (!isnan(ra->position) && ra->position != rb->position)
		return ra->position < rb->position ? -1 : 1;
	if (ra->value != rb->value)
		return ra->value < rb->value ? -1 : 1;
	if (ra->weight != rb->weight)
		return ra->weight < rb->weight ? -1 : 1;
	if (isnan(ra->se) != isnan(rb->se))
		return isnan(ra->se) ? 1 : -1;
	if (!isnan(ra->se) && ra->se != rb->se)
		return ra->se < rb->se ? -1 : 1;
	return 0;
}

/* inverse link and its derivative for the transformed fits */
static double
inv_link(int method, double eta)
{
	if (method == REG_LOG)
		return exp(eta);
	if (method == REG_LOGIT)
		return 1.0 / (1.0 + exp(-eta));
	return eta;
}

static double
inv_link_deriv(int method, double eta)
{
	if (method == REG_LOG)
		return exp(eta);
	if (method == REG_LOGIT)
	{
		double		p = 1.0 / (1.0 + exp(-eta));

		return p * (1.0 - p);
	}
	return 1.0;
}

/* se^2 = sum (grad_i se_i)^2 */
static double
delta_se(const double *grad, const double *se, int64 n)
{
	double		ss = 0;
	int64		i;

	for (i = 0; i < n; i++)
	{
		WB_CHECK_INTERRUPTS_EVERY(i);
		ss += grad[i] * grad[i] * se[i] * se[i];
	}
	return sqrt(ss);
}

/*
 * slope_index and relative_index: fit t(y) = a + b X by WLS with the
 * population weights, X the ridits; yhat(X) = g^-1(a + b X).  Group SEs
 * give delta-method SEs through the linear coefficients of a and b.
 */
static void
regression_measure(int measure, int method, const double *x, const double *y,
				   const double *w, const double *se, int64 n, bool have_se,
				   double wsum, WbEstimate *e)
{
	int			fit_method = (method == REG_PAMUK || method == REG_KUNST_MACKENBACH) ? REG_LINEAR : method;
	double	   *t = palloc(sizeof(double) * n);
	double	   *se_t = palloc(sizeof(double) * n);
	double	   *cb = palloc(sizeof(double) * n);
	double	   *ca = palloc(sizeof(double) * n);
	double	   *grad = palloc(sizeof(double) * n);
	WbLine		fit;
	double		y0,
				y1,
				d0,
				d1;
	bool		log_scale = false;
	int64		i;

	for (i = 0; i < n; i++)
	{
		WB_CHECK_INTERRUPTS_EVERY(i);
		if (fit_method == REG_LOG)
		{
			t[i] = log(y[i]);
			se_t[i] = se[i] / y[i];
		}
		else if (fit_method == REG_LOGIT)
		{
			t[i] = log(y[i] / (1.0 - y[i]));
			se_t[i] = se[i] / (y[i] * (1.0 - y[i]));
		}
		else
		{
			t[i] = y[i];
			se_t[i] = se[i];
		}
	}
	if (!wb_wls_line(x, t, w, n, &fit, cb, ca))
		return;					/* one position only: no slope */

	y0 = inv_link(fit_method, fit.a);
	y1 = inv_link(fit_method, fit.a + fit.b);
	d0 = inv_link_deriv(fit_method, fit.a);
	d1 = inv_link_deriv(fit_method, fit.a + fit.b);

	if (measure == ORD_SII)
	{
		e->value = y1 - y0;
		for (i = 0; i < n; i++)
		{
			WB_CHECK_INTERRUPTS_EVERY(i);
			grad[i] = d1 * (ca[i] + cb[i]) - d0 * ca[i];
		}
	}
	else if (method == REG_PAMUK)
	{
		/* SII / mean of the linear fit: b / ybar */
		e->value = fit.b / fit.ybar;
		for (i = 0; i < n; i++)
		{
			WB_CHECK_INTERRUPTS_EVERY(i);
			grad[i] = cb[i] / fit.ybar - fit.b * (w[i] / wsum) / (fit.ybar * fit.ybar);
		}
	}
	else
	{
		/* ratio of the fitted ends, its SE on the log scale */
		bool		km = method == REG_KUNST_MACKENBACH;

		/* a fitted end at or below zero makes the ratio meaningless */
		if (!(y0 > 0) || !(y1 > 0))
			return;
		e->value = km ? y0 / y1 : y1 / y0;
		for (i = 0; i < n; i++)
		{
			WB_CHECK_INTERRUPTS_EVERY(i);
			grad[i] = (d1 * (ca[i] + cb[i]) / y1 - d0 * ca[i] / y0) * (km ? -1.0 : 1.0);
		}
		log_scale = true;
	}

	if (have_se)
	{
		double		s = delta_se(grad, se_t, n);

		if (log_scale)
		{
			double		z = wb_z_crit(e->level);

			e->se = e->value * s;
			e->lower = exp(log(e->value) - z * s);
			e->upper = exp(log(e->value) + z * s);
		}
		else
		{
			e->se = s;
			wb_interval_normal(e);
		}
	}
}

/*
 * slope_index / relative_index with method logistic, as WHO HEAT v6 and
 * healthequal: group j becomes d_j = round(y_j n_j) successes of
 * n_j = ceil(N_j), and logit P(X) = a + b X is fitted by R's glm with prior
 * weights N_j, i.e. the score equations sum N_j n_j (y'_j - P_j) (1, X_j) = 0
 * with y'_j = d_j / n_j (groups count with weight ~ N_j^2, which the WHO
 * test values require).  SII = P(1) - P(0), RII = P(1) / P(0).  The SE is
 * the delta method on (a, b) with the HC1 sandwich (marginaleffects,
 * vcov = "HC1"): estfun_j = N_j n_j (y'_j - P_j) (1, X_j), scaled by
 * J / (J - 2).  Group SEs are not used.
 */
static void
logistic_measure(int measure, const double *x, const double *y, const double *w,
				 int64 n, WbEstimate *e)
{
	double	   *ny = palloc(sizeof(double) * n);
	double	   *pw = palloc(sizeof(double) * n);
	double		a = 0,
				b = 0,
				p0,
				p1,
				v[3],
				det;
	int64		i;
	int			iter;

	for (i = 0; i < n; i++)
	{
		double		nj = ceil(w[i]);

		WB_CHECK_INTERRUPTS_EVERY(i);
		ny[i] = nj > 0 ? rint(y[i] * nj) / nj : 0;	/* R's round: half to even */
		pw[i] = w[i] * nj;		/* prior weight x binomial total */
	}

	/* Newton-Raphson (= IRLS for the canonical link) */
	for (iter = 0; iter < 100; iter++)
	{
		double		g0 = 0,
					g1 = 0,
					h00 = 0,
					h01 = 0,
					h11 = 0,
					da,
					db;

		CHECK_FOR_INTERRUPTS();	/* each iteration is a pass over the groups */

		for (i = 0; i < n; i++)
		{
			double		p = 1.0 / (1.0 + exp(-(a + b * x[i])));
			double		q = pw[i] * p * (1.0 - p);

			g0 += pw[i] * (ny[i] - p);
			g1 += pw[i] * (ny[i] - p) * x[i];
			h00 += q;
			h01 += q * x[i];
			h11 += q * x[i] * x[i];
		}
		det = h00 * h11 - h01 * h01;
		if (!(det > 0))
			return;
		da = (h11 * g0 - h01 * g1) / det;
		db = (h00 * g1 - h01 * g0) / det;
		a += da;
		b += db;
		if (fabs(da) + fabs(db) < 1e-12 * (1.0 + fabs(a) + fabs(b)))
			break;
	}
	if (iter == 100 || !isfinite(a) || !isfinite(b))
		return;					/* no convergence (e.g. all groups at 0 or 1) */

	/* HC1 sandwich: bread = (X'WX)^-1, meat = sum estfun estfun' */
	{
		double		h00 = 0,
					h01 = 0,
					h11 = 0,
					m00 = 0,
					m01 = 0,
					m11 = 0,
					i00,
					i01,
					i11,
					t00,
					t01,
					t10,
					t11,
					hc1 = n > 2 ? (double) n / (n - 2) : NAN;
		double		g[2];
		double		z = wb_z_crit(e->level);

		for (i = 0; i < n; i++)
		{
			double		p = 1.0 / (1.0 + exp(-(a + b * x[i])));
			double		q = pw[i] * p * (1.0 - p);
			double		u = pw[i] * (ny[i] - p);

			WB_CHECK_INTERRUPTS_EVERY(i);
			h00 += q;
			h01 += q * x[i];
			h11 += q * x[i] * x[i];
			m00 += u * u;
			m01 += u * u * x[i];
			m11 += u * u * x[i] * x[i];
		}
		det = h00 * h11 - h01 * h01;
		i00 = h11 / det;
		i01 = -h01 / det;
		i11 = h00 / det;
		/* V = I M I */
		t00 = i00 * m00 + i01 * m01;
		t01 = i00 * m01 + i01 * m11;
		t10 = i01 * m00 + i11 * m01;
		t11 = i01 * m01 + i11 * m11;
		v[0] = (t00 * i00 + t01 * i01) * hc1;
		v[1] = (t00 * i01 + t01 * i11) * hc1;
		v[2] = (t10 * i01 + t11 * i11) * hc1;

		p0 = 1.0 / (1.0 + exp(-a));
		p1 = 1.0 / (1.0 + exp(-(a + b)));
		if (measure == ORD_SII)
		{
			e->value = p1 - p0;
			g[0] = p1 * (1.0 - p1) - p0 * (1.0 - p0);
			g[1] = p1 * (1.0 - p1);
			e->se = sqrt(g[0] * g[0] * v[0] + 2.0 * g[0] * g[1] * v[1] + g[1] * g[1] * v[2]);
			wb_interval_normal(e);
		}
		else
		{
			double		se_log;

			e->value = p1 / p0;
			g[0] = p0 - p1;		/* d ln(p1/p0) / da */
			g[1] = 1.0 - p1;	/* d ln(p1/p0) / db */
			se_log = sqrt(g[0] * g[0] * v[0] + 2.0 * g[0] * g[1] * v[1] + g[1] * g[1] * v[2]);
			e->se = e->value * se_log;
			e->lower = exp(log(e->value) - z * se_log);
			e->upper = exp(log(e->value) + z * se_log);
		}
	}
}

/*
 * concentration_index: ACI = sum p (2X - 1) y, RCI = ACI / mu; Wagstaff
 * RCI / (1 - mu) and Erreygers 4 ACI for indicators bounded in [0, 1].
 * With group SEs the SE is by the delta method (groups independent);
 * without, it is the convenient-regression SE (Kakwani et al. 1997, WHO
 * HEAT): the WLS slope of 2 var(X) y on X, residual variance on n - 2
 * degrees of freedom.
 */
static void
concentration_measure(int method, const double *x, const double *y,
					  const double *w, const double *se, int64 n, bool have_se,
					  double wsum, WbEstimate *e)
{
	double	   *grad = palloc(sizeof(double) * n);
	double	   *ys = palloc(sizeof(double) * n);
	double		mu = 0,
				aci = 0,
				var_x = 0,
				scale;
	int64		i;

	for (i = 0; i < n; i++)
	{
		double		p = w[i] / wsum;

		WB_CHECK_INTERRUPTS_EVERY(i);
		mu += p * y[i];
		aci += p * (2.0 * x[i] - 1.0) * y[i];
		var_x += p * (x[i] - 0.5) * (x[i] - 0.5);
	}

	/* value = aci * scale, and d value / d y_i = grad_i */
	switch (method)
	{
		case CI_ABSOLUTE:
			scale = 1.0;
			break;
		case CI_ERREYGERS:
			scale = 4.0;
			break;
		case CI_WAGSTAFF:
			if (mu <= 0 || mu >= 1)
				return;
			scale = 1.0 / (mu * (1.0 - mu));
			break;
		default:
			if (mu == 0)
				return;
			scale = 1.0 / mu;
			break;
	}
	e->value = aci * scale;

	if (have_se)
	{
		for (i = 0; i < n; i++)
		{
			double		p = w[i] / wsum;
			double		g = p * (2.0 * x[i] - 1.0) * scale;

			WB_CHECK_INTERRUPTS_EVERY(i);
			/* the mean in the denominator moves too */
			if (method == CI_RELATIVE)
				g -= e->value * p / mu;
			else if (method == CI_WAGSTAFF)
				g -= e->value * p * (1.0 - 2.0 * mu) / (mu * (1.0 - mu));
			grad[i] = g;
		}
		e->se = delta_se(grad, se, n);
		wb_interval_normal(e);
	}
	else
	{
		WbLine		fit;

		for (i = 0; i < n; i++)
		{
			WB_CHECK_INTERRUPTS_EVERY(i);
			ys[i] = 2.0 * var_x * y[i] * scale;
		}
		if (wb_wls_line(x, ys, w, n, &fit, NULL, NULL) && !isnan(fit.resid_var))
		{
			e->se = sqrt(fit.resid_var / (fit.sxx * wsum));
			wb_interval_normal(e);
		}
	}
}

/*
 * PAR = y_ref - mu, PAF = PAR / mu (WHO HEAT), truncated at zero on the
 * side that means "no excess": for a favourable indicator a negative PAR
 * is 0, for an adverse one a positive PAR is 0.  y_ref is the most
 * advantaged group (ordered) or the best group.  The SE is HEAT's (Walter)
 * 2x2-table formula on the fraction scale, for indicators that are
 * proportions (all values in [0, 1]); other indicators get no interval.
 */
static void
attributable_measure(int measure, int options, const double *y, const double *w,
					 const double *pos, int64 n, double wsum, WbEstimate *e)
{
	bool		better_high = (options & PAR_HIGHER_IS_BETTER) != 0;
	bool		ordered = (options & PAR_ORDERED) != 0;
	double		mu = 0,
				yref,
				nref = 0,
				par;
	bool		proportions = true;
	int64		i,
				ref = 0;

	for (i = 0; i < n; i++)
	{
		WB_CHECK_INTERRUPTS_EVERY(i);
		mu += w[i] / wsum * y[i];
		if (y[i] < 0 || y[i] > 1)
			proportions = false;
		if (ordered ? pos[i] > pos[ref] :
			(better_high ? y[i] > y[ref] : y[i] < y[ref]))
			ref = i;
	}
	yref = y[ref];
	/* the reference is the whole group at that position (ties pooled) */
	if (ordered)
	{
		double		sy = 0;

		for (i = 0; i < n; i++)
		{
			WB_CHECK_INTERRUPTS_EVERY(i);
			if (pos[i] == pos[ref])
			{
				nref += w[i];
				sy += w[i] * y[i];
			}
		}
		yref = sy / nref;
	}
	else
		nref = w[ref];

	par = yref - mu;
	if ((better_high && par < 0) || (!better_high && par > 0))
		par = 0;
	if (measure == ORD_PAR)
		e->value = par;
	else if (mu != 0)
		e->value = par / mu;
	else
		return;

	if (proportions && mu > 0)
	{
		double		c = yref * nref,
					d = nref - c,
					a = mu * wsum - c,
					b = wsum - a - nref,
					t = a + b + c + d;
		double		se_f = sqrt(c * t * (a * d * (t - c) + b * c * c) /
								(pow(a + c, 3) * pow(c + d, 3)));

		if (isfinite(se_f))
		{
			e->se = measure == ORD_PAR ? mu * se_f : se_f;
			wb_interval_normal(e);
		}
	}
}

/*
 * index_of_disparity and mean_difference of one set of group values
 * (WHO HEAT IDISU/IDISW, MDMU/MDMW, MDBU/MDBW; Healthy People IDisp), as
 * fractions.  mu is the population-weighted mean in every form.
 */
static double
reference_value(int measure, int method, const double *y, const double *w,
				const double *pos, int64 n, double wsum)
{
	int			ref_kind = method % REF_HIGHER_IS_BETTER;
	bool		better_high = method >= REF_HIGHER_IS_BETTER;
	double		mu = 0,
				sum = 0,
				best;
	int64		i,
				b = 0;

	for (i = 0; i < n; i++)
	{
		WB_CHECK_INTERRUPTS_EVERY(i);
		mu += w[i] / wsum * y[i];
		if (better_high ? y[i] > y[b] : y[i] < y[b])
			b = i;
	}
	best = y[b];
	if (ref_kind == REF_DESIGNATED || ref_kind == REF_DESIGNATED_UNWEIGHTED)
	{
		/* the designated group (exactly one, checked by the caller) */
		for (i = 0; i < n; i++)
		{
			WB_CHECK_INTERRUPTS_EVERY(i);
			if (pos[i] == 1.0)
				best = y[i];
		}
	}

	if (ref_kind == REF_MEAN || ref_kind == REF_MEAN_UNWEIGHTED)
	{
		for (i = 0; i < n; i++)
		{
			WB_CHECK_INTERRUPTS_EVERY(i);
			sum += (ref_kind == REF_MEAN ? w[i] / wsum : 1.0 / n) * fabs(y[i] - mu);
		}
		if (measure == ORD_IDIS)
			return mu != 0 ? sum / mu : NAN;
		return sum;
	}
	if (measure == ORD_IDIS)
	{
		/* Pearcy & Keppel: mean absolute difference of the other groups from the best, over the best */
		for (i = 0; i < n; i++)
		{
			WB_CHECK_INTERRUPTS_EVERY(i);
			if (i != b)
				sum += fabs(y[i] - best);
		}
		return best != 0 ? sum / (n - 1) / best : NAN;
	}
	for (i = 0; i < n; i++)
	{
		WB_CHECK_INTERRUPTS_EVERY(i);
		sum += (ref_kind == REF_BEST || ref_kind == REF_DESIGNATED ? w[i] / wsum : 1.0 / n) *
			fabs(best - y[i]);
	}
	return sum;
}

/*
 * Simulation interval (the anchors' method, with enough draws): draw each
 * group's value from Normal(y, se), redrawn until non-negative when every
 * value is (as WHO HEAT), recompute the measure, and take the 2.5th and
 * 97.5th percentiles (R type 7) of 10 000 draws; se = their SD.  The seed
 * is a hash of the sorted input, so the same groups give the same interval.
 */
static void
reference_simulate(int measure, int method, const GroupRow *rows_sorted,
				   const double *y, const double *w, const double *se, const double *pos,
				   int64 n, double wsum, WbEstimate *e)
{
	double	   *draws = palloc(sizeof(double) * SIM_DRAWS);
	double	   *ysim = palloc(sizeof(double) * n);
	bool		non_negative = true;
	uint64		h = hash_bytes_extended((const unsigned char *) rows_sorted,
										sizeof(GroupRow) * n, 0x57656c6c);
	double		mean = 0,
				ss = 0;
	int			k,
				kept = 0;
	int64		i;

	for (i = 0; i < n; i++)
	{
		if (y[i] < 0)
			non_negative = false;
	}
	wb_rng_seed((unsigned int) (h >> 32), (unsigned int) h);
	for (k = 0; k < SIM_DRAWS; k++)
	{
		double		v;

		for (i = 0; i < n; i++)
		{
			int			tries = 0;

			do
				ysim[i] = y[i] + se[i] * wb_rnorm();
			while (non_negative && ysim[i] < 0 && ++tries < 1000);
			if (non_negative && ysim[i] < 0)
				ysim[i] = 0;
		}
		v = reference_value(measure, method, ysim, w, pos, n, wsum);
		if (isfinite(v))
			draws[kept++] = v;
		if ((k & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	if (kept < SIM_DRAWS / 2)
		return;					/* the measure is undefined too often */
	wb_sort_doubles(draws, kept);
	for (k = 0; k < kept; k++)
		mean += draws[k] / kept;
	for (k = 0; k < kept; k++)
		ss += (draws[k] - mean) * (draws[k] - mean);
	e->se = sqrt(ss / (kept - 1));
	e->lower = wb_quantile7(draws, kept, (1.0 - e->level) / 2.0);
	e->upper = wb_quantile7(draws, kept, 1.0 - (1.0 - e->level) / 2.0);
}

Datum
wb_ordered_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state = groups_state_get(fcinfo, 0);
	double	   *s = wb_state_data(state);
	int64		n = (int64) s[GRP_USED];
	int			measure = wb_state_code(s[GRP_MEASURE]);
	int			method = wb_state_code(s[GRP_METHOD]);
	bool		have_se = s[GRP_MISSING_SE] == 0;
	GroupRow   *rows;
	double	   *x,
			   *y,
			   *w,
			   *se,
			   *pos;
	double		wsum = 0;
	int64		i,
				kept = 0;
	WbEstimate	e;

	wb_estimate_init(&e, s[GRP_LEVEL]);
	e.n = n;

	/* sort a copy: a final function must leave the state untouched */
	rows = palloc(sizeof(GroupRow) * Max(n, 1));
	memcpy(rows, s + GRP_HEADER, sizeof(GroupRow) * n);
	wb_sort_stable(rows, n, sizeof(GroupRow), group_row_cmp);

	x = palloc(sizeof(double) * Max(n, 1));
	y = palloc(sizeof(double) * Max(n, 1));
	w = palloc(sizeof(double) * Max(n, 1));
	se = palloc(sizeof(double) * Max(n, 1));
	pos = palloc(sizeof(double) * Max(n, 1));
	for (i = 0; i < n; i++)
	{
		WB_CHECK_INTERRUPTS_EVERY(i);
		/* rows of a state that came from SQL are checked like input rows */
		wb_check_finite(rows[i].value, "value");
		wb_check_nonneg(rows[i].weight, "weight");
		if (!(measure == ORD_IDIS || measure == ORD_MD ||
			  ((measure == ORD_PAR || measure == ORD_PAF) && !(method & PAR_ORDERED))))
			wb_check_finite(rows[i].position, "position");
		if (!isnan(rows[i].se))
			wb_check_nonneg(rows[i].se, "se");
		if (rows[i].weight == 0)
			continue;			/* a group with no population has no rank */
		y[kept] = rows[i].value;
		w[kept] = rows[i].weight;
		se[kept] = rows[i].se;
		pos[kept] = rows[i].position;
		wsum += rows[i].weight;
		kept++;
	}
	if (measure == ORD_IDIS || measure == ORD_MD)
	{
		/* a disparity needs two groups */
		if (method == REF_DESIGNATED || method == REF_DESIGNATED_UNWEIGHTED)
		{
			int64		references = 0;

			for (i = 0; i < kept; i++)
			{
				if (!(pos[i] == 0.0 || pos[i] == 1.0))
					wb_state_error("A reference flag is neither 0 nor 1.");
				references += pos[i] == 1.0;
			}
			if (references != 1)
				ereport(ERROR,
						(errcode(WB_ERRCODE_BAD_ARGUMENT),
						 errmsg("mean_difference from 'reference' needs exactly one group with is_reference true, got %lld",
								(long long) references)));
		}
		if (kept >= 2 && wsum > 0)
		{
			e.value = reference_value(measure, method, y, w, pos, kept, wsum);
			if (have_se && isfinite(e.value) && kept <= SIM_MAX_GROUPS)
				reference_simulate(measure, method, rows, y, w, se, pos, kept, wsum, &e);
		}
		PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &e));
	}

	if (measure == ORD_PAR || measure == ORD_PAF)
	{
		/* a reference and a mean need two groups */
		if (kept >= 2 && wsum > 0)
			attributable_measure(measure, method, y, w, pos, kept, wsum, &e);
		PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &e));
	}

	/* the measures compare at least two positions */
	if (kept < 2 || pos[0] == pos[kept - 1] || !(wsum > 0))
		PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &e));

	wb_fractional_ranks(pos, w, kept, wsum, x);
	if (measure == ORD_CI)
		concentration_measure(method, x, y, w, se, kept, have_se, wsum, &e);
	else if (method == REG_LOGISTIC)
		logistic_measure(measure, x, y, w, kept, &e);
	else
		regression_measure(measure, method, x, y, w, se, kept, have_se, wsum, &e);
	PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &e));
}
