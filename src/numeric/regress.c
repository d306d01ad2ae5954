/*-------------------------------------------------------------------------
 *
 * regress.c
 *	  Weighted least squares: the line, centred (two passes) for stability,
 *	  and the general fit by Householder QR.
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

/*
 * Weighted least squares by Householder QR of sqrt(w) X (no normal
 * equations, so nearly collinear columns lose little precision).
 */
bool
wb_wls_fit(const double *X, const double *y, const double *w, int n, int p,
		   double *scratch, double *beta, double *xtwx_inv, double *sse)
{
	double	   *A = scratch;	/* n x p, column-major copy of sqrt(w) X */
	double	   *b = scratch + (size_t) n * p;	/* sqrt(w) y */
	double		rmax = 0;
	int			i,
				j,
				k;

	if (n < p || p > WB_WLS_MAX_P)
		return false;
	for (i = 0; i < n; i++)
	{
		double		sw = sqrt(w[i]);

		for (j = 0; j < p; j++)
			A[(size_t) j * n + i] = sw * X[(size_t) i * p + j];
		b[i] = sw * y[i];
	}

	for (k = 0; k < p; k++)
	{
		double	   *ak = A + (size_t) k * n;
		double		norm = 0,
					alpha,
					vnorm2;

		for (i = k; i < n; i++)
			norm += ak[i] * ak[i];
		norm = sqrt(norm);
		if (norm == 0)
			return false;
		alpha = ak[k] > 0 ? -norm : norm;
		/* v = a_k - alpha e_k, stored in place of a_k[k..n-1] */
		ak[k] -= alpha;
		vnorm2 = 0;
		for (i = k; i < n; i++)
			vnorm2 += ak[i] * ak[i];
		for (j = k + 1; j < p; j++)
		{
			double	   *aj = A + (size_t) j * n;
			double		dot = 0;

			for (i = k; i < n; i++)
				dot += ak[i] * aj[i];
			dot = 2.0 * dot / vnorm2;
			for (i = k; i < n; i++)
				aj[i] -= dot * ak[i];
		}
		{
			double		dot = 0;

			for (i = k; i < n; i++)
				dot += ak[i] * b[i];
			dot = 2.0 * dot / vnorm2;
			for (i = k; i < n; i++)
				b[i] -= dot * ak[i];
		}
		/* R[k][k] = alpha; keep it where the solve below finds it */
		ak[k] = alpha;
		rmax = fmax(rmax, fabs(alpha));
	}
	/* rank check relative to the largest diagonal element of R */
	for (k = 0; k < p; k++)
	{
		if (!(fabs(A[(size_t) k * n + k]) > 1e-10 * rmax))
			return false;
	}

	/* back substitution R beta = (Q'b)[0..p-1]; R[r][c] = A[c * n + r], r <= c */
	for (k = p - 1; k >= 0; k--)
	{
		double		s = b[k];

		for (j = k + 1; j < p; j++)
			s -= A[(size_t) j * n + k] * beta[j];
		beta[k] = s / A[(size_t) k * n + k];
	}
	if (sse != NULL)
	{
		double		s = 0;

		for (i = p; i < n; i++)
			s += b[i] * b[i];
		*sse = s;
	}
	if (xtwx_inv != NULL)
	{
		/* (X'WX)^-1 = R^-1 R^-T = sum over columns z_j of R^-1 of z_j z_j' */
		for (i = 0; i < p; i++)
			for (j = 0; j < p; j++)
				xtwx_inv[i * p + j] = 0;
		for (j = 0; j < p; j++)
		{
			/* column j of R^-1: solve R z = e_j */
			double		z[WB_WLS_MAX_P];

			for (k = p - 1; k >= 0; k--)
			{
				double		s = (k == j) ? 1.0 : 0.0;
				int			c;

				for (c = k + 1; c < p; c++)
					s -= A[(size_t) c * n + k] * z[c];
				z[k] = s / A[(size_t) k * n + k];
			}
			/* accumulate z z' into the inverse */
			for (i = 0; i < p; i++)
				for (k = 0; k < p; k++)
					xtwx_inv[i * p + k] += z[i] * z[k];
		}
	}
	return true;
}
