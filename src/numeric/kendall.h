/*-------------------------------------------------------------------------
 *
 * kendall.h
 *	  The exact null distribution of Kendall's S, with tied values.
 *
 * src/numeric/kendall.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef WB_KENDALL_H
#define WB_KENDALL_H

/*
 * Exact two-sided p-value of the Mann-Kendall S of n values against their
 * periods (never tied), the values given in ascending order; ties among
 * the values are allowed (a q-multinomial distribution; without ties, R's
 * cor.test(method = "kendall", exact = TRUE)).  Memory and time grow as n^2
 * and n^4 / 4 steps: callers keep n small (the exact test is for short
 * series).
 */
extern double wb_kendall_exact_p(const double *sorted_values, int n, double s);

#endif							/* WB_KENDALL_H */
