/*-------------------------------------------------------------------------
 *
 * dist.h
 *	  Quantiles and distribution functions, from R's standalone math library.
 *
 * Kept behind our own names so that Rmath.h (whose macros clash with
 * PostgreSQL's headers) is included by dist.c alone.  All functions take
 * lower-tail probabilities and return NaN for arguments R rejects.
 *
 * src/numeric/dist.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef WB_DIST_H
#define WB_DIST_H

extern double wb_qnorm(double p);
extern double wb_pnorm(double x);
extern double wb_qt(double p, double df);
extern double wb_pt(double x, double df);
extern double wb_qbeta(double p, double a, double b);
extern double wb_qgamma(double p, double shape, double scale);
extern double wb_qchisq(double p, double df);

/* two-sided critical values for a confidence level in (0, 1) */
extern double wb_z_crit(double level);
extern double wb_t_crit(double level, double df);

#endif							/* WB_DIST_H */
