/*-------------------------------------------------------------------------
 *
 * state.h
 *	  Aggregate transition states stored as float8[] values.
 *
 * A state is a one-dimensional float8[] without NULLs whose element 0 is a
 * tag identifying the layout (kind * 1000 + version).  Being an ordinary
 * value (not "internal") is what lets PostgreSQL run the aggregates in
 * parallel and Citus push them to workers: partial states travel as
 * float8[] text, which round-trips exactly.  Every state arriving from SQL
 * is checked with wb_state_get() before any element is read, so a
 * hand-made or corrupted array is an ERROR, never a crash.
 *
 * src/state.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef WB_STATE_H
#define WB_STATE_H

#include "wellbeing.h"
#include <math.h>

#include "utils/array.h"

typedef enum WbStateKind
{
	WB_STATE_PROPORTION = 1,
	WB_STATE_MOMENTS = 2,
	WB_STATE_TOTAL = 3,
	WB_STATE_RATE = 4,
	WB_STATE_DSR = 5,
	WB_STATE_SMR = 6,
	WB_STATE_SAMPLE = 7,
	WB_STATE_ENTROPY = 8,
	WB_STATE_SPREAD = 9,
	WB_STATE_GROUPS = 10,
	WB_STATE_EXPOSURE = 11,
	WB_STATE_TRIPLES = 12,
	WB_STATE_TREND = 13,
	WB_STATE_GAP = 14,
	WB_STATE_SERIES = 15,
	WB_STATE_SCORES = 16,
	WB_STATE_ALPHA = 17,
	WB_STATE_SEGMENTED = 18,
	WB_STATE_SURVEY = 19,
	WB_STATE_REPLICATE = 20,
	WB_STATE_LIFETABLE = 21
} WbStateKind;

#define WB_STATE_VERSION 1
#define WB_STATE_TAG(kind) ((double) ((kind) * 1000 + WB_STATE_VERSION))

/* element 0 of every state */
#define WB_TAG 0

/*
 * The registry of state kinds.  Each kind is declared once, in its family's
 * file, as a WbStateKindInfo: its name, version, layout (header fields,
 * then rows of `stride` fields for the collecting kinds) and the rule each
 * field must satisfy.  Every state that reaches a function from SQL -- the
 * running state of any aggregate (a user can declare an aggregate with our
 * transition function and any INITCOND), a partial state, an argument of
 * merge or of a final -- is checked against these rules before a field is
 * read, so a forged array is an ERROR, never a crash or a hang.
 * wellbeing.state_kinds() lists the same facts for the tests and the docs.
 */
typedef enum WbFieldRule
{
	WB_FIELD_FINITE,			/* any finite number (sums, means, parameters) */
	WB_FIELD_NONNEG,			/* finite and >= 0 */
	WB_FIELD_POSITIVE,			/* finite and > 0 */
	WB_FIELD_COUNT,				/* a whole number >= 0 */
	WB_FIELD_LEVEL,				/* a confidence level, in (0, 1) */
	WB_FIELD_CODE,				/* a whole number in [lo, hi] (method, measure) */
	WB_FIELD_NAN_OR_NONNEG,		/* NaN (not given) or finite >= 0: an optional se */
	WB_FIELD_NAN_OR_POSITIVE,	/* NaN (not given) or finite > 0: an optional fpc */
	WB_FIELD_NAN_OR_FINITE		/* NaN (not given) or finite */
} WbFieldRule;

typedef struct WbField
{
	const char *name;
	WbFieldRule rule;
	double		lo;				/* WB_FIELD_CODE only */
	double		hi;
} WbField;

typedef struct WbStateKindInfo WbStateKindInfo;

/*
 * A measure whose <measure>_state aggregate makes states of a kind, and the
 * code its states carry in header field 1 (0: the kind holds one measure's
 * states, or several that finalise alike, and has no code field).
 * <measure>(state) finalises only states of its own kind and code.
 */
typedef struct WbMeasure
{
	const char *name;
	int			code;
} WbMeasure;

/* merge b into a in place (fixed kinds); both validated, parameters agree */
typedef void (*WbMergeFields) (double *a, const double *b);

/* a state holding both (collecting kinds); both validated, parameters agree */
typedef ArrayType *(*WbMergeStates) (ArrayType *a, ArrayType *b);

/* cross-field rules a layout table cannot say (rows: also check the rows) */
typedef void (*WbCheckState) (const double *s, int64 length, bool rows);

struct WbStateKindInfo
{
	WbStateKind kind;
	const char *name;
	int			version;
	int			nheader;		/* fields 0..nheader-1, field 0 the tag */
	const WbField *header;		/* rules of fields 1..nheader-1 */
	int			nparams;		/* fields 1..nparams must agree to merge */
	int			stride;			/* fields a row (0: a fixed-length kind) */
	const WbField *row;			/* rules of a row's fields */
	int			used;			/* the header field counting rows, or 0 */
	int64		max_rows;		/* the documented row limit (54000 above it) */
	bool		grows;			/* a transition may return a new, bigger array */
	WbCheckState check;			/* NULL: the tables say it all */
	WbMergeFields merge_fields; /* fixed kinds; NULL: add the sums */
	WbMergeStates merge_states; /* collecting kinds */
	const WbMeasure *measures;	/* the measures making this kind */
	int			nmeasures;
};

