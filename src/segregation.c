/*-------------------------------------------------------------------------
 *
 * segregation.c
 *	  Residential segregation over areal units: the
 *	  two-group dissimilarity, isolation and exposure (one row per unit
 *	  with its counts), and the multigroup mutual information M and entropy
 *	  index H (one row per unit and group).
 *
 * With X = sum x (the group), Y = sum y (the others), t = x + y per unit
 *:
 *	 D	 = 1/2 sum |x/X - y/Y|
 *	 xPx = sum (x/X)(x/t)		(isolation)
 *	 xPy = sum (x/X)(y/t)		(exposure)
 *
 * isolation and exposure are one-pass sums; dissimilarity needs X and Y
 * before the absolute values, so it keeps the (x, y) pairs in the sample
 * state of sample.c (16 bytes a unit).
 *
 * src/segregation.c
 *
 *-------------------------------------------------------------------------
 */
#include "wellbeing.h"

#include <math.h>

#include "args.h"
#include "estimate_type.h"
#include "numeric/rank.h"
#include "sample.h"
#include "state.h"
#include "common/hashfn.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

PG_FUNCTION_INFO_V1(wb_dissimilarity_transfn);
PG_FUNCTION_INFO_V1(wb_dissimilarity_finalfn);
PG_FUNCTION_INFO_V1(wb_exposure_transfn);
PG_FUNCTION_INFO_V1(wb_isolation_transfn);
PG_FUNCTION_INFO_V1(wb_exposure_finalfn);

/* dissimilarity(group_count, other_count) */
Datum
wb_dissimilarity_transfn(PG_FUNCTION_ARGS)
{
	if (!PG_ARGISNULL(1))
		wb_check_nonneg(PG_GETARG_FLOAT8(1), "group_count");
	if (!PG_ARGISNULL(2))
		wb_check_nonneg(PG_GETARG_FLOAT8(2), "other_count");
	return wb_sample_accumulate(fcinfo, WB_SAMPLE_DISSIMILARITY, "group_count", 0, "parameter");
}

Datum
wb_dissimilarity_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state = wb_sample_get(fcinfo, 0, WB_SAMPLE_DISSIMILARITY);
	int64		n;
	long double ysum;
	WbPair	   *p = wb_sample_sorted(state, &n, &ysum);
	long double xsum = 0,
				d = 0;
	int64		i;

	if (p == NULL)
		PG_RETURN_DATUM(wb_estimate_value_only(fcinfo, NAN, n));
	for (i = 0; i < n; i++)
	{
		WB_CHECK_INTERRUPTS_EVERY(i);
		xsum += p[i].x;
	}
	if (!(xsum > 0) || !(ysum > 0))
		PG_RETURN_DATUM(wb_estimate_value_only(fcinfo, NAN, n));
	for (i = 0; i < n; i++)
	{
		WB_CHECK_INTERRUPTS_EVERY(i);
		d += fabsl(p[i].x / xsum - p[i].w / ysum);
	}
	PG_RETURN_DATUM(wb_estimate_value_only(fcinfo, (double) (d / 2), n));
}

/*
 * isolation and exposure share one state: tag, measure, units, X, S with
 * S = sum x^2/t (isolation) or sum x y / t (exposure).
 */
enum
{
	EXP_MEASURE = 1, EXP_UNITS, EXP_X, EXP_S, EXP_NFIELDS
};

static const WbField exposure_fields[] = {
	{"measure", WB_FIELD_CODE, 1, 2},	/* isolation, exposure */
	{"units", WB_FIELD_COUNT},
	{"x", WB_FIELD_NONNEG},
	{"s", WB_FIELD_NONNEG},
};

StaticAssertDecl(WB_FIELDS(exposure_fields) == EXP_NFIELDS, "exposure state layout");

/* the measures whose _state aggregates make this kind, and their codes */
static const WbMeasure exposure_measures[] = {
	{"isolation", 1},
	{"exposure", 2},
};

const WbStateKindInfo wb_kind_exposure = {
	.kind = WB_STATE_EXPOSURE,.name = "exposure",.version = WB_STATE_VERSION,
	.nheader = EXP_NFIELDS,.header = exposure_fields,.nparams = 1,
	.measures = exposure_measures,.nmeasures = lengthof(exposure_measures),
};

