/* multisort_kernels.c - see multisort_kernels.h. Compiled once by gcc and
 * linked into every version, so all runtimes run the same kernel machine
 * code. */
#include "multisort_kernels.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long *ms_alloc(long n)
{
    long *p = malloc((size_t)n * sizeof *p);
    if (!p) {
        fprintf(stderr, "multisort: out of memory\n");
        exit(2);
    }
    return p;
}

static long input(long i, long n)
{
    unsigned long long s = (unsigned long long)i * 0x9e3779b97f4a7c15ull + 0x2545f4914f6cdd1dull;
    s ^= s >> 31, s *= 0xbf58476d1ce4e5b9ull, s ^= s >> 29;
    return (long)(s % (unsigned long long)n) - n / 2; /* with repeats */
}

long *ms_alloc_input(long n)
{
    long *p = ms_alloc(n);
    for (long i = 0; i < n; i++)
        p[i] = input(i, n);
    return p;
}

static void insertion(long *a, long n)
{
    for (long i = 1; i < n; i++) {
        long x = a[i], j = i;
        for (; j > 0 && a[j - 1] > x; j--)
            a[j] = a[j - 1];
        a[j] = x;
    }
}

/* Merge the sorted runs a[0..nl) and a[nl..nl+nr) into out. */
static void merge_runs(const long *a, long nl, long nr, long *out)
{
    long i = 0, j = nl, k = 0, end = nl + nr;
    while (i < nl && j < end)
        out[k++] = a[j] < a[i] ? a[j++] : a[i++];
    while (i < nl)
        out[k++] = a[i++];
    while (j < end)
        out[k++] = a[j++];
}

void ms_sort(long n, long *data, long *tmp)
{
    const long run = 16;
    for (long i = 0; i < n; i += run)
        insertion(data + i, n - i < run ? n - i : run);
    long *from = data, *to = tmp;
    for (long w = run; w < n; w *= 2) {
        for (long i = 0; i < n; i += 2 * w) {
            long nl = n - i < w ? n - i : w;
            long nr = n - i - nl < w ? n - i - nl : w;
            merge_runs(from + i, nl, nr, to + i);
        }
        long *t = from;
        from = to, to = t;
    }
    if (from != data)
        memcpy(data, from, (size_t)n * sizeof *data);
}

void ms_merge(long nl, const long *left, long nr, const long *right, long *result, long start,
              long length)
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

static long merge_tasks(long length, long merge_cut)
{
    if (length < 2 * merge_cut)
        return 0;
    long half = length / 2;
    return 2 + merge_tasks(half, merge_cut) + merge_tasks(length - half, merge_cut);
}

long ms_task_count(long n, long sort_cut, long merge_cut)
{
    if (n < 4 * sort_cut)
        return 0;
    long q = n / 4, r = n - 3 * q;
    return 7 + 3 * ms_task_count(q, sort_cut, merge_cut) + ms_task_count(r, sort_cut, merge_cut) +
           merge_tasks(2 * q, merge_cut) + merge_tasks(q + r, merge_cut) +
           merge_tasks(n, merge_cut);
}

int ms_verify(long n, const long *data)
{
    unsigned long long sum = 0, sq = 0, want_sum = 0, want_sq = 0;
    for (long i = 0; i < n; i++) {
        if (i && data[i - 1] > data[i]) {
            fprintf(stderr, "multisort: data[%ld] > data[%ld]\n", i - 1, i);
            return -1;
        }
        unsigned long long x = (unsigned long long)data[i], y = (unsigned long long)input(i, n);
        sum += x, sq += x * x, want_sum += y, want_sq += y * y;
    }
    if (sum != want_sum || sq != want_sq) {
        fprintf(stderr, "multisort: the elements differ from the input\n");
        return -1;
    }
    return 0;
}