/* every kind's declaration, defined in its family's file */
extern const WbStateKindInfo wb_kind_proportion;
extern const WbStateKindInfo wb_kind_moments;
extern const WbStateKindInfo wb_kind_total;
extern const WbStateKindInfo wb_kind_rate;
extern const WbStateKindInfo wb_kind_dsr;
extern const WbStateKindInfo wb_kind_smr;
extern const WbStateKindInfo wb_kind_sample;
extern const WbStateKindInfo wb_kind_entropy;
extern const WbStateKindInfo wb_kind_spread;
extern const WbStateKindInfo wb_kind_groups;
extern const WbStateKindInfo wb_kind_exposure;
extern const WbStateKindInfo wb_kind_triples;
extern const WbStateKindInfo wb_kind_trend;
extern const WbStateKindInfo wb_kind_gap;
extern const WbStateKindInfo wb_kind_series;
extern const WbStateKindInfo wb_kind_scores;
extern const WbStateKindInfo wb_kind_alpha;
extern const WbStateKindInfo wb_kind_segmented;
extern const WbStateKindInfo wb_kind_survey;
extern const WbStateKindInfo wb_kind_replicate;
extern const WbStateKindInfo wb_kind_lifetable;

extern const WbStateKindInfo *wb_state_kind(WbStateKind kind);

/* the number of fields of a fixed-length kind */
#define WB_FIELDS(rules) ((int) lengthof(rules) + 1)

/*
 * Fetch argument argno as a state of the given kind, validated in full:
 * shape, tag, every header field and every row.  When not called as part
 * of an aggregate the array is copied, so callers may update the result
 * in place either way.
 */
extern ArrayType *wb_state_get(FunctionCallInfo fcinfo, int argno, WbStateKind kind);

/*
 * The same, checking the header and the room for the rows but not the
 * rows themselves: for transition functions that only append rows, which
 * then read no row (the final and combine functions check them all).
 */
extern ArrayType *wb_state_get_header(FunctionCallInfo fcinfo, int argno, WbStateKind kind);

/* does v satisfy the field's rule? */
extern bool wb_field_ok(const WbField *f, double v);

/*
 * The running state (argument 0) of a transition function, validated (in
 * full, or the header for a growing kind, whose transition reads no row)
 * unless it is the very array this function last validated and returned
 * unchanged inside the same aggregate's memory (see state.c for why that
 * is safe).  A transition function of a growing kind must return through
 * wb_state_result, which forgets an array the executor is about to free.
 */
extern ArrayType *wb_state_running(FunctionCallInfo fcinfo, WbStateKind kind);
extern Datum wb_state_result(FunctionCallInfo fcinfo, ArrayType *state);

/* check a state array against its kind's rules (rows: all rows too) */
extern void wb_state_validate(const WbStateKindInfo *info, ArrayType *state, bool rows);

/* A new zeroed state of length nfields with its tag set. */
extern ArrayType *wb_state_new(WbStateKind kind, int nfields);

static inline double *
wb_state_data(ArrayType *state)
{
	return (double *) ARR_DATA_PTR(state);
}

static inline int
wb_state_length(ArrayType *state)
{
	return ARR_DIMS(state)[0];
}

/*
 * A row with a NULL argument is skipped: the transition returns the state
 * unchanged (NULL before the first usable row).
 */
static inline Datum
wb_state_unchanged(FunctionCallInfo fcinfo)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	PG_RETURN_DATUM(PG_GETARG_DATUM(0));
}

/* true when any of the arguments first..PG_NARGS()-1 is NULL */
static inline bool
wb_any_arg_null(FunctionCallInfo fcinfo, int first)
{
	int			i;

	for (i = first; i < PG_NARGS(); i++)
	{
		if (PG_ARGISNULL(i))
			return true;
	}
	return false;
}

/* Validate a count-like state field read back from SQL. */
extern void wb_state_check_count(double v);

/* a code field (method, measure, kind) as an int; a state error if it is not one */
extern int	wb_state_code(double v);

/*
 * Compensated (Kahan–Babuska/Neumaier) running sum: sum and carry live in
 * two adjacent state fields, so merged states stay exact to the last bits.
 */
static inline void
wb_ksum_add(double *sum, double *carry, double x)
{
	double		t = *sum + x;

	if (fabs(*sum) >= fabs(x))
		*carry += (*sum - t) + x;
	else
		*carry += (x - t) + *sum;
	*sum = t;
}



/* ERROR 22000 "invalid wellbeing transition state" with the given detail */
extern void wb_state_error(const char *detail) pg_attribute_noreturn();

/*
 * Merge state b into a, in place: the parameter fields 1..nparams (level,
 * method, ...) must agree, the remaining fields are sums.
 */
extern void wb_state_merge_sums(double *a, const double *b, int nfields,
								int nparams);
/*
 * Row-collecting states (measures that must see every row): a header whose
 * `used` field counts the rows, then fixed-width rows of `stride` doubles.
 * The array grows by doubling, so it may be longer than the rows it holds.
 */

/* A new state with room for capacity rows; header fields 1..nheader-1 from params. */
extern ArrayType *wb_rows_new(WbStateKind kind, int64 capacity, const double *params);

/*
 * Append one row; returns the state, or a bigger copy when it was full
 * (PostgreSQL moves a returned copy into the aggregate's context).
 */
extern ArrayType *wb_rows_append(ArrayType *state, const double *row);

/* A new state with a's header and the rows of a then b. */
extern ArrayType *wb_rows_concat(ArrayType *a, ArrayType *b);

/* the rows of a validated collecting state and their count */
extern double *wb_rows_data(ArrayType *state, int64 *n);

#endif							/* WB_STATE_H */
