/*-------------------------------------------------------------------------
 *
 * survey.h
 *	  What the design-based (survey.c, Taylor linearisation) and the
 *	  replicate-weight (replicate.c) estimators share: the estimators, the
 *	  proportion intervals, the values of a row and the result record.
 *
 * src/survey.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef WB_SURVEY_H
#define WB_SURVEY_H

#include "wellbeing.h"

#include "args.h"

/* the estimator, kept in header field 1 of both kinds of state */
typedef enum SurveyEstimator
{
	SV_MEAN = 1,
	SV_TOTAL = 2,
	SV_RATIO = 3,
	SV_PROPORTION = 4,
	SV_MEAN_DIFFERENCE = 5,		/* mean in domain a - mean in domain b */
	SV_PROPORTION_DIFFERENCE = 6,
	SV_STANDARDIZED_MEAN = 7	/* direct standardisation over bands (svystandardize) */
} SurveyEstimator;

/* the intervals of a proportion (options interval=...) */
typedef enum PropInterval
{
	PI_LOGIT = 1,
	PI_MEAN = 2,
	PI_BETA = 3,
	PI_ASIN = 4,
	PI_XLOGIT = 5,
	PI_LIKELIHOOD = 6
} PropInterval;

extern const WbMethod wb_prop_intervals[];

/*
 * The values of one row: x (mean, total), outcome (proportion) or numerator
 * and denominator (ratio), as the numerator y and denominator x of a ratio
 * of weighted totals; known is false when a value is NULL (the row stays in
 * the design, out of the estimate).  first is where the weight argument is.
 */
typedef struct SvValues
{
	bool		known;
	double		y;
	double		x;
	int			first;
} SvValues;

extern SvValues sv_values(FunctionCallInfo fcinfo, int estimator);

/* the interval of a proportion p with standard error se by method */
extern void sv_proportion_interval(int method, double p, double se, double df, double level,
								   double rows, double n, double *lo, double *hi);

/*
 * out = (value, se, lower, upper, ...): the interval clamped to the
 * estimator's range and containing the value; an infinite result is 22003
 */
extern void sv_bound(double *out, int estimator, double interval, bool replicate);

/* a survey_estimate record from (value, se, lower, upper, n, level, df); NaN is NULL */
extern Datum sv_estimate_datum(FunctionCallInfo fcinfo, const double *out);

#endif							/* WB_SURVEY_H */
