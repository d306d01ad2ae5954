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

/*
 * R's standalone generator (Marsaglia multicarry), for simulation
 * intervals: seeded from the input, so results are reproducible.
 */
extern void wb_rng_seed(unsigned int a, unsigned int b);
extern double wb_rnorm(void);
extern double wb_runif(void);

/* R's quantile(type = 7) of n sorted values */
extern double wb_quantile7(const double *sorted, long n, double p);

/* two-sided critical values for a confidence level in (0, 1) */
extern double wb_z_crit(double level);
extern double wb_t_crit(double level, double df);

#endif							/* WB_DIST_H */
