/* reduction.c - task reductions: tasks fill an array block by block, then one
 * task per block adds its elements into `sum` and `evens` and raises `mx`,
 * all three declared reduction variables; a taskwait ends the reduction.
 * The in() dependence on each block orders every reducer after the task
 * that filled it. Checks the three results against a plain loop. The
 * values, the reference and the check are in reduction.h; this file holds
 * the tasks.
 *
 * Usage: reduction [N [BS]]   (default N=4194304, BS=65536)
 * Build: ssc -fompss -O2 reduction.c -o reduction */
#include "reduction.h"

static struct sums reduction_tasks(long n, long bs, int *a)
{
    for (long lo = 0; lo < n; lo += bs) {
        long cnt = n - lo < bs ? n - lo : bs;
#pragma oss task out(a[lo;cnt]) label("fill")
        fill(a, lo, cnt);
    }

    long sum = 0, evens = 0;
    int mx = INT_MIN;
    for (long lo = 0; lo < n; lo += bs) {
        long cnt = n - lo < bs ? n - lo : bs;
#pragma oss task in(a[lo;cnt]) reduction(+: sum, evens) reduction(max: mx) label("reduce")
        {
            for (long i = lo; i < lo + cnt; i++) {
                sum += a[i];
                evens += a[i] % 2 == 0;
                if (a[i] > mx)
                    mx = a[i];
            }
        }
    }
#pragma oss taskwait
    return (struct sums){sum, evens, mx};
}

int main(int argc, char **argv)
{
    return reduction_main("reduction", argc, argv);
}