static Datum
exposure_accumulate(FunctionCallInfo fcinfo, int measure)
{
	ArrayType  *state;
	double	   *s;
	double		x,
				y,
				t;
	int			i;

	if (wb_any_arg_null(fcinfo, 1))
		return wb_state_unchanged(fcinfo);
	x = PG_GETARG_FLOAT8(1);
	wb_check_nonneg(x, "group_count");
	if (measure == 1)
	{
		/* isolation(group_count, total) */
		t = PG_GETARG_FLOAT8(2);
		wb_check_nonneg(t, "total");
		wb_check_not_greater(x, "group_count", t, "total");
		y = x;
	}
	else
	{
		/* exposure(group_count, other_count, total) */
		y = PG_GETARG_FLOAT8(2);
		t = PG_GETARG_FLOAT8(3);
		wb_check_nonneg(y, "other_count");
		wb_check_nonneg(t, "total");
		wb_check_not_greater(x + y, "group_count + other_count", t, "total");
	}

	if (PG_ARGISNULL(0))
	{
		state = wb_state_new(WB_STATE_EXPOSURE, EXP_NFIELDS);
		wb_state_data(state)[EXP_MEASURE] = measure;
	}
	else
	{
		state = wb_state_running(fcinfo, WB_STATE_EXPOSURE);
		if (wb_state_data(state)[EXP_MEASURE] != measure)
			wb_state_error("The state belongs to another segregation measure.");
	}
	s = wb_state_data(state);
	s[EXP_UNITS] += 1;
	s[EXP_X] += x;
	if (t > 0)
		s[EXP_S] += x * y / t;
	for (i = EXP_UNITS; i < EXP_NFIELDS; i++)
	{
		if (!isfinite(s[i]))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value out of range: overflow in %s", measure == 1 ? "isolation" : "exposure")));
	}
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
wb_isolation_transfn(PG_FUNCTION_ARGS)
{
	return exposure_accumulate(fcinfo, 1);
}

Datum
wb_exposure_transfn(PG_FUNCTION_ARGS)
{
	return exposure_accumulate(fcinfo, 2);
}

Datum
wb_exposure_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state = wb_state_get(fcinfo, 0, WB_STATE_EXPOSURE);
	double	   *s = wb_state_data(state);

	PG_RETURN_DATUM(wb_estimate_value_only(fcinfo, s[EXP_X] > 0 ? s[EXP_S] / s[EXP_X] : NAN, s[EXP_UNITS]));
}

/* ----------------------------------------------------------------------
 * Multigroup segregation over a unit x group table of counts (R
 * segregation, Elbers): one row per (unit, group) with its count.
 *	 M = sum_u sum_g p_ug ln(p_ug / (p_u p_g)),  p_ug = t_ug / T
 *	 H = M / E,  E = -sum_g p_g ln p_g
 * The labels are kept as 52-bit hashes (exact in a double), so the state is
 * an ordinary float8[] of (unit, group, count) triples, 24 bytes a row.
 * Two labels sharing a hash would be merged; with n distinct labels the
 * chance is about n^2 / 2^53 (1e-6 for 100 000 units).
 * ----------------------------------------------------------------------
 */
enum
{
	TRI_USED = 1, TRI_HEADER
};
#define TRI_STRIDE 3

typedef struct Triple
{
	double		unit;
	double		grp;
	double		count;
} Triple;

#define TRI_MAX_ROWS 40000000	/* 960 MB of triples, under the 1 GB limit of a value */

static const WbField triples_fields[] = {
	{"rows", WB_FIELD_COUNT},
};

/* the labels are 52-bit hashes, exact in a double */
static const WbField triples_row[] = {
	{"unit", WB_FIELD_COUNT},
	{"group", WB_FIELD_COUNT},
	{"count", WB_FIELD_NONNEG},
};

StaticAssertDecl(WB_FIELDS(triples_fields) == TRI_HEADER, "triples state header");
StaticAssertDecl(lengthof(triples_row) == TRI_STRIDE, "triples state row");

/* the measures whose _state aggregates make this kind, and their codes */
static const WbMeasure triples_measures[] = {
	{"mutual_information", 0},
	{"entropy_index", 0},
};

const WbStateKindInfo wb_kind_triples = {
	.kind = WB_STATE_TRIPLES,.name = "triples",.version = WB_STATE_VERSION,
	.nheader = TRI_HEADER,.header = triples_fields,.nparams = 0,
	.stride = TRI_STRIDE,.row = triples_row,.used = TRI_USED,.max_rows = TRI_MAX_ROWS,
	.merge_states = wb_rows_concat,
	.grows = true,
	.measures = triples_measures,.nmeasures = lengthof(triples_measures),
};

PG_FUNCTION_INFO_V1(wb_multigroup_transfn);
PG_FUNCTION_INFO_V1(wb_mutual_information_finalfn);
PG_FUNCTION_INFO_V1(wb_entropy_index_finalfn);

static double
label_hash(text *t)
{
	uint64		h = hash_bytes_extended((const unsigned char *) VARDATA_ANY(t),
										VARSIZE_ANY_EXHDR(t), 0x5365);

	return (double) (h & ((UINT64CONST(1) << 52) - 1));
}

static ArrayType *
triples_get(FunctionCallInfo fcinfo, int argno)
{
	return wb_state_get(fcinfo, argno, WB_STATE_TRIPLES);
}

