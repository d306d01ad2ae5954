/*-------------------------------------------------------------------------
 *
 * rank.c
 *	  Sorting and weighted fractional ranks (ridits) with midpoint ties.
 *
 * src/numeric/rank.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdlib.h>

#include "numeric/rank.h"

static int
double_cmp(const void *a, const void *b)
{
	double		x = *(const double *) a;
	double		y = *(const double *) b;

	return x < y ? -1 : (x > y ? 1 : 0);
}

void
wb_sort_doubles(double *v, size_t n)
{
	qsort(v, n, sizeof(double), double_cmp);
}

void
wb_fractional_ranks(const double *key, const double *w, int64_t n,
					double wsum, double *rank)
{
	double		before = 0;
	int64_t		i = 0;

	while (i < n)
	{
		int64_t		j = i + 1;
		double		tie = w[i];
		int64_t		k;

		/* always consume row i, so a NaN key cannot stall the loop */
		while (j < n && key[j] == key[i])
			tie += w[j++];
		for (k = i; k < j; k++)
			rank[k] = (before + tie / 2.0) / wsum;
		before += tie;
		i = j;
	}
}
