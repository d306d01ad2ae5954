/*-------------------------------------------------------------------------
 *
 * kendall.c
 *	  The exact null distribution of Kendall's S (the Mann-Kendall trend
 *	  test), with tied values.
 *
 * src/numeric/kendall.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "numeric/kendall.h"

/*
 * Distribution of the inversions of a uniformly random interleaving of a
 * earlier (smaller) values and b new (larger) ones: the pairs where a new
 * value comes first.  By the last element: an earlier value (probability
 * a/(a+b)) follows all b new ones, a new value adds nothing, so
 *   E(a, b; k) = a/(a+b) E(a-1, b; k-b) + b/(a+b) E(a, b-1; k)
 * (the q-binomial coefficient as probabilities).  Returns E(a, b; 0..ab).
 */
static double *
interleaving_inversions(int a, int b)
{
	int			width = a * b + 1;
	double	   *prev = palloc0(sizeof(double) * (b + 1) * width);
	double	   *cur = palloc0(sizeof(double) * (b + 1) * width);
	double	   *out;
	int			i,
				j,
				k;

	for (j = 0; j <= b; j++)
		prev[j * width] = 1.0;	/* no earlier values: no inversions */
	for (i = 1; i <= a; i++)
	{
		double	   *t;

		memset(cur, 0, sizeof(double) * (b + 1) * width);
		cur[0] = 1.0;			/* no new values */
		for (j = 1; j <= b; j++)
		{
			double		pa = (double) i / (i + j);

			for (k = 0; k <= i * j; k++)
				cur[j * width + k] = (1.0 - pa) * cur[(j - 1) * width + k] +
					(k >= j ? pa * prev[j * width + k - j] : 0.0);
		}
		t = prev;
		prev = cur;
		cur = t;
	}
	out = palloc(sizeof(double) * width);
	memcpy(out, prev + b * width, sizeof(double) * width);
	pfree(prev);
	pfree(cur);
	return out;
}

/*
 * Exact two-sided p-value of S given the ties of the values (periods are
 * never tied).  Under H0 every ordering of the n values, a multiset, is
 * equally likely.  Adding the values class by class in ascending order, the
 * places of a new class among the earlier values form a uniformly random
 * interleaving independent of what came before, and the discordant pairs it
 * adds are that interleaving's inversions; so the number of discordant
 * pairs D is a sum of independent interleaving counts (a q-multinomial
 * distribution; without ties, the Mahonian numbers of R's cor.test exact).
 * S = N_u - 2 D over the N_u untied pairs.  Two-sided as cor.test: 2 P(D <=
 * d) or 2 P(D >= d) on the side d falls, at most 1.  sorted_values: the
 * values in ascending order.
 */
double
wb_kendall_exact_p(const double *sorted_values, int n, double s)
{
	int			untied = 0;
	int			earlier = 0;
	int			top = 0;
	double	   *f = palloc0(sizeof(double) * (n * (n - 1) / 2 + 1));
	double	   *g = palloc0(sizeof(double) * (n * (n - 1) / 2 + 1));
	double		tail = 0;
	int			d,
				i,
				k,
				j;

	f[0] = 1.0;
	for (i = 0; i < n; i = j)
	{
		int			m;

		for (j = i; j < n && sorted_values[j] == sorted_values[i]; j++)
			;
		m = j - i;
		if (earlier > 0)
		{
			double	   *e = interleaving_inversions(earlier, m);
			double	   *t;
			int			width = earlier * m;

			/* g = f convolved with e */
			memset(g, 0, sizeof(double) * (top + width + 1));
			for (k = 0; k <= top; k++)
			{
				int			l;

				if (f[k] == 0)
					continue;
				for (l = 0; l <= width; l++)
					g[k + l] += f[k] * e[l];
			}
			top += width;
			t = f;
			f = g;
			g = t;
			pfree(e);
		}
		untied += earlier * m;
		earlier += m;
	}
	d = (int) rint((untied - s) / 2.0);
	if (2 * d < untied)
		for (k = 0; k <= d; k++)
			tail += f[k];
	else
		for (k = d; k <= untied; k++)
			tail += f[k];
	return fmin(2.0 * tail, 1.0);
}
