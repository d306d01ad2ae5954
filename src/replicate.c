/*-------------------------------------------------------------------------
 *
 * replicate.c
 *	  Design-based estimation with replicate weights: replicate_mean,
 *	  replicate_total, replicate_ratio, replicate_proportion and
 *	  replicate_difference, as R survey's svrepdesign (bootstrap, JK1, JKn,
 *	  BRR, Fay, successive differences, or scales the user gives).
 *
 * src/replicate.c
 *
 *-------------------------------------------------------------------------
 */
#include "wellbeing.h"

#include <math.h>

#include "args.h"
#include "catalog/pg_type.h"
#include "estimate_type.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "numeric/dist.h"
#include "state.h"
#include "survey.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/float.h"

/* ----------------------------------------------------------------------
 * Replicate weights: replicate_mean, replicate_total, replicate_ratio,
 * replicate_proportion with (x, weight, replicate_weights float8[], method
 * [, options [, rscales [, domain]]]).  The estimate is computed with the
 * full-sample weights and with each replicate's; the variance is
 *   scale * sum_r rscales_r (theta_r - c)^2,
 * c the mean of the replicate estimates (or the full-sample estimate with
 * mse=true), scale and rscales as R survey's svrepdesign sets them.  The
 * state holds the weighted sums for the full sample and every replicate.
 * ----------------------------------------------------------------------
 */
typedef enum RepMethod
{
	REP_JK1 = 1,
	REP_JKN = 2,
	REP_BRR = 3,
	REP_FAY = 4,
	REP_SDR = 5,
	REP_BOOTSTRAP = 6,
	REP_OTHER = 7
} RepMethod;

static const WbMethod rep_methods[] = {
	{"jk1", REP_JK1},
	{"jkn", REP_JKN},
	{"brr", REP_BRR},
	{"fay", REP_FAY},
	{"sdr", REP_SDR},
	{"bootstrap", REP_BOOTSTRAP},
	{"other", REP_OTHER},
	{NULL, 0}
};

enum
{
	RP_ESTIMATOR = 1, RP_METHOD, RP_MSE, RP_INTERVAL, RP_LEVEL, RP_SCALE, RP_DF, RP_R,	/* parameters */
	RP_ROWS, RP_DOMAIN_ROWS, RP_N, RP_HEADER
};

#define RP_NPARAMS 8
#define RP_MAX_REPLICATES 10000

static ArrayType *rp_state_get(FunctionCallInfo fcinfo, int argno);
static void replicate_check(const double *s, int64 length, bool rows);
static ArrayType *replicate_merge(ArrayType *a, ArrayType *b);

static const WbField replicate_fields[] = {
	{"estimator", WB_FIELD_CODE, SV_MEAN, SV_PROPORTION},
	{"method", WB_FIELD_CODE, REP_JK1, REP_OTHER},
	{"mse", WB_FIELD_CODE, 0, 1},
	{"interval", WB_FIELD_CODE, 0, PI_LIKELIHOOD},
	{"level", WB_FIELD_LEVEL},
	{"scale", WB_FIELD_POSITIVE},
	{"df", WB_FIELD_POSITIVE},
	{"replicates", WB_FIELD_CODE, 2, RP_MAX_REPLICATES},
	{"rows", WB_FIELD_COUNT},
	{"domain rows", WB_FIELD_COUNT},
	{"n", WB_FIELD_COUNT},
};

StaticAssertDecl(WB_FIELDS(replicate_fields) == RP_HEADER, "replicate state header");

/* the header, then R rscales, then (Sy, Sx) of the full sample and of each replicate */
/* the measures whose _state aggregates make this kind, and their codes */
static const WbMeasure replicate_measures[] = {
	{"replicate_mean", SV_MEAN},
	{"replicate_total", SV_TOTAL},
	{"replicate_ratio", SV_RATIO},
	{"replicate_proportion", SV_PROPORTION},
};

