/* multisort_omp.c - the OpenMP twin of multisort_ss.c: the same tasks in the
 * same order. OpenMP dependences match the start address of a section, and
 * every section here that must order two tasks starts where the other one
 * does (or is ordered through one that does), so the array sections carry
 * over unchanged. Built with gcc -fopenmp (libgomp) and clang -fopenmp
 * (libomp).
 * Usage: multisort_omp SORT_CUT [MERGE_CUT [N]]. Reports seconds for the sort. */
#include <stdlib.h>

#include "apps.h"
#include "multisort_kernels.h"

static long sort_cut, merge_cut;

static void merge(long nl, const long *left, long nr, const long *right, long *result,
                  long start, long length)
{
    if (length < 2 * merge_cut) {
        ms_merge(nl, left, nr, right, result, start, length);
        return;
    }
    long half = length / 2;
#pragma omp task
    merge(nl, left, nr, right, result, start, half);
#pragma omp task
    merge(nl, left, nr, right, result, start + half, length - half);
#pragma omp taskwait
}

/* Sorts data[0..n), using tmp[0..n) as scratch. */
static void multisort(long n, long *data, long *tmp)
{
    if (n < 4 * sort_cut) {
        ms_sort(n, data, tmp);
        return;
    }
    long q = n / 4, r = n - 3 * q; /* quarters of q, q, q and r elements */
#pragma omp task depend(inout : data[0 : q]) depend(out : tmp[0 : q])
    multisort(q, data, tmp);
#pragma omp task depend(inout : data[q : q]) depend(out : tmp[q : q])
    multisort(q, data + q, tmp + q);
#pragma omp task depend(inout : data[2 * q : q]) depend(out : tmp[2 * q : q])
    multisort(q, data + 2 * q, tmp + 2 * q);
#pragma omp task depend(inout : data[3 * q : r]) depend(out : tmp[3 * q : r])
    multisort(r, data + 3 * q, tmp + 3 * q);

#pragma omp task depend(in : data[0 : q], data[q : q]) depend(out : tmp[0 : 2 * q])
    merge(q, data, q, data + q, tmp, 0, 2 * q);
#pragma omp task depend(in : data[2 * q : q], data[3 * q : r]) depend(out : tmp[2 * q : q + r])
    merge(q, data + 2 * q, r, data + 3 * q, tmp + 2 * q, 0, q + r);

#pragma omp task depend(in : tmp[0 : 2 * q], tmp[2 * q : q + r]) depend(out : data[0 : n])
    merge(2 * q, tmp, q + r, tmp + 2 * q, data, 0, n);
#pragma omp taskwait
}

int main(int argc, char **argv)
{
    sort_cut = bench_arg_long(argc, argv, 1, "sort cut-off", 16384, 1);
    merge_cut = bench_arg_long(argc, argv, 2, "merge cut-off", sort_cut, 1);
    long n = bench_arg_long(argc, argv, 3, "elements", 1L << 22, 1);
    long *data = ms_alloc_input(n), *tmp = ms_alloc(n);
    uint64_t ns = 0;

    int threads = app_start();
#pragma omp parallel
#pragma omp single
    {
        uint64_t t0 = bench_now_ns();
        multisort(n, data, tmp);
        ns = bench_now_ns() - t0;
    }
    if (ms_verify(n, data))
        bench_fail("multisort: wrong result");
    BENCH_RESULT("multisort", threads, "n=%ld sort_cut=%ld merge_cut=%ld tasks=%ld seconds=%.4f", n,
                 sort_cut, merge_cut, ms_task_count(n, sort_cut, merge_cut), ns / 1e9);
    free(data);
    free(tmp);
    return 0;
}
