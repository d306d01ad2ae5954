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

/*
 * Radix sorts.  The sorting measures (Gini, quantile shares, poverty
 * rates, category cut points) sort every row of a group, percentile_rank
 * every row of a partition and mann_kendall every pairwise slope, so this
 * is their hot loop: a least-significant-digit radix sort on the bits of
 * the key, six passes of 11 bits over a scratch copy, skipping the passes
 * whose digit is the same for every row (the sign and exponent of most
 * data).  It is stable and takes O(n) time and one element a row of
 * scratch, where a comparison sort takes O(n log n) comparisons through a
 * function pointer.  Each pass goes in blocks of 2^16 rows with a check for
 * interrupts between blocks, which costs nothing measurable.
 */
#define RADIX_BITS 11
#define RADIX_BUCKETS (1 << RADIX_BITS)
#define RADIX_PASSES 6			/* 6 x 11 bits cover the 64 bits of a double */
#define RADIX_MIN_ROWS 1024		/* below this a comparison sort is as fast */
#define SORT_CHECK_ROWS 65536	/* rows moved between checks for interrupts */

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

/*
 * Stable LSD radix sort of n elements of stride doubles (1: plain doubles,
 * 2: pairs) by the double at offset field; scratch holds n elements.
 * Inlined into its callers, so stride and field are constants there.
 */
static pg_attribute_always_inline void
radix_sort(double *p, size_t n, int stride, int field, double *scratch, size_t *counts)
{
	double	   *src = p,
			   *dst = scratch;
	size_t		start,
				i;
	int			pass;

	memset(counts, 0, sizeof(size_t) * RADIX_PASSES * RADIX_BUCKETS);
	for (start = 0; start < n; start += SORT_CHECK_ROWS)
	{
		size_t		end = Min(n, start + SORT_CHECK_ROWS);

		for (i = start; i < end; i++)
		{
			uint64		key = radix_key(p[i * stride + field]);

			for (pass = 0; pass < RADIX_PASSES; pass++)
				counts[pass * RADIX_BUCKETS + radix_digit(key, pass)]++;
		}
		CHECK_FOR_INTERRUPTS();
	}
	for (pass = 0; pass < RADIX_PASSES; pass++)
	{
		size_t	   *offset = counts + pass * RADIX_BUCKETS;
		size_t		sum = 0;
		double	   *swap;
		int			b;

		if (offset[radix_digit(radix_key(src[field]), pass)] == n)
			continue;			/* every row has this digit */
		for (b = 0; b < RADIX_BUCKETS; b++)
		{
			size_t		c = offset[b];

			offset[b] = sum;
			sum += c;
		}
		for (start = 0; start < n; start += SORT_CHECK_ROWS)
		{
			size_t		end = Min(n, start + SORT_CHECK_ROWS);

			for (i = start; i < end; i++)
			{
				size_t		o = offset[radix_digit(radix_key(src[i * stride + field]), pass)]++;

				if (stride == 1)
					dst[o] = src[i];
				else
					memcpy(dst + o * stride, src + i * stride, sizeof(double) * stride);
			}
			CHECK_FOR_INTERRUPTS();
		}
		swap = src;
		src = dst;
		dst = swap;
	}
	/* an odd number of passes left the rows in scratch: copy them back */
	for (start = 0; src != p && start < n; start += SORT_CHECK_ROWS)
	{
		memcpy(p + start * stride, src + start * stride,
			   sizeof(double) * stride * (Min(n, start + SORT_CHECK_ROWS) - start));
		CHECK_FOR_INTERRUPTS();
	}
}

void
wb_sort_doubles(double *v, size_t n)
{
	double	   *scratch;
	size_t	   *counts;

	if (n < RADIX_MIN_ROWS)
	{
		qsort(v, n, sizeof(double), double_cmp);
		return;
	}
	counts = palloc(sizeof(size_t) * RADIX_PASSES * RADIX_BUCKETS);
	scratch = palloc_extended(sizeof(double) * n, MCXT_ALLOC_HUGE);
	radix_sort(v, n, 1, 0, scratch, counts);
	pfree(scratch);
	pfree(counts);
}

/*
 * Pairs: by x, then rows with equal x by w, so the result is a function of
 * the multiset of rows and not of their input order.
 */