const WbStateKindInfo wb_kind_replicate = {
	.kind = WB_STATE_REPLICATE,.name = "replicate",.version = WB_STATE_VERSION,
	.nheader = RP_HEADER,.header = replicate_fields,.nparams = RP_NPARAMS,
	.check = replicate_check,.merge_states = replicate_merge,
	.measures = replicate_measures,.nmeasures = lengthof(replicate_measures),
};

/* layout after the header: rscales[R], then (Sy, Sx) for the full sample and each replicate */
static inline double *
rp_rscales(double *s)
{
	return s + RP_HEADER;
}

static inline double *
rp_sums(double *s)
{
	return s + RP_HEADER + (int64) s[RP_R];
}

static int
rp_length(int R)
{
	return RP_HEADER + R + 2 * (R + 1);
}

/*
 * replicate_options(scale, rho, mse, df, proportion_interval): the options text of the
 * replicate aggregates from named arguments (see survey_options), each
 * value checked as the aggregates check it.  No option: the empty text.
 */
PG_FUNCTION_INFO_V1(wb_replicate_options);
Datum
wb_replicate_options(PG_FUNCTION_ARGS)
{
	StringInfoData out;

	initStringInfo(&out);
	if (!PG_ARGISNULL(0))
	{
		double		v = PG_GETARG_FLOAT8(0);

		wb_check_positive(v, "scale");
		appendStringInfo(&out, "scale=%s", float8out_internal(v));
	}
	if (!PG_ARGISNULL(1))
	{
		double		v = PG_GETARG_FLOAT8(1);

		if (!(v >= 0 && v < 1))
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("rho must lie in [0, 1), got %g", v)));
		appendStringInfo(&out, "%srho=%s", out.len > 0 ? "," : "", float8out_internal(v));
	}
	if (!PG_ARGISNULL(2))
		appendStringInfo(&out, "%smse=%s", out.len > 0 ? "," : "",
						 PG_GETARG_BOOL(2) ? "true" : "false");
	if (!PG_ARGISNULL(3))
	{
		double		v = PG_GETARG_FLOAT8(3);

		wb_check_positive(v, "df");
		appendStringInfo(&out, "%sdf=%s", out.len > 0 ? "," : "", float8out_internal(v));
	}
	if (!PG_ARGISNULL(4))
	{
		int			code = wb_parse_method(text_to_cstring(PG_GETARG_TEXT_PP(4)),
											   wb_prop_intervals, "replicate_proportion interval");

		appendStringInfo(&out, "%sinterval=%s", out.len > 0 ? "," : "",
						 wb_method_name(wb_prop_intervals, code));
	}
	PG_RETURN_TEXT_P(cstring_to_text(out.data));
}

