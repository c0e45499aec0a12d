/* nbody_omp.c - the OpenMP twin of nbody_ss.c: the same tasks in the same
 * order. OpenMP dependences match addresses, so blocks are named by their
 * first element, and "in on all particles" is an iterator over the blocks
 * (OpenMP 5.0; gcc 12 and clang 14 have it). Built with gcc -fopenmp
 * (libgomp) and clang -fopenmp (libomp).
 * Usage: nbody_omp BS [N [STEPS]]. Reports seconds for the steps. */
#include <stdlib.h>

#include "apps.h"
#include "nbody_kernels.h"

static void steps_tasks(int n, int bs, int steps, nb_particle_t *p, nb_accel_t *a)
{
    int nb = n / bs;
    (void)nb; /* only named in a depend iterator, which gcc does not count as a use */
    for (int s = 0; s < steps; s++) {
        for (int lo = 0; lo < n; lo += bs) {
#pragma omp task depend(iterator(b = 0 : nb), in : p[b * bs]) depend(out : a[lo])
            nb_accelerate(n, p, lo, bs, a);
        }
        for (int lo = 0; lo < n; lo += bs) {
#pragma omp task depend(in : a[lo]) depend(inout : p[lo])
            nb_move(p, a, lo, bs);
        }
    }
#pragma omp taskwait
}

int main(int argc, char **argv)
{
    int bs = (int)bench_arg_long(argc, argv, 1, "block size", 256, 1);
    int n = (int)bench_arg_long(argc, argv, 2, "particles", 4096, 1);
    int steps = (int)bench_arg_long(argc, argv, 3, "steps", 10, 1);
    nb_particle_t *p = nb_alloc(n, bs);
    nb_accel_t *a = malloc((size_t)n * sizeof *a);
    uint64_t ns = 0;

    if (!a)
        bench_fail("nbody: out of memory");
    int threads = app_start();
#pragma omp parallel
#pragma omp single
    {
        uint64_t t0 = bench_now_ns();
        steps_tasks(n, bs, steps, p, a);
        ns = bench_now_ns() - t0;
    }
    if (nb_verify(n, steps, p))
        bench_fail("nbody: wrong result");
    BENCH_RESULT("nbody", threads, "n=%d bs=%d steps=%d tasks=%ld seconds=%.4f", n, bs, steps,
                 nb_task_count(n, bs, steps), ns / 1e9);
    free(a);
    free(p);
    return 0;
}
