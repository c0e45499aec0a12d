/* multisort.h - the part of multisort.c and multisort_v1.c that does not
 * depend on the pragma spelling: the cut-off sizes, the sequential merge of
 * one piece, the input, the check against qsort and main's driver. The
 * including file defines multisort, the sort with tasks. */
#ifndef MULTISORT_H
#define MULTISORT_H

#include "example.h"

#define MIN_SORT_SIZE 1024  /* below 4x this, sort with qsort */
#define MIN_MERGE_SIZE 1024 /* below 2x this, merge in one piece */

static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

/* Writes result[start .. start+length) of the merge of the sorted arrays
 * left[0..nl) and right[0..nr): finds where that piece begins in each input
 * by binary search, then merges length elements from there. */
static void basicmerge(long nl, const long *left, long nr, const long *right, long *result,
                       long start, long length)
{
    long lo = start > nr ? start - nr : 0, hi = start < nl ? start : nl;
    while (lo < hi) { /* smallest i with right[start-i-1] < left[i] */
        long i = lo + (hi - lo) / 2;
        if (left[i] <= right[start - i - 1])
            lo = i + 1;
        else
            hi = i;
    }
    long i = lo, j = start - lo;
    for (long k = start; k < start + length; k++)
        result[k] = j >= nr || (i < nl && left[i] <= right[j]) ? left[i++] : right[j++];
}

/* Sorts data[0..n) with tasks, using tmp[0..n) as scratch, and waits for
 * them; defined by the including file. */
static void multisort(long n, long *data, long *tmp);

/* The main of multisort.c and multisort_v1.c; name is the program's name,
 * for its messages. */
static int multisort_main(const char *name, int argc, char **argv)
{
    ex_begin(name, "[N]");
    long n = ex_arg(argc, argv, 1, "N", 1L << 20, 1, 1L << 32);
    long *data = ex_alloc(n, sizeof *data), *tmp = ex_alloc(n, sizeof *tmp);
    long *ref = ex_alloc(n, sizeof *ref);
    unsigned long long s = 0x2545f4914f6cdd1dull;
    for (long i = 0; i < n; i++) /* with repeats */
        data[i] = (long)(ex_xorshift64(&s) % (unsigned long long)n) - n / 2;
    memcpy(ref, data, n * sizeof *data);

    double t0 = ex_now();
    multisort(n, data, tmp);
    double t1 = ex_now();
    qsort(ref, n, sizeof *ref, cmp_long);
    double t2 = ex_now();

    long wrong = ex_count_differ(data, ref, n, sizeof *data);
    free(data), free(tmp), free(ref);

    return ex_report(wrong == 0,
                     "n=%ld, %ld elements differ from qsort; tasks %.3f s, qsort %.3f s", n,
                     wrong, t1 - t0, t2 - t1);
}

#endif
