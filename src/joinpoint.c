/*-------------------------------------------------------------------------
 *
 * joinpoint.c
 *	  Segmented log-linear regression, as the Joinpoint program fits it
 *	  (the Joinpoint program's grid search and BIC):
 *
 *	  ln y = b0 + b1 (x - x_1) + sum_j d_j (x - tau_j)+
 *
 *	  with the joinpoints tau_j on observed periods, found by an exhaustive
 *	  grid search (smallest residual sum of squares for each number of
 *	  joinpoints k), k chosen by BIC, BIC3 or Joinpoint's sequential
 *	  permutation tests, each segment's APC and the
 *	  AAPC with t intervals on n - 2k - 2 degrees of freedom (the locations
 *	  count as parameters, as in Joinpoint; pitfall P12).
 *
 * The series is short (one row per period), so the aggregate collects its
 * rows (period, value, se) and does the work in the final function.
 *
 * src/joinpoint.c
 *
 *-------------------------------------------------------------------------
 */
#include "wellbeing.h"

#include <math.h>

#include "access/htup_details.h"
#include "args.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "estimate_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "numeric/dist.h"
#include "numeric/regress.h"
#include "state.h"
#include "utils/array.h"
#include "utils/builtins.h"

enum
{
	JP_MAX_JOINPOINTS = 1, JP_LEVEL, JP_SELECTION, JP_USED, JP_HEADER
};

#define JP_STRIDE 3				/* period, value, se (NaN: none given) */
#define JP_DEFAULT_MAX (-1)		/* max_joinpoints not given */
#define JP_LIMIT_JOINPOINTS 5	/* as many as Joinpoint's default table goes */
#define JP_MAX_ROWS 1000
#define JP_MAX_FITS 10000000	/* bound on the grid search */

/*
 * Joinpoint's grid-search defaults: at least 2 observations between an end
 * of the series and a joinpoint, and between two joinpoints, the
 * joinpoints themselves not counted.
 */
#define JP_OBS_END 2
#define JP_OBS_BETWEEN 2

typedef enum JpSelection
{
	JP_BIC = 1,
	JP_BIC3 = 2,
	JP_PERMUTATION = 3
} JpSelection;

static const WbMethod jp_selections[] = {
	{"bic", JP_BIC},
	{"bic3", JP_BIC3},
	{"permutation", JP_PERMUTATION},
	{NULL, 0}
};

#define JP_PERMUTATIONS 4499	/* Joinpoint's default */
#define JP_MAX_PERMUTATION_FITS 300000000	/* bound on the permutation tests */
#define JP_MAX_BASIS_DOUBLES (16 * 1024 * 1024)	/* 128 MB of design bases */

#define JP_NATTS 17

static const WbField segmented_fields[] = {
	{"max joinpoints", WB_FIELD_CODE, JP_DEFAULT_MAX, JP_LIMIT_JOINPOINTS},
	{"level", WB_FIELD_LEVEL},
	{"selection", WB_FIELD_CODE, JP_BIC, JP_PERMUTATION},
	{"rows", WB_FIELD_COUNT},
};

static const WbField segmented_row[] = {
	{"period", WB_FIELD_FINITE},
	{"value", WB_FIELD_POSITIVE},
	{"se", WB_FIELD_NAN_OR_POSITIVE},
};

StaticAssertDecl(WB_FIELDS(segmented_fields) == JP_HEADER, "joinpoint state header");
StaticAssertDecl(lengthof(segmented_row) == JP_STRIDE, "joinpoint state row");

/* the measures whose _state aggregates make this kind, and their codes */
static const WbMeasure segmented_measures[] = {
	{"joinpoint", 0},
};

const WbStateKindInfo wb_kind_segmented = {
	.kind = WB_STATE_SEGMENTED,.name = "joinpoint",.version = WB_STATE_VERSION,
	.nheader = JP_HEADER,.header = segmented_fields,.nparams = 3,
	.stride = JP_STRIDE,.row = segmented_row,.used = JP_USED,.max_rows = JP_MAX_ROWS,
	.merge_states = wb_rows_concat,
	.grows = true,
	.measures = segmented_measures,.nmeasures = lengthof(segmented_measures),
};

