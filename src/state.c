/*-------------------------------------------------------------------------
 *
 * state.c
 *	  The registry of state kinds: validating, creating, growing and
 *	  combining the float8[] transition states of every aggregate.
 *
 * Every entry point that reads a state goes through wb_state_get or
 * wb_state_get_header, which check the array against its kind's
 * declaration (state.h) before any field is read.  Nothing is trusted
 * because of where it came from: inside an aggregate the running state may
 * have come from a user's INITCOND or from a user's inverse transition
 * function, so it is checked like any other.  The checks of the header are
 * a few comparisons; the rows of the collecting kinds are checked where
 * they are read (finals, combine), and transition functions that only
 * append rows check just the header and the room.
 *
 * src/state.c
 *
 *-------------------------------------------------------------------------
 */
#include "state.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "fmgr.h"
#include "nodes/execnodes.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

PG_FUNCTION_INFO_V1(wb_state_combine);
PG_FUNCTION_INFO_V1(wb_state_kinds);
PG_FUNCTION_INFO_V1(wb_state_measures);
PG_FUNCTION_INFO_V1(wb_state_of);

/* indexed by WbStateKind */
static const WbStateKindInfo *const state_kinds[] = {
	NULL,
	&wb_kind_proportion,
	&wb_kind_moments,
	&wb_kind_total,
	&wb_kind_rate,
	&wb_kind_dsr,
	&wb_kind_smr,
	&wb_kind_sample,
	&wb_kind_entropy,
	&wb_kind_spread,
	&wb_kind_groups,
	&wb_kind_exposure,
	&wb_kind_triples,
	&wb_kind_trend,
	&wb_kind_gap,
	&wb_kind_series,
	&wb_kind_scores,
	&wb_kind_alpha,
	&wb_kind_segmented,
	&wb_kind_survey,
	&wb_kind_replicate,
	&wb_kind_lifetable
};

#define NKINDS ((int) lengthof(state_kinds))

void
wb_state_error(const char *detail)
{
	ereport(ERROR,
			(errcode(WB_ERRCODE_BAD_STATE),
			 errmsg("invalid wellbeing transition state"),
			 errdetail("%s", detail),
			 errhint("States are produced by the extension's aggregates; do not construct them by hand.")));
}

const WbStateKindInfo *
wb_state_kind(WbStateKind kind)
{
	Assert(kind > 0 && kind < NKINDS && state_kinds[kind]->kind == kind);
	return state_kinds[kind];
}

/* the kind a tag names, or NULL */
static const WbStateKindInfo *
kind_of_tag(double tag)
{
	int			k;

	if (!(tag >= 1000.0 && tag < NKINDS * 1000.0))
		return NULL;
	k = (int) (tag / 1000.0);
	return tag == WB_STATE_TAG(k) ? state_kinds[k] : NULL;
}

/*
 * AggCheckCallContext without the function call: wb_state_get runs once a
 * row in every transition function.
 */
static inline bool
called_as_aggregate(FunctionCallInfo fcinfo)
{
	return fcinfo->context != NULL &&
		(IsA(fcinfo->context, AggState) || IsA(fcinfo->context, WindowAggState));
}

bool
wb_field_ok(const WbField *f, double v)
{
	switch (f->rule)
	{
		case WB_FIELD_FINITE:
			return isfinite(v);
		case WB_FIELD_NONNEG:
			return v >= 0 && isfinite(v);
		case WB_FIELD_POSITIVE:
			return v > 0 && isfinite(v);
		case WB_FIELD_COUNT:
			return v >= 0 && v <= 9007199254740992.0 && v == floor(v);
		case WB_FIELD_LEVEL:
			return v > 0 && v < 1;
		case WB_FIELD_CODE:
			return v >= f->lo && v <= f->hi && v == floor(v);
		case WB_FIELD_NAN_OR_NONNEG:
			return isnan(v) || (v >= 0 && isfinite(v));
		case WB_FIELD_NAN_OR_POSITIVE:
			return isnan(v) || (v > 0 && isfinite(v));
		case WB_FIELD_NAN_OR_FINITE:
			return !isinf(v);
	}
	return false;
}

