/*-------------------------------------------------------------------------
 *
 * survey.c
 *	  Design-based estimation for stratified cluster samples: survey_mean,
 *	  survey_total, survey_ratio and survey_proportion with (x, weight,
 *	  stratum, psu [, fpc [, level [, options [, domain]]]]), Taylor
 *	  linearisation with with-replacement PSUs as R survey's svyrecvar (one
 *	  stage, the ultimate cluster).
 *
 * Every estimator is a ratio of weighted totals, R = Y / X (a total has no
 * X), so the state keeps, per (stratum, PSU), the weighted sums of the
 * numerator and the denominator over the rows in the domain.  At the end
 * the linearised PSU totals are u = (Y_hi - R X_hi) / X (or Y_hi for a
 * total) and
 *
 *	  V = sum_h (1 - f_h) n_h / (n_h - 1) sum_i (u_hi - mean_h u)^2.
 *
 * Rows outside the domain (domain false, or x NULL) stay in the design:
 * their PSU keeps its place with zero sums, which is what makes a domain's
 * variance use the whole design (svyby, subset()).
 *
 * The state is a float8[]: a header, an open-addressing index (slots
 * holding row number + 1) and the PSU rows, so a group's state finds its
 * PSU row in O(1) and needs no side memory; it combines by merging rows.
 * Strata and PSUs are identified by a 64-bit hash of their value (bigint
 * or text, the types the aggregates declare), kept as two exact 32-bit
 * halves.  Replicate-weight estimation, the other way to a design-based
 * variance, is in replicate.c; the two share the estimators, the reading
 * of a row's values and the result record (survey.h).
 *
 * src/survey.c
 *
 *-------------------------------------------------------------------------
 */
#include "wellbeing.h"

#include <math.h>

#include "access/htup_details.h"
#include "args.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_type.h"
#include "estimate_type.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "numeric/dist.h"
#include "numeric/rank.h"
#include "state.h"
#include "survey.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"
#include "utils/typcache.h"


#define SV_KEY 5				/* stratum (2), PSU (2), band */
#define SV_MAX_BANDS 1000

typedef enum LonelyPsu
{
	LONELY_FAIL = 1,
	LONELY_REMOVE = 2,
	LONELY_ADJUST = 3,
	LONELY_AVERAGE = 4,
	LONELY_CERTAINTY = 5
} LonelyPsu;

static const WbMethod lonely_policies[] = {
	{"fail", LONELY_FAIL},
	{"remove", LONELY_REMOVE},
	{"adjust", LONELY_ADJUST},
	{"average", LONELY_AVERAGE},
	{"certainty", LONELY_CERTAINTY},
	{NULL, 0}
};


const WbMethod wb_prop_intervals[] = {
	{"logit", PI_LOGIT},
	{"mean", PI_MEAN},
	{"beta", PI_BETA},
	{"asin", PI_ASIN},
	{"xlogit", PI_XLOGIT},
	{"likelihood", PI_LIKELIHOOD},
	{NULL, 0}
};

/* header fields */
enum
{
	SV_ESTIMATOR = 1, SV_LONELY, SV_INTERVAL, SV_LEVEL,	/* parameters */
	SV_ROWS_WITH_FPC, SV_ROWS, SV_DOMAIN_ROWS, SV_CAPACITY, SV_USED, SV_HEADER
};

#define SV_NPARAMS 4

/* PSU row fields */
enum
{
	R_STRATUM_HI, R_STRATUM_LO, R_PSU_HI, R_PSU_LO,
	R_BAND,						/* age band of a standardised estimate, else 0 */
	R_FPC, R_SY, R_SX,
	R_SY_B, R_SX_B,				/* domain b of a difference */
	R_STANDARD,					/* the band's standard population, else 0 */
	R_N_DOMAIN,
	SV_STRIDE
};

#define SV_MIN_CAPACITY 16

/*
 * At most 2^23 PSU rows: the index keeps a load factor of at most 1/2, so
 * the largest state holds 2^24 slots and 2^23 rows of 12 doubles (940 MB),
 * under the 1 GB limit of a value.
 */
#define SV_MAX_PSUS (1 << 23)

static void survey_check(const double *s, int64 length, bool rows);
static ArrayType *survey_merge(ArrayType *a, ArrayType *b);

static const WbField survey_fields[] = {
	{"estimator", WB_FIELD_CODE, SV_MEAN, SV_STANDARDIZED_MEAN},
	{"lonely psu", WB_FIELD_CODE, LONELY_FAIL, LONELY_CERTAINTY},
	{"interval", WB_FIELD_CODE, 0, PI_LIKELIHOOD},
	{"level", WB_FIELD_LEVEL},
	{"rows with fpc", WB_FIELD_COUNT},
	{"rows", WB_FIELD_COUNT},
	{"domain rows", WB_FIELD_COUNT},
	{"capacity", WB_FIELD_CODE, SV_MIN_CAPACITY, 2.0 * SV_MAX_PSUS},
	{"psu rows", WB_FIELD_CODE, 0, SV_MAX_PSUS},
};

/* strata and PSUs as two exact 32-bit halves of their 64-bit hash */
static const WbField survey_row[] = {
	{"stratum high", WB_FIELD_CODE, 0, 4294967295.0},
	{"stratum low", WB_FIELD_CODE, 0, 4294967295.0},
	{"psu high", WB_FIELD_CODE, 0, 4294967295.0},
	{"psu low", WB_FIELD_CODE, 0, 4294967295.0},
	{"band", WB_FIELD_CODE, 0, 4503599627370495.0},
	{"fpc", WB_FIELD_NAN_OR_POSITIVE},
	{"sy", WB_FIELD_FINITE},
	{"sx", WB_FIELD_FINITE},
	{"sy b", WB_FIELD_FINITE},
	{"sx b", WB_FIELD_FINITE},
	{"standard", WB_FIELD_NONNEG},
	{"domain rows", WB_FIELD_COUNT},
};

StaticAssertDecl(WB_FIELDS(survey_fields) == SV_HEADER, "survey state header");
StaticAssertDecl(lengthof(survey_row) == SV_STRIDE, "survey state row");

/* the header, then an index of `capacity` slots, then the PSU rows */
/* the measures whose _state aggregates make this kind, and their codes */
static const WbMeasure survey_measures[] = {
	{"survey_mean", SV_MEAN},
	{"survey_total", SV_TOTAL},
	{"survey_ratio", SV_RATIO},
	{"survey_proportion", SV_PROPORTION},
	{"survey_mean_difference", SV_MEAN_DIFFERENCE},
	{"survey_proportion_difference", SV_PROPORTION_DIFFERENCE},
	{"survey_standardized_mean", SV_STANDARDIZED_MEAN},
	{"survey_standardized_proportion", SV_STANDARDIZED_MEAN},
};

