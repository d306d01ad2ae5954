/*-------------------------------------------------------------------------
 *
 * lifetable.c
 *	  Life expectancy from deaths and population by age band: the Chiang II
 *	  abridged life table with Chiang's variance, and Silcocks' variance
 *	  for the open last band, as PHE's life expectancy calculator and R
 *	  PHEindicatormethods::phe_life_expectancy compute it.
 *
 * One row per age band (age at the start of the band, deaths, population
 * or person-years).  The bands are read from the data: sorted by age, each
 * band ends where the next begins and the last is open.  With D, P the
 * deaths and population of a band of width n (the open band: n = 2/M),
 * M = D/P and a the fraction of the band lived by those who die in it:
 *
 *	 q = n M / (1 + n (1 - a) M)   (1 when n M a > 1; 1 in the open band)
 *	 l_0 = 100 000, l_{i+1} = l_i (1 - q_i), d_i = l_i - l_{i+1}
 *	 L_i = n_i (l_{i+1} + a_i d_i);  the open band L = l / M
 *	 T_i = sum_{j >= i} L_j, e_i = T_i / l_i
 *	 var: s2_i = q_i^2 (1 - q_i) / D_i (0 without deaths),
 *		  W_i = s2_i l_i^2 ((1 - a_i) n_i + e_{i+1})^2,
 *		  the open band W = l^2 / (D M^2)  (Silcocks et al. 2001)
 *	 se(e_i) = sqrt(sum_{j >= i} W_j) / l_i
 *
 * src/lifetable.c
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
#include "numeric/rank.h"
#include "state.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(wb_life_expectancy_transfn);
PG_FUNCTION_INFO_V1(wb_life_expectancy_finalfn);
PG_FUNCTION_INFO_V1(wb_life_table);
PG_FUNCTION_INFO_V1(wb_life_expectancy_decomposition);
PG_FUNCTION_INFO_V1(wb_life_table_decomposition);
PG_FUNCTION_INFO_V1(wb_cause_contribution);

/* the a_x conventions */
typedef enum LifeConvention
{
	LT_PHE = 1,					/* a = 0.1 for the band starting at 0, 0.5 elsewhere */
	LT_UNIFORM = 2				/* a = 0.5 in every band */
} LifeConvention;

static const WbMethod lt_conventions[] = {
	{"phe", LT_PHE},
	{"uniform", LT_UNIFORM},
	{NULL, 0}
};

/* header fields, then rows of (age, deaths, population) */
enum
{
	LT_CONVENTION = 1, LT_LEVEL, LT_AGE, LT_USED, LT_HEADER
};

#define LT_STRIDE 3
#define LT_MAX_BANDS 1000		/* single years to 110 and beyond fit many times */
#define LT_RADIX 100000.0		/* l_0 */
#define LT_MIN_PERSON_YEARS 5000.0	/* PHE, USALEEP: not calculated at or below */
#define LT_MAX_HALF_WIDTH 10.0	/* PHE: value suppressed when the 95 % interval exceeds 20 years */

static const WbField lt_fields[] = {
	{"convention", WB_FIELD_CODE, LT_PHE, LT_UNIFORM},
	{"level", WB_FIELD_LEVEL},
	{"age", WB_FIELD_NONNEG},
	{"rows", WB_FIELD_COUNT},
};

static const WbField lt_row[] = {
	{"age", WB_FIELD_NONNEG},
	{"deaths", WB_FIELD_NONNEG},
	{"population", WB_FIELD_NONNEG},
};

StaticAssertDecl(WB_FIELDS(lt_fields) == LT_HEADER, "life table state header");
StaticAssertDecl(lengthof(lt_row) == LT_STRIDE, "life table state row");

/* the measures whose _state aggregates make this kind, and their codes */
static const WbMeasure lifetable_measures[] = {
	{"life_expectancy", 0},
};

const WbStateKindInfo wb_kind_lifetable = {
	.kind = WB_STATE_LIFETABLE,.name = "life table",.version = WB_STATE_VERSION,
	.nheader = LT_HEADER,.header = lt_fields,.nparams = 3,
	.stride = LT_STRIDE,.row = lt_row,.used = LT_USED,.max_rows = LT_MAX_BANDS,
	.merge_states = wb_rows_concat,
	.grows = true,
	.measures = lifetable_measures,.nmeasures = lengthof(lifetable_measures),
};