static void
field_error(const WbStateKindInfo *info, const WbField *f, bool in_row, double v)
{
	ereport(ERROR,
			(errcode(WB_ERRCODE_BAD_STATE),
			 errmsg("invalid wellbeing transition state"),
			 errdetail("Field \"%s\" of %s %s state is out of range: %g.",
					   f->name, in_row ? "a row of the" : "the", info->name, v),
			 errhint("States are produced by the extension's aggregates; do not construct them by hand.")));
}

/* the rows a collecting state of a generic layout has room for */
static int64
rows_room(const WbStateKindInfo *info, int64 length)
{
	return (length - info->nheader) / info->stride;
}

void
wb_state_validate(const WbStateKindInfo *info, ArrayType *state, bool rows)
{
	const double *s = wb_state_data(state);
	int64		length = wb_state_length(state);
	int			i;

	if (length < info->nheader)
		wb_state_error("The array is too short for this aggregate's state.");
	if (info->stride == 0 && info->check == NULL && length != info->nheader)
		wb_state_error("The array has the wrong length for this aggregate.");
	for (i = 1; i < info->nheader; i++)
	{
		if (!wb_field_ok(&info->header[i - 1], s[i]))
			field_error(info, &info->header[i - 1], false, s[i]);
	}
	if (info->used > 0)
	{
		if (s[info->used] > rows_room(info, length) || s[info->used] > info->max_rows)
			wb_state_error("The state says it holds more rows than it has room for.");
		if (rows)
		{
			int64		n = (int64) s[info->used];
			int64		r;

			for (r = 0; r < n; r++)
			{
				const double *row = s + info->nheader + r * info->stride;
				int			j;

				for (j = 0; j < info->stride; j++)
				{
					if (!wb_field_ok(&info->row[j], row[j]))
						field_error(info, &info->row[j], true, row[j]);
				}
				WB_CHECK_INTERRUPTS_EVERY(r);
			}
		}
	}
	if (info->check)
		info->check(s, length, rows);
}

/*
 * Argument argno as a one-dimensional float8[] of kind, shape and tag
 * checked, then validated (rows: every row too).
 */
static ArrayType *
state_arg(FunctionCallInfo fcinfo, int argno, const WbStateKindInfo *info, bool rows)
{
	ArrayType  *state;

	if (called_as_aggregate(fcinfo))
	{
		/* the running state is a plain palloc'd array: no detoast call */
		Pointer		p = DatumGetPointer(PG_GETARG_DATUM(argno));

		state = VARATT_IS_EXTENDED(p) ? PG_GETARG_ARRAYTYPE_P(argno) : (ArrayType *) p;
	}
	else
		state = PG_GETARG_ARRAYTYPE_P_COPY(argno);

	if (ARR_NDIM(state) != 1)
		wb_state_error("The array must be one-dimensional.");
	if (ARR_ELEMTYPE(state) != FLOAT8OID)
		wb_state_error("The array must be of type double precision[].");
	if (ARR_HASNULL(state))
		wb_state_error("The array must not contain NULLs.");
	if (ARR_DIMS(state)[0] < 1 || wb_state_data(state)[WB_TAG] != WB_STATE_TAG(info->kind))
		wb_state_error("The array's tag does not belong to this aggregate.");
	wb_state_validate(info, state, rows);
	return state;
}

ArrayType *
wb_state_get(FunctionCallInfo fcinfo, int argno, WbStateKind kind)
{
	return state_arg(fcinfo, argno, wb_state_kind(kind), true);
}

ArrayType *
wb_state_get_header(FunctionCallInfo fcinfo, int argno, WbStateKind kind)
{
	return state_arg(fcinfo, argno, wb_state_kind(kind), false);
}

