/*-------------------------------------------------------------------------
 *
 * estimate_type.c
 *	  Building and reading wellbeing.estimate, and its constructors.
 *
 * src/estimate_type.c
 *
 *-------------------------------------------------------------------------
 */
#include "estimate_type.h"

#include <math.h>

#include "access/htup_details.h"
#include "args.h"
#include "funcapi.h"
#include "numeric/dist.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(wb_estimate_make);
PG_FUNCTION_INFO_V1(wb_estimate_from_ci);

void
wb_estimate_init(WbEstimate *e, double level)
{
	e->value = NAN;
	e->se = NAN;
	e->lower = NAN;
	e->upper = NAN;
	e->n = NAN;
	e->level = level;
}

void
wb_interval_normal(WbEstimate *e)
{
	double		z = wb_z_crit(e->level);

	e->lower = e->value - z * e->se;
	e->upper = e->value + z * e->se;
}

void
wb_interval_t(WbEstimate *e, double df)
{
	double		t = df > 0 ? wb_t_crit(e->level, df) : NAN;

	e->lower = e->value - t * e->se;
	e->upper = e->value + t * e->se;
}

/*
 * Clamp an interval to the parameter's range and make it contain its
 * estimate; raise overflow before that.
 *
 * Why: the interval formulas are right on paper, but in floating point the
 * last ulp can land on the wrong side.  The Wilson upper limit for x = n is
 * 1 exactly on paper and 0.9999999999999999 or 1.0000000000000002 after
 * rounding, exp(log(r)) need not give r back, and a lower limit of 0 comes
 * out as a tiny positive or negative number.  Some formulas also leave the
 * range outright: the Wald and normal intervals near 0 or 1, Byar's lower
 * limit below one event, Dobson's with uneven band weights.  A proportion
 * outside [0, 1] or a negative rate is not a value the parameter can take,
 * and a bound on the wrong side of its own estimate breaks every
 * "lower <= value <= upper" check downstream, so each builder ends here:
 * the bounds are first clamped to [min, max] and then widened, if need be,
 * to reach the value.  Published anchors inside the range are untouched
 * (clamping moves a bound only when it is outside).
 *
 * An infinite field means a sum, a variance or a product went past double
 * precision; that is an error (22003), never the NULL an infinity would
 * otherwise become.  NaN still means "undefined for these data" and stays
 * NULL.
 */
void
wb_interval_bound(double value, double se, double *lower, double *upper,
				  double min, double max, const char *what)
{
	static const char *const fields[] = {"value", "standard error", "lower limit", "upper limit"};
	double		f[4] = {value, se, *lower, *upper};
	int			i;

	for (i = 0; i < 4; i++)
	{
		if (unlikely(isinf(f[i])))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value out of range: overflow in %s", what),
					 errdetail("The %s of the %s exceeds the range of double precision.",
							   fields[i], what)));
	}
	if (!isnan(*lower))
	{
		*lower = fmin(fmax(*lower, min), max);
		if (!isnan(value))
			*lower = fmin(*lower, value);
	}
	if (!isnan(*upper))
	{
		*upper = fmax(fmin(*upper, max), min);
		if (!isnan(value))
			*upper = fmax(*upper, value);
	}
}

void
wb_estimate_bound(WbEstimate *e, double min, double max, const char *what)
{
	wb_interval_bound(e->value, e->se, &e->lower, &e->upper, min, max, what);
}

/*
 * The result tuple descriptor is looked up once per call site and kept in
 * its WbFnCache; scalar twins run once per row of a city table.
 */
static TupleDesc
estimate_tupdesc(FunctionCallInfo fcinfo)
{
	WbFnCache  *cache = wb_fn_cache(fcinfo);
	TupleDesc	tupdesc = cache->estimate_tupdesc;

	if (tupdesc == NULL)
	{
		MemoryContext old;

		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("function returning wellbeing.estimate called in a context that cannot accept a composite")));
		/* the type belongs to the extension; a changed definition is not ours */
		if (tupdesc->natts != WB_ESTIMATE_NATTS)
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("wellbeing.estimate has %d attributes, expected %d",
							tupdesc->natts, WB_ESTIMATE_NATTS),
					 errhint("Reinstall the extension: its type was altered.")));
		old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		tupdesc = BlessTupleDesc(CreateTupleDescCopy(tupdesc));
		MemoryContextSwitchTo(old);
		cache->estimate_tupdesc = tupdesc;
	}
	return tupdesc;
}

Datum
wb_estimate_datum(FunctionCallInfo fcinfo, const WbEstimate *e)
{
	double		f[WB_ESTIMATE_NATTS] = {e->value, e->se, e->lower, e->upper, e->n, e->level};
	Datum		values[WB_ESTIMATE_NATTS];
	bool		nulls[WB_ESTIMATE_NATTS];
	int			i;

	/*
	 * Every estimate leaves through here, so here an interval is made to
	 * contain its estimate whatever family built it (a bound computed on
	 * another scale can miss the value by an ulp); the families that know
	 * their parameter's range also clamp to it (wb_estimate_bound).
	 */
	if (isfinite(f[0]))
	{
		if (isfinite(f[2]))
			f[2] = fmin(f[2], f[0]);
		if (isfinite(f[3]))
			f[3] = fmax(f[3], f[0]);
	}
	for (i = 0; i < WB_ESTIMATE_NATTS; i++)
	{
		nulls[i] = !isfinite(f[i]);
		values[i] = nulls[i] ? (Datum) 0 : Float8GetDatum(f[i]);
	}
	return HeapTupleGetDatum(heap_form_tuple(estimate_tupdesc(fcinfo), values, nulls));
}

