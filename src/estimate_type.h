/*-------------------------------------------------------------------------
 *
 * estimate_type.h
 *	  The wellbeing.estimate composite and interval helpers.
 *
 * Inside C an estimate is a WbEstimate of doubles; any field that is NaN
 * or infinite becomes SQL NULL when the composite is built, so a measure
 * that is undefined for its data says so with NULL instead of a made-up
 * number.
 *
 * src/estimate_type.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef WB_ESTIMATE_TYPE_H
#define WB_ESTIMATE_TYPE_H

#include "wellbeing.h"

typedef struct WbEstimate
{
	double		value;
	double		se;
	double		lower;
	double		upper;
	double		n;
	double		level;
} WbEstimate;

#define WB_ESTIMATE_NATTS 6

/* an estimate with every field missing except level */
extern void wb_estimate_init(WbEstimate *e, double level);

/* value ± z·se */
extern void wb_interval_normal(WbEstimate *e);

/* value ± t(df)·se */
extern void wb_interval_t(WbEstimate *e, double df);

/*
 * The last step of every interval builder: an infinite value, se or bound
 * is an overflow (22003 naming "what"), and the bounds are clamped to the
 * parameter's range [min, max] and made to contain the value (estimate_type.c
 * says why).  The raw form serves results that are not a WbEstimate.
 */
extern void wb_interval_bound(double value, double se, double *lower, double *upper,
							  double min, double max, const char *what);
extern void wb_estimate_bound(WbEstimate *e, double min, double max, const char *what);

/* Build the composite result of the current call. */
extern Datum wb_estimate_datum(FunctionCallInfo fcinfo, const WbEstimate *e);

/* The composite for a measure with a value and n only (no se, no interval). */
extern Datum wb_estimate_value_only(FunctionCallInfo fcinfo, double value, double n);

/* Read a wellbeing.estimate argument (NULL fields become NaN). */
extern void wb_estimate_read(FunctionCallInfo fcinfo, int argno, WbEstimate *e);

#endif							/* WB_ESTIMATE_TYPE_H */