/*
 * Validating the running state on every row would cost a one-pass
 * aggregate a third of its time, so a transition function remembers (in
 * fn_extra) the array it last validated and returned unchanged, and skips
 * the checks when it is handed that same array again.  This is safe only
 * where nothing but this function can have changed or replaced the array
 * in between:
 *  - inside a plain Agg node, not a WindowAgg (which frees and re-creates
 *    states on frame restarts, and whose inverse transition may be a
 *    user's function);
 *  - while the function returns the array it was given: when it returns a
 *    new one (a collecting state that grew) the executor frees the old one
 *    and its memory could be reused, so wb_state_result forgets it;
 *  - until the aggregate's memory context is reset or deleted (groups end,
 *    hash batches, rescans): a reset callback forgets the array.  The
 *    callback writes into the cache, so it is registered only when the
 *    cache lives at least as long as the aggregate's context (the cache's
 *    context is that context or one of its ancestors).  The executor keeps
 *    the function's FmgrInfo for the whole query; Citus's partial
 *    aggregation makes a new one for every row in the per-row memory,
 *    where remembering would be useless and the callback would later
 *    write into freed memory, so there every row is validated.
 * A forged INITCOND is a new array to the function, so it is validated.
 */
static bool
context_outlives(MemoryContext longer, MemoryContext shorter)
{
	for (; shorter != NULL; shorter = shorter->parent)
	{
		if (shorter == longer)
			return true;
	}
	return false;
}

static void
trusted_forget(void *arg)
{
	WbFnCache  *c = (WbFnCache *) arg;

	c->trusted_state = NULL;
	c->trusted_cxt = NULL;
}

ArrayType *
wb_state_running(FunctionCallInfo fcinfo, WbStateKind kind)
{
	const WbStateKindInfo *info = wb_state_kind(kind);
	MemoryContext aggcxt;
	WbFnCache  *c;
	ArrayType  *state;

	if (fcinfo->context == NULL || !IsA(fcinfo->context, AggState) ||
		AggCheckCallContext(fcinfo, &aggcxt) != AGG_CONTEXT_AGGREGATE)
		return state_arg(fcinfo, 0, info, !info->grows);

	if (!context_outlives(fcinfo->flinfo->fn_mcxt, aggcxt))
		return state_arg(fcinfo, 0, info, !info->grows);
	c = wb_fn_cache(fcinfo);
	if (c->trusted_pending)
		elog(ERROR, "transition function of a growing state did not report its result");
	if (c->trusted_state != NULL && c->trusted_cxt == aggcxt &&
		c->trusted_state == DatumGetPointer(PG_GETARG_DATUM(0)))
		state = (ArrayType *) c->trusted_state;
	else
	{
		state = state_arg(fcinfo, 0, info, !info->grows);
		if ((Pointer) state != DatumGetPointer(PG_GETARG_DATUM(0)))
			return state;		/* a detoasted copy: nothing to remember */
		if (c->trusted_cxt != aggcxt)
		{
			MemoryContextCallback *cb = MemoryContextAlloc(aggcxt, sizeof(MemoryContextCallback));

			cb->func = trusted_forget;
			cb->arg = c;
			MemoryContextRegisterResetCallback(aggcxt, cb);
			c->trusted_cxt = aggcxt;
		}
		c->trusted_state = state;
	}
	c->trusted_pending = info->grows;
	return state;
}

Datum
wb_state_result(FunctionCallInfo fcinfo, ArrayType *state)
{
	WbFnCache  *c = (WbFnCache *) fcinfo->flinfo->fn_extra;

	if (c != NULL)
	{
		if ((const void *) state != c->trusted_state)
			c->trusted_state = NULL;
		c->trusted_pending = false;
	}
	PG_RETURN_ARRAYTYPE_P(state);
}

ArrayType *
wb_state_new(WbStateKind kind, int nfields)
{
	Size		nbytes = ARR_OVERHEAD_NONULLS(1) + sizeof(double) * nfields;
	ArrayType  *state = (ArrayType *) palloc0(nbytes);

	SET_VARSIZE(state, nbytes);
	state->ndim = 1;
	state->dataoffset = 0;
	state->elemtype = FLOAT8OID;
	ARR_DIMS(state)[0] = nfields;
	ARR_LBOUND(state)[0] = 1;
	wb_state_data(state)[WB_TAG] = WB_STATE_TAG(kind);
	return state;
}

