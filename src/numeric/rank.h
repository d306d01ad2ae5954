/*-------------------------------------------------------------------------
 *
 * rank.h
 *	  Sorting and weighted fractional ranks (ridits) with midpoint ties.
 *
 * src/numeric/rank.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef WB_RANK_H
#define WB_RANK_H

#include <stddef.h>
#include <stdint.h>

/* sort n doubles ascending; the input must hold no NaN */
extern void wb_sort_doubles(double *v, size_t n);

/*
 * sort n (x, w) pairs, stored as 2n doubles, by x and rows with equal x by
 * w; no NaN.  Needs 16 bytes a row of scratch memory (palloc'd).
 */
extern void wb_sort_pairs(double *pairs, size_t n);

/*
 * For n rows already sorted by key, the weighted fractional rank of each
 * row: the weight share of all rows before its tie group plus half the
 * share of its tie group, so rows with equal keys get the same midpoint
 * rank (as WHO HEAT's cumulative-midpoint ridits and rineq's rank_gwt).
 * The weighted mean of the ranks is exactly 1/2.  wsum is sum(w) > 0.
 */
extern void wb_fractional_ranks(const double *key, const double *w, int64_t n,
								double wsum, double *rank);

#endif							/* WB_RANK_H */
