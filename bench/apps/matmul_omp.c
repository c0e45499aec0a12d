/* matmul_omp.c - the OpenMP twin of matmul_ss.c: the same tile products in
 * the same order, as OpenMP tasks with depend clauses on the tiles (named by
 * their first element; tiles do not overlap). Built with gcc -fopenmp
 * (libgomp) and clang -fopenmp (libomp).
 * Usage: matmul_omp BS [N]. Reports seconds for the product. */
#include "apps.h"
#include "matmul_kernels.h"

static void product(mm_mat_t *m)
{
    int nt = m->nt, bs = m->bs;
    for (int i = 0; i < nt; i++)
        for (int j = 0; j < nt; j++)
            for (int k = 0; k < nt; k++) {
                double *a = mm_tile(m, m->a, i, k), *b = mm_tile(m, m->b, k, j);
                double *c = mm_tile(m, m->c, i, j);
#pragma omp task depend(in : a[0], b[0]) depend(inout : c[0])
                mm_kernel(a, b, c, bs);
            }
#pragma omp taskwait
}

int main(int argc, char **argv)
{
    int bs = (int)bench_arg_long(argc, argv, 1, "tile size", 64, 1);
    int n = (int)bench_arg_long(argc, argv, 2, "matrix order", 1024, 1);
    mm_mat_t m;
    uint64_t ns = 0;

    mm_init(&m, n, bs);
    int threads = app_start();
#pragma omp parallel
#pragma omp single
    {
        uint64_t t0 = bench_now_ns();
        product(&m);
        ns = bench_now_ns() - t0;
    }
    if (mm_verify(&m))
        bench_fail("matmul: wrong result");
    BENCH_RESULT("matmul", threads, "n=%d bs=%d tasks=%ld seconds=%.4f", n, bs,
                 mm_task_count(&m), ns / 1e9);
    mm_free(&m);
    return 0;
}
