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

/*
 * Every sort here checks for a cancel request (statement_timeout,
 * pg_cancel_backend) every 2^16 elements moved, so a sort of a large input
 * stops within milliseconds; the C library's qsort cannot be interrupted
 * (it sorts only inputs below 1 024 elements here, in microseconds).
 */

/*
 * sort n doubles ascending, stably (-0 and +0 keep their input order, as
 * they compare equal); the input must hold no NaN.  A radix sort: 8 bytes a
 * value of scratch memory (palloc'd).
 */
extern void wb_sort_doubles(double *v, size_t n);

/*
 * sort n (x, w) pairs, stored as 2n doubles, by x and rows with equal x by
 * w; no NaN.  Needs 16 bytes a row of scratch memory (palloc'd).
 */
extern void wb_sort_pairs(double *pairs, size_t n);

/*
 * A stable merge sort of n elements of size bytes with cmp, called as
 * qsort(): equal elements keep their input order, so the result is the one
 * any stable sort gives (glibc's qsort is one, a merge sort where memory
 * allows).  Needs n * size bytes of scratch memory (palloc'd).
 */
extern void wb_sort_stable(void *base, size_t n, size_t size,
						   int (*cmp) (const void *, const void *));

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
