/* multisort_v1.c - multisort.c in the OmpSs v1 spelling: #pragma omp task ...
 * The classic multisort: split the array into four quarters,
 * sort each in a task (recursively), merge them pairwise into a scratch
 * array in two tasks, then merge the halves back in a third; each merge is
 * itself split recursively into independent tasks and joined with taskwait.
 * Checks the result against qsort.
 *
 * Usage: multisort_v1 [N]   (default N=1048576 elements)
 * Build: ssc -fompss -O2 multisort_v1.c -o multisort_v1 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

static void merge(long nl, const long *left, long nr, const long *right, long *result,
                  long start, long length)
{
    if (length < 2 * MIN_MERGE_SIZE) {
        basicmerge(nl, left, nr, right, result, start, length);
        return;
    }
    long half = length / 2;
#pragma omp task label("merge piece")
    merge(nl, left, nr, right, result, start, half);
#pragma omp task label("merge piece")
    merge(nl, left, nr, right, result, start + half, length - half);
#pragma omp taskwait
}

/* Sorts data[0..n), using tmp[0..n) as scratch. */
static void multisort(long n, long *data, long *tmp)
{
    if (n < 4 * MIN_SORT_SIZE) {
        qsort(data, n, sizeof *data, cmp_long);
        return;
    }
    long q = n / 4, r = n - 3 * q; /* quarters of q, q, q and r elements */
#pragma omp task inout(data[0;q]) out(tmp[0;q]) label("sort quarter")
    multisort(q, data, tmp);
#pragma omp task inout(data[q;q]) out(tmp[q;q]) label("sort quarter")
    multisort(q, data + q, tmp + q);
#pragma omp task inout(data[2 * q;q]) out(tmp[2 * q;q]) label("sort quarter")
    multisort(q, data + 2 * q, tmp + 2 * q);
#pragma omp task inout(data[3 * q;r]) out(tmp[3 * q;r]) label("sort quarter")
    multisort(r, data + 3 * q, tmp + 3 * q);

#pragma omp task in(data[0;q], data[q;q]) out(tmp[0;2 * q]) label("merge quarters")
    merge(q, data, q, data + q, tmp, 0, 2 * q);
#pragma omp task in(data[2 * q;q], data[3 * q;r]) out(tmp[2 * q;q + r]) label("merge quarters")
    merge(q, data + 2 * q, r, data + 3 * q, tmp + 2 * q, 0, q + r);

#pragma omp task in(tmp[0;2 * q], tmp[2 * q;q + r]) out(data[0;n]) label("merge halves")
    merge(2 * q, tmp, q + r, tmp + 2 * q, data, 0, n);
#pragma omp taskwait
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    long n = 1L << 20;
    if (argc > 1) {
        char *end;
        n = strtol(argv[1], &end, 10);
        if (*end || n < 1 || n > 1L << 32) {
            fprintf(stderr, "multisort_v1: bad N '%s'\nusage: multisort_v1 [N]\n", argv[1]);
            return 2;
        }
    }
    long *data = malloc(n * sizeof *data), *tmp = malloc(n * sizeof *tmp);
    long *ref = malloc(n * sizeof *ref);
    if (!data || !tmp || !ref) {
        fprintf(stderr, "multisort_v1: out of memory\n");
        return 2;
    }
    unsigned long long s = 0x2545f4914f6cdd1dull;
    for (long i = 0; i < n; i++) {
        s ^= s << 13, s ^= s >> 7, s ^= s << 17; /* xorshift64 */
        data[i] = (long)(s % (unsigned long long)n) - n / 2; /* with repeats */
    }
    memcpy(ref, data, n * sizeof *data);

    double t0 = now();
    multisort(n, data, tmp);
    double t1 = now();
    qsort(ref, n, sizeof *ref, cmp_long);
    double t2 = now();

    long wrong = 0;
    for (long i = 0; i < n; i++)
        wrong += data[i] != ref[i];
    printf("multisort_v1: %s (n=%ld, %ld elements differ from qsort; tasks %.3f s, qsort %.3f s)\n",
           wrong ? "FAILED" : "ok", n, wrong, t1 - t0, t2 - t1);
    free(data), free(tmp), free(ref);
    return wrong ? 1 : 0;
}