int
wb_state_code(double v)
{
	/* a method or measure code: small and whole, so the cast is defined */
	if (!(v >= -1000000.0 && v <= 1000000.0) || v != floor(v))
		wb_state_error("A method or measure field of the state is not a small integer.");
	return (int) v;
}

void
wb_state_check_count(double v)
{
	if (!(v >= 0.0) || isinf(v) || v != floor(v))
		wb_state_error("A count field is negative, fractional or not finite.");
}

/* parameters 1..nparams of two states must agree before they merge */
static void
check_same_params(const double *a, const double *b, int nparams)
{
	int			i;

	for (i = 1; i <= nparams; i++)
	{
		if (a[i] != b[i])
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("cannot combine partial states computed with different parameters"),
					 errdetail("Parameter %d of the state is %g in one part and %g in the other.",
							   i, a[i], b[i]),
					 errhint("Level, method and similar arguments must be the same for every row of a group.")));
	}
}

void
wb_state_merge_sums(double *a, const double *b, int nfields, int nparams)
{
	int			i;

	check_same_params(a, b, nparams);
	for (i = nparams + 1; i < nfields; i++)
		a[i] += b[i];
}

/* ----------------------------------------------------------------------
 * Collecting states
 * ----------------------------------------------------------------------
 */
#define ROWS_MIN_CAPACITY 16

static const WbStateKindInfo *
kind_of_state(ArrayType *state)
{
	const WbStateKindInfo *info = kind_of_tag(wb_state_data(state)[WB_TAG]);

	Assert(info != NULL && info->used > 0);
	return info;
}

ArrayType *
wb_rows_new(WbStateKind kind, int64 capacity, const double *params)
{
	const WbStateKindInfo *info = wb_state_kind(kind);
	ArrayType  *state;

	Assert(info->used == info->nheader - 1);
	capacity = Max(capacity, ROWS_MIN_CAPACITY);
	capacity = Min(capacity, info->max_rows);
	state = wb_state_new(kind, info->nheader + info->stride * (int) capacity);
	if (params != NULL && info->nheader > 2)
		memcpy(wb_state_data(state) + 1, params + 1, sizeof(double) * (info->nheader - 2));
	return state;
}

static void
rows_limit_error(const WbStateKindInfo *info)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("cannot hold more than %lld rows in one group of a %s aggregate",
					(long long) info->max_rows, info->name),
			 errhint("Group by a finer key, or merge stored states of smaller groups.")));
}

ArrayType *
wb_rows_append(ArrayType *state, const double *row)
{
	const WbStateKindInfo *info = kind_of_state(state);
	double	   *s = wb_state_data(state);
	int64		used = (int64) s[info->used];

	if (used + 1 > rows_room(info, wb_state_length(state)))
	{
		ArrayType  *bigger;

		if (used + 1 > info->max_rows)
			rows_limit_error(info);
		bigger = wb_rows_new(info->kind, 2 * used, NULL);
		memcpy(wb_state_data(bigger), s, sizeof(double) * (info->nheader + info->stride * used));
		state = bigger;
		s = wb_state_data(state);
	}
	memcpy(s + info->nheader + info->stride * used, row, sizeof(double) * info->stride);
	s[info->used] = used + 1;
	return state;
}

ArrayType *
wb_rows_concat(ArrayType *a, ArrayType *b)
{
	const WbStateKindInfo *info = kind_of_state(a);
	double	   *sa = wb_state_data(a);
	double	   *sb = wb_state_data(b);
	int64		na = (int64) sa[info->used];
	int64		nb = (int64) sb[info->used];
	ArrayType  *m;
	double	   *sm;

	if (na + nb > info->max_rows)
		rows_limit_error(info);
	m = wb_rows_new(info->kind, na + nb, sa);
	sm = wb_state_data(m);
	memcpy(sm + info->nheader, sa + info->nheader, sizeof(double) * info->stride * na);
	memcpy(sm + info->nheader + info->stride * na, sb + info->nheader,
		   sizeof(double) * info->stride * nb);
	sm[info->used] = na + nb;
	return m;
}