/*
 * life_expectancy(age, deaths, population [, at_age [, level [, convention]]]):
 * one row per band.  A NULL in a row is an error, not a skipped row: a
 * missing band would silently change the table.
 */
Datum
wb_life_expectancy_transfn(PG_FUNCTION_ARGS)
{
	double		row[LT_STRIDE];
	double		params[LT_HEADER] = {0};
	ArrayType  *state;
	int			i;

	for (i = 1; i <= 3; i++)
	{
		if (PG_ARGISNULL(i))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("life_expectancy: %s must not be NULL",
							i == 1 ? "age" : i == 2 ? "deaths" : "population"),
					 errhint("Every age band needs its deaths and population; a band left out would change the table.")));
		row[i - 1] = PG_GETARG_FLOAT8(i);
	}
	wb_check_nonneg(row[0], "age");
	wb_check_finite(row[1], "deaths");
	wb_check_finite(row[2], "population");
	if (row[1] < 0 || row[2] < 0)
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("the band starting at age %g has negative %s (%g)", row[0],
						row[1] < 0 ? "deaths" : "population", row[1] < 0 ? row[1] : row[2])));
	if (row[1] > 0 && row[2] == 0)
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("the band starting at age %g has %g deaths and no population", row[0], row[1])));
	if (row[1] > row[2])
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("the band starting at age %g has more deaths (%g) than population (%g)",
						row[0], row[1], row[2]),
				 errhint("Population is the mid-year population or the person-years of the band.")));

	/* checked before any is read: a NULL text has no value to read */
	for (i = 4; i < PG_NARGS(); i++)
	{
		if (PG_ARGISNULL(i))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("life_expectancy: %s must not be NULL",
							i == 4 ? "at_age" : i == 5 ? "level" : "convention")));
	}
	params[LT_CONVENTION] = wb_method_arg_or(fcinfo, 6, lt_conventions, "life_expectancy", LT_PHE);
	params[LT_LEVEL] = wb_float8_arg_or(fcinfo, 5, 0.95);
	params[LT_AGE] = wb_float8_arg_or(fcinfo, 4, 0);
	wb_check_nonneg(params[LT_AGE], "at_age");
	wb_check_level(params[LT_LEVEL]);

	if (PG_ARGISNULL(0))
		state = wb_rows_new(WB_STATE_LIFETABLE, 0, params);
	else
	{
		/* the rows are not read here: the header and the room are checked */
		state = wb_state_running(fcinfo, WB_STATE_LIFETABLE);
		wb_same_params(wb_state_data(state) + 1, params + 1, 3, "at_age, level and convention");
	}
	return wb_state_result(fcinfo, wb_rows_append(state, row));
}

/* one band of the table */
typedef struct LtBand
{
	double		age;
	double		deaths;
	double		population;
	double		width;			/* NAN for the open band until set */
	double		m,
				a,
				q,
				l,
				d,
				big_l,			/* person-years lived in the band */
				t,				/* person-years lived from the band on */
				e,
				w,				/* the band's variance term */
				se;
} LtBand;

typedef struct LifeTable
{
	LtBand	   *bands;
	int			n;
	int			convention;
	double		level;
	double		at_age;
	double		person_years;
	const char *reason;			/* why the table is not calculated, or NULL */
} LifeTable;

static int
band_by_age(const void *a, const void *b)
{
	double		x = ((const LtBand *) a)->age;
	double		y = ((const LtBand *) b)->age;

	return x < y ? -1 : x > y ? 1 : 0;
}