const WbStateKindInfo wb_kind_survey = {
	.kind = WB_STATE_SURVEY,.name = "survey",.version = WB_STATE_VERSION,
	.nheader = SV_HEADER,.header = survey_fields,.nparams = SV_NPARAMS,
	.stride = SV_STRIDE,.row = survey_row,.max_rows = SV_MAX_PSUS,
	.check = survey_check,.merge_states = survey_merge,
	.grows = true,
	.measures = survey_measures,.nmeasures = lengthof(survey_measures),
};

/* ----------------------------------------------------------------------
 * The state
 * ----------------------------------------------------------------------
 */
static inline double *
sv_slots(double *s)
{
	return s + SV_HEADER;
}

static inline double *
sv_row(double *s, int64 i)
{
	return s + SV_HEADER + (int64) s[SV_CAPACITY] + i * SV_STRIDE;
}

/*
 * A key field as an integer.  Our keys are whole numbers below 2^53; a
 * forged state's rows are hashed too (when a transition function grows a
 * state whose rows it has not read), and must not make the cast undefined.
 */
static inline uint64
sv_key_bits(double v)
{
	return (v >= 0 && v < 18446744073709551616.0) ? (uint64) v : 0;
}

static inline uint64
sv_mix(const double *key)
{
	uint64		h = (sv_key_bits(key[0]) << 32 | sv_key_bits(key[1])) * UINT64CONST(0x9E3779B97F4A7C15);

	h ^= (sv_key_bits(key[2]) << 32 | sv_key_bits(key[3])) + UINT64CONST(0x632BE59BD9B4E019) + (h << 6) + (h >> 2);
	h ^= sv_key_bits(key[4]) + UINT64CONST(0x9E3779B97F4A7C15) + (h << 6) + (h >> 2);
	h ^= h >> 29;
	return h;
}

/*
 * The slot holding the row of key (or the empty slot where it goes).  The
 * header of s is checked (capacity a power of two, at least twice the
 * rows, all in the array), the slots are checked as they are read: a
 * transition function does not read the whole index of the state it gets.
 */
static int64
sv_find(double *s, const double *key)
{
	int64		cap = (int64) s[SV_CAPACITY];
	double	   *slots = sv_slots(s);
	int64		i = (int64) (sv_mix(key) & (uint64) (cap - 1));
	int64		probes;

	for (probes = 0; probes < cap; probes++)
	{
		double	   *r;

		if (slots[i] == 0)
			return i;
		if (!(slots[i] >= 1 && slots[i] <= s[SV_USED]) || slots[i] != (double) (int64) slots[i])
			wb_state_error("The survey state's index points outside its rows.");
		r = sv_row(s, (int64) slots[i] - 1);
		if (r[R_STRATUM_HI] == key[0] && r[R_STRATUM_LO] == key[1] &&
			r[R_PSU_HI] == key[2] && r[R_PSU_LO] == key[3] && r[R_BAND] == key[4])
			return i;
		i = (i + 1) & (cap - 1);
	}
	wb_state_error("The survey state's index has no free slot.");
	return -1;					/* keep the compiler quiet */
}

static ArrayType *
sv_alloc(const double *header, int64 capacity, int64 rows_room)
{
	ArrayType  *state = wb_state_new(WB_STATE_SURVEY,
									 SV_HEADER + capacity + rows_room * SV_STRIDE);
	double	   *s = wb_state_data(state);

	memcpy(s + 1, header + 1, sizeof(double) * (SV_HEADER - 1));
	s[SV_CAPACITY] = (double) capacity;
	s[SV_USED] = 0;
	return state;
}

/* a copy of state with twice the capacity, rows re-indexed */
static ArrayType *
sv_grow(double *s)
{
	int64		used = (int64) s[SV_USED];
	int64		cap = (int64) s[SV_CAPACITY] * 2;
	ArrayType  *bigger;
	double	   *t;
	int64		i;

	if (used + 1 > SV_MAX_PSUS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("survey estimates take at most %d strata x PSUs in one group", SV_MAX_PSUS),
				 errhint("Estimate each group's PSU totals separately, or collapse PSUs.")));
	cap = Max(cap, 2 * (used + 1));
	bigger = sv_alloc(s, cap, cap / 2);
	t = wb_state_data(bigger);
	t[SV_USED] = (double) used;	/* the slots point at rows below i as they are set */
	for (i = 0; i < used; i++)
	{
		double	   *r = sv_row(s, i);
		int64		slot = sv_find(t, r);

		WB_CHECK_INTERRUPTS_EVERY(i);

		memcpy(sv_row(t, i), r, sizeof(double) * SV_STRIDE);
		sv_slots(t)[slot] = (double) (i + 1);
	}
	t[SV_USED] = (double) used;
	return bigger;
}

/*
 * The row of key in *state (growing the state when needed), with its fpc
 * checked against the row's; a new row starts with zero sums.
 */
static double *
sv_row_for(ArrayType **state, const double *key, double fpc, double standard)
{
	double	   *s = wb_state_data(*state);
	int64		slot = sv_find(s, key);
	double	   *r;

	if (sv_slots(s)[slot] == 0)
	{
		/*
		 * Keep the load factor at most 1/2, and make sure the array has room
		 * for the row (a state from SQL may be shorter than ours).
		 */
		if ((s[SV_USED] + 1) * 2 > s[SV_CAPACITY] ||
			wb_state_length(*state) < SV_HEADER + s[SV_CAPACITY] + (s[SV_USED] + 1) * SV_STRIDE)
		{
			*state = sv_grow(s);
			s = wb_state_data(*state);
			slot = sv_find(s, key);
		}
		r = sv_row(s, (int64) s[SV_USED]);
		memset(r, 0, sizeof(double) * SV_STRIDE);
		memcpy(r, key, sizeof(double) * SV_KEY);
		r[R_FPC] = fpc;
		r[R_STANDARD] = standard;
		sv_slots(s)[slot] = s[SV_USED] + 1;
		s[SV_USED] += 1;
		return r;
	}
	r = sv_row(s, (int64) sv_slots(s)[slot] - 1);
	if (!(r[R_FPC] == fpc || (isnan(r[R_FPC]) && isnan(fpc))))
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("fpc must be the same for every row of a stratum, got %g and %g",
						r[R_FPC], fpc)));
	if (r[R_STANDARD] != standard)
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("standard must be the same for every row of a band, got %g and %g",
						r[R_STANDARD], standard)));
	return r;
}

