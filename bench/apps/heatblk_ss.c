/* heatblk_ss.c - heat_ss.c with the dependences of its OpenMP twin: each
 * block is named by one byte of a (nb+2) x (nb+2) sentinel array, and a
 * block task is in on its four neighbours' bytes and inout on its own. The
 * graph is the same as heat_ss.c's; the dependences are single objects
 * instead of 2-D sections, so the two together separate what the runtime
 * spends on region dependences from the rest. Built with ssc -fompss.
 * Usage: heatblk_ss BS [N [STEPS]]. Reports seconds for the sweeps. */
#include <stdlib.h>

#include "apps.h"
#include "heat_kernels.h"

static void sweeps(int n, int bs, int steps, double (*a)[n + 2], char (*blk)[n / bs + 2])
{
    (void)blk; /* only named in the pragmas, which plain cc ignores */
    for (int t = 0; t < steps; t++)
        for (int bi = 1; bi <= n / bs; bi++)
            for (int bj = 1; bj <= n / bs; bj++) {
#pragma oss task in(blk[bi - 1][bj], blk[bi + 1][bj], blk[bi][bj - 1], blk[bi][bj + 1]) \
                 inout(blk[bi][bj]) label("heat block")
                heat_block(n, a, 1 + (bi - 1) * bs, 1 + (bj - 1) * bs, bs);
            }
#pragma oss taskwait
}

int main(int argc, char **argv)
{
    int bs = (int)bench_arg_long(argc, argv, 1, "block size", 128, 1);
    int n = (int)bench_arg_long(argc, argv, 2, "grid size", 2048, 1);
    int steps = (int)bench_arg_long(argc, argv, 3, "sweeps", 10, 1);
    double *a = heat_alloc(n, bs);
    int nb = n / bs;
    char (*blk)[nb + 2] = calloc(nb + 2, sizeof *blk);

    if (!blk)
        bench_fail("heat: out of memory");
    int threads = app_start();
    uint64_t t0 = bench_now_ns();
    sweeps(n, bs, steps, (double (*)[n + 2])a, blk);
    uint64_t ns = bench_now_ns() - t0;
    if (heat_verify(n, steps, a))
        bench_fail("heat: wrong result");
    BENCH_RESULT("heatblk", threads, "n=%d bs=%d steps=%d tasks=%ld seconds=%.4f", n, bs, steps,
                 heat_task_count(n, bs, steps), ns / 1e9);
    free(blk);
    free(a);
    return 0;
}
