/* heat_v1.c - heat.c in the OmpSs v1 spelling: #pragma omp task ...
 * Gauss-Seidel heat diffusion on an (N+2) x (N+2) grid (a fixed
 * boundary around N x N interior points) split into BS x BS blocks, one
 * inline task per block and sweep. A block reads the facing edge of each of
 * its four neighbours and updates itself in place, so the tasks of
 * successive sweeps run as a wavefront. The dependences keep every pair of
 * neighbouring points in the order of a plain row-by-row sweep, so the
 * result must equal that sweep bit for bit. The sections are written as
 * [lower:upper], upper bound included. The block sweep, the reference and
 * the check are in heat.h; this file holds the tasks.
 *
 * Usage: heat_v1 [N [BS [STEPS]]]   (default N=512, BS=64, STEPS=100)
 * Build: ssc -fompss -O2 heat_v1.c -o heat_v1 */
#include "heat.h"

static void heat_tasks(int n, int bs, int steps, double (*a)[n + 2])
{
    for (int t = 0; t < steps; t++)
        for (int ii = 1; ii <= n; ii += bs)
            for (int jj = 1; jj <= n; jj += bs) {
#pragma omp task in(a[ii - 1][jj:jj + bs - 1], a[ii + bs][jj:jj + bs - 1]) \
                 in(a[ii:ii + bs - 1][jj - 1], a[ii:ii + bs - 1][jj + bs])   \
                 inout(a[ii:ii + bs - 1][jj:jj + bs - 1]) label("heat block")
                sweep_block(n, a, ii, jj, bs);
            }
#pragma omp taskwait
}

int main(int argc, char **argv)
{
    return heat_main("heat_v1", argc, argv);
}