/*
 * The survey layout: the capacity a power of two at least twice the rows,
 * the array long enough for the index and the rows; with rows, the index
 * must point at distinct rows in range and find every row where it is.
 */
static void
survey_check(const double *s, int64 length, bool rows)
{
	int64		cap = (int64) s[SV_CAPACITY];
	int64		used = (int64) s[SV_USED];
	int64		i,
				seen = 0;

	if ((cap & (cap - 1)) != 0 || used * 2 > cap ||
		length < SV_HEADER + cap + used * SV_STRIDE)
		wb_state_error("The survey state's capacity or row count does not fit the array.");
	if (!rows)
		return;
	for (i = 0; i < cap; i++)
	{
		double		v = sv_slots((double *) s)[i];

		WB_CHECK_INTERRUPTS_EVERY(i);
		if (v == 0)
			continue;
		if (!(v >= 1 && v <= used) || v != floor(v))
			wb_state_error("The survey state's index points outside its rows.");
		seen++;
	}
	if (seen != used)
		wb_state_error("The survey state's index does not cover its rows.");
	for (i = 0; i < used; i++)
	{
		double	   *r = sv_row((double *) s, i);
		int			j;

		WB_CHECK_INTERRUPTS_EVERY(i);
		for (j = 0; j < SV_STRIDE; j++)
		{
			if (!wb_field_ok(&survey_row[j], r[j]))
				wb_state_error("A PSU row of the survey state holds an invalid number.");
		}
		/* the index must find every row where it is */
		if (sv_slots((double *) s)[sv_find((double *) s, r)] != (double) (i + 1))
			wb_state_error("The survey state's index does not find its rows.");
	}
}

static ArrayType *
sv_state_get(FunctionCallInfo fcinfo, int argno)
{
	return wb_state_get(fcinfo, argno, WB_STATE_SURVEY);
}

/* ----------------------------------------------------------------------
 * Transition
 * ----------------------------------------------------------------------
 */

/*
 * The type of a key, from the function's own declaration (wb_declared_type:
 * Citus calls the transition function without the call expression).  The
 * aggregates declare each key with a concrete type (src/sql/key_types.awk
 * writes one overload per type).
 */
static Oid
sv_declared_type(FunctionCallInfo fcinfo, int argno, const char *name)
{
	Oid			type = wb_declared_type(fcinfo, argno);

	if (!OidIsValid(type))
		ereport(ERROR,
				(errcode(ERRCODE_INDETERMINATE_DATATYPE),
				 errmsg("could not determine the type of %s", name),
				 errhint("The survey aggregates declare %s as bigint or text.", name)));
	return type;
}

/* the 64-bit hash of argument argno (bigint, text or boolean) as two halves */
static void
sv_hash_arg(FunctionCallInfo fcinfo, int argno, const char *name, double *out)
{
	Oid			type;
	TypeCacheEntry *tc;
	uint64		h;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s must not be NULL in a survey design", name),
				 errhint("Give unstratified designs a constant stratum, such as 1.")));
	type = sv_declared_type(fcinfo, argno, name);
	tc = lookup_type_cache(type, TYPECACHE_HASH_EXTENDED_PROC_FINFO);
	if (!OidIsValid(tc->hash_extended_proc_finfo.fn_oid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_FUNCTION),
				 errmsg("%s has type %s, which cannot be hashed", name, format_type_be(type))));
	h = DatumGetUInt64(FunctionCall2Coll(&tc->hash_extended_proc_finfo,
										 OidIsValid(PG_GET_COLLATION()) ? PG_GET_COLLATION() : C_COLLATION_OID,
										 PG_GETARG_DATUM(argno), UInt64GetDatum(0)));
	out[0] = (double) (h >> 32);
	out[1] = (double) (h & UINT64CONST(0xFFFFFFFF));
}

/*
 * survey_options(lonely_psu, proportion_interval): the options text of the survey
 * aggregates from named arguments, checked now rather than at the first
 * row of a group.  Aggregate calls cannot take named arguments, so this is
 * how a caller writes survey_mean(..., survey_options(lonely_psu =>
 * 'remove')) instead of spelling the text.  No option: the empty text.
 */
PG_FUNCTION_INFO_V1(wb_survey_options);
Datum
wb_survey_options(PG_FUNCTION_ARGS)
{
	StringInfoData out;

	initStringInfo(&out);
	if (!PG_ARGISNULL(0))
	{
		int			code = wb_parse_method(text_to_cstring(PG_GETARG_TEXT_PP(0)),
											   lonely_policies, "lonely_psu");

		appendStringInfo(&out, "lonely_psu=%s",
						 wb_method_name(lonely_policies, code));
	}
	if (!PG_ARGISNULL(1))
	{
		int			code = wb_parse_method(text_to_cstring(PG_GETARG_TEXT_PP(1)),
											   wb_prop_intervals, "survey_proportion interval");

		appendStringInfo(&out, "%sinterval=%s", out.len > 0 ? "," : "",
						 wb_method_name(wb_prop_intervals, code));
	}
	PG_RETURN_TEXT_P(cstring_to_text(out.data));
}

/* the option "name=value" pairs of the options text, or NULL */
static void
sv_parse_options(const char *text, int estimator, double *header)
{
	char	   *copy = pstrdup(text);
	char	   *tok,
			   *save = NULL;

	for (tok = strtok_r(copy, ", ", &save); tok != NULL; tok = strtok_r(NULL, ", ", &save))
	{
		char	   *eq = strchr(tok, '=');

		if (eq == NULL)
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("survey option \"%s\" is not of the form name=value", tok),
					 errhint("Valid options are lonely_psu=fail|remove|adjust|average|certainty and, for proportions, interval=logit|mean|beta|asin|xlogit|likelihood.")));
		*eq = '\0';
		if (pg_strcasecmp(tok, "lonely_psu") == 0)
			header[SV_LONELY] = wb_parse_method(eq + 1, lonely_policies, "lonely_psu");
		else if (pg_strcasecmp(tok, "interval") == 0 && estimator == SV_PROPORTION)
			header[SV_INTERVAL] = wb_parse_method(eq + 1, wb_prop_intervals, "survey_proportion interval");
		else
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("unknown survey option \"%s\"", tok),
					 errhint("Valid options are lonely_psu=fail|remove|adjust|average|certainty and, for proportions, interval=logit|mean|beta|asin|xlogit|likelihood.")));
	}
	pfree(copy);
}