PG_FUNCTION_INFO_V1(wb_joinpoint_transfn);
PG_FUNCTION_INFO_V1(wb_joinpoint_finalfn);
PG_FUNCTION_INFO_V1(wb_joinpoint_aapc);

static ArrayType *
joinpoint_state_get(FunctionCallInfo fcinfo, int argno)
{
	return wb_state_get(fcinfo, argno, WB_STATE_SEGMENTED);
}

/*
 * joinpoint(period, value [, se [, max_joinpoints [, level [, selection]]]])
 * A NULL se means "no se" for that row; se must be given for every row or
 * for none (checked at the end).
 */
Datum
wb_joinpoint_transfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state;
	double		params[JP_HEADER] = {0, JP_DEFAULT_MAX, 0.95, JP_BIC, 0};
	double		row[JP_STRIDE];
	double	   *s;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		return wb_state_unchanged(fcinfo);
	row[0] = PG_GETARG_FLOAT8(1);
	row[1] = PG_GETARG_FLOAT8(2);
	row[2] = NAN;
	wb_check_finite(row[0], "period");
	wb_check_positive(row[1], "value");
	if (PG_NARGS() > 3 && !PG_ARGISNULL(3))
	{
		row[2] = PG_GETARG_FLOAT8(3);
		wb_check_positive(row[2], "se");
	}
	if (PG_NARGS() > 4 && !PG_ARGISNULL(4))
	{
		int32		k = PG_GETARG_INT32(4);

		if (k < 0 || k > JP_LIMIT_JOINPOINTS)
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("max_joinpoints must lie between 0 and %d, got %d",
							JP_LIMIT_JOINPOINTS, k)));
		params[JP_MAX_JOINPOINTS] = k;
	}
	if (PG_NARGS() > 5 && !PG_ARGISNULL(5))
	{
		params[JP_LEVEL] = PG_GETARG_FLOAT8(5);
		wb_check_level(params[JP_LEVEL]);
	}
	if (PG_NARGS() > 6 && !PG_ARGISNULL(6))
		params[JP_SELECTION] = wb_method_arg(fcinfo, 6, jp_selections, "joinpoint");

	if (PG_ARGISNULL(0))
		state = wb_rows_new(WB_STATE_SEGMENTED, 0, params);
	else
	{
		/* the rows are not read here: the header and the room are checked */
		state = wb_state_running(fcinfo, WB_STATE_SEGMENTED);
		s = wb_state_data(state);
		wb_same_params(s + JP_MAX_JOINPOINTS, params + JP_MAX_JOINPOINTS,
					   JP_USED - JP_MAX_JOINPOINTS, "max_joinpoints, level and selection");
		if (s[JP_USED] >= JP_MAX_ROWS)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("joinpoint takes one row per period; more than %d rows in one group",
							JP_MAX_ROWS)));
	}
	return wb_state_result(fcinfo, wb_rows_append(state, row));
}


typedef struct JpRow
{
	double		x;
	double		y;				/* ln value */
	double		w;				/* 1, or (value / se)^2 */
} JpRow;

static int
jp_row_cmp(const void *a, const void *b)
{
	double		xa = ((const JpRow *) a)->x;
	double		xb = ((const JpRow *) b)->x;

	return xa < xb ? -1 : (xa > xb ? 1 : 0);
}

/* Joinpoint's recommended maximum number of joinpoints for n periods */
static int
jp_default_max(int n)
{
	if (n <= 6)
		return 0;
	return Min((n - 2) / 5, JP_LIMIT_JOINPOINTS);
}

/* the largest k the grid constraints allow for n periods */
static int
jp_feasible_max(int n)
{
	int			k = 0;

	while (k < JP_LIMIT_JOINPOINTS &&
		   n >= 2 * JP_OBS_END + k * JP_OBS_BETWEEN + (k + 1))
		k++;
	return k;
}

/* the number of allowed placements of k joinpoints among n periods */
static double
jp_count_placements(int n, int k)
{
	/* choose k indices in [end, n-1-end] with gaps > between */
	int			free_slots = n - 2 * JP_OBS_END - (k - 1) * JP_OBS_BETWEEN;
	double		c = 1;
	int			i;

	if (k == 0)
		return 1;
	if (free_slots < k)
		return 0;
	for (i = 1; i <= k; i++)
		c = c * (free_slots - k + i) / i;
	return c;
}