static void
rp_parse_options(const char *text, int estimator, double *h, bool *scale_given)
{
	char	   *copy = pstrdup(text);
	char	   *tok,
			   *save = NULL;

	for (tok = strtok_r(copy, ", ", &save); tok != NULL; tok = strtok_r(NULL, ", ", &save))
	{
		char	   *eq = strchr(tok, '=');
		char	   *end;
		double		v;

		if (eq == NULL)
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("replicate option \"%s\" is not of the form name=value", tok),
					 errhint("Valid options are scale=, rho= (fay), mse=true|false, df= and, for proportions, interval=logit|mean|beta|asin|xlogit|likelihood.")));
		*eq = '\0';
		if (pg_strcasecmp(tok, "interval") == 0 && estimator == SV_PROPORTION)
		{
			h[RP_INTERVAL] = wb_parse_method(eq + 1, wb_prop_intervals, "replicate_proportion interval");
			continue;
		}
		if (pg_strcasecmp(tok, "mse") == 0)
		{
			if (pg_strcasecmp(eq + 1, "true") == 0)
				h[RP_MSE] = 1;
			else if (pg_strcasecmp(eq + 1, "false") == 0)
				h[RP_MSE] = 0;
			else
				ereport(ERROR,
						(errcode(WB_ERRCODE_BAD_ARGUMENT),
						 errmsg("mse must be true or false, got \"%s\"", eq + 1)));
			continue;
		}
		if (pg_strcasecmp(tok, "scale") != 0 && pg_strcasecmp(tok, "df") != 0 &&
			!(pg_strcasecmp(tok, "rho") == 0 && h[RP_METHOD] == REP_FAY))
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("unknown replicate option \"%s\"", tok),
					 errhint("Valid options are scale=, rho= (fay), mse=true|false, df= and, for proportions, interval=logit|mean|beta|asin|xlogit|likelihood.")));
		v = strtod(eq + 1, &end);
		if (*end != '\0' || end == eq + 1)
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("replicate option %s must be a number, got \"%s\"", tok, eq + 1)));
		if (pg_strcasecmp(tok, "scale") == 0)
		{
			wb_check_positive(v, "scale");
			h[RP_SCALE] = v;
			*scale_given = true;
		}
		else if (pg_strcasecmp(tok, "rho") == 0 && h[RP_METHOD] == REP_FAY)
		{
			if (!(v >= 0 && v < 1))
				ereport(ERROR,
						(errcode(WB_ERRCODE_BAD_ARGUMENT),
						 errmsg("rho must lie in [0, 1), got %g", v)));
			/* Fay: scale = 1 / (R (1 - rho)^2); R is known once the weights are seen */
			h[RP_SCALE] = -(1.0 - v) * (1.0 - v);	/* marker: finished below */
		}
		else if (pg_strcasecmp(tok, "df") == 0)
		{
			wb_check_positive(v, "df");
			h[RP_DF] = v;
		}
		else
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("unknown replicate option \"%s\"", tok),
					 errhint("Valid options are scale=, rho= (fay), mse=true|false, df= and, for proportions, interval=logit|mean|beta|asin|xlogit|likelihood.")));
	}
	pfree(copy);
}

