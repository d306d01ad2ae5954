/*-------------------------------------------------------------------------
 *
 * suppress.c
 *	  Reliability flags, primary suppression of an estimate, and
 *	  complementary (secondary) suppression as a window function.
 *
 * Confidentiality (a small count identifies residents) and reliability (a
 * large relative standard error) are different concepts, and city
 * publication rules carry both:
 * reliability() reports the stricter of the two.
 *
 * src/suppress.c
 *
 *-------------------------------------------------------------------------
 */
#include "wellbeing.h"

#include <math.h>

#include "access/htup_details.h"
#include "args.h"
#include "estimate_type.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "numeric/dist.h"
#include "numeric/rank.h"
#include "utils/builtins.h"
#include "windowapi.h"

PG_FUNCTION_INFO_V1(wb_reliability);
PG_FUNCTION_INFO_V1(wb_suppress);
PG_FUNCTION_INFO_V1(wb_complementary_suppression);

typedef enum Reliability
{
	REL_RELIABLE,
	REL_UNRELIABLE,
	REL_SUPPRESS
} Reliability;

static const char *const reliability_names[] = {"reliable", "unreliable", "suppress"};

static void
check_thresholds(double min_n, double max_rse)
{
	wb_check_nonneg(min_n, "min_n");
	wb_check_nonneg(max_rse, "max_rse");
}

/*
 * suppress: n unknown or below min_n.  unreliable: no standard error, a
 * zero value (its relative standard error is undefined), or a relative
 * standard error se/|value| above max_rse.  reliable otherwise.
 */
static Reliability
classify(const WbEstimate *e, double min_n, double max_rse)
{
	double		rse;

	if (isnan(e->n) || e->n < min_n)
		return REL_SUPPRESS;
	if (isnan(e->value) || isnan(e->se))
		return REL_UNRELIABLE;
	/* the RSE of a zero estimate is undefined: nothing supports it */
	if (e->value == 0)
		return REL_UNRELIABLE;
	rse = e->se / fabs(e->value);
	return rse > max_rse ? REL_UNRELIABLE : REL_RELIABLE;
}

/* reliability(estimate, min_n DEFAULT 11, max_rse DEFAULT 0.30) */
Datum
wb_reliability(PG_FUNCTION_ARGS)
{
	WbEstimate	e;
	double		min_n = PG_GETARG_FLOAT8(1);
	double		max_rse = PG_GETARG_FLOAT8(2);

	check_thresholds(min_n, max_rse);
	wb_estimate_read(fcinfo, 0, &e);
	PG_RETURN_TEXT_P(cstring_to_text(reliability_names[classify(&e, min_n, max_rse)]));
}

/*
 * suppress(estimate, min_n DEFAULT 11, max_rse DEFAULT 0.30,
 * suppress_unreliable DEFAULT false): the estimate with value, se,
 * interval and n set to NULL when it must not be shown (n is nulled too:
 * it would reveal the small count).
 */
Datum
wb_suppress(PG_FUNCTION_ARGS)
{
	WbEstimate	e;
	double		min_n = PG_GETARG_FLOAT8(1);
	double		max_rse = PG_GETARG_FLOAT8(2);
	bool		also_unreliable = PG_GETARG_BOOL(3);
	Reliability r;

	check_thresholds(min_n, max_rse);
	wb_estimate_read(fcinfo, 0, &e);
	r = classify(&e, min_n, max_rse);
	if (r == REL_SUPPRESS || (also_unreliable && r == REL_UNRELIABLE))
	{
		double		level = e.level;

		wb_estimate_init(&e, level);
	}
	PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &e));
}

/* ----------------------------------------------------------------------
 * complementary_suppression(count, primary, min_total DEFAULT 0)
 *	 OVER (PARTITION BY ... [ORDER BY ...])
 *
 * Returns true for every cell of the partition that must be hidden: the
 * primary cells, plus complementary cells chosen so that a hidden cell
 * cannot be recovered by subtracting the shown cells from the
 * partition's total.  Rule: if any cell is hidden, at least two are, and
 * the hidden cells together hold at least min_total (so their sum, which
 * the total reveals, is not itself a small number).  Complements are the
 * smallest non-zero shown counts, ties broken by position in the window
 * ordering; zero cells protect little and are taken only when no
 * non-zero cell is left.
 *
 * The whole partition is read once, on its first row; the flags live in
 * partition-local memory.
 * ----------------------------------------------------------------------
 */
typedef struct SuppressionPartition
{
	bool		computed;
	int64		nrows;
	bool		hidden[FLEXIBLE_ARRAY_MEMBER];
} SuppressionPartition;

typedef struct SuppressionCell
{
	double		count;
	int64		pos;
} SuppressionCell;