typedef struct JpWork
{
	const JpRow *rows;
	int			n;
	double	   *X;				/* n x p design */
	double	   *y;
	double	   *w;
	double	   *scratch;
	double		beta[WB_WLS_MAX_P];
	double		sse_floor;		/* below it a residual sum of squares is rounding */
} JpWork;

/* fill the design for joinpoints at row indices idx[0..k-1] */
static void
jp_design(JpWork *wk, const int *idx, int k)
{
	int			p = k + 2;
	int			i,
				j;

	for (i = 0; i < wk->n; i++)
	{
		double	   *r = wk->X + (size_t) i * p;

		r[0] = 1.0;
		r[1] = wk->rows[i].x - wk->rows[0].x;
		for (j = 0; j < k; j++)
			r[2 + j] = fmax(wk->rows[i].x - wk->rows[idx[j]].x, 0.0);
	}
}

/* the first placement of k joinpoints: as far left as allowed */
static void
jp_first_placement(int *idx, int k)
{
	int			j;

	for (j = 0; j < k; j++)
		idx[j] = JP_OBS_END + j * (JP_OBS_BETWEEN + 1);
}

/*
 * The next placement in lexicographic order: advance the last index that
 * can move and reset the ones after it.  False after the last placement.
 */
static bool
jp_next_placement(int *idx, int k, int n)
{
	int			j;

	for (j = k - 1; j >= 0; j--)
	{
		if (idx[j] < n - 1 - JP_OBS_END - (k - 1 - j) * (JP_OBS_BETWEEN + 1))
			break;
	}
	if (j < 0)
		return false;
	idx[j]++;
	for (j = j + 1; j < k; j++)
		idx[j] = idx[j - 1] + JP_OBS_BETWEEN + 1;
	return true;
}

/*
 * The best placement of k joinpoints: the smallest residual sum of squares
 * over every allowed placement, the first in lexicographic order on ties.
 * Returns its SSE (NaN when no placement fits) and the indices in best.
 */