/* a new state: method, options and rscales read and checked once */
static ArrayType *
rp_new_state(FunctionCallInfo fcinfo, int estimator, int R, int method_arg)
{
	double		h[RP_HEADER] = {0};
	bool		scale_given = false;
	ArrayType  *state;
	double	   *s;
	int			nargs = PG_NARGS();
	int			i;

	if (PG_ARGISNULL(method_arg))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("method must not be NULL"),
				 errhint("Valid methods are: jk1, jkn, brr, fay, sdr, bootstrap, other.")));
	h[RP_ESTIMATOR] = estimator;
	h[RP_METHOD] = wb_parse_method(text_to_cstring(PG_GETARG_TEXT_PP(method_arg)), rep_methods,
								   "replicate weights");
	h[RP_INTERVAL] = estimator == SV_PROPORTION ? PI_LOGIT : 0;
	h[RP_LEVEL] = 0.95;
	h[RP_DF] = R - 1;
	h[RP_R] = R;
	if (nargs > method_arg + 1 && !PG_ARGISNULL(method_arg + 1))
		rp_parse_options(text_to_cstring(PG_GETARG_TEXT_PP(method_arg + 1)), estimator, h, &scale_given);

	switch ((int) h[RP_METHOD])
	{
		case REP_JK1:
			if (!scale_given)
				h[RP_SCALE] = (R - 1.0) / R;
			break;
		case REP_BRR:
			h[RP_SCALE] = 1.0 / R;
			break;
		case REP_FAY:
			if (!(h[RP_SCALE] < 0))
				ereport(ERROR,
						(errcode(WB_ERRCODE_BAD_ARGUMENT),
						 errmsg("method fay needs its rho"),
						 errhint("Pass rho in the options argument: replicate_mean(x, weight, replicate_weights, 'fay', wellbeing.replicate_options(rho => 0.5)), with the rho the replicate weights were made with.")));
			h[RP_SCALE] = 1.0 / (R * -h[RP_SCALE]);
			break;
		case REP_SDR:
			h[RP_SCALE] = 4.0 / R;
			break;
		case REP_BOOTSTRAP:
			if (!scale_given)
				h[RP_SCALE] = 1.0 / (R - 1.0);
			break;
		case REP_JKN:
		case REP_OTHER:
			if (!scale_given)
				h[RP_SCALE] = 1.0;
			break;
	}
	if (!(h[RP_SCALE] > 0 && isfinite(h[RP_SCALE])))
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("the replicate scale is not a positive number for %d replicates", R)));

	state = wb_state_new(WB_STATE_REPLICATE, rp_length(R));
	s = wb_state_data(state);
	memcpy(s + 1, h + 1, sizeof(double) * (RP_HEADER - 1));
	for (i = 0; i < R; i++)
		rp_rscales(s)[i] = 1.0;
	if (nargs > method_arg + 2 && !PG_ARGISNULL(method_arg + 2))
	{
		ArrayType  *rs = PG_GETARG_ARRAYTYPE_P(method_arg + 2);

		if (ARR_NDIM(rs) != 1 || ARR_ELEMTYPE(rs) != FLOAT8OID || ARR_HASNULL(rs) ||
			ARR_DIMS(rs)[0] != R)
			ereport(ERROR,
					(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					 errmsg("rscales must be a one-dimensional array of %d numbers, one per replicate", R)));
		for (i = 0; i < R; i++)
		{
			double		v = ((double *) ARR_DATA_PTR(rs))[i];

			wb_check_nonneg(v, "rscales");
			wb_check_finite(v, "rscales");
			rp_rscales(s)[i] = v;
		}
	}
	else if (h[RP_METHOD] == REP_JKN)
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("method jkn needs rscales, (n_h - 1)/n_h for each replicate"),
				 errhint("Pass them as the sixth argument, a float8[] with one number per replicate.")));
	return state;
}

/*
 * One row: y and x as in sv_accumulate; the full-sample weight at argument
 * first, the replicate weights after it, the method after them.
 */
static Datum
rp_accumulate(FunctionCallInfo fcinfo, int estimator, int first, bool known, double y, double x)
{
	ArrayType  *rw;
	ArrayType  *state;
	double	   *s;
	double	   *sums;
	const double *w;
	double		w0;
	int			R,
				i,
				domain_arg = first + 5;
	bool		in_domain;

	if (PG_ARGISNULL(first) || PG_ARGISNULL(first + 1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("weight and replicate_weights must not be NULL")));
	w0 = PG_GETARG_FLOAT8(first);
	wb_check_nonneg(w0, "weight");
	rw = PG_GETARG_ARRAYTYPE_P(first + 1);
	if (ARR_NDIM(rw) != 1 || ARR_ELEMTYPE(rw) != FLOAT8OID || ARR_HASNULL(rw) ||
		ARR_DIMS(rw)[0] < 2 || ARR_DIMS(rw)[0] > RP_MAX_REPLICATES)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("replicate_weights must be a one-dimensional array of 2 to %d numbers without NULLs",
						RP_MAX_REPLICATES)));
	R = ARR_DIMS(rw)[0];
	w = (const double *) ARR_DATA_PTR(rw);

	if (PG_ARGISNULL(0))
		state = rp_new_state(fcinfo, estimator, R, first + 2);
	else
	{
		state = wb_state_running(fcinfo, WB_STATE_REPLICATE);
		if (wb_state_data(state)[RP_R] != R || wb_state_length(state) != rp_length(R))
			ereport(ERROR,
					(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					 errmsg("every row must have the same number of replicate weights, got %g and %d",
							wb_state_data(state)[RP_R], R)));
	}
	s = wb_state_data(state);
	sums = rp_sums(s);
	in_domain = known && !(PG_NARGS() > domain_arg && (PG_ARGISNULL(domain_arg) || !PG_GETARG_BOOL(domain_arg)));
	s[RP_ROWS] += 1;
	if (!(PG_NARGS() > domain_arg && (PG_ARGISNULL(domain_arg) || !PG_GETARG_BOOL(domain_arg))))
		s[RP_DOMAIN_ROWS] += 1;
	for (i = 0; i < R; i++)
	{
		if (!(w[i] >= 0) || isinf(w[i]))
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("replicate_weights must be non-negative numbers, got %g", w[i])));
	}
	if (!in_domain)
		PG_RETURN_ARRAYTYPE_P(state);
	s[RP_N] += 1;
	sums[0] += w0 * y;
	sums[1] += w0 * x;
	for (i = 0; i < R; i++)
	{
		sums[2 * (i + 1)] += w[i] * y;
		sums[2 * (i + 1) + 1] += w[i] * x;
	}
	if (!isfinite(sums[0]) || !isfinite(sums[1]))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("a weighted total overflows")));
	PG_RETURN_ARRAYTYPE_P(state);
}