/* the bands of a validated state, sorted and checked; the table computed */
static void
life_table_compute(ArrayType *state, LifeTable *lt)
{
	double	   *s = wb_state_data(state);
	int64		n = (int64) s[LT_USED];
	LtBand	   *b;
	double		st;
	int			i;

	lt->n = (int) n;
	lt->convention = wb_state_code(s[LT_CONVENTION]);
	lt->level = s[LT_LEVEL];
	lt->at_age = s[LT_AGE];
	lt->reason = NULL;
	lt->person_years = 0;
	lt->bands = b = palloc0(sizeof(LtBand) * Max(n, 1));
	for (i = 0; i < n; i++)
	{
		const double *r = s + LT_HEADER + LT_STRIDE * i;

		b[i].age = r[0];
		b[i].deaths = r[1];
		b[i].population = r[2];
		/* a stored state was checked field by field, not against these */
		if (r[1] > r[2] || (r[1] > 0 && r[2] == 0))
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("the band starting at age %g has more deaths (%g) than population (%g)",
							r[0], r[1], r[2])));
		lt->person_years += r[2];
	}
	wb_sort_stable(b, n, sizeof(LtBand), band_by_age);
	for (i = 0; i < n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (i > 0 && b[i].age == b[i - 1].age)
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("two rows for the band starting at age %g", b[i].age),
					 errhint("Give one row per age band: sum the deaths and population of smaller areas first.")));
	}
	if (n == 0)
		return;
	if (b[0].age != 0)
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("the first age band starts at %g; a life table starts at age 0", b[0].age)));

	/* the anchors' rules for not calculating, in their order */
	for (i = 0; i < n && lt->reason == NULL; i++)
	{
		if (b[i].population == 0)
			lt->reason = psprintf("no population in the band starting at age %g", b[i].age);
	}
	if (lt->reason == NULL && lt->person_years <= LT_MIN_PERSON_YEARS)
		lt->reason = "total population (person-years) of 5 000 or fewer";
	if (lt->reason == NULL && b[n - 1].deaths == 0)
		lt->reason = psprintf("no deaths in the open band starting at age %g", b[n - 1].age);
	if (lt->reason != NULL)
		return;

	for (i = 0; i < n; i++)
	{
		b[i].m = b[i].deaths / b[i].population;
		b[i].a = (lt->convention == LT_PHE && b[i].age == 0) ? 0.1 : 0.5;
		if (i < n - 1)
		{
			double		nm;

			b[i].width = b[i + 1].age - b[i].age;
			nm = b[i].width * b[i].m;
			/* PHE: q = 1 when more die than the band's formula allows */
			b[i].q = nm * b[i].a <= 1 ? nm / (1 + nm * (1 - b[i].a)) : 1.0;
		}
		else
		{
			b[i].width = 2.0 / b[i].m;
			b[i].q = 1.0;
		}
	}
	b[0].l = LT_RADIX;
	for (i = 1; i < n; i++)
		b[i].l = b[i - 1].l * (1 - b[i - 1].q);
	for (i = 0; i < n; i++)
	{
		double		next_l = i < n - 1 ? b[i + 1].l : 0;

		b[i].d = b[i].l - next_l;
		b[i].big_l = i < n - 1 ? b[i].width * (next_l + b[i].a * b[i].d) : b[i].l / b[i].m;
	}
	b[n - 1].t = b[n - 1].big_l;
	for (i = n - 2; i >= 0; i--)
		b[i].t = b[i + 1].t + b[i].big_l;
	for (i = 0; i < n; i++)
		b[i].e = b[i].l > 0 ? b[i].t / b[i].l : 0;

	/* Chiang's variance; Silcocks' for the open band */
	b[n - 1].w = b[n - 1].l * b[n - 1].l / (b[n - 1].deaths * b[n - 1].m * b[n - 1].m);
	for (i = 0; i < n - 1; i++)
	{
		double		s2 = b[i].d > 0 && b[i].deaths > 0 ?
			b[i].q * b[i].q * (1 - b[i].q) / b[i].deaths : 0;
		double		f = (1 - b[i].a) * b[i].width + b[i + 1].e;

		b[i].w = s2 * b[i].l * b[i].l * f * f;
	}
	st = 0;
	for (i = n - 1; i >= 0; i--)
	{
		st += b[i].w;
		b[i].se = b[i].l > 0 ? sqrt(st) / b[i].l : NAN;
	}
}

/*
 * PHE shows no value whose 95 % interval is wider than 20 years, at 95 %
 * whatever level was asked for; the interval itself is kept.
 */
#define LT_WIDE_INTERVAL "95 % interval wider than 20 years"

static bool
interval_too_wide(const LtBand *b)
{
	return wb_z_crit(0.95) * b->se > LT_MAX_HALF_WIDTH;
}

