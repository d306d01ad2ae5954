/*-------------------------------------------------------------------------
 *
 * families.h
 *	  Merge entry points that the shared combine function (state_combine,
 *	  in estimates.c) calls for states defined in other families.
 *
 * src/families.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef WB_FAMILIES_H
#define WB_FAMILIES_H

#include "fmgr.h"
#include "utils/array.h"

/* inequality.c: merge entropy-family state b into a (b is not modified) */
#define WB_ENTROPY_NFIELDS 19
extern void wb_entropy_merge(double *a, const double *b);

/* disparity.c: merge between-group spread state b into a */
#define WB_SPREAD_NFIELDS 13
extern void wb_spread_merge(double *a, const double *b);

/* ordered.c: a new state holding the rows of both arguments' states */
extern ArrayType *wb_groups_merge(FunctionCallInfo fcinfo);

/* segregation.c: a new state holding the (unit, group, count) rows of both */
extern ArrayType *wb_triples_merge(FunctionCallInfo fcinfo);

/* trend.c: merge trend state b into a (b is not modified) */
#define WB_TREND_NFIELDS 12
extern void wb_trend_merge(double *a, const double *b);

/* trend.c: merge gap_trend state b into a (b is not modified) */
#define WB_GAP_NFIELDS 17
extern void wb_gap_merge(double *a, const double *b);

/* trend.c: a new state holding the rows of both recent_trend states */
extern ArrayType *wb_recent_merge(FunctionCallInfo fcinfo);

/* index.c: aggregate_scores state (tag, 3 parameters, 5 sums) */
#define WB_SCORES_NFIELDS 9
#define WB_SCORES_NPARAMS 3

/* index.c: the cronbach_alpha states at args 0 and 1 merged into the first */
extern ArrayType *wb_alpha_merge(FunctionCallInfo fcinfo);

/* joinpoint.c: a new state holding the rows of both joinpoint states */
extern ArrayType *wb_joinpoint_merge(FunctionCallInfo fcinfo);

/* survey.c: the survey state at arg 0 with the PSU rows of arg 1 merged in */
extern ArrayType *wb_survey_merge(FunctionCallInfo fcinfo);

/* survey.c: the replicate-weight state at arg 0 with the sums of arg 1 added */
extern ArrayType *wb_replicate_merge(FunctionCallInfo fcinfo);

#endif							/* WB_FAMILIES_H */