/* replicate_mean, _total, _proportion, _ratio: the same values as the survey_* */
PG_FUNCTION_INFO_V1(wb_replicate_mean_transfn);
Datum
wb_replicate_mean_transfn(PG_FUNCTION_ARGS)
{
	SvValues	v = sv_values(fcinfo, SV_MEAN);

	return rp_accumulate(fcinfo, SV_MEAN, v.first, v.known, v.y, v.x);
}

PG_FUNCTION_INFO_V1(wb_replicate_total_transfn);
Datum
wb_replicate_total_transfn(PG_FUNCTION_ARGS)
{
	SvValues	v = sv_values(fcinfo, SV_TOTAL);

	return rp_accumulate(fcinfo, SV_TOTAL, v.first, v.known, v.y, v.x);
}

PG_FUNCTION_INFO_V1(wb_replicate_proportion_transfn);
Datum
wb_replicate_proportion_transfn(PG_FUNCTION_ARGS)
{
	SvValues	v = sv_values(fcinfo, SV_PROPORTION);

	return rp_accumulate(fcinfo, SV_PROPORTION, v.first, v.known, v.y, v.x);
}

PG_FUNCTION_INFO_V1(wb_replicate_ratio_transfn);
Datum
wb_replicate_ratio_transfn(PG_FUNCTION_ARGS)
{
	SvValues	v = sv_values(fcinfo, SV_RATIO);

	return rp_accumulate(fcinfo, SV_RATIO, v.first, v.known, v.y, v.x);
}

/* the length R says, every field finite, the rscales non-negative */
static void
replicate_check(const double *s, int64 length, bool rows)
{
	int			R = (int) s[RP_R];
	int64		i;

	if (length != rp_length(R))
		wb_state_error("The replicate count does not match the array's length.");
	for (i = RP_HEADER; i < length; i++)
	{
		if (!isfinite(s[i]))
			wb_state_error("A field of the state is not a finite number.");
	}
	for (i = 0; i < R; i++)
	{
		if (rp_rscales((double *) s)[i] < 0)
			wb_state_error("A replicate scale is negative.");
	}
}

static ArrayType *
rp_state_get(FunctionCallInfo fcinfo, int argno)
{
	return wb_state_get(fcinfo, argno, WB_STATE_REPLICATE);
}

/*
 * Two replicate states describe the same design: the same number of
 * replicates and the same rscales (the parameters are compared by the
 * caller).
 */
static void
rp_check_same_design(const double *sa, const double *sb)
{
	int			R = (int) sa[RP_R];
	int			i;

	if (sb[RP_R] != R)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("every row must have the same number of replicate weights, got %d and %g", R, sb[RP_R])));
	for (i = 0; i < R; i++)
	{
		if (sa[RP_HEADER + i] != sb[RP_HEADER + i])
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("rscales must be the same for every row of a group")));
	}
}