double *
wb_rows_data(ArrayType *state, int64 *n)
{
	const WbStateKindInfo *info = kind_of_state(state);
	double	   *s = wb_state_data(state);

	*n = (int64) s[info->used];
	return s + info->nheader;
}

/* ----------------------------------------------------------------------
 * The combine function of every aggregate: states carry their kind in the
 * tag, so one function serves them all, and serves the rollup aggregate
 * merge(float8[]) too.
 * ----------------------------------------------------------------------
 */
Datum
wb_state_combine(PG_FUNCTION_ARGS)
{
	const WbStateKindInfo *info;
	ArrayType  *a;
	ArrayType  *b;
	double	   *sa;
	int			i;

	/* a NULL partial state adds nothing (but what is kept is checked) */
	if (PG_ARGISNULL(0) && PG_ARGISNULL(1))
		PG_RETURN_NULL();

	/* peek at a tag to learn the kind, then validate both */
	b = PG_GETARG_ARRAYTYPE_P(PG_ARGISNULL(1) ? 0 : 1);
	info = (ARR_NDIM(b) == 1 && ARR_ELEMTYPE(b) == FLOAT8OID && !ARR_HASNULL(b) &&
			ARR_DIMS(b)[0] >= 1) ? kind_of_tag(wb_state_data(b)[WB_TAG]) : NULL;
	if (info == NULL)
		wb_state_error("The array's tag does not belong to any wellbeing aggregate.");
	if (PG_ARGISNULL(1))
		PG_RETURN_ARRAYTYPE_P(wb_state_get(fcinfo, 0, info->kind));
	if (PG_ARGISNULL(0))
		PG_RETURN_ARRAYTYPE_P(wb_state_get(fcinfo, 1, info->kind));

	a = wb_state_get(fcinfo, 0, info->kind);
	b = wb_state_get(fcinfo, 1, info->kind);
	check_same_params(wb_state_data(a), wb_state_data(b), info->nparams);
	if (info->merge_states)
		PG_RETURN_ARRAYTYPE_P(info->merge_states(a, b));

	sa = wb_state_data(a);
	if (info->merge_fields)
		info->merge_fields(sa, wb_state_data(b));
	else
		wb_state_merge_sums(sa, wb_state_data(b), info->nheader, info->nparams);
	/* a sum that overflows is an error, not an Infinity read as NULL later */
	for (i = 1; i < wb_state_length(a); i++)
	{
		if (!isfinite(sa[i]))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value out of range: overflow in merged state"),
					 errdetail("A sum of the %s state is too large for double precision.", info->name)));
	}
	PG_RETURN_ARRAYTYPE_P(a);
}

/* ----------------------------------------------------------------------
 * state_kinds(): the registry as rows, one per field, so the tests (the
 * forged-state fuzzer) and the documentation read the declarations
 * instead of copies of them.
 * ----------------------------------------------------------------------
 */
static const char *const rule_names[] = {
	"finite", "non-negative", "positive", "count", "level", "code",
	"NaN or non-negative", "NaN or positive", "NaN or finite"
};

static void
kinds_add_field(Tuplestorestate *ts, TupleDesc desc, const WbStateKindInfo *info,
				const char *part, int position, const WbField *f)
{
	Datum		values[13];
	bool		nulls[13] = {false};

	values[0] = Int32GetDatum(info->kind);
	values[1] = CStringGetTextDatum(info->name);
	values[2] = Int32GetDatum(info->version);
	values[3] = Float8GetDatum(WB_STATE_TAG(info->kind));
	values[4] = Int32GetDatum(info->nheader);
	values[5] = Int32GetDatum(info->stride);
	values[6] = Int32GetDatum(info->nparams);
	values[7] = Int32GetDatum(info->used);
	values[8] = CStringGetTextDatum(part);
	values[9] = Int32GetDatum(position);
	if (f == NULL)
	{
		values[10] = CStringGetTextDatum("tag");
		values[11] = CStringGetTextDatum("tag");
	}
	else
	{
		values[10] = CStringGetTextDatum(f->name);
		values[11] = CStringGetTextDatum(rule_names[f->rule]);
	}
	if (f != NULL && f->rule == WB_FIELD_CODE)
		values[12] = CStringGetTextDatum(psprintf("%g..%g", f->lo, f->hi));
	else
		nulls[12] = true;
	tuplestore_putvalues(ts, desc, values, nulls);
}

