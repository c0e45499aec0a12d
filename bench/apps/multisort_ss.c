/* multisort_ss.c - the classic multisort in OmpSs: sort the four quarters
 * in tasks (recursively), merge them pairwise into the scratch array in two
 * tasks, then merge the halves back in a third, ordered by in/out on array
 * sections; each merge is split recursively into independent tasks joined
 * by taskwait. SORT_CUT and MERGE_CUT are the cut-offs: a piece shorter than
 * 4 * SORT_CUT is sorted by the kernel, a merge shorter than 2 * MERGE_CUT
 * is one kernel call. Built with ssc -fompss, or plain cc for the sequential
 * version. The OpenMP twin is multisort_omp.c.
 * Usage: multisort_ss SORT_CUT [MERGE_CUT [N]]. Reports seconds for the sort. */
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
#pragma oss task label("merge piece")
    merge(nl, left, nr, right, result, start, half);
#pragma oss task label("merge piece")
    merge(nl, left, nr, right, result, start + half, length - half);
#pragma oss taskwait
}

/* Sorts data[0..n), using tmp[0..n) as scratch. */
static void multisort(long n, long *data, long *tmp)
{
    if (n < 4 * sort_cut) {
        ms_sort(n, data, tmp);
        return;
    }
    long q = n / 4, r = n - 3 * q; /* quarters of q, q, q and r elements */
#pragma oss task inout(data[0;q]) out(tmp[0;q]) label("sort quarter")
    multisort(q, data, tmp);
#pragma oss task inout(data[q;q]) out(tmp[q;q]) label("sort quarter")
    multisort(q, data + q, tmp + q);
#pragma oss task inout(data[2 * q;q]) out(tmp[2 * q;q]) label("sort quarter")
    multisort(q, data + 2 * q, tmp + 2 * q);
#pragma oss task inout(data[3 * q;r]) out(tmp[3 * q;r]) label("sort quarter")
    multisort(r, data + 3 * q, tmp + 3 * q);

#pragma oss task in(data[0;q], data[q;q]) out(tmp[0;2 * q]) label("merge quarters")
    merge(q, data, q, data + q, tmp, 0, 2 * q);
#pragma oss task in(data[2 * q;q], data[3 * q;r]) out(tmp[2 * q;q + r]) label("merge quarters")
    merge(q, data + 2 * q, r, data + 3 * q, tmp + 2 * q, 0, q + r);

#pragma oss task in(tmp[0;2 * q], tmp[2 * q;q + r]) out(data[0;n]) label("merge halves")
    merge(2 * q, tmp, q + r, tmp + 2 * q, data, 0, n);
#pragma oss taskwait
}

int main(int argc, char **argv)
{
    sort_cut = bench_arg_long(argc, argv, 1, "sort cut-off", 16384, 1);
    merge_cut = bench_arg_long(argc, argv, 2, "merge cut-off", sort_cut, 1);
    long n = bench_arg_long(argc, argv, 3, "elements", 1L << 22, 1);
    long *data = ms_alloc_input(n), *tmp = ms_alloc(n);

    int threads = app_start();
    uint64_t t0 = bench_now_ns();
    multisort(n, data, tmp);
    uint64_t ns = bench_now_ns() - t0;
    if (ms_verify(n, data))
        bench_fail("multisort: wrong result");
    BENCH_RESULT("multisort", threads, "n=%ld sort_cut=%ld merge_cut=%ld tasks=%ld seconds=%.4f", n,
                 sort_cut, merge_cut, ms_task_count(n, sort_cut, merge_cut), ns / 1e9);
    free(data);
    free(tmp);
    return 0;
}