/*
 * One row: y and x are the numerator and denominator contributions (x = 1
 * for a mean or proportion, unused for a total); in_domain false keeps the
 * row's PSU in the design with nothing added.  first is the position of
 * the weight argument; stratum, psu, fpc, level, options, domain follow.
 */
static Datum sv_accumulate_rows(FunctionCallInfo fcinfo, int estimator, int interval, int first,
								int fpc_arg, int level_arg, int options_arg, int domain_arg,
								int band_arg, bool in_a, bool in_b, double y, double x);

static Datum
sv_accumulate(FunctionCallInfo fcinfo, int estimator, int first, bool in_domain,
			  double y, double x)
{
	return sv_accumulate_rows(fcinfo, estimator, estimator == SV_PROPORTION ? PI_LOGIT : 0,
							  first, first + 3, first + 4, first + 5,
							  first + 6, -1, in_domain, false, y, x);
}

/*
 * The general form: the weight at argument first, then stratum and psu;
 * fpc, level, options and domain at the given positions (absent when past
 * the last argument); in_a / in_b say whether the row counts in the
 * estimate's domain (or the first and second domain of a difference).
 * interval is the default interval of a proportion (0 for other
 * estimators; PI_MEAN marks a standardised proportion, whose t interval
 * is kept in [0, 1]).
 */
static Datum
sv_accumulate_rows(FunctionCallInfo fcinfo, int estimator, int interval, int first,
				   int fpc_arg, int level_arg, int options_arg, int domain_arg,
				   int band_arg, bool in_a, bool in_b, double y, double x)
{
	ArrayType  *state;
	double	   *s;
	double	   *r;
	double		key[SV_KEY] = {0};
	double		w,
				fpc = NAN,
				standard = 0;
	int			nargs = PG_NARGS();
	bool		domain_row;

	if (PG_ARGISNULL(first))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("weight must not be NULL in a survey design")));
	w = PG_GETARG_FLOAT8(first);
	wb_check_nonneg(w, "weight");
	sv_hash_arg(fcinfo, first + 1, "stratum", key);
	sv_hash_arg(fcinfo, first + 2, "psu", key + 2);
	if (band_arg > 0)
	{
		double		band[2];

		/* a band as one exact double: 52 bits of its hash */
		sv_hash_arg(fcinfo, band_arg, "age_band", band);
		key[4] = fmod(band[0], 1048576.0) * 4294967296.0 + band[1];
		if (PG_ARGISNULL(band_arg + 1))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("standard must not be NULL")));
		standard = PG_GETARG_FLOAT8(band_arg + 1);
		wb_check_nonneg(standard, "standard");
		wb_check_finite(standard, "standard");
	}
	if (nargs > fpc_arg && !PG_ARGISNULL(fpc_arg))
	{
		fpc = PG_GETARG_FLOAT8(fpc_arg);
		wb_check_positive(fpc, "fpc");
	}
	/* rows of the domain, with or without a value (svyciprop's nrow) */
	domain_row = !(nargs > domain_arg && (PG_ARGISNULL(domain_arg) || !PG_GETARG_BOOL(domain_arg)));
	if (!domain_row)
		in_a = false;

	if (PG_ARGISNULL(0))
	{
		double		header[SV_HEADER] = {0};

		header[SV_ESTIMATOR] = estimator;
		header[SV_LONELY] = LONELY_FAIL;
		header[SV_INTERVAL] = interval;
		header[SV_LEVEL] = 0.95;
		if (nargs > level_arg && !PG_ARGISNULL(level_arg))
		{
			header[SV_LEVEL] = PG_GETARG_FLOAT8(level_arg);
			wb_check_level(header[SV_LEVEL]);
		}
		if (nargs > options_arg && !PG_ARGISNULL(options_arg))
		{
			char	   *opts = text_to_cstring(PG_GETARG_TEXT_PP(options_arg));

			sv_parse_options(opts, estimator, header);
			pfree(opts);
		}
		state = sv_alloc(header, SV_MIN_CAPACITY, SV_MIN_CAPACITY / 2);
	}
	else
	{
		/*
		 * The running state may come from anywhere (a user's INITCOND): its
		 * header is checked here, the slots as sv_find reads them; the whole
		 * index and every row are checked by the final and combine
		 * functions, so a state is read in O(1) per row.
		 */
		state = wb_state_running(fcinfo, WB_STATE_SURVEY);
	}

	r = sv_row_for(&state, key, fpc, standard);
	s = wb_state_data(state);
	s[SV_ROWS] += 1;
	if (domain_row)
		s[SV_DOMAIN_ROWS] += 1;
	if (!isnan(fpc))
		s[SV_ROWS_WITH_FPC] += 1;
	if (in_a)
	{
		r[R_SY] += w * y;
		r[R_SX] += w * x;
	}
	if (in_b)
	{
		r[R_SY_B] += w * y;
		r[R_SX_B] += w * x;
	}
	if (in_a || in_b)
	{
		r[R_N_DOMAIN] += 1;
		if (!isfinite(r[R_SY]) || !isfinite(r[R_SX]) || !isfinite(r[R_SY_B]) || !isfinite(r[R_SX_B]))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("a weighted PSU total overflows")));
	}
	return wb_state_result(fcinfo, state);
}


/* the values of one row (survey.h) */
SvValues
sv_values(FunctionCallInfo fcinfo, int estimator)
{
	SvValues	v = {!PG_ARGISNULL(1), 0, 1.0, 2};

	switch (estimator)
	{
		case SV_PROPORTION:
			v.y = v.known && PG_GETARG_BOOL(1) ? 1.0 : 0.0;
			break;
		case SV_RATIO:
			v.first = 3;
			v.known = v.known && !PG_ARGISNULL(2);
			if (v.known)
			{
				v.y = PG_GETARG_FLOAT8(1);
				v.x = PG_GETARG_FLOAT8(2);
				wb_check_finite(v.y, "numerator");
				wb_check_finite(v.x, "denominator");
			}
			break;
		default:				/* mean, total: x */
			if (v.known)
			{
				v.y = PG_GETARG_FLOAT8(1);
				wb_check_finite(v.y, "x");
			}
			if (estimator == SV_TOTAL)
				v.x = 0.0;
			break;
	}
	return v;
}

