/* reduction.h - the part of reduction.c and reduction_v1.c that does not
 * depend on the pragma spelling: the array's values, the reference, the
 * check and main's driver. The including file defines reduction_tasks,
 * the fill and the reductions with tasks. */
#ifndef REDUCTION_H
#define REDUCTION_H

#include "example.h"
#include <limits.h>

/* Element i: an integer in [-2^29, 2^29), most of them distinct. */
static int value(long i)
{
    unsigned long long z = (unsigned long long)i * 0x9e3779b97f4a7c15ull;
    z ^= z >> 29;
    z *= 0xbf58476d1ce4e5b9ull;
    return (int)(z >> 34) - (1 << 29);
}

static void fill(int *a, long lo, long cnt)
{
    for (long i = lo; i < lo + cnt; i++)
        a[i] = value(i);
}

/* What is computed: the sum of the elements, how many are even, the largest. */
struct sums {
    long sum, evens;
    int mx;
};

/* Fills a[0..n) with tasks, bs elements each, reduces it with tasks and
 * waits for them; defined by the including file. */
static struct sums reduction_tasks(long n, long bs, int *a);

/* The reference, from the formula rather than the array. */
static struct sums reduction_seq(long n)
{
    struct sums r = {0, 0, INT_MIN};
    for (long i = 0; i < n; i++) {
        int v = value(i);
        r.sum += v;
        r.evens += v % 2 == 0;
        if (v > r.mx)
            r.mx = v;
    }
    return r;
}

/* The main of reduction.c and reduction_v1.c; name is the program's name,
 * for its messages. */
static int reduction_main(const char *name, int argc, char **argv)
{
    ex_begin(name, "[N [BS]]");
    long n = ex_arg(argc, argv, 1, "array length N", 4194304, 1, 1L << 32);
    long bs = ex_arg(argc, argv, 2, "block size BS", 65536, 1, 1L << 32);
    int *a = ex_alloc(n, sizeof *a);

    double t0 = ex_now();
    struct sums got = reduction_tasks(n, bs, a);
    double t1 = ex_now();
    struct sums want = reduction_seq(n);
    free(a);

    return ex_report(got.sum == want.sum && got.evens == want.evens && got.mx == want.mx,
                     "n=%ld bs=%ld, sum %ld (expected %ld), evens %ld (expected %ld), "
                     "max %d (expected %d); tasks %.3f s",
                     n, bs, got.sum, want.sum, got.evens, want.evens, got.mx, want.mx, t1 - t0);
}

#endif