/* the band starting at the requested age, or an error listing the ages */
static int
band_at(const LifeTable *lt, double age)
{
	StringInfoData ages;
	int			i;

	for (i = 0; i < lt->n; i++)
	{
		if (lt->bands[i].age == age)
			return i;
	}
	initStringInfo(&ages);
	for (i = 0; i < lt->n && i < 40; i++)
		appendStringInfo(&ages, "%s%g", i ? ", " : "", lt->bands[i].age);
	ereport(ERROR,
			(errcode(WB_ERRCODE_BAD_ARGUMENT),
			 errmsg("no age band starts at %g", age),
			 errhint("Life expectancy is given at the start of a band: %s.", ages.data)));
	return -1;					/* not reached */
}

/* wellbeing.life_expectancy: (value, se, lower, upper, n, level, age, reason) */
#define LE_NATTS 8

static Datum
life_expectancy_datum(FunctionCallInfo fcinfo, const LifeTable *lt, int i)
{
	TupleDesc	tupdesc;
	Datum		values[LE_NATTS];
	bool		nulls[LE_NATTS] = {false};
	double		out[6];
	const char *reason = lt->reason;
	double		deaths_used = 0;
	int			j;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE ||
		tupdesc->natts != LE_NATTS)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("wellbeing.life_expectancy has an unexpected shape")));
	tupdesc = BlessTupleDesc(tupdesc);
	for (j = 0; j < 6; j++)
		out[j] = NAN;
	for (j = Max(i, 0); j < lt->n; j++)
		deaths_used += lt->bands[j].deaths;
	out[4] = deaths_used;
	out[5] = lt->level;
	if (reason == NULL && i >= 0)
	{
		const LtBand *b = &lt->bands[i];
		double		z = wb_z_crit(lt->level);

		out[0] = b->e;
		out[1] = b->se;
		out[2] = b->e - z * b->se;
		out[3] = b->e + z * b->se;
		/* an interval cannot leave [0, open-ended): life expectancy is >= 0 */
		wb_interval_bound(out[0], out[1], &out[2], &out[3], 0, INFINITY, "life_expectancy");
		if (interval_too_wide(b))
		{
			out[0] = NAN;
			reason = LT_WIDE_INTERVAL;
		}
	}
	for (j = 0; j < 6; j++)
	{
		nulls[j] = !isfinite(out[j]);
		values[j] = nulls[j] ? (Datum) 0 : Float8GetDatum(out[j]);
	}
	values[6] = Float8GetDatum(lt->at_age);
	if (reason != NULL)
		values[7] = CStringGetTextDatum(reason);
	else
		nulls[7] = true;
	return HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
}

Datum
wb_life_expectancy_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state = wb_state_get(fcinfo, 0, WB_STATE_LIFETABLE);
	LifeTable	lt;

	life_table_compute(state, &lt);
	if (lt.n == 0)
		PG_RETURN_NULL();
	return life_expectancy_datum(fcinfo, &lt, band_at(&lt, lt.at_age));
}

/*
 * life_table(state): the whole table of a state made by life_expectancy_state,
 * one row per band, as phe_life_expectancy(type = "full") returns it and
 * with every column of the table.
 */