/* survey_mean, survey_total, survey_proportion, survey_ratio: see sv_values */
PG_FUNCTION_INFO_V1(wb_survey_mean_transfn);
Datum
wb_survey_mean_transfn(PG_FUNCTION_ARGS)
{
	SvValues	v = sv_values(fcinfo, SV_MEAN);

	return sv_accumulate(fcinfo, SV_MEAN, v.first, v.known, v.y, v.x);
}

PG_FUNCTION_INFO_V1(wb_survey_total_transfn);
Datum
wb_survey_total_transfn(PG_FUNCTION_ARGS)
{
	SvValues	v = sv_values(fcinfo, SV_TOTAL);

	return sv_accumulate(fcinfo, SV_TOTAL, v.first, v.known, v.y, v.x);
}

PG_FUNCTION_INFO_V1(wb_survey_proportion_transfn);
Datum
wb_survey_proportion_transfn(PG_FUNCTION_ARGS)
{
	SvValues	v = sv_values(fcinfo, SV_PROPORTION);

	return sv_accumulate(fcinfo, SV_PROPORTION, v.first, v.known, v.y, v.x);
}

PG_FUNCTION_INFO_V1(wb_survey_ratio_transfn);
Datum
wb_survey_ratio_transfn(PG_FUNCTION_ARGS)
{
	SvValues	v = sv_values(fcinfo, SV_RATIO);

	return sv_accumulate(fcinfo, SV_RATIO, v.first, v.known, v.y, v.x);
}

/*
 * survey_mean_difference(x, weight, stratum, psu, in_a, in_b [, fpc [, level
 * [, options]]]): mean of x over the rows in a minus over those in b, the
 * two domains linearised together (as svycontrast on svyby with covmat).
 */
static Datum
sv_difference(FunctionCallInfo fcinfo, int estimator, bool known, double y)
{
	bool		in_a = known && !PG_ARGISNULL(5) && PG_GETARG_BOOL(5);
	bool		in_b = known && !PG_ARGISNULL(6) && PG_GETARG_BOOL(6);

	return sv_accumulate_rows(fcinfo, estimator, 0, 2, 7, 8, 9, INT_MAX, -1, in_a, in_b, y, 1.0);
}

/* the values read as for survey_mean (x) or survey_proportion (outcome) */
PG_FUNCTION_INFO_V1(wb_survey_mean_difference_transfn);
Datum
wb_survey_mean_difference_transfn(PG_FUNCTION_ARGS)
{
	SvValues	v = sv_values(fcinfo, SV_MEAN);

	return sv_difference(fcinfo, SV_MEAN_DIFFERENCE, v.known, v.y);
}

PG_FUNCTION_INFO_V1(wb_survey_proportion_difference_transfn);
Datum
wb_survey_proportion_difference_transfn(PG_FUNCTION_ARGS)
{
	SvValues	v = sv_values(fcinfo, SV_PROPORTION);

	return sv_difference(fcinfo, SV_PROPORTION_DIFFERENCE, v.known, v.y);
}

/*
 * survey_standardized_mean(x, weight, stratum, psu, age_band, standard
 * [, fpc [, level [, options [, domain]]]]) and _proportion(outcome, ...): the
 * domain mean standardised to the standard population over the bands,
 * sum_a s_a mean_a / sum_a s_a (svystandardize), linearised over the design.
 */
static Datum
sv_standardized(FunctionCallInfo fcinfo, int values_as)
{
	SvValues	v = sv_values(fcinfo, values_as);

	return sv_accumulate_rows(fcinfo, SV_STANDARDIZED_MEAN,
							  values_as == SV_PROPORTION ? PI_MEAN : 0,
							  2, 7, 8, 9, 10, 5, v.known, false, v.y, 1.0);
}

PG_FUNCTION_INFO_V1(wb_survey_standardized_mean_transfn);
Datum
wb_survey_standardized_mean_transfn(PG_FUNCTION_ARGS)
{
	return sv_standardized(fcinfo, SV_MEAN);
}

PG_FUNCTION_INFO_V1(wb_survey_standardized_proportion_transfn);
Datum
wb_survey_standardized_proportion_transfn(PG_FUNCTION_ARGS)
{
	return sv_standardized(fcinfo, SV_PROPORTION);
}

/* merge survey state b into a copy of a (rows of equal keys add up) */
/* merge validated state b into a: the PSU rows of b added to a's */
static ArrayType *
survey_merge(ArrayType *a, ArrayType *b)
{
	double	   *sa = wb_state_data(a);
	double	   *sb = wb_state_data(b);
	int64		i;

	for (i = 1; i <= SV_NPARAMS; i++)
	{
		if (sa[i] != sb[i])
			ereport(ERROR,
					(errcode(WB_ERRCODE_BAD_ARGUMENT),
					 errmsg("cannot combine survey states computed with different parameters"),
					 errhint("Level, options and the estimator must be the same for every row of a group.")));
	}
	sa[SV_ROWS] += sb[SV_ROWS];
	sa[SV_DOMAIN_ROWS] += sb[SV_DOMAIN_ROWS];
	sa[SV_ROWS_WITH_FPC] += sb[SV_ROWS_WITH_FPC];
	for (i = 0; i < (int64) sb[SV_USED]; i++)
	{
		double	   *rb = sv_row(sb, i);
		double	   *ra = sv_row_for(&a, rb, rb[R_FPC], rb[R_STANDARD]);

		WB_CHECK_INTERRUPTS_EVERY(i);

		ra[R_SY] += rb[R_SY];
		ra[R_SX] += rb[R_SX];
		ra[R_SY_B] += rb[R_SY_B];
		ra[R_SX_B] += rb[R_SX_B];
		ra[R_N_DOMAIN] += rb[R_N_DOMAIN];
		sa = wb_state_data(a);
	}
	return a;
}

/* ----------------------------------------------------------------------
 * Final: the linearised variance
 * ----------------------------------------------------------------------
 */
/* a PSU row with its share of the PSU's linearised total */
typedef struct SvItem
{
	const double *r;
	double		u;
} SvItem;

static int
sv_item_cmp(const void *pa, const void *pb)
{
	const double *a = ((const SvItem *) pa)->r;
	const double *b = ((const SvItem *) pb)->r;
	int			j;

	/* by stratum, then PSU (the bands of a PSU in any order) */
	for (j = R_STRATUM_HI; j <= R_PSU_LO; j++)
	{
		if (a[j] != b[j])
			return a[j] < b[j] ? -1 : 1;
	}
	return 0;
}