void
wb_sort_pairs(double *pairs, size_t n)
{
	SortPair   *p = (SortPair *) pairs;
	double	   *scratch;
	size_t	   *counts;
	size_t		i,
				checked = 0;

	if (n < RADIX_MIN_ROWS)
	{
		qsort(p, n, sizeof(SortPair), pair_cmp);
		return;
	}
	counts = palloc(sizeof(size_t) * RADIX_PASSES * RADIX_BUCKETS);
	scratch = palloc_extended(sizeof(SortPair) * n, MCXT_ALLOC_HUGE);
	radix_sort(pairs, n, 2, 0, scratch, counts);

	/* runs of equal x (ties, or discrete data): order them by w */
	for (i = 0; i < n;)
	{
		size_t		j = i + 1;

		while (j < n && p[j].x == p[i].x)
			j++;
		if (j - i >= RADIX_MIN_ROWS)
			radix_sort(pairs + 2 * i, j - i, 2, 1, scratch, counts);
		else if (j - i > 1)
			qsort(p + i, j - i, sizeof(SortPair), pair_cmp_w);
		i = j;
		if (i - checked >= SORT_CHECK_ROWS)
		{
			CHECK_FOR_INTERRUPTS();
			checked = i;
		}
	}
	pfree(scratch);
	pfree(counts);
}

/*
 * The stable merge sort: top-down, runs of up to MERGE_RUN elements by
 * insertion, a merge skipped when its halves are already in order.
 * Elements are copied a 64-bit word at a time when their size allows (the
 * callers sort structs of doubles), else with memcpy.
 */
#define MERGE_RUN 8

typedef struct MergeSort
{
	size_t		size;
	size_t		words;			/* size / 8 when word copies apply, else 0 */
	int			(*cmp) (const void *, const void *);
	char	   *tmp;			/* n elements */
	char	   *elem;			/* one element */
	size_t		moved;			/* elements merged since the last check */
} MergeSort;

static inline void
merge_copy(const MergeSort *ms, char *dst, const char *src)
{
	if (ms->words > 0)
	{
		uint64	   *d = (uint64 *) dst;
		const uint64 *s = (const uint64 *) src;
		size_t		k;

		for (k = 0; k < ms->words; k++)
			d[k] = s[k];
	}
	else
		memcpy(dst, src, ms->size);
}

static void
merge_sort_run(MergeSort *ms, char *b, size_t n)
{
	size_t		size = ms->size;
	size_t		i;

	for (i = 1; i < n; i++)
	{
		char	   *cur = b + i * size;
		size_t		j = i;

		if (ms->cmp(cur - size, cur) <= 0)
			continue;
		merge_copy(ms, ms->elem, cur);
		while (j > 0 && ms->cmp(b + (j - 1) * size, ms->elem) > 0)
		{
			merge_copy(ms, b + j * size, b + (j - 1) * size);
			j--;
		}
		merge_copy(ms, b + j * size, ms->elem);
	}
}

static void
merge_sort_rec(MergeSort *ms, char *b, size_t n)
{
	size_t		size = ms->size;
	size_t		n1,
				n2;
	char	   *b1,
			   *b2,
			   *t;

	if (n <= MERGE_RUN)
	{
		merge_sort_run(ms, b, n);
		return;
	}
	n1 = n / 2;
	n2 = n - n1;
	b1 = b;
	b2 = b + n1 * size;
	merge_sort_rec(ms, b1, n1);
	merge_sort_rec(ms, b2, n2);
	if (ms->cmp(b2 - size, b2) <= 0)
		return;					/* already in order */

	/* merge into tmp, the left run first on ties; the right run's rest stays */
	t = ms->tmp;
	while (n1 > 0 && n2 > 0)
	{
		if (ms->cmp(b1, b2) <= 0)
		{
			merge_copy(ms, t, b1);
			b1 += size;
			n1--;
		}
		else
		{
			merge_copy(ms, t, b2);
			b2 += size;
			n2--;
		}
		t += size;
		if (++ms->moved >= SORT_CHECK_ROWS)
		{
			CHECK_FOR_INTERRUPTS();
			ms->moved = 0;
		}
	}
	if (n1 > 0)
		memcpy(t, b1, n1 * size);
	memcpy(b, ms->tmp, (n - n2) * size);
}

void
wb_sort_stable(void *base, size_t n, size_t size,
			   int (*cmp) (const void *, const void *))
{
	MergeSort	ms;

	if (n < 2)
		return;
	ms.size = size;
	ms.words = (size % sizeof(uint64) == 0 &&
				(uintptr_t) base % sizeof(uint64) == 0) ? size / sizeof(uint64) : 0;
	ms.cmp = cmp;
	ms.tmp = palloc_extended(size * n, MCXT_ALLOC_HUGE);
	ms.elem = palloc(size);
	ms.moved = 0;
	merge_sort_rec(&ms, (char *) base, n);
	pfree(ms.tmp);
	pfree(ms.elem);
}

void
wb_fractional_ranks(const double *key, const double *w, int64_t n,
					double wsum, double *rank)
{
	double		before = 0;
	int64_t		i = 0,
				checked = 0;

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
		if (i - checked >= SORT_CHECK_ROWS)
		{
			CHECK_FOR_INTERRUPTS();
			checked = i;
		}
	}
}