static int
suppression_cell_cmp(const void *a, const void *b)
{
	const SuppressionCell *ca = (const SuppressionCell *) a;
	const SuppressionCell *cb = (const SuppressionCell *) b;

	/* zero cells last: they are complements only when nothing else is left */
	if ((ca->count == 0) != (cb->count == 0))
		return ca->count == 0 ? 1 : -1;
	if (ca->count != cb->count)
		return ca->count < cb->count ? -1 : 1;
	return ca->pos < cb->pos ? -1 : (ca->pos > cb->pos ? 1 : 0);
}

static void
compute_suppression(WindowObject winobj, SuppressionPartition *part,
					double min_total)
{
	int64		n = part->nrows;
	SuppressionCell *candidates = palloc(sizeof(SuppressionCell) * Max(n, 1));
	int64		ncand = 0;
	int64		nhidden = 0;
	double		hidden_total = 0;
	int64		i;

	for (i = 0; i < n; i++)
	{
		bool		isnull,
					isout;
		Datum		d;
		double		count = NAN;
		bool		primary = false;

		d = WinGetFuncArgInPartition(winobj, 0, i, WINDOW_SEEK_HEAD, false,
									 &isnull, &isout);
		if (!isnull)
		{
			count = DatumGetFloat8(d);
			wb_check_nonneg(count, "count");
		}
		d = WinGetFuncArgInPartition(winobj, 1, i, WINDOW_SEEK_HEAD, false,
									 &isnull, &isout);
		if (!isnull)
			primary = DatumGetBool(d);

		if (primary)
		{
			part->hidden[i] = true;
			nhidden++;
			if (!isnan(count))
				hidden_total += count;
		}
		else if (!isnan(count))
		{
			candidates[ncand].count = count;
			candidates[ncand].pos = i;
			ncand++;
		}
	}

	if (nhidden > 0)
	{
		wb_sort_stable(candidates, ncand, sizeof(SuppressionCell), suppression_cell_cmp);
		for (i = 0; i < ncand && (nhidden < 2 || hidden_total < min_total); i++)
		{
			part->hidden[candidates[i].pos] = true;
			nhidden++;
			hidden_total += candidates[i].count;
		}
	}
	pfree(candidates);
	part->computed = true;
}

Datum
wb_complementary_suppression(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	int64		nrows = WinGetPartitionRowCount(winobj);
	SuppressionPartition *part;
	int64		pos;

	part = (SuppressionPartition *)
		WinGetPartitionLocalMemory(winobj,
								   offsetof(SuppressionPartition, hidden) + nrows + 1);
	if (!part->computed)
	{
		bool		isnull;
		double		min_total = 0;

		if (PG_NARGS() > 2)
		{
			Datum		d = WinGetFuncArgCurrent(winobj, 2, &isnull);

			if (!isnull)
				min_total = DatumGetFloat8(d);
			wb_check_nonneg(min_total, "min_total");
		}
		part->nrows = nrows;
		compute_suppression(winobj, part, min_total);
	}
	pos = WinGetCurrentPosition(winobj);
	PG_RETURN_BOOL(part->hidden[pos]);
}

/* ----------------------------------------------------------------------
 * The NCHS Data Presentation Standards for Proportions (Parker JD, Talih
 * M, Malec DJ, et al., Vital Health Stat 2(175), 2017), in the order the
 * standard applies them and as NCHS's own R package surveytable
 * implements them:
 *   effective sample size n_eff = p(1 - p)/se^2, at most n (n when p is 0
 *   or 1); below 30: suppress;
 *   the Korn-Graubard 95 % interval, Clopper-Pearson on n_eff scaled by
 *   (t_{n-1} / t_df)^2 (its width 0 when p is 0 or 1); width at most 0.05:
 *   present; at least 0.30: suppress; else relative width (width / p)
 *   above 1.30: suppress; else present;
 *   a presented proportion goes to statistical review when its
 *   complement's relative width exceeds 1.30 (in the relative-width
 *   branch), when df < 8, or when p is 0 or 1.
 * The interval is the standard's own, whatever interval the estimate
 * carries, so one rule judges every proportion the same way.
 * ----------------------------------------------------------------------
 */
PG_FUNCTION_INFO_V1(wb_nchs_presentation);
PG_FUNCTION_INFO_V1(wb_nchs_presentation_survey);

