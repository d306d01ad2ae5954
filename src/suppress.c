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

#include "args.h"
#include "estimate_type.h"
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