/* merge validated state b into a: the same design, the sums added */
static ArrayType *
replicate_merge(ArrayType *a, ArrayType *b)
{
	double	   *sa = wb_state_data(a);
	double	   *sb = wb_state_data(b);
	int			R = (int) sa[RP_R];
	int			i;

	/* parameters and rscales must agree; the counts and sums add */
	rp_check_same_design(sa, sb);
	wb_state_merge_sums(sa, sb, RP_ROWS, RP_NPARAMS);
	sa[RP_ROWS] += sb[RP_ROWS];
	sa[RP_DOMAIN_ROWS] += sb[RP_DOMAIN_ROWS];
	sa[RP_N] += sb[RP_N];
	for (i = 0; i < 2 * (R + 1); i++)
		rp_sums(sa)[i] += rp_sums(sb)[i];
	return a;
}

/*
 * sqrt(scale * sum_r rscales_r (theta_r - c)^2), c the plain mean of the
 * replicates with a positive rscale (as R survey's svrVar), or theta0 with
 * mse; NaN when a replicate estimate is undefined.
 */
static double
rp_se(const double *s, const double *theta, double theta0)
{
	int			R = (int) s[RP_R];
	const double *rscales = s + RP_HEADER;
	double		center = 0,
				var = 0;
	int			used = 0,
				r;

	for (r = 0; r < R; r++)
	{
		if (rscales[r] > 0)
		{
			center += theta[r];
			used++;
		}
	}
	center = s[RP_MSE] != 0 ? theta0 : (used > 0 ? center / used : NAN);
	for (r = 0; r < R; r++)
	{
		if (rscales[r] > 0)
			var += rscales[r] * (theta[r] - center) * (theta[r] - center);
	}
	return sqrt(s[RP_SCALE] * var);
}

/*
 * The full-sample estimate, and each replicate's into theta[R]: a total, or
 * a ratio of sums (mean, proportion, ratio); NaN where undefined.
 */
static double
rp_estimates(const double *s, double *theta)
{
	const double *sums = s + RP_HEADER + (int64) s[RP_R];
	bool		total = (int) s[RP_ESTIMATOR] == SV_TOTAL;
	int			r;

	for (r = 0; r < (int) s[RP_R]; r++)
	{
		double		y = sums[2 * (r + 1)],
					x = sums[2 * (r + 1) + 1];

		theta[r] = total ? y : (x != 0 ? y / x : NAN);
	}
	return total ? sums[0] : (sums[1] != 0 ? sums[0] / sums[1] : NAN);
}