Datum
wb_estimate_value_only(FunctionCallInfo fcinfo, double value, double n)
{
	WbEstimate	e;

	wb_estimate_init(&e, NAN);
	e.value = value;
	e.n = n;
	return wb_estimate_datum(fcinfo, &e);
}

/*
 * Fields that are set must make sense: finite, se and n non-negative,
 * level in (0, 1).  A hand-built ROW('NaN', ...) is an error, not a silent
 * NULL further on.
 */
void
wb_estimate_read(FunctionCallInfo fcinfo, int argno, WbEstimate *e)
{
	static const char *const names[WB_ESTIMATE_NATTS] =
	{"estimate value", "estimate se", "estimate lower", "estimate upper", "estimate n", "estimate level"};
	HeapTupleHeader t = PG_GETARG_HEAPTUPLEHEADER(argno);
	double	   *f[WB_ESTIMATE_NATTS] = {&e->value, &e->se, &e->lower, &e->upper, &e->n, &e->level};
	int			i;

	for (i = 0; i < WB_ESTIMATE_NATTS; i++)
	{
		bool		isnull;
		Datum		d = GetAttributeByNum(t, i + 1, &isnull);

		*f[i] = isnull ? NAN : DatumGetFloat8(d);
		if (!isnull)
			wb_check_finite(*f[i], names[i]);
	}
	if (!isnan(e->se))
		wb_check_nonneg(e->se, names[1]);
	if (!isnan(e->n))
		wb_check_nonneg(e->n, names[4]);
	if (!isnan(e->level))
		wb_check_level(e->level);
}

/*
 * estimate(value, se, n DEFAULT NULL, level DEFAULT 0.95): an estimate from
 * published numbers, with a normal interval.
 */
Datum
wb_estimate_make(PG_FUNCTION_ARGS)
{
	WbEstimate	e;
	double		level = PG_ARGISNULL(3) ? 0.95 : PG_GETARG_FLOAT8(3);

	wb_check_level(level);
	wb_estimate_init(&e, level);
	if (!PG_ARGISNULL(0))
	{
		e.value = PG_GETARG_FLOAT8(0);
		wb_check_finite(e.value, "value");
	}
	if (!PG_ARGISNULL(1))
	{
		e.se = PG_GETARG_FLOAT8(1);
		wb_check_nonneg(e.se, "se");
	}
	if (!PG_ARGISNULL(2))
	{
		e.n = PG_GETARG_FLOAT8(2);
		wb_check_nonneg(e.n, "n");
	}
	wb_interval_normal(&e);
	wb_estimate_bound(&e, -INFINITY, INFINITY, "estimate");
	PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &e));
}

/*
 * estimate_from_ci(value, lower, upper, level DEFAULT 0.95,
 * log_scale DEFAULT false): recover the standard error from a published
 * symmetric interval, se = (upper - lower) / (2 z).  On the log scale
 * (ratios, rates) the interval is symmetric in log(value) and the SE is
 * returned on the value's own scale by the delta method:
 * se = value * (ln upper - ln lower) / (2 z).
 */
Datum
wb_estimate_from_ci(PG_FUNCTION_ARGS)
{
	WbEstimate	e;
	double		level = PG_GETARG_FLOAT8(3);
	bool		log_scale = PG_GETARG_BOOL(4);
	double		z;

	wb_check_level(level);
	wb_estimate_init(&e, level);
	e.value = PG_GETARG_FLOAT8(0);
	e.lower = PG_GETARG_FLOAT8(1);
	e.upper = PG_GETARG_FLOAT8(2);
	wb_check_finite(e.value, "value");
	wb_check_finite(e.lower, "lower");
	wb_check_finite(e.upper, "upper");
	wb_check_not_greater(e.lower, "lower", e.value, "value");
	wb_check_not_greater(e.value, "value", e.upper, "upper");
	z = wb_z_crit(level);
	if (log_scale)
	{
		wb_check_positive(e.value, "value");
		wb_check_positive(e.lower, "lower");
		e.se = e.value * (log(e.upper) - log(e.lower)) / (2.0 * z);
	}
	else
		e.se = (e.upper - e.lower) / (2.0 * z);
	wb_estimate_bound(&e, -INFINITY, INFINITY, "estimate_from_ci");
	PG_RETURN_DATUM(wb_estimate_datum(fcinfo, &e));
}

/*
 * p_value(estimate, null_value DEFAULT 0): the two-sided p-value of the
 * test that the parameter equals null_value, 2 Phi(-|value - null| / se),
 * the normal test that the estimate's own normal interval inverts (a
 * difference or ratio of two estimates implies the test of no difference).
 * NULL when the value or se is NULL or se is 0 (no variance, no test).
 */
PG_FUNCTION_INFO_V1(wb_p_value);
Datum
wb_p_value(PG_FUNCTION_ARGS)
{
	WbEstimate	e;
	double		null_value = PG_GETARG_FLOAT8(1);
	double		z;

	wb_check_finite(null_value, "null_value");
	wb_estimate_read(fcinfo, 0, &e);
	if (isnan(e.value) || isnan(e.se) || e.se == 0)
		PG_RETURN_NULL();
	z = fabs(e.value - null_value) / e.se;
	PG_RETURN_FLOAT8(fmin(1.0, 2.0 * wb_pnorm(-z)));
}
