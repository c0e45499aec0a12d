/* heat.h - the part of heat.c and heat_v1.c that does not depend on the
 * pragma spelling: the block sweep, the sequential reference, the initial
 * grid, the check and main's driver. The including file defines
 * heat_tasks, the sweeps with tasks. */
#ifndef HEAT_H
#define HEAT_H

#include "example.h"

/* One Gauss-Seidel sweep over the block of rows ii..ii+bs-1 and columns
 * jj..jj+bs-1 of the interior. */
static void sweep_block(int n, double (*a)[n + 2], int ii, int jj, int bs)
{
    for (int i = ii; i < ii + bs; i++)
        for (int j = jj; j < jj + bs; j++)
            a[i][j] = 0.25 * (a[i - 1][j] + a[i + 1][j] + a[i][j - 1] + a[i][j + 1]);
}

/* steps sweeps of the grid a, block by block, with tasks, then waits for
 * them; defined by the including file. */
static void heat_tasks(int n, int bs, int steps, double (*a)[n + 2]);

/* The reference: plain row-by-row sweeps over the whole interior. */
static void heat_seq(int n, int steps, double (*a)[n + 2])
{
    for (int t = 0; t < steps; t++)
        for (int i = 1; i <= n; i++)
            for (int j = 1; j <= n; j++)
                a[i][j] = 0.25 * (a[i - 1][j] + a[i + 1][j] + a[i][j - 1] + a[i][j + 1]);
}

/* Hot top edge, warm bottom and left edges, cold right edge and interior. */
static void init(int n, double (*a)[n + 2])
{
    for (int i = 0; i < n + 2; i++)
        for (int j = 0; j < n + 2; j++)
            a[i][j] = i == 0 ? 1.0 : i == n + 1 ? 0.5 : j == 0 ? 0.25 : 0.0;
}

/* The main of heat.c and heat_v1.c; name is the program's name, for its
 * messages. */
static int heat_main(const char *name, int argc, char **argv)
{
    ex_begin(name, "[N [BS [STEPS]]]");
    int n = (int)ex_arg(argc, argv, 1, "grid size N", 512, 1, 1 << 16);
    int bs = (int)ex_arg(argc, argv, 2, "block size BS", 64, 1, 1 << 16);
    int steps = (int)ex_arg(argc, argv, 3, "number of sweeps STEPS", 100, 1, 1 << 16);
    ex_need_divides(n, bs);
    double (*a)[n + 2] = ex_alloc(n + 2, sizeof *a);
    double (*ref)[n + 2] = ex_alloc(n + 2, sizeof *ref);
    init(n, a);
    init(n, ref);

    double t0 = ex_now();
    heat_tasks(n, bs, steps, a);
    double t1 = ex_now();
    heat_seq(n, steps, ref);
    double t2 = ex_now();

    long differ = ex_count_differ(a, ref, n + 2, sizeof a[0]);
    double sum = 0.0;
    for (int i = 1; i <= n; i++)
        for (int j = 1; j <= n; j++)
            sum += a[i][j];
    free(a);
    free(ref);

    return ex_report(differ == 0,
                     "n=%d bs=%d steps=%d, mean interior temperature %.6f, %ld rows differ "
                     "from sequential; tasks %.3f s, sequential %.3f s",
                     n, bs, steps, sum / ((double)n * n), differ, t1 - t0, t2 - t1);
}

#endif