Datum
wb_state_kinds(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			k;

	InitMaterializedSRF(fcinfo, 0);
	for (k = 1; k < NKINDS; k++)
	{
		const WbStateKindInfo *info = state_kinds[k];
		int			i;

		kinds_add_field(rsinfo->setResult, rsinfo->setDesc, info, "header", 0, NULL);
		for (i = 1; i < info->nheader; i++)
			kinds_add_field(rsinfo->setResult, rsinfo->setDesc, info, "header", i,
							&info->header[i - 1]);
		for (i = 0; i < info->stride; i++)
			kinds_add_field(rsinfo->setResult, rsinfo->setDesc, info, "row", i,
							&info->row[i]);
	}
	return (Datum) 0;
}

/* ----------------------------------------------------------------------
 * Stored states (rollups).  Several measures share one state kind and one
 * final function, which reads the measure from the state's code; state_of
 * makes sure the state handed to <measure>(state) was made by
 * <measure>_state, so theil_t(state) can never return the mean log
 * deviation of a state that holds it.  The measures and their codes are
 * the registry's (WbStateKindInfo.measures), not a copy in SQL.
 * ----------------------------------------------------------------------
 */

/* the kind and code of a measure, or NULL when no kind lists it */
static const WbStateKindInfo *
measure_lookup(const char *measure, int *code)
{
	int			k;

	for (k = 1; k < NKINDS; k++)
	{
		const WbStateKindInfo *info = state_kinds[k];
		int			i;

		for (i = 0; i < info->nmeasures; i++)
		{
			if (strcmp(info->measures[i].name, measure) == 0)
			{
				*code = info->measures[i].code;
				return info;
			}
		}
	}
	return NULL;
}

/*
 * state_of(state, measure): the state itself when it is a valid state of
 * the measure's kind and, for the kinds that hold several measures, carries
 * the measure's code; an error naming the measure otherwise.
 */
Datum
wb_state_of(PG_FUNCTION_ARGS)
{
	char	   *measure = text_to_cstring(PG_GETARG_TEXT_PP(1));
	const WbStateKindInfo *info;
	ArrayType  *state;
	double	   *s;
	int			code;

	info = measure_lookup(measure, &code);
	if (info == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown measure \"%s\"", measure),
				 errhint("wellbeing.state_measures() lists the measures with stored states.")));
	state = PG_GETARG_ARRAYTYPE_P(0);
	if (ARR_NDIM(state) != 1 || ARR_ELEMTYPE(state) != FLOAT8OID || ARR_HASNULL(state))
		wb_state_error("The array must be a one-dimensional double precision[] without NULLs.");
	s = wb_state_data(state);
	if (wb_state_length(state) < 1 || s[WB_TAG] != WB_STATE_TAG(info->kind) ||
		(code > 0 && (wb_state_length(state) < 2 || s[1] != code)))
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_STATE),
				 errmsg("the state was not made by %s_state", measure),
				 errhint("Finalise a stored state with the measure whose _state aggregate made it: %s(merge(%s_state(...))).",
						 measure, measure)));
	/* the final function validates the whole state before reading it */
	PG_RETURN_ARRAYTYPE_P(state);
}

/* state_measures(): (measure, kind, code) for every measure of the registry */
Datum
wb_state_measures(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			k;

	InitMaterializedSRF(fcinfo, 0);
	for (k = 1; k < NKINDS; k++)
	{
		const WbStateKindInfo *info = state_kinds[k];
		int			i;

		for (i = 0; i < info->nmeasures; i++)
		{
			Datum		values[4];
			bool		nulls[4] = {false};

			values[0] = CStringGetTextDatum(info->measures[i].name);
			values[1] = Int32GetDatum(info->kind);
			values[2] = CStringGetTextDatum(info->name);
			values[3] = Int32GetDatum(info->measures[i].code);
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
	return (Datum) 0;
}