static double
jp_best_placement(JpWork *wk, int k, int *best, int64 *fits)
{
	int			idx[JP_LIMIT_JOINPOINTS];
	double		best_sse = NAN;
	int			n = wk->n;

	jp_first_placement(idx, k);
	for (;;)
	{
		double		sse;

		jp_design(wk, idx, k);
		if (wb_wls_fit(wk->X, wk->y, wk->w, n, k + 2, wk->scratch, wk->beta, NULL, &sse) &&
			(isnan(best_sse) || sse < best_sse))
		{
			best_sse = sse;
			memcpy(best, idx, sizeof(int) * k);
		}
		if ((++*fits & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
		if (!jp_next_placement(idx, k, n))
			break;
	}
	return best_sse;
}

/*
 * For the permutation tests: an orthonormal basis of the weighted design
 * sqrt(w) X of every allowed placement of k joinpoints.  The design does
 * not depend on the values, so each permuted series costs one projection a
 * placement (O(n p)) instead of a least-squares fit.
 */
typedef struct JpBases
{
	int			count;			/* placements with a full-rank design */
	int			p;
	double	   *q;				/* count x p x n: the basis columns */
} JpBases;

static void
jp_bases(JpWork *wk, int k, JpBases *b)
{
	int			n = wk->n;
	int			p = k + 2;
	int			idx[JP_LIMIT_JOINPOINTS];
	double		total = jp_count_placements(n, k);
	int			i,
				c;

	b->p = p;
	b->count = 0;
	b->q = palloc(sizeof(double) * (size_t) total * p * n);
	jp_first_placement(idx, k);
	for (;;)
	{
		double	   *q = b->q + (size_t) b->count * p * n;
		bool		full_rank = true;

		CHECK_FOR_INTERRUPTS();	/* once a placement: O(n p^2) each */
		jp_design(wk, idx, k);
		for (c = 0; c < p && full_rank; c++)
		{
			double	   *qc = q + (size_t) c * n;
			double		norm0 = 0,
						norm = 0;
			int			pass,
						d;

			for (i = 0; i < n; i++)
			{
				qc[i] = sqrt(wk->w[i]) * wk->X[(size_t) i * p + c];
				norm0 += qc[i] * qc[i];
			}
			/* Gram-Schmidt against the earlier columns, twice for accuracy */
			for (pass = 0; pass < 2; pass++)
				for (d = 0; d < c; d++)
				{
					const double *qd = q + (size_t) d * n;
					double		dot = 0;

					for (i = 0; i < n; i++)
						dot += qd[i] * qc[i];
					for (i = 0; i < n; i++)
						qc[i] -= dot * qd[i];
				}
			for (i = 0; i < n; i++)
				norm += qc[i] * qc[i];
			if (!(norm > 1e-20 * norm0))
				full_rank = false;
			else
				for (i = 0; i < n; i++)
					qc[i] /= sqrt(norm);
		}
		if (full_rank)
			b->count++;
		if (!jp_next_placement(idx, k, n))
			break;
	}
}

/* the smallest weighted residual sum of squares of sw_y over the placements */
static double
jp_bases_min_sse(const JpBases *b, const double *sw_y, int n, double *r, int64 *fits)
{
	double		best = NAN;
	int			a,
				c,
				i;

	for (a = 0; a < b->count; a++)
	{
		const double *q = b->q + (size_t) a * b->p * n;
		double		sse = 0;

		memcpy(r, sw_y, sizeof(double) * n);
		for (c = 0; c < b->p; c++)
		{
			const double *qc = q + (size_t) c * n;
			double		dot = 0;

			for (i = 0; i < n; i++)
				dot += qc[i] * r[i];
			for (i = 0; i < n; i++)
				r[i] -= dot * qc[i];
		}
		for (i = 0; i < n; i++)
			sse += r[i] * r[i];
		if (isnan(best) || sse < best)
			best = sse;
		if ((++*fits & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	return best;
}

/*
 * Permutation p-value of H0: ka joinpoints against H1: kb > ka (Kim et al.
 * 2000, as the Joinpoint program): the residuals of the fitted null model,
 * standardised by the square root of the weight, are permuted and added
 * back to the null model's fitted values; both models are fitted again by
 * grid search on each permuted series.  The statistic is SSE_kb / SSE_ka
 * (small: evidence for kb), and p = (1 + #{permuted <= observed}) / (N + 1).
 * The observed statistic goes through the same arithmetic as the permuted
 * ones (fitted + residual, then the projections), so the identity
 * permutation ties with it exactly.
 */
static double
jp_permutation_p(JpWork *wk, JpBases *bases, int ka, int kb, const int *best_a, int64 *fits)
{
	int			n = wk->n;
	int			p = ka + 2;
	double	   *fitted = palloc(sizeof(double) * n);
	double	   *resid = palloc(sizeof(double) * n);
	double	   *sw_y = palloc(sizeof(double) * n);
	double	   *r = palloc(sizeof(double) * n);
	double		observed,
				sa,
				sb,
				null_sse;
	int			count = 0,
				rep,
				i,
				j;

	if (bases[ka].q == NULL)
		jp_bases(wk, ka, &bases[ka]);
	if (bases[kb].q == NULL)
		jp_bases(wk, kb, &bases[kb]);

	/* the null model's fitted values and residuals, both times sqrt(w) */
	jp_design(wk, best_a, ka);
	if (!wb_wls_fit(wk->X, wk->y, wk->w, n, p, wk->scratch, wk->beta, NULL, &null_sse))
		return 1.0;
	for (i = 0; i < n; i++)
	{
		double		f = 0;

		for (j = 0; j < p; j++)
			f += wk->X[(size_t) i * p + j] * wk->beta[j];
		fitted[i] = sqrt(wk->w[i]) * f;
		resid[i] = sqrt(wk->w[i]) * wk->y[i] - fitted[i];
		sw_y[i] = fitted[i] + resid[i];	/* as each permutation adds them */
	}
	sa = jp_bases_min_sse(&bases[ka], sw_y, n, r, fits);
	sb = jp_bases_min_sse(&bases[kb], sw_y, n, r, fits);
	if (!(sa > wk->sse_floor) || isnan(sb))
		return 1.0;				/* the null model fits exactly: nothing to gain */
	observed = sb / sa;

	for (rep = 0; rep < JP_PERMUTATIONS; rep++)
	{
		/* Fisher-Yates on the residuals, into sw_y = fitted + permuted */
		memcpy(r, resid, sizeof(double) * n);
		for (i = n - 1; i > 0; i--)
		{
			int			k = Min((int) (wb_runif() * (i + 1)), i);
			double		t = r[i];

			r[i] = r[k];
			r[k] = t;
		}
		for (i = 0; i < n; i++)
			sw_y[i] = fitted[i] + r[i];
		sa = jp_bases_min_sse(&bases[ka], sw_y, n, r, fits);
		sb = jp_bases_min_sse(&bases[kb], sw_y, n, r, fits);
		if (sa > 0 && sb / sa <= observed)
			count++;
	}
	pfree(fitted);
	pfree(resid);
	pfree(sw_y);
	pfree(r);
	return (1.0 + count) / (JP_PERMUTATIONS + 1.0);
}

/*
 * Joinpoint's sequential selection: test ka = 0 against kb = kmax at level
 * alpha / (kmax - ka); a rejection moves ka up, an acceptance moves kb
 * down, until they meet (Joinpoint 3.0 and later).
 */
static int
jp_permutation_select(JpWork *wk, int kmax, int best[][JP_LIMIT_JOINPOINTS],
					  double alpha, int64 *fits)
{
	JpBases		bases[JP_LIMIT_JOINPOINTS + 1];
	int			ka = 0,
				kb = kmax;

	memset(bases, 0, sizeof(bases));
	while (ka < kb)
	{
		if (jp_permutation_p(wk, bases, ka, kb, best[ka], fits) <= alpha / (kmax - ka))
			ka++;
		else
			kb--;
	}
	return ka;
}

/* float8[] from n doubles, NaN as NULL */
static Datum
jp_array(const double *v, int n)
{
	Datum	   *d = palloc(sizeof(Datum) * Max(n, 1));
	bool	   *nulls = palloc(sizeof(bool) * Max(n, 1));
	int			dims[1] = {n};
	int			lbs[1] = {1};
	int			i;

	for (i = 0; i < n; i++)
	{
		nulls[i] = isnan(v[i]);
		d[i] = nulls[i] ? (Datum) 0 : Float8GetDatum(v[i]);
	}
	if (n == 0)
		return PointerGetDatum(construct_empty_array(FLOAT8OID));
	return PointerGetDatum(construct_md_array(d, nulls, 1, dims, lbs, FLOAT8OID,
											  sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

/* the weighted mean slope c'beta over [from, to] and its variance c'Vc */
static void
jp_mean_slope(const double *beta, const double *cov, const double *tau, int k,
			  double from, double to, double *slope, double *var)
{
	double		c[WB_WLS_MAX_P];
	int			p = k + 2;
	int			i,
				j;

	c[0] = 0;
	c[1] = 1;
	for (j = 0; j < k; j++)
		c[2 + j] = fmin(fmax((to - fmax(from, tau[j])) / (to - from), 0.0), 1.0);
	*slope = 0;
	*var = 0;
	for (i = 0; i < p; i++)
	{
		*slope += c[i] * beta[i];
		for (j = 0; j < p; j++)
			*var += c[i] * c[j] * cov[i * p + j];
	}
}

Datum
wb_joinpoint_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state;
	double	   *s;
	int			n,
				i,
				j,
				k,
				kmax,
				chosen = 0,
				p,
				df,
				with_se = 0;
	JpRow	   *rows;
	JpWork		wk;
	double		level,
				t,
				sse[JP_LIMIT_JOINPOINTS + 1],
				bic[JP_LIMIT_JOINPOINTS + 1],
				placements = 0,
				sigma2,
				slope,
				var;
	int			best[JP_LIMIT_JOINPOINTS + 1][JP_LIMIT_JOINPOINTS];
	int64		fits = 0;
	double		cov[WB_WLS_MAX_P * WB_WLS_MAX_P];
	double		tau[JP_LIMIT_JOINPOINTS],
				apc[JP_LIMIT_JOINPOINTS + 1],
				apc_lo[JP_LIMIT_JOINPOINTS + 1],
				apc_hi[JP_LIMIT_JOINPOINTS + 1],
				bics[JP_LIMIT_JOINPOINTS + 1];
	TupleDesc	tupdesc;
	Datum		values[JP_NATTS];
	bool		nulls[JP_NATTS];
	int			requested;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = joinpoint_state_get(fcinfo, 0);
	s = wb_state_data(state);
	level = s[JP_LEVEL];
	if (!(level > 0 && level < 1) ||
		!(s[JP_SELECTION] == JP_BIC || s[JP_SELECTION] == JP_BIC3 ||
		  s[JP_SELECTION] == JP_PERMUTATION) ||
		!(s[JP_MAX_JOINPOINTS] == JP_DEFAULT_MAX ||
		  (s[JP_MAX_JOINPOINTS] >= 0 && s[JP_MAX_JOINPOINTS] <= JP_LIMIT_JOINPOINTS &&
		   s[JP_MAX_JOINPOINTS] == floor(s[JP_MAX_JOINPOINTS]))) ||
		s[JP_USED] > JP_MAX_ROWS)
		wb_state_error("A parameter of the joinpoint state is out of range.");
	requested = (int) s[JP_MAX_JOINPOINTS];
	n = (int) s[JP_USED];
	if (n < 2)
		PG_RETURN_NULL();

	/* rows of a state that came from SQL are checked like input rows */
	rows = palloc(sizeof(JpRow) * n);
	for (i = 0; i < n; i++)
	{
		const double *r = s + JP_HEADER + JP_STRIDE * i;

		wb_check_finite(r[0], "period");
		wb_check_positive(r[1], "value");
		if (!isnan(r[2]))
		{
			wb_check_positive(r[2], "se");
			with_se++;
		}
		rows[i].x = r[0];
		rows[i].y = log(r[1]);
		rows[i].w = isnan(r[2]) ? 1.0 : (r[1] / r[2]) * (r[1] / r[2]);
	}
	if (with_se != 0 && with_se != n)
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("se must be given for every period or for none")));
	qsort(rows, n, sizeof(JpRow), jp_row_cmp);
	for (i = 1; i < n; i++)
	{
		if (rows[i].x == rows[i - 1].x)
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("joinpoint takes one row per period, got two rows for period %g",
							rows[i].x)));
	}

	kmax = requested == JP_DEFAULT_MAX ? jp_default_max(n) : requested;
	kmax = Min(kmax, jp_feasible_max(n));
	for (k = 0; k <= kmax; k++)
		placements += jp_count_placements(n, k);
	if (placements > JP_MAX_FITS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("joinpoint would fit %.0f models for %d periods and up to %d joinpoints",
						placements, n, kmax),
				 errhint("Lower max_joinpoints.")));
	if (s[JP_SELECTION] == JP_PERMUTATION)
	{
		/*
		 * The worst sequence rejects every time: kmax tests against kmax
		 * joinpoints, each null model once; every placement of every k kept
		 * as a basis (k + 2 columns of n).
		 */
		double		top = jp_count_placements(n, kmax);
		double		projections = JP_PERMUTATIONS * (kmax * top + placements - top);
		double		basis_doubles = 0;

		for (k = 0; k <= kmax; k++)
			basis_doubles += jp_count_placements(n, k) * (k + 2) * n;
		if (projections > JP_MAX_PERMUTATION_FITS || basis_doubles > JP_MAX_BASIS_DOUBLES)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("joinpoint's permutation tests could take %.0f projections for %d periods and up to %d joinpoints",
							projections, n, kmax),
					 errhint("Lower max_joinpoints, or choose the joinpoints by bic.")));
	}

	wk.rows = rows;
	wk.n = n;
	wk.X = palloc(sizeof(double) * n * (kmax + 2));
	wk.y = palloc(sizeof(double) * n);
	wk.w = palloc(sizeof(double) * n);
	wk.scratch = palloc(sizeof(double) * (n * (kmax + 2) + n));
	wk.sse_floor = 0;
	for (i = 0; i < n; i++)
	{
		wk.y[i] = rows[i].y;
		wk.w[i] = rows[i].w;
		wk.sse_floor = fmax(wk.sse_floor, fabs(wk.y[i]) * sqrt(wk.w[i]));
	}

	/*
	 * A series on a line (or a constant one) leaves only rounding in the
	 * residuals, and ln(SSE) of rounding would pick joinpoints at random:
	 * SSEs below n (1e-10 max |sqrt(w) y|)^2 count as that floor, so the
	 * criteria tie and the fewer joinpoints win.
	 */
	wk.sse_floor = n * (1e-10 * wk.sse_floor) * (1e-10 * wk.sse_floor);

	/* best placement for each k, then BIC(k) = ln(SSE/n) + (2k + 2) ln(n) / n */
	for (k = 0; k <= kmax; k++)
	{
		double		penalty = (s[JP_SELECTION] == JP_BIC3 ? 3 * k + 2 : 2 * k + 2);

		sse[k] = jp_best_placement(&wk, k, best[k], &fits);
		bic[k] = isnan(sse[k]) ? NAN :
			log(fmax(sse[k], wk.sse_floor) / n) + penalty * log((double) n) / n;
		bics[k] = bic[k];
		if (!isnan(bic[k]) && (isnan(bic[chosen]) || bic[k] < bic[chosen]))
			chosen = k;
	}
	if (isnan(sse[chosen]))
		PG_RETURN_NULL();		/* no line fits (cannot happen with distinct periods) */
	if (s[JP_SELECTION] == JP_PERMUTATION)
	{
		/* seeded from the sorted rows: the same series, the same draws */
		uint64		h = hash_bytes_extended((const unsigned char *) rows, sizeof(JpRow) * n,
											0x4a6f696e);

		wb_rng_seed((unsigned int) (h >> 32), (unsigned int) h);
		chosen = jp_permutation_select(&wk, kmax, best, 1.0 - level, &fits);
	}

	/* the chosen model again, with its covariance */
	k = chosen;
	p = k + 2;
	jp_design(&wk, best[k], k);
	if (!wb_wls_fit(wk.X, wk.y, wk.w, n, p, wk.scratch, wk.beta, cov, &sse[k]))
		PG_RETURN_NULL();
	df = n - 2 * k - 2;
	sigma2 = df > 0 ? sse[k] / df : NAN;
	for (i = 0; i < p * p; i++)
		cov[i] *= sigma2;
	t = df > 0 ? wb_t_crit(level, df) : NAN;
	for (j = 0; j < k; j++)
		tau[j] = rows[best[k][j]].x;

	for (i = 0; i <= k; i++)
	{
		/* slope of segment i = b1 + d_1 + ... + d_i; its variance sums a block of cov */
		double		b = 0,
					v = 0;
		int			a,
					c;

		for (a = 1; a <= i + 1; a++)
		{
			b += wk.beta[a];
			for (c = 1; c <= i + 1; c++)
				v += cov[a * p + c];
		}
		apc[i] = 100.0 * expm1(b);
		apc_lo[i] = 100.0 * expm1(b - t * sqrt(v));
		apc_hi[i] = 100.0 * expm1(b + t * sqrt(v));
	}

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE ||
		tupdesc->natts != JP_NATTS)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("joinpoint called in a context that cannot accept its record")));
	tupdesc = BlessTupleDesc(tupdesc);
	memset(nulls, 0, sizeof(nulls));

	jp_mean_slope(wk.beta, cov, tau, k, rows[0].x, rows[n - 1].x, &slope, &var);

	values[0] = Int32GetDatum(k);
	values[1] = jp_array(tau, k);
	values[2] = jp_array(apc, k + 1);
	values[3] = jp_array(apc_lo, k + 1);
	values[4] = jp_array(apc_hi, k + 1);
	{
		double		aapc[3] = {100.0 * expm1(slope),
			100.0 * expm1(slope - t * sqrt(var)),
		100.0 * expm1(slope + t * sqrt(var))};

		for (i = 0; i < 3; i++)
		{
			nulls[5 + i] = !isfinite(aapc[i]);
			values[5 + i] = nulls[5 + i] ? (Datum) 0 : Float8GetDatum(aapc[i]);
		}
	}
	values[8] = jp_array(bics, kmax + 1);
	values[9] = Int32GetDatum(n);
	values[10] = Int32GetDatum(df);
	values[11] = Float8GetDatum(level);
	values[12] = Float8GetDatum(rows[0].x);
	values[13] = Float8GetDatum(rows[n - 1].x);
	values[14] = jp_array(wk.beta, p);
	values[15] = jp_array(cov, p * p);
	values[16] = CStringGetTextDatum(s[JP_SELECTION] == JP_BIC3 ? "bic3" :
									 s[JP_SELECTION] == JP_PERMUTATION ? "permutation" : "bic");
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/* a float8[] field of the fit, with exactly len elements and no NULLs */
static double *
jp_fit_array(HeapTupleHeader fit, const char *name, int len)
{
	bool		isnull;
	Datum		d = GetAttributeByName(fit, name, &isnull);
	ArrayType  *a;

	if (isnull)
		goto bad;
	a = DatumGetArrayTypeP(d);
	if (ARR_ELEMTYPE(a) != FLOAT8OID || ARR_HASNULL(a) ||
		(len > 0 && (ARR_NDIM(a) != 1 || ARR_DIMS(a)[0] != len)) ||
		(len == 0 && ARR_NDIM(a) > 1) ||
		(len == 0 && ARR_NDIM(a) == 1 && ARR_DIMS(a)[0] != 0))
		goto bad;
	return (double *) ARR_DATA_PTR(a);
bad:
	ereport(ERROR,
			(errcode(WB_ERRCODE_BAD_ARGUMENT),
			 errmsg("fit is not a joinpoint result: field \"%s\" has the wrong shape", name)));
	return NULL;
}