/* (state, unit text, grp text, count) */
Datum
wb_multigroup_transfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state;
	Triple		row;

	if (wb_any_arg_null(fcinfo, 1))
		return wb_state_unchanged(fcinfo);
	row.count = PG_GETARG_FLOAT8(3);
	wb_check_nonneg(row.count, "count");
	row.unit = label_hash(PG_GETARG_TEXT_PP(1));
	row.grp = label_hash(PG_GETARG_TEXT_PP(2));

	/* the rows are not read here: the header and the room are checked */
	state = PG_ARGISNULL(0) ? wb_rows_new(WB_STATE_TRIPLES, 0, NULL) :
		wb_state_running(fcinfo, WB_STATE_TRIPLES);
	return wb_state_result(fcinfo, wb_rows_append(state, (const double *) &row));
}


static int
triple_cmp_unit(const void *a, const void *b)
{
	const Triple *x = (const Triple *) a;
	const Triple *y = (const Triple *) b;

	if (x->unit != y->unit)
		return x->unit < y->unit ? -1 : 1;
	if (x->grp != y->grp)
		return x->grp < y->grp ? -1 : 1;
	return x->count < y->count ? -1 : (x->count > y->count ? 1 : 0);
}

static int
triple_cmp_grp(const void *a, const void *b)
{
	const Triple *x = (const Triple *) a;
	const Triple *y = (const Triple *) b;

	if (x->grp != y->grp)
		return x->grp < y->grp ? -1 : 1;
	return triple_cmp_unit(a, b);
}

/*
 * M and E from the triples.  Group totals come from a copy sorted by group
 * (and give E); a pass over the rows sorted by (unit, group) pools
 * repeated (unit, group) rows and adds p_ug ln(p_ug / (p_u p_g)).
 */
static void
multigroup_compute(ArrayType *state, double *m_out, double *e_out, int64 *units)
{
	double	   *s = wb_state_data(state);
	int64		n = (int64) s[TRI_USED];
	Triple	   *t = palloc(sizeof(Triple) * Max(n, 1));
	Triple	   *byg = palloc(sizeof(Triple) * Max(n, 1));
	double	   *gtot = palloc(sizeof(double) * Max(n, 1));
	long double total = 0,
				m = 0,
				e = 0;
	int64		ng = 0,
				i,
				j,
				k;

	memcpy(t, s + TRI_HEADER, sizeof(Triple) * n);
	for (i = 0; i < n; i++)
	{
		WB_CHECK_INTERRUPTS_EVERY(i);
		if (!isfinite(t[i].unit) || !isfinite(t[i].grp))
			wb_state_error("A label hash is not a finite number.");
		wb_check_nonneg(t[i].count, "count");
		total += t[i].count;
	}
	*m_out = NAN;
	*e_out = NAN;
	*units = 0;
	if (!(total > 0))
		return;

	/* group totals (byg[0..ng) holds one row per group) and E */
	memcpy(byg, t, sizeof(Triple) * n);
	wb_sort_stable(byg, n, sizeof(Triple), triple_cmp_grp);
	for (i = 0; i < n; i = j)
	{
		long double g = 0;

		CHECK_FOR_INTERRUPTS();	/* once a group */

		for (j = i; j < n && byg[j].grp == byg[i].grp; j++)
			g += byg[j].count;
		byg[ng].grp = byg[i].grp;
		gtot[ng++] = (double) g;
		if (g > 0)
			e -= (g / total) * logl(g / total);
	}

	wb_sort_stable(t, n, sizeof(Triple), triple_cmp_unit);
	for (i = 0; i < n; i = j)
	{
		long double pu = 0;

		CHECK_FOR_INTERRUPTS();	/* once a unit */

		/* one unit: its total first, then its cells */
		for (j = i; j < n && t[j].unit == t[i].unit; j++)
			pu += t[j].count;
		(*units)++;
		for (k = i; k < j;)
		{
			long double c = 0;
			int64		lo = 0,
						hi = ng - 1,
						l;

			for (l = k; l < j && t[l].grp == t[k].grp; l++)
				c += t[l].count;
			while (lo < hi)
			{
				int64		mid = (lo + hi) / 2;

				if (byg[mid].grp < t[k].grp)
					lo = mid + 1;
				else
					hi = mid;
			}
			if (c > 0)
				m += (c / total) * logl((c * total) / (pu * gtot[lo]));
			k = l;
		}
	}
	*m_out = (double) m;
	*e_out = (double) e;
}

Datum
wb_mutual_information_finalfn(PG_FUNCTION_ARGS)
{
	double		m,
				e;
	int64		units;

	multigroup_compute(triples_get(fcinfo, 0), &m, &e, &units);
	PG_RETURN_DATUM(wb_estimate_value_only(fcinfo, m, units));
}

Datum
wb_entropy_index_finalfn(PG_FUNCTION_ARGS)
{
	double		m,
				e;
	int64		units;

	multigroup_compute(triples_get(fcinfo, 0), &m, &e, &units);
	PG_RETURN_DATUM(wb_estimate_value_only(fcinfo, e > 0 ? m / e : NAN, units));
}
