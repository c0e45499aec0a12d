/* nbody_ss.c - n-body steps in OmpSs: per block of particles and step, one
 * inline task computing the block's accelerations (in on all particles, out
 * on the block's accelerations) and one moving the block (in on its
 * accelerations, inout on its particles); no taskwait between steps, the
 * dependences order them. Built with ssc -fompss, or plain cc for the
 * sequential version. The OpenMP twin is nbody_omp.c.
 * Usage: nbody_ss BS [N [STEPS]]. Reports seconds for the steps. */
#include <stdlib.h>

#include "apps.h"
#include "nbody_kernels.h"

static void steps_tasks(int n, int bs, int steps, nb_particle_t *p, nb_accel_t *a)
{
    for (int s = 0; s < steps; s++) {
        for (int lo = 0; lo < n; lo += bs) {
#pragma oss task in(p[0;n]) out(a[lo;bs]) label("accelerate")
            nb_accelerate(n, p, lo, bs, a);
        }
        for (int lo = 0; lo < n; lo += bs) {
#pragma oss task in(a[lo;bs]) inout(p[lo;bs]) label("move")
            nb_move(p, a, lo, bs);
        }
    }
#pragma oss taskwait
}

int main(int argc, char **argv)
{
    int bs = (int)bench_arg_long(argc, argv, 1, "block size", 256, 1);
    int n = (int)bench_arg_long(argc, argv, 2, "particles", 4096, 1);
    int steps = (int)bench_arg_long(argc, argv, 3, "steps", 10, 1);
    nb_particle_t *p = nb_alloc(n, bs);
    nb_accel_t *a = malloc((size_t)n * sizeof *a);

    if (!a)
        bench_fail("nbody: out of memory");
    int threads = app_start();
    uint64_t t0 = bench_now_ns();
    steps_tasks(n, bs, steps, p, a);
    uint64_t ns = bench_now_ns() - t0;
    if (nb_verify(n, steps, p))
        bench_fail("nbody: wrong result");
    BENCH_RESULT("nbody", threads, "n=%d bs=%d steps=%d tasks=%ld seconds=%.4f", n, bs, steps,
                 nb_task_count(n, bs, steps), ns / 1e9);
    free(a);
    free(p);
    return 0;
}
