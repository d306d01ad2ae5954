/*-------------------------------------------------------------------------
 *
 * regress.c
 *	  Weighted least-squares line, centred (two passes) for stability.
 *
 * src/numeric/regress.c
 *
 *-------------------------------------------------------------------------
 */
#include <math.h>

#include "numeric/regress.h"

bool
wb_wls_line(const double *x, const double *y, const double *w, int64_t n,
			WbLine *fit, double *cb, double *ca)
{
	double		sw = 0,
				sx = 0,
				sy = 0,
				sxx = 0,
				sxy = 0,
				see = 0;
	int64_t		i;

	for (i = 0; i < n; i++)
	{
		sw += w[i];
		sx += w[i] * x[i];
		sy += w[i] * y[i];
	}
	fit->xbar = sx / sw;
	fit->ybar = sy / sw;
	for (i = 0; i < n; i++)
	{
		double		dx = x[i] - fit->xbar;

		sxx += w[i] * dx * dx;
		sxy += w[i] * dx * (y[i] - fit->ybar);
	}
	if (!(sxx > 0))
		return false;
	fit->b = sxy / sxx;
	fit->a = fit->ybar - fit->b * fit->xbar;
	fit->sxx = sxx / sw;
	for (i = 0; i < n; i++)
	{
		double		e = y[i] - fit->a - fit->b * x[i];

		see += w[i] * e * e;
		if (cb != NULL)
			cb[i] = w[i] * (x[i] - fit->xbar) / sxx;
		if (ca != NULL)
			ca[i] = w[i] / sw - fit->xbar * w[i] * (x[i] - fit->xbar) / sxx;
	}
	/* residual variance per unit weight, on n - 2 degrees of freedom */
	fit->resid_var = n > 2 ? see / (double) (n - 2) : NAN;
	return true;
}