Datum
wb_life_table(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	ArrayType  *state = wb_state_get(fcinfo, 0, WB_STATE_LIFETABLE);
	LifeTable	lt;
	double		z;
	double	   *deaths_used,
			   *population_used;
	int			i;

	life_table_compute(state, &lt);
	z = wb_z_crit(lt.level);
	/* deaths and population from each band on, as phe_life_expectancy's dths_used, pops_used */
	deaths_used = palloc0(sizeof(double) * (lt.n + 1));
	population_used = palloc0(sizeof(double) * (lt.n + 1));
	for (i = lt.n - 1; i >= 0; i--)
	{
		deaths_used[i] = deaths_used[i + 1] + lt.bands[i].deaths;
		population_used[i] = population_used[i + 1] + lt.bands[i].population;
	}
	InitMaterializedSRF(fcinfo, 0);
	for (i = 0; i < lt.n; i++)
	{
		const LtBand *b = &lt.bands[i];
		Datum		values[19];
		bool		nulls[19] = {false};
		double		f[16];
		const char *reason = lt.reason;
		int			j;

		CHECK_FOR_INTERRUPTS();
		f[0] = b->age;
		f[1] = lt.reason == NULL && i < lt.n - 1 ? b->width : NAN;
		f[2] = b->deaths;
		f[3] = b->population;
		if (lt.reason == NULL)
		{
			f[4] = b->m;
			f[5] = b->a;
			f[6] = b->q;
			f[7] = b->l;
			f[8] = b->d;
			f[9] = b->big_l;
			f[10] = b->t;
			f[11] = b->e;
			f[12] = b->se;
			f[13] = b->e - z * b->se;
			f[14] = b->e + z * b->se;
			wb_interval_bound(f[11], f[12], &f[13], &f[14], 0, INFINITY, "life_table");
			if (interval_too_wide(b))
			{
				f[11] = NAN;
				reason = LT_WIDE_INTERVAL;
			}
		}
		else
		{
			for (j = 4; j <= 14; j++)
				f[j] = NAN;
		}
		f[15] = lt.level;
		for (j = 0; j < 16; j++)
		{
			nulls[j] = !isfinite(f[j]);
			values[j] = nulls[j] ? (Datum) 0 : Float8GetDatum(f[j]);
		}
		values[16] = Float8GetDatum(deaths_used[i]);
		values[17] = Float8GetDatum(population_used[i]);
		if (reason != NULL)
			values[18] = CStringGetTextDatum(reason);
		else
			nulls[18] = true;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* ----------------------------------------------------------------------
 * The decomposition of a gap in life expectancy by age
 *
 * The gap e2 - e1 in life expectancy at the first band between table 1
 * ("from") and table 2 ("to"), split into the contribution of each band's
 * mortality: Arriaga's decomposition in the symmetric form that averages
 * its two directions, as Ponnapalli (A comparison of different methods for
 * decomposition of changes in expectation of life at birth and
 * differentials in life expectancy at birth, Demographic Research
 * 2005;12:141-172) compares and R's decompositionLE computes as
 * decomp_age(method = "arriaga3").  With l the survivors as a fraction of
 * the first band's, e the life expectancy and ' the next band:
 *
 *	 direct = (e2 - e1)(l1 + l2)/2 + (l1 + l2)/2 (l1' e1'/l1 - l2' e2'/l2)
 *	 indirect = (e2' (l2' - l2 l1'/l1) - e1' (l1' - l1 l2'/l2)) / 2
 *	 interaction = (e2' - e1') ((l1 l2'/l2 + l2 l1'/l1) - (l1' + l2')) / 2
 *	 total = direct + indirect + interaction
 *
 * and in the open band direct = total = (e2 - e1)(l1 + l2)/2 (no next band).
 * The totals add up to e2 - e1 at the first band: the sum telescopes.
 * ----------------------------------------------------------------------
 */
typedef struct LeContribution
{
	double		direct,
				indirect,
				interaction,
				total;
} LeContribution;

static void
arriaga_contributions(const double *l1, const double *e1, const double *l2,
					  const double *e2, int n, LeContribution *out)
{
	int			i;

	for (i = 0; i < n; i++)
	{
		/* survivors as fractions of the first band's, as the formulas take them */
		double		a1 = l1[i] / l1[0],
					a2 = l2[i] / l2[0];
		LeContribution *c = &out[i];

		c->direct = (e2[i] - e1[i]) * (a1 + a2) / 2;
		if (i == n - 1)
		{
			c->indirect = c->interaction = NAN;
			c->total = c->direct;
			continue;
		}
		{
			double		b1 = l1[i + 1] / l1[0],
						b2 = l2[i + 1] / l2[0];

			c->direct += (a1 + a2) * (b1 * e1[i + 1] / a1 - b2 * e2[i + 1] / a2) / 2;
			c->indirect = (e2[i + 1] * (b2 - a2 * b1 / a1) -
						   e1[i + 1] * (b1 - a1 * b2 / a2)) / 2;
			c->interaction = (e2[i + 1] - e1[i + 1]) *
				((a1 * b2 / a2 + a2 * b1 / a1) - (b1 + b2)) / 2;
			c->total = c->direct + c->indirect + c->interaction;
		}
	}
}

/* the rows (age, direct, indirect, interaction, total, reason) */
#define DECOMP_NATTS 6

static void
decomposition_rows(FunctionCallInfo fcinfo, const double *age, const LeContribution *c,
				   int n, const char *reason)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			i;

	InitMaterializedSRF(fcinfo, 0);
	if (rsinfo->setDesc->natts != DECOMP_NATTS)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("life_expectancy_decomposition has an unexpected shape")));
	for (i = 0; i < n; i++)
	{
		Datum		values[DECOMP_NATTS];
		bool		nulls[DECOMP_NATTS] = {false};
		double		f[5];
		int			j;

		CHECK_FOR_INTERRUPTS();
		f[0] = age[i];
		f[1] = reason ? NAN : c[i].direct;
		f[2] = reason ? NAN : c[i].indirect;
		f[3] = reason ? NAN : c[i].interaction;
		f[4] = reason ? NAN : c[i].total;
		/*
		 * NaN marks the effects the open band does not have (indirect,
		 * interaction); anything else not finite is an overflow
		 */
		for (j = 0; j < 5; j++)
		{
			bool		absent = reason != NULL || (i == n - 1 && (j == 2 || j == 3));

			if (!absent && !isfinite(f[j]))
				ereport(ERROR,
						(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						 errmsg("life_expectancy_decomposition: value out of range in the band starting at %g",
								age[i])));
			nulls[j] = !isfinite(f[j]);
			values[j] = nulls[j] ? (Datum) 0 : Float8GetDatum(f[j]);
		}
		if (reason != NULL)
			values[5] = CStringGetTextDatum(reason);
		else
			nulls[5] = true;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
}