/*
 * A PSU's total of the linearised estimator: Y_hi for a total,
 * (Y_hi - R X_hi) / X for a ratio (a mean is a ratio to the weight), and
 * the difference of two such for a difference of domain means.
 */
static inline double
sv_linearised(const double *r, int estimator, double ratio, double X,
			  double ratio_b, double Xb)
{
	switch (estimator)
	{
		case SV_TOTAL:
			return r[R_SY];
		case SV_MEAN_DIFFERENCE:
		case SV_PROPORTION_DIFFERENCE:
			return (r[R_SY] - ratio * r[R_SX]) / X - (r[R_SY_B] - ratio_b * r[R_SX_B]) / Xb;
		default:
			return (r[R_SY] - ratio * r[R_SX]) / X;
	}
}

typedef struct SvResult
{
	double		value;
	double		se;
	double		df;
	double		n;
	double		psus;			/* PSUs in the design */
	double		rows;			/* rows of the domain, with a value or not */
} SvResult;

/* the bands of a standardised estimate: their totals and standard weights */
typedef struct SvBand
{
	double		id;
	double		Y;
	double		X;
	double		standard;
} SvBand;

static int
sv_band_index(SvBand *bands, int *nbands, const double *r)
{
	int			i;

	for (i = 0; i < *nbands; i++)
	{
		if (bands[i].id == r[R_BAND])
		{
			if (bands[i].standard != r[R_STANDARD])
				ereport(ERROR,
						(errcode(WB_ERRCODE_BAD_ARGUMENT),
						 errmsg("standard must be the same for every row of a band, got %g and %g",
								bands[i].standard, r[R_STANDARD])));
			return i;
		}
	}
	if (*nbands >= SV_MAX_BANDS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("a standardised estimate takes at most %d bands", SV_MAX_BANDS)));
	bands[*nbands].id = r[R_BAND];
	bands[*nbands].Y = bands[*nbands].X = 0;
	bands[*nbands].standard = r[R_STANDARD];
	return (*nbands)++;
}

static void
sv_compute(double *s, SvResult *res)
{
	int64		used = (int64) s[SV_USED];
	int			estimator = (int) s[SV_ESTIMATOR];
	int			lonely = (int) s[SV_LONELY];
	double	  **rows = palloc(sizeof(double *) * Max(used, 1));
	SvItem	   *items = palloc(sizeof(SvItem) * Max(used, 1));
	int		   *band_of = NULL;
	SvBand	   *bands = NULL;
	int			nbands = 0;
	double		Y = 0,
				X = 0,
				Yb = 0,
				Xb = 0,
				ratio = NAN,
				ratio_b = NAN,
				standard_total = 0,
				var = 0;
	bool		difference = estimator == SV_MEAN_DIFFERENCE || estimator == SV_PROPORTION_DIFFERENCE;
	bool		standardized = estimator == SV_STANDARDIZED_MEAN;
	int64		i,
				start,
				strata = 0,
				ok_strata = 0,
				domain_psus = 0,
				domain_strata = 0;
	bool		fpc_given = s[SV_ROWS_WITH_FPC] > 0;
	int			fpc_kind = 0;	/* 1 population sizes, 2 sampling fractions */

	memset(res, 0, sizeof(SvResult));
	res->value = res->se = res->df = NAN;
	if (fpc_given && s[SV_ROWS_WITH_FPC] != s[SV_ROWS])
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_ARGUMENT),
				 errmsg("fpc must be given for every row or for none")));
	if (standardized)
	{
		bands = palloc(sizeof(SvBand) * Min(Max(used, 1), SV_MAX_BANDS));
		band_of = palloc(sizeof(int) * Max(used, 1));
	}
	for (i = 0; i < used; i++)
	{
		WB_CHECK_INTERRUPTS_EVERY(i);
		rows[i] = sv_row(s, i);
		Y += rows[i][R_SY];
		X += rows[i][R_SX];
		Yb += rows[i][R_SY_B];
		Xb += rows[i][R_SX_B];
		res->n += rows[i][R_N_DOMAIN];
		if (standardized)
		{
			int			a = sv_band_index(bands, &nbands, rows[i]);

			band_of[i] = a;
			bands[a].Y += rows[i][R_SY];
			bands[a].X += rows[i][R_SX];
		}
		if (fpc_given)
		{
			int			kind = rows[i][R_FPC] > 1 ? 1 : (rows[i][R_FPC] < 1 ? 2 : 0);

			if (kind != 0 && fpc_kind != 0 && kind != fpc_kind)
				ereport(ERROR,
						(errcode(WB_ERRCODE_BAD_ARGUMENT),
						 errmsg("fpc must be population sizes (all >= 1) or sampling fractions (all <= 1), not both")));
			if (kind != 0)
				fpc_kind = kind;
		}
	}
	res->rows = s[SV_DOMAIN_ROWS];

	/* the estimate */
	if (estimator == SV_TOTAL)
		res->value = Y;
	else if (difference)
	{
		if (X == 0 || Xb == 0)
			return;				/* an empty domain: no difference */
		ratio = Y / X;
		ratio_b = Yb / Xb;
		res->value = ratio - ratio_b;
	}
	else if (standardized)
	{
		double		value = 0;
		int			a;

		for (a = 0; a < nbands; a++)
			standard_total += bands[a].standard;
		if (!(standard_total > 0))
			return;
		for (a = 0; a < nbands; a++)
		{
			if (bands[a].standard == 0)
				continue;
			if (bands[a].X == 0)
				return;			/* a band of the standard with no one in the domain */
			value += bands[a].standard / standard_total * bands[a].Y / bands[a].X;
		}
		res->value = value;
	}
	else if (X != 0)
		res->value = ratio = Y / X;
	else
		return;					/* an empty domain: no value */

	/* each row's share of its PSU's linearised total */
	for (i = 0; i < used; i++)
	{
		WB_CHECK_INTERRUPTS_EVERY(i);
		items[i].r = rows[i];
		if (standardized)
		{
			SvBand	   *b = &bands[band_of[i]];

			items[i].u = b->standard == 0 ? 0 :
				b->standard / standard_total * (rows[i][R_SY] - b->Y / b->X * rows[i][R_SX]) / b->X;
		}
		else
			items[i].u = sv_linearised(rows[i], estimator, ratio, X, ratio_b, Xb);
	}

	/* stable: the bands of a PSU add up in the order of the state's rows */
	wb_sort_stable(items, used, sizeof(SvItem), sv_item_cmp);
	for (start = 0; start < used;)
	{
		int64		end = start,
					n_h = 0,
					j;
		double		sum_u = 0,
					mean_u,
					ss = 0,
					f = 1.0,
					fpc = items[start].r[R_FPC],
					v_h;
		double	   *psu_u;
		bool		in_domain = false,
					lonely_na = false;

		CHECK_FOR_INTERRUPTS();	/* once a stratum */
		while (end < used && items[end].r[R_STRATUM_HI] == items[start].r[R_STRATUM_HI] &&
			   items[end].r[R_STRATUM_LO] == items[start].r[R_STRATUM_LO])
			end++;
		/* the PSU totals of the stratum: consecutive rows of one PSU add up */
		psu_u = palloc(sizeof(double) * (end - start));
		for (i = start; i < end; i = j)
		{
			double		t = 0,
						nd = 0;

			WB_CHECK_INTERRUPTS_EVERY(n_h);
			for (j = i; j < end && items[j].r[R_PSU_HI] == items[i].r[R_PSU_HI] &&
				 items[j].r[R_PSU_LO] == items[i].r[R_PSU_LO]; j++)
			{
				t += items[j].u;
				nd += items[j].r[R_N_DOMAIN];
				if (fpc_given && items[j].r[R_FPC] != fpc)
					ereport(ERROR,
							(errcode(WB_ERRCODE_BAD_ARGUMENT),
							 errmsg("fpc must be the same for every PSU of a stratum, got %g and %g",
									fpc, items[j].r[R_FPC])));
			}
			psu_u[n_h++] = t;
			sum_u += t;
			if (nd > 0)
			{
				in_domain = true;
				domain_psus++;
			}
		}
		if (in_domain)
			domain_strata++;
		mean_u = sum_u / n_h;
		for (i = 0; i < n_h; i++)
			ss += (psu_u[i] - mean_u) * (psu_u[i] - mean_u);
		pfree(psu_u);
		if (fpc_given)
		{
			/* finite population correction 1 - n/N, N from a size or a fraction */
			double		N = fpc_kind == 2 || fpc < 1 ? n_h / fpc : fpc;

			if (N < n_h)
				ereport(ERROR,
						(errcode(WB_ERRCODE_BAD_ARGUMENT),
						 errmsg("fpc implies more than 100 %% sampling in a stratum: %g PSUs sampled of %g",
								(double) n_h, N)));
			f = (N - n_h) / N;
		}
		strata++;
		if (f < 1e-7)
			v_h = 0;			/* a fully sampled (certainty) stratum */
		else if (n_h > 1)
			v_h = f * n_h / (n_h - 1.0) * ss;
		else
		{
			switch (lonely)
			{
				case LONELY_FAIL:
					ereport(ERROR,
							(errcode(WB_ERRCODE_BAD_ARGUMENT),
							 errmsg("a stratum has only one PSU"),
							 errdetail("Either the design has a stratum with a single PSU, or a WHERE clause kept a subpopulation and dropped the other PSUs of its strata (which also understates the standard error)."),
							 errhint("For a subpopulation, keep every row and pass the domain as the last argument: survey_mean(x, weight, stratum, psu, NULL, 0.95, NULL, race = 'Indigenous'). For a design with a lonely stratum, choose a policy in the options argument: survey_mean(x, weight, stratum, psu, NULL, 0.95, wellbeing.survey_options(lonely_psu => 'remove')) (or adjust, average, certainty).")));
					break;
				case LONELY_ADJUST:
					/* centred at the population mean of the linearised values, 0 */
					v_h = f * sum_u * sum_u;
					break;
				case LONELY_AVERAGE:
					lonely_na = true;
					v_h = 0;
					break;
				default:		/* remove, certainty: no contribution */
					v_h = 0;
					break;
			}
		}
		if (!lonely_na)
		{
			ok_strata++;
			var += v_h;
		}
		start = end;
	}
	/* "average": the missing strata get the mean of the others' contributions */
	if (ok_strata > 0)
		var *= (double) strata / ok_strata;
	else
		var = NAN;
	res->se = sqrt(var);
	res->df = (double) (domain_psus - domain_strata);
}

