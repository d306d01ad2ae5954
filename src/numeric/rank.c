/*-------------------------------------------------------------------------
 *
 * rank.c
 *	  Sorting and weighted fractional ranks (ridits) with midpoint ties.
 *
 * src/numeric/rank.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <stdlib.h>

#include "miscadmin.h"
#include "numeric/rank.h"
#include "utils/memutils.h"

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

/*
 * Sorting (x, w) pairs.  The sorting measures (Gini, quantile shares,
 * poverty rates, category cut points) sort every row of a group, so this is
 * their hot loop: a least-significant-digit radix sort on the bits of x,
 * six passes of 11 bits over a scratch copy, skipping the passes whose digit
 * is the same for every row (the sign and exponent of most data).  It is
 * stable and takes O(n) time and 16 bytes a row of scratch, where a
 * comparison sort takes O(n log n) comparisons through a function pointer.
 * Rows with equal x are then ordered by w, so the result is a function of
 * the multiset of rows and not of their input order.
 */
#define RADIX_BITS 11
#define RADIX_BUCKETS (1 << RADIX_BITS)
#define RADIX_PASSES 6			/* 6 x 11 bits cover the 64 bits of a double */
#define RADIX_MIN_ROWS 1024		/* below this a comparison sort is as fast */

typedef struct SortPair
{
	double		x;
	double		w;
} SortPair;

static int
pair_cmp(const void *a, const void *b)
{
	const SortPair *pa = (const SortPair *) a;
	const SortPair *pb = (const SortPair *) b;

	if (pa->x != pb->x)
		return pa->x < pb->x ? -1 : 1;
	if (pa->w != pb->w)
		return pa->w < pb->w ? -1 : 1;
	return 0;
}

/*
 * An unsigned key that sorts as the double does: flip every bit of a
 * negative number, only the sign bit of a positive one.  -0 is keyed as +0
 * because the two compare equal.
 */
static inline uint64
radix_key(double v)
{
	uint64		u;

	if (v == 0)
		v = 0.0;
	memcpy(&u, &v, sizeof(u));
	return (u & UINT64CONST(0x8000000000000000)) ? ~u : (u | UINT64CONST(0x8000000000000000));
}

static inline int
radix_digit(uint64 key, int pass)
{
	return (int) ((key >> (pass * RADIX_BITS)) & (RADIX_BUCKETS - 1));
}

/* order a run of pairs with equal x by w */
static int
pair_cmp_w(const void *a, const void *b)
{
	double		wa = ((const SortPair *) a)->w;
	double		wb = ((const SortPair *) b)->w;

	return wa < wb ? -1 : (wa > wb ? 1 : 0);
}

static inline double
pair_field(const SortPair *p, bool by_w)
{
	return by_w ? p->w : p->x;
}

/* stable LSD radix sort of p by x or by w; scratch holds n pairs */
static void
radix_sort(SortPair *p, size_t n, bool by_w, SortPair *scratch, size_t *counts)
{
	SortPair   *src = p,
			   *dst = scratch;
	size_t		i;
	int			pass;

	memset(counts, 0, sizeof(size_t) * RADIX_PASSES * RADIX_BUCKETS);
	for (i = 0; i < n; i++)
	{
		uint64		key = radix_key(pair_field(&p[i], by_w));

		for (pass = 0; pass < RADIX_PASSES; pass++)
			counts[pass * RADIX_BUCKETS + radix_digit(key, pass)]++;
	}
	for (pass = 0; pass < RADIX_PASSES; pass++)
	{
		size_t	   *offset = counts + pass * RADIX_BUCKETS;
		size_t		sum = 0;
		SortPair   *swap;
		int			b;

		if (offset[radix_digit(radix_key(pair_field(&src[0], by_w)), pass)] == n)
			continue;			/* every row has this digit */
		for (b = 0; b < RADIX_BUCKETS; b++)
		{
			size_t		c = offset[b];

			offset[b] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			dst[offset[radix_digit(radix_key(pair_field(&src[i], by_w)), pass)]++] = src[i];
		swap = src;
		src = dst;
		dst = swap;
		CHECK_FOR_INTERRUPTS();
	}
	if (src != p)
		memcpy(p, src, sizeof(SortPair) * n);
}

void
wb_sort_pairs(double *pairs, size_t n)
{
	SortPair   *p = (SortPair *) pairs;
	SortPair   *scratch;
	size_t	   *counts;
	size_t		i;

	if (n < RADIX_MIN_ROWS)
	{
		qsort(p, n, sizeof(SortPair), pair_cmp);
		return;
	}
	counts = palloc(sizeof(size_t) * RADIX_PASSES * RADIX_BUCKETS);
	scratch = palloc_extended(sizeof(SortPair) * n, MCXT_ALLOC_HUGE);
	radix_sort(p, n, false, scratch, counts);

	/* runs of equal x (ties, or discrete data): order them by w */
	for (i = 0; i < n;)
	{
		size_t		j = i + 1;

		while (j < n && p[j].x == p[i].x)
			j++;
		if (j - i >= RADIX_MIN_ROWS)
			radix_sort(p + i, j - i, true, scratch, counts);
		else if (j - i > 1)
			qsort(p + i, j - i, sizeof(SortPair), pair_cmp_w);
		i = j;
	}
	pfree(scratch);
	pfree(counts);
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