/* why a table's life expectancy at birth is missing, or NULL */
static const char *
birth_value_missing(const LifeTable *lt, const char *which)
{
	if (lt->reason != NULL)
		return psprintf("the %s table is not calculated: %s", which, lt->reason);
	if (interval_too_wide(&lt->bands[0]))
		return psprintf("the %s table's life expectancy at birth is suppressed: %s",
						which, LT_WIDE_INTERVAL);
	return NULL;
}

/*
 * life_expectancy_decomposition(from, to): two states made by
 * life_expectancy_state over the same bands.  When either table is not
 * calculated (or its value at birth is suppressed), every band is returned
 * with the reason and no contributions.
 */
Datum
wb_life_expectancy_decomposition(PG_FUNCTION_ARGS)
{
	ArrayType  *from = wb_state_get(fcinfo, 0, WB_STATE_LIFETABLE);
	ArrayType  *to = wb_state_get(fcinfo, 1, WB_STATE_LIFETABLE);
	LifeTable	t1,
				t2;
	const char *reason;
	double	   *age,
			   *l1,
			   *e1,
			   *l2,
			   *e2;
	LeContribution *c;
	int			i,
				n;

	life_table_compute(from, &t1);
	life_table_compute(to, &t2);
	n = t1.n;
	for (i = 0; i < Max(t1.n, t2.n); i++)
	{
		bool		from_extra;

		if (i < t1.n && i < t2.n && t1.bands[i].age == t2.bands[i].age)
			continue;
		/* the first band one table has and the other lacks */
		from_extra = i >= t2.n || (i < t1.n && t1.bands[i].age < t2.bands[i].age);
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("the two life tables have different age bands: the %s table has a band starting at %g that the %s table lacks",
						from_extra ? "from" : "to",
						from_extra ? t1.bands[i].age : t2.bands[i].age,
						from_extra ? "to" : "from"),
				 errhint("Decompose tables computed over the same bands.")));
	}
	reason = n > 0 ? birth_value_missing(&t1, "from") : NULL;
	if (reason == NULL && n > 0)
		reason = birth_value_missing(&t2, "to");

	age = palloc(sizeof(double) * Max(n, 1));
	l1 = palloc(sizeof(double) * Max(n, 1));
	e1 = palloc(sizeof(double) * Max(n, 1));
	l2 = palloc(sizeof(double) * Max(n, 1));
	e2 = palloc(sizeof(double) * Max(n, 1));
	c = palloc(sizeof(LeContribution) * Max(n, 1));
	for (i = 0; i < n; i++)
	{
		age[i] = t1.bands[i].age;
		l1[i] = t1.bands[i].l;
		e1[i] = t1.bands[i].e;
		l2[i] = t2.bands[i].l;
		e2[i] = t2.bands[i].e;
	}
	if (reason == NULL)
		arriaga_contributions(l1, e1, l2, e2, n, c);
	decomposition_rows(fcinfo, age, c, n, reason);
	return (Datum) 0;
}