PG_FUNCTION_INFO_V1(wb_replicate_finalfn);
Datum
wb_replicate_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state;
	double	   *s;
	int			R,
				r,
				estimator;
	double		theta0,
				se;
	double	   *theta;
	double		out[7];
	int			i;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = rp_state_get(fcinfo, 0);
	s = wb_state_data(state);
	R = (int) s[RP_R];
	estimator = (int) s[RP_ESTIMATOR];
	theta = palloc(sizeof(double) * R);

	for (i = 0; i < 7; i++)
		out[i] = NAN;
	out[4] = s[RP_N];
	out[5] = s[RP_LEVEL];
	out[6] = s[RP_DF];
	theta0 = rp_estimates(s, theta);
	out[0] = theta0;
	if (isfinite(theta0))
	{
		se = rp_se(s, theta, theta0);
		out[1] = se;
		if (isfinite(se))
		{
			double		t = wb_t_crit(s[RP_LEVEL], s[RP_DF]);

			if (estimator != SV_PROPORTION)
			{
				out[2] = theta0 - t * se;
				out[3] = theta0 + t * se;
			}
			else if (theta0 > 0 && theta0 < 1 && se > 0 && s[RP_INTERVAL] == PI_LOGIT)
			{
				/*
				 * svyciprop's logit interval on a replicate design: the SE of
				 * the logit from the replicates' logits, not the delta method
				 */
				double		eta0 = log(theta0 / (1.0 - theta0));
				double		se_eta;

				for (r = 0; r < R; r++)
					theta[r] = log(theta[r] / (1.0 - theta[r]));
				se_eta = rp_se(s, theta, eta0);
				if (isfinite(se_eta))
				{
					out[2] = 1.0 / (1.0 + exp(-(eta0 - t * se_eta)));
					out[3] = 1.0 / (1.0 + exp(-(eta0 + t * se_eta)));
				}
				else
				{
					/*
					 * A replicate estimate of 0 or 1 has an infinite logit,
					 * so the logit's SE is infinite (or, with both, NaN):
					 * the interval is its limit as a replicate's estimate
					 * tends to 0 or 1, all of [0, 1].
					 */
					out[2] = 0.0;
					out[3] = 1.0;
				}
			}
			else if (theta0 > 0 && theta0 < 1 && se > 0)
				sv_proportion_interval((int) s[RP_INTERVAL], theta0, se, s[RP_DF], s[RP_LEVEL],
									   s[RP_DOMAIN_ROWS], s[RP_N], &out[2], &out[3]);
		}
	}
	sv_bound(out, estimator, s[RP_INTERVAL], true);

	PG_RETURN_DATUM(sv_estimate_datum(fcinfo, out));
}

/*
 * replicate_difference(a, b): the difference of two estimates of one
 * replicate design, each from its <measure>_state (typically with FILTER on
 * a domain).  The replicates are shared, so theta_r = a_r - b_r carries the
 * covariance of the two estimates into the variance, as svycontrast on
 * svyby(..., covmat = TRUE) does.  t interval on the design's df.
 */
PG_FUNCTION_INFO_V1(wb_replicate_difference);
Datum
wb_replicate_difference(PG_FUNCTION_ARGS)
{
	double	   *sa = wb_state_data(rp_state_get(fcinfo, 0));
	double	   *sb = wb_state_data(rp_state_get(fcinfo, 1));
	int			R = (int) sa[RP_R];
	double	   *theta_a,
			   *theta_b;
	double		out[7];
	int			r,
				i;

	rp_check_same_design(sa, sb);
	for (i = 1; i <= RP_NPARAMS; i++)
	{
		if (sa[i] != sb[i] && i != RP_INTERVAL)
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("replicate_difference needs two estimates of the same kind from the same design"),
					 errhint("Both states must come from the same replicate aggregate with the same method, options and rscales.")));
	}
	theta_a = palloc(sizeof(double) * R);
	theta_b = palloc(sizeof(double) * R);
	for (i = 0; i < 7; i++)
		out[i] = NAN;
	out[0] = rp_estimates(sa, theta_a) - rp_estimates(sb, theta_b);
	out[4] = sa[RP_N] + sb[RP_N];
	out[5] = sa[RP_LEVEL];
	out[6] = sa[RP_DF];
	if (isfinite(out[0]))
	{
		for (r = 0; r < R; r++)
			theta_a[r] -= theta_b[r];
		out[1] = rp_se(sa, theta_a, out[0]);
		if (isfinite(out[1]))
		{
			double		t = wb_t_crit(sa[RP_LEVEL], sa[RP_DF]);

			out[2] = out[0] - t * out[1];
			out[3] = out[0] + t * out[1];
		}
	}
	/* a difference of two proportions lies in [-1, 1] */
	if ((int) sa[RP_ESTIMATOR] == SV_PROPORTION)
		wb_interval_bound(out[0], out[1], &out[2], &out[3], -1.0, 1.0, "replicate_difference");
	else
		wb_interval_bound(out[0], out[1], &out[2], &out[3], -INFINITY, INFINITY, "replicate_difference");
	PG_RETURN_DATUM(sv_estimate_datum(fcinfo, out));
}
