/*-------------------------------------------------------------------------
 *
 * regress.h
 *	  Weighted least squares: the line y = a + b x, with the linear weights
 *	  that express a and b in terms of the y values (for delta-method SEs),
 *	  and the general fit y ~ X (segmented regression).
 *
 * src/numeric/regress.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef WB_REGRESS_H
#define WB_REGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct WbLine
{
	double		a;				/* intercept */
	double		b;				/* slope */
	double		xbar;			/* weighted mean of x */
	double		ybar;			/* weighted mean of y */
	double		sxx;			/* sum w (x - xbar)^2 / sum w */
	double		resid_var;		/* sum w e^2 / (n - 2), NaN when n < 3 */
} WbLine;

/*
 * Fit with weights w (any positive scale).  If cb / ca are not NULL they
 * receive per-row coefficients with b = sum cb_i y_i and a = sum ca_i y_i.
 * Returns false when x has no spread (no line).
 */
extern bool wb_wls_line(const double *x, const double *y, const double *w,
						int64_t n, WbLine *fit, double *cb, double *ca);

/*
 * Weighted least squares y ~ X for n rows and p <= WB_WLS_MAX_P columns
 * (X row-major, weights w > 0), by Householder QR of sqrt(w) X.  Fills
 * beta (p), and if not NULL the unscaled covariance (X'WX)^-1 (p x p,
 * row-major) and the weighted residual sum of squares.  scratch holds
 * n * p + n doubles.  Returns false when X is rank-deficient (a diagonal
 * element of R below 1e-10 of the largest) or n < p.
 */
#define WB_WLS_MAX_P 16

extern bool wb_wls_fit(const double *X, const double *y, const double *w, int n, int p,
					   double *scratch, double *beta, double *xtwx_inv, double *sse);

#endif							/* WB_REGRESS_H */
