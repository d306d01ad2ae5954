/*-------------------------------------------------------------------------
 *
 * sample.h
 *	  The (value, weight) sample state of the measures that must see every
 *	  row: poverty_rate, poverty_threshold, gini, quintile_share_ratio,
 *	  palma, hoover.
 *
 * Layout: tag, measure (WbSampleMeasure), param (the measure's one numeric
 * parameter), used pairs, then the pairs; 16 bytes a row, grown by
 * doubling, so the array may be longer than 4 + 2 * used (the tail is
 * zero).  The measure code lets a final function refuse a state that
 * another measure made (a stored rollup state finalised by the wrong
 * function would otherwise read its parameter as its own).
 *
 * src/sample.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef WB_SAMPLE_H
#define WB_SAMPLE_H

#include "wellbeing.h"
#include "utils/array.h"

/* which measures a sample state was made for */
typedef enum WbSampleMeasure
{
	WB_SAMPLE_POVERTY = 1,		/* poverty_rate, poverty_threshold: param fraction */
	WB_SAMPLE_GINI = 2,			/* param corrected (0 or 1) */
	WB_SAMPLE_SHARES = 3,		/* quintile_share_ratio, palma, hoover */
	WB_SAMPLE_DISSIMILARITY = 4,
	WB_SAMPLE_CATEGORY = 5,		/* category_cutpoints: param levels */
	WB_SAMPLE_SERIES = 6		/* mann_kendall (period, value): param level */
} WbSampleMeasure;

typedef struct WbPair
{
	double		x;
	double		w;
} WbPair;

/*
 * Add one row (state at arg 0, x at arg 1, weight at arg 2, or 1 when the
 * call has no weight argument) to the state; NULL x or weight skip the row.  param is stored on the first row and
 * must not change afterwards (paramname names it in the error).  x must
 * be finite (xname names it in the error).
 */
extern Datum wb_sample_accumulate(FunctionCallInfo fcinfo, WbSampleMeasure measure,
								  const char *xname, double param, const char *paramname);

/*
 * The same for a (period, value) series: both must be finite, neither needs
 * to be non-negative.
 */
extern Datum wb_sample_accumulate_series(FunctionCallInfo fcinfo, double param,
										 const char *paramname);

/* a copy of the pairs in input order (each checked finite), and their count */
extern WbPair *wb_sample_pairs(ArrayType *state, int64 *n);

/* the state at argno, checked, made for measure (a state error if not) */
extern ArrayType *wb_sample_get(FunctionCallInfo fcinfo, int argno, WbSampleMeasure measure);


extern double wb_sample_param(ArrayType *state);

/*
 * The pairs of the state sorted in place (by x, then weight, so the order
 * does not depend on the input order; a radix sort, 16 bytes a row of
 * scratch), their count and their weight total in long double (as R's sum);
 * NULL when empty.
 */
extern WbPair *wb_sample_sorted(ArrayType *state, int64 *n, long double *wsum);

/*
 * laeken's weightedQuantile on sorted pairs: the first x whose cumulative
 * weight share is strictly greater than p (p = 0 gives the smallest x).
 */
extern double wb_weighted_quantile(const WbPair *p, int64 n, long double wsum,
								   double prob);

/*
 * The weighted quantile at num / den, averaging the two neighbours when a
 * cumulative weight share equals it exactly (Stata _pctile with weights;
 * R quantile type 2 without).  p sorted, wsum > 0.
 */
extern double wb_weighted_quantile_stepavg(const WbPair *p, int64 n, long double wsum,
										   int num, int den);

#endif							/* WB_SAMPLE_H */
