/*-------------------------------------------------------------------------
 *
 * dist.c
 *	  Thin wrappers over R's standalone math library (Debian r-mathlib).
 *
 * This file deliberately includes no PostgreSQL header: Rmath.h defines
 * macros that would collide with them.
 *
 * src/numeric/dist.c
 *
 *-------------------------------------------------------------------------
 */
#ifndef MATHLIB_STANDALONE
#define MATHLIB_STANDALONE
#endif
#include <Rmath.h>

#include "numeric/dist.h"

double
wb_qnorm(double p)
{
	return qnorm(p, 0.0, 1.0, 1, 0);
}

double
wb_pnorm(double x)
{
	return pnorm(x, 0.0, 1.0, 1, 0);
}

double
wb_qt(double p, double df)
{
	return qt(p, df, 1, 0);
}

double
wb_pt(double x, double df)
{
	return pt(x, df, 1, 0);
}

double
wb_qbeta(double p, double a, double b)
{
	return qbeta(p, a, b, 1, 0);
}

double
wb_qgamma(double p, double shape, double scale)
{
	return qgamma(p, shape, scale, 1, 0);
}

double
wb_qchisq(double p, double df)
{
	return qchisq(p, df, 1, 0);
}

double
wb_z_crit(double level)
{
	return qnorm(1.0 - (1.0 - level) / 2.0, 0.0, 1.0, 1, 0);
}

double
wb_t_crit(double level, double df)
{
	return qt(1.0 - (1.0 - level) / 2.0, df, 1, 0);
}

void
wb_rng_seed(unsigned int a, unsigned int b)
{
	/* the multicarry generator needs non-zero seeds */
	set_seed(a ? a : 1234u, b ? b : 5678u);
}

double
wb_rnorm(void)
{
	return norm_rand();
}

/* uniform on (0, 1), R's unif_rand() */
double
wb_runif(void)
{
	return unif_rand();
}

double
wb_quantile7(const double *sorted, long n, double p)
{
	double		h = (n - 1) * p;
	long		lo = (long) floor(h);

	if (lo + 1 >= n)
		return sorted[n - 1];
	return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}