/* ----------------------------------------------------------------------
 * Result: wellbeing.survey_estimate (value, se, lower, upper, n, level, df)
 * ----------------------------------------------------------------------
 */
/* KL(a || b) for Bernoulli distributions */
static double
bernoulli_kl(double a, double b)
{
	return a * log(a / b) + (1.0 - a) * log((1.0 - a) / (1.0 - b));
}

/* the b in (lo, hi) with KL(p || b) = crit, KL monotone there; bisection */
static double
kl_root(double p, double crit, double lo, double hi)
{
	int			i;

	for (i = 0; i < 200 && lo < hi; i++)
	{
		double		mid = (lo + hi) / 2.0;
		bool		beyond = bernoulli_kl(p, mid) > crit;

		if (mid == lo || mid == hi)
			break;
		/* below p, KL falls as b rises; above p it rises */
		if ((mid < p) == beyond)
			lo = mid;
		else
			hi = mid;
	}
	return (lo + hi) / 2.0;
}

void
sv_proportion_interval(int method, double p, double se, double df, double level,
					   double rows, double n, double *lo, double *hi)
{
	double		t = wb_t_crit(level, df);

	switch (method)
	{
		case PI_LIKELIHOOD:
			{
				/*
				 * svyciprop's profile likelihood of the quasibinomial fit,
				 * solved exactly: KL(p || b) <= t^2 phi V / (2 p (1 - p)),
				 * the dispersion phi = n/(n - 1) for 0/1 data (R profiles on
				 * a grid and interpolates, so it agrees to about 1e-5)
				 */
				double		crit = t * t * n / (n - 1.0) * se * se / (2.0 * p * (1.0 - p));

				*lo = kl_root(p, crit, 0.0, p);
				*hi = kl_root(p, crit, p, 1.0);
				return;
			}
		case PI_MEAN:
			*lo = p - t * se;
			*hi = p + t * se;
			return;
		case PI_ASIN:
			{
				double		a = asin(sqrt(p));
				double		sa = se / (2.0 * sqrt(p * (1.0 - p)));

				*lo = pow(sin(fmax(a - t * sa, 0.0)), 2);
				*hi = pow(sin(fmin(a + t * sa, M_PI / 2.0)), 2);
				return;
			}
		case PI_BETA:
			{
				/* Korn-Graubard: the effective n, rescaled to the design df */
				double		alpha = 1.0 - level;
				double		n_eff = p * (1.0 - p) / (se * se);
				double		r = wb_qt(alpha / 2.0, rows - 1.0) / wb_qt(alpha / 2.0, df);

				n_eff *= r * r;
				*lo = p > 0 ? wb_qbeta(alpha / 2.0, n_eff * p, n_eff * (1.0 - p) + 1.0) : 0.0;
				*hi = p < 1 ? wb_qbeta(1.0 - alpha / 2.0, n_eff * p + 1.0, n_eff * (1.0 - p)) : 1.0;
				return;
			}
		default:				/* logit, xlogit: a t interval on the logit scale */
			{
				double		eta = log(p / (1.0 - p));
				double		se_eta = se / (p * (1.0 - p));

				*lo = 1.0 / (1.0 + exp(-(eta - t * se_eta)));
				*hi = 1.0 / (1.0 + exp(-(eta + t * se_eta)));
				return;
			}
	}
}