static double
jp_fit_float(HeapTupleHeader fit, const char *name)
{
	bool		isnull;
	Datum		d = GetAttributeByName(fit, name, &isnull);

	if (isnull)
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("fit is not a joinpoint result: field \"%s\" is NULL", name)));
	return DatumGetFloat8(d);
}

static int32
jp_fit_int(HeapTupleHeader fit, const char *name)
{
	bool		isnull;
	Datum		d = GetAttributeByName(fit, name, &isnull);

	if (isnull)
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("fit is not a joinpoint result: field \"%s\" is NULL", name)));
	return DatumGetInt32(d);
}

/*
 * joinpoint_aapc(fit, from_period, to_period): the AAPC over [from, to]:
 * 100 (exp(sum_i w_i s_i / sum_i w_i) - 1) with w_i the length of segment i
 * inside the range, and its t interval from the slopes' covariance.
 */
Datum
wb_joinpoint_aapc(PG_FUNCTION_ARGS)
{
	HeapTupleHeader fit = PG_GETARG_HEAPTUPLEHEADER(0);
	double		from = PG_GETARG_FLOAT8(1);
	double		to = PG_GETARG_FLOAT8(2);
	int32		k = jp_fit_int(fit, "joinpoints");
	int32		df;
	double	   *tau,
			   *beta,
			   *cov;
	double		first,
				last,
				level,
				slope,
				var,
				t;
	WbEstimate	e;
	int			j;

	if (k < 0 || k > JP_LIMIT_JOINPOINTS)
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("fit is not a joinpoint result: %d joinpoints", k)));
	df = jp_fit_int(fit, "df");
	level = jp_fit_float(fit, "level");
	first = jp_fit_float(fit, "first_period");
	last = jp_fit_float(fit, "last_period");
	tau = jp_fit_array(fit, "locations", k);
	beta = jp_fit_array(fit, "coefficients", k + 2);
	cov = jp_fit_array(fit, "covariance", (k + 2) * (k + 2));
	wb_check_level(level);
	wb_check_finite(from, "from_period");
	wb_check_finite(to, "to_period");
	for (j = 0; j < (k + 2) * (k + 2); j++)
		wb_check_finite(cov[j], "covariance");
	for (j = 0; j < k + 2; j++)
		wb_check_finite(beta[j], "coefficients");
	if (!(from < to) || from < first || to > last)
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("the AAPC range must lie within the fitted periods %g to %g and be increasing, got %g to %g",
						first, last, from, to)));

	jp_mean_slope(beta, cov, tau, k, from, to, &slope, &var);
	wb_estimate_init(&e, level);
	e.n = jp_fit_int(fit, "n");
	e.value = 100.0 * expm1(slope);
	if (df > 0 && var >= 0)
	{
		t = wb_t_crit(level, df);
		e.se = 100.0 * exp(slope) * sqrt(var);
		e.lower = 100.0 * expm1(slope - t * sqrt(var));
		e.upper = 100.0 * expm1(slope + t * sqrt(var));
	}
	return wb_estimate_datum(fcinfo, &e);
}
