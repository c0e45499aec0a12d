/* heat_ss.c - Gauss-Seidel heat diffusion in OmpSs: one inline task per
 * block and sweep, in on the facing edge of each neighbouring block, inout
 * on its own block (2-D sections on a pointer to VLA rows), so successive
 * sweeps run as a wavefront. Built with ssc -fompss, or plain cc for the
 * sequential version. The OpenMP twin is heat_omp.c.
 * Usage: heat_ss BS [N [STEPS]]. Reports seconds for the sweeps. */
#include <stdlib.h>

#include "apps.h"
#include "heat_kernels.h"

static void sweeps(int n, int bs, int steps, double (*a)[n + 2])
{
    for (int t = 0; t < steps; t++)
        for (int ii = 1; ii <= n; ii += bs)
            for (int jj = 1; jj <= n; jj += bs) {
#pragma oss task in(a[ii - 1][jj;bs], a[ii + bs][jj;bs], a[ii;bs][jj - 1], a[ii;bs][jj + bs]) \
                 inout(a[ii;bs][jj;bs]) label("heat block")
                heat_block(n, a, ii, jj, bs);
            }
#pragma oss taskwait
}

int main(int argc, char **argv)
{
    int bs = (int)bench_arg_long(argc, argv, 1, "block size", 128, 1);
    int n = (int)bench_arg_long(argc, argv, 2, "grid size", 2048, 1);
    int steps = (int)bench_arg_long(argc, argv, 3, "sweeps", 10, 1);
    double *a = heat_alloc(n, bs);

    int threads = app_start();
    uint64_t t0 = bench_now_ns();
    sweeps(n, bs, steps, (double (*)[n + 2])a);
    uint64_t ns = bench_now_ns() - t0;
    if (heat_verify(n, steps, a))
        bench_fail("heat: wrong result");
    BENCH_RESULT("heat", threads, "n=%d bs=%d steps=%d tasks=%ld seconds=%.4f", n, bs, steps,
                 heat_task_count(n, bs, steps), ns / 1e9);
    free(a);
    return 0;
}