/*
 * The range of an estimator's parameter, and its name for an overflow
 * error: a proportion (also a standardised one, marked by its interval)
 * lies in [0, 1], a difference of two in [-1, 1].
 */
void
sv_bound(double *out, int estimator, double interval, bool replicate)
{
	static const char *const survey_names[] = {
		"", "survey_mean", "survey_total", "survey_ratio", "survey_proportion",
		"survey_mean_difference", "survey_proportion_difference", "survey_standardized_mean"
	};
	static const char *const replicate_names[] = {
		"", "replicate_mean", "replicate_total", "replicate_ratio", "replicate_proportion"
	};
	bool		proportion = estimator == SV_PROPORTION ||
		(estimator == SV_STANDARDIZED_MEAN && interval == PI_MEAN);
	double		min = -INFINITY,
				max = INFINITY;
	const char *what;

	if (proportion)
	{
		min = 0.0;
		max = 1.0;
	}
	else if (estimator == SV_PROPORTION_DIFFERENCE)
	{
		min = -1.0;
		max = 1.0;
	}
	if (replicate)
		what = replicate_names[estimator];	/* the state check keeps it in 1..4 */
	else if (proportion && estimator == SV_STANDARDIZED_MEAN)
		what = "survey_standardized_proportion";
	else
		what = survey_names[estimator];
	wb_interval_bound(out[0], out[1], &out[2], &out[3], min, max, what);
}

/* a survey_estimate record from (value, se, lower, upper, n, level, df); NaN is NULL */
Datum
sv_estimate_datum(FunctionCallInfo fcinfo, const double *out)
{
	TupleDesc	tupdesc;
	Datum		values[7];
	bool		nulls[7];
	int			i;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE ||
		tupdesc->natts != 7)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("survey estimate called in a context that cannot accept its record")));
	tupdesc = BlessTupleDesc(tupdesc);
	for (i = 0; i < 7; i++)
	{
		nulls[i] = !isfinite(out[i]);
		values[i] = nulls[i] ? (Datum) 0 : Float8GetDatum(out[i]);
	}
	return HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
}

PG_FUNCTION_INFO_V1(wb_survey_finalfn);
Datum
wb_survey_finalfn(PG_FUNCTION_ARGS)
{
	ArrayType  *state;
	double	   *s;
	SvResult	res;
	double		out[7];
	double		level;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = sv_state_get(fcinfo, 0);
	s = wb_state_data(state);
	level = s[SV_LEVEL];
	sv_compute(s, &res);

	out[0] = res.value;
	out[1] = res.se;
	out[2] = out[3] = NAN;
	out[4] = res.n;
	out[5] = level;
	out[6] = res.df;
	if (isfinite(res.value) && isfinite(res.se) && res.df >= 1)
	{
		if (s[SV_ESTIMATOR] != SV_PROPORTION)
		{
			double		t = wb_t_crit(level, res.df);

			out[2] = res.value - t * res.se;
			out[3] = res.value + t * res.se;
		}
		else if (res.value > 0 && res.value < 1 && res.se > 0)
			sv_proportion_interval((int) s[SV_INTERVAL], res.value, res.se, res.df, level,
								   res.rows, res.n, &out[2], &out[3]);
		else
		{
			/*
			 * At 0 or 1 (or without variance) no transformed interval
			 * exists: the Clopper-Pearson interval on the domain's rows,
			 * the effective sample size when the design effect cannot be
			 * estimated (as NCHS does).
			 */
			double		alpha = 1.0 - level;
			double		x = res.value * res.n;

			out[2] = x > 0 ? wb_qbeta(alpha / 2.0, x, res.n - x + 1.0) : 0.0;
			out[3] = x < res.n ? wb_qbeta(1.0 - alpha / 2.0, x + 1.0, res.n - x) : 1.0;
		}
	}
	sv_bound(out, (int) s[SV_ESTIMATOR], s[SV_INTERVAL], false);
	PG_RETURN_DATUM(sv_estimate_datum(fcinfo, out));
}

/*
 * p_value(survey_estimate, null_value DEFAULT 0): as p_value(estimate),
 * with Student's t on the design degrees of freedom, the test that the
 * survey interval inverts (R: 2 * pt(-abs(t), degf)).  A NULL df (not
 * known) uses the normal; a df of 0 or a NULL or zero se gives NULL.
 */
PG_FUNCTION_INFO_V1(wb_survey_p_value);
Datum
wb_survey_p_value(PG_FUNCTION_ARGS)
{
	HeapTupleHeader t = PG_GETARG_HEAPTUPLEHEADER(0);
	double		null_value = PG_GETARG_FLOAT8(1);
	double		f[3];
	static const int attnum[3] = {1, 2, 7};	/* value, se, df */
	double		stat;
	int			i;

	wb_check_finite(null_value, "null_value");
	for (i = 0; i < 3; i++)
	{
		bool		isnull;
		Datum		d = GetAttributeByNum(t, attnum[i], &isnull);

		f[i] = isnull ? NAN : DatumGetFloat8(d);
		if (!isnull)
			wb_check_finite(f[i], i == 0 ? "estimate value" : i == 1 ? "estimate se" : "estimate df");
	}
	if (!isnan(f[1]))
		wb_check_nonneg(f[1], "estimate se");
	if (!isnan(f[2]))
		wb_check_nonneg(f[2], "estimate df");
	if (isnan(f[0]) || isnan(f[1]) || f[1] == 0 || f[2] == 0)
		PG_RETURN_NULL();
	stat = fabs(f[0] - null_value) / f[1];
	PG_RETURN_FLOAT8(fmin(1.0, 2.0 * (isnan(f[2]) ? wb_pnorm(-stat) : wb_pt(-stat, f[2]))));
}