static Datum
nchs_presentation(FunctionCallInfo fcinfo, double p, double se, double n, double df)
{
	TupleDesc	tupdesc;
	Datum		values[8];
	bool		nulls[8] = {false};
	const char *decision;
	StringInfoData reason;
	int			i;
	double		n_eff = NAN,
				lower = NAN,
				upper = NAN,
				width = NAN,
				rel = NAN;
	bool		edge;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("nchs_presentation called in a context that cannot accept its record")));
	tupdesc = BlessTupleDesc(tupdesc);
	initStringInfo(&reason);
	if (!isnan(p) && !(p >= 0 && p <= 1))
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("the NCHS standards are for proportions, got a value of %g", p),
				 errhint("Pass the estimate of a proportion (a fraction in [0, 1]).")));
	edge = p == 0 || p == 1;

	if (isnan(p) || isnan(n))
	{
		decision = "suppress";
		appendStringInfoString(&reason, isnan(p) ? "no value" : "no sample size");
	}
	else if (!edge && isnan(se))
	{
		decision = "suppress";
		appendStringInfoString(&reason, "no standard error");
	}
	else
	{
		double		n_kg;

		n_eff = edge ? n : (se > 0 ? fmin(n, p * (1 - p) / (se * se)) : n);
		/* Korn-Graubard: the effective size scaled to the design's df */
		if (edge)
			n_kg = n;
		else if (df > 0 && n > 1)
		{
			double		r = wb_qt(0.025, n - 1) / wb_qt(0.025, df);

			n_kg = fmin(n, n_eff * r * r);
		}
		else
			n_kg = 0;
		if (n_kg > 0)
		{
			lower = p > 0 ? wb_qbeta(0.025, n_kg * p, n_kg * (1 - p) + 1) : 0.0;
			upper = p < 1 ? wb_qbeta(0.975, n_kg * p + 1, n_kg * (1 - p)) : 1.0;
		}
		else
		{
			lower = 0.0;
			upper = 1.0;
		}
		width = edge ? 0.0 : upper - lower;
		rel = p > 0 ? width / p : NAN;

		if (n_eff < 30)
		{
			decision = "suppress";
			appendStringInfoString(&reason, "effective sample size below 30");
		}
		else if (width <= 0.05)
		{
			decision = "present";
			appendStringInfoString(&reason, "confidence interval at most 5 percentage points wide");
		}
		else if (width >= 0.30)
		{
			decision = "suppress";
			appendStringInfoString(&reason, "confidence interval at least 30 percentage points wide");
		}
		else if (rel > 1.30)
		{
			decision = "suppress";
			appendStringInfoString(&reason, "relative confidence interval width above 130%");
		}
		else
		{
			decision = "present";
			appendStringInfoString(&reason, "relative confidence interval width at most 130%");
			if (width / (1 - p) > 1.30)
			{
				decision = "review";
				appendStringInfoString(&reason, "; the complement's relative width above 130%");
			}
		}
		if (strcmp(decision, "suppress") != 0)
		{
			if (!isnan(df) && df < 8)
			{
				decision = "review";
				appendStringInfoString(&reason, "; fewer than 8 degrees of freedom");
			}
			if (edge)
			{
				decision = "review";
				appendStringInfoString(&reason, "; an estimate of 0 or 1");
			}
		}
	}

	values[0] = CStringGetTextDatum(decision);
	values[1] = CStringGetTextDatum(reason.data);
	values[2] = Float8GetDatum(n_eff);
	values[3] = Float8GetDatum(df);
	values[4] = Float8GetDatum(lower);
	values[5] = Float8GetDatum(upper);
	values[6] = Float8GetDatum(width);
	values[7] = Float8GetDatum(rel);
	for (i = 2; i < 8; i++)
		nulls[i] = isnan(DatumGetFloat8(values[i]));
	return HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
}

/* an estimate of a simple random sample: df = n - 1 (no scaling) */
Datum
wb_nchs_presentation(PG_FUNCTION_ARGS)
{
	WbEstimate	e;

	wb_estimate_read(fcinfo, 0, &e);
	return nchs_presentation(fcinfo, e.value, e.se, e.n, isnan(e.n) ? NAN : e.n - 1);
}

/* a survey estimate: its n (rows of the domain) and design df */
Datum
wb_nchs_presentation_survey(PG_FUNCTION_ARGS)
{
	HeapTupleHeader t = PG_GETARG_HEAPTUPLEHEADER(0);
	static const int attnum[4] = {1, 2, 5, 7};	/* value, se, n, df */
	static const char *const names[4] = {"estimate value", "estimate se", "estimate n", "estimate df"};
	double		f[4];
	int			i;

	for (i = 0; i < 4; i++)
	{
		bool		isnull;
		Datum		d = GetAttributeByNum(t, attnum[i], &isnull);

		f[i] = isnull ? NAN : DatumGetFloat8(d);
		if (!isnull)
		{
			wb_check_finite(f[i], names[i]);
			if (i > 0)
				wb_check_nonneg(f[i], names[i]);
		}
	}
	return nchs_presentation(fcinfo, f[0], f[1], f[2], f[3]);
}