/*
 * life_expectancy_decomposition(age, l_from, e_from, l_to, e_to): the same
 * for published life tables given as arrays, one element per band in age
 * order (l on any radix: it is read as a fraction of the first band's).
 */
Datum
wb_life_table_decomposition(PG_FUNCTION_ARGS)
{
	static const char *const names[] = {"age", "l_from", "e_from", "l_to", "e_to"};
	const double *col[5];
	int			len[5];
	LeContribution *c;
	int			i,
				k,
				n;

	for (k = 0; k < 5; k++)
		col[k] = wb_float8_array_arg(fcinfo, k, names[k], LT_MAX_BANDS, &len[k]);
	n = len[0];
	for (k = 1; k < 5; k++)
	{
		if (len[k] != n)
			ereport(ERROR,
					(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					 errmsg("%s has %d elements and age has %d: give one of each per band",
							names[k], len[k], n)));
	}
	for (i = 0; i < n; i++)
	{
		if (i > 0 && !(col[0][i] > col[0][i - 1]))
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("the ages must increase: the band starting at %g follows the one starting at %g",
							col[0][i], col[0][i - 1])));
		for (k = 1; k < 5; k += 2)
		{
			if (!(col[k][i] > 0) || (i > 0 && col[k][i] > col[k][i - 1]))
				ereport(ERROR,
						(errcode(WB_ERRCODE_BAD_ARGUMENT),
						 errmsg("%s must be positive and not increase with age, got %g in the band starting at %g",
								names[k], col[k][i], col[0][i])));
			if (!(col[k + 1][i] >= 0))
				ereport(ERROR,
						(errcode(WB_ERRCODE_BAD_ARGUMENT),
						 errmsg("%s must not be negative, got %g in the band starting at %g",
								names[k + 1], col[k + 1][i], col[0][i])));
		}
	}
	c = palloc(sizeof(LeContribution) * Max(n, 1));
	arriaga_contributions(col[1], col[2], col[3], col[4], n, c);
	decomposition_rows(fcinfo, col[0], c, n, NULL);
	return (Datum) 0;
}

/*
 * cause_contribution(contribution, cause_rate_from, cause_rate_to,
 * rate_from, rate_to): a band's contribution to the gap split by cause of
 * death in proportion to the cause's share of the change in the band's
 * death rate (Preston, Heuveline and Guillot, Demography, 2001, section
 * 4.4; decompositionLE's decomp_disease):
 *	 contribution (m2_cause - m1_cause) / (m2 - m1)
 * NULL when the band's all-cause rate did not change (the split is then
 * undefined, and the contribution is close to zero).
 */
Datum
wb_cause_contribution(PG_FUNCTION_ARGS)
{
	double		total = PG_GETARG_FLOAT8(0);
	double		c1 = PG_GETARG_FLOAT8(1);
	double		c2 = PG_GETARG_FLOAT8(2);
	double		m1 = PG_GETARG_FLOAT8(3);
	double		m2 = PG_GETARG_FLOAT8(4);
	double		r;

	wb_check_finite(total, "contribution");
	wb_check_nonneg(c1, "cause_rate_from");
	wb_check_nonneg(c2, "cause_rate_to");
	wb_check_nonneg(m1, "rate_from");
	wb_check_nonneg(m2, "rate_to");
	wb_check_not_greater(c1, "cause_rate_from", m1, "rate_from");
	wb_check_not_greater(c2, "cause_rate_to", m2, "rate_to");
	if (m2 == m1)
		PG_RETURN_NULL();
	r = total * ((c2 - c1) / (m2 - m1));
	if (!isfinite(r))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("cause_contribution: value out of range")));
	PG_RETURN_FLOAT8(r);
}
