/* heat.c - Gauss-Seidel heat diffusion on an (N+2) x (N+2) grid (a fixed
 * boundary around N x N interior points) split into BS x BS blocks, one
 * inline task per block and sweep. A block reads the facing edge of each of
 * its four neighbours and updates itself in place, so the tasks of
 * successive sweeps run as a wavefront. The dependences keep every pair of
 * neighbouring points in the order of a plain row-by-row sweep, so the
 * result must equal that sweep bit for bit. The block sweep, the reference
 * and the check are in heat.h; this file holds the tasks.
 *
 * Usage: heat [N [BS [STEPS]]]   (default N=512, BS=64, STEPS=100)
 * Build: ssc -fompss -O2 heat.c -o heat */
#include "heat.h"

static void heat_tasks(int n, int bs, int steps, double (*a)[n + 2])
{
    for (int t = 0; t < steps; t++)
        for (int ii = 1; ii <= n; ii += bs)
            for (int jj = 1; jj <= n; jj += bs) {
#pragma oss task in(a[ii - 1][jj;bs], a[ii + bs][jj;bs], a[ii;bs][jj - 1], a[ii;bs][jj + bs]) \
                 inout(a[ii;bs][jj;bs]) label("heat block")
                sweep_block(n, a, ii, jj, bs);
            }
#pragma oss taskwait
}

int main(int argc, char **argv)
{
    return heat_main("heat", argc, argv);
}
