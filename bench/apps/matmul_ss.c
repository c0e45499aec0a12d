/* matmul_ss.c - blocked C += A * B in OmpSs: one function task per tile
 * product, in on the A and B tiles, inout on the C tile (each C tile is a
 * chain of nt products; chains run in parallel). Built with ssc -fompss, or
 * plain cc for the sequential version. The OpenMP twin is matmul_omp.c.
 * Usage: matmul_ss BS [N]. Reports seconds for the product. */
#include "apps.h"
#include "matmul_kernels.h"

#pragma oss task in([bs][bs]a, [bs][bs]b) inout([bs][bs]c) label("matmul")
static void mm_task(const double *a, const double *b, double *c, int bs)
{
    mm_kernel(a, b, c, bs);
}

static void product(mm_mat_t *m)
{
    int nt = m->nt;
    for (int i = 0; i < nt; i++)
        for (int j = 0; j < nt; j++)
            for (int k = 0; k < nt; k++)
                mm_task(mm_tile(m, m->a, i, k), mm_tile(m, m->b, k, j), mm_tile(m, m->c, i, j),
                        m->bs);
#pragma oss taskwait
}

int main(int argc, char **argv)
{
    int bs = (int)bench_arg_long(argc, argv, 1, "tile size", 64, 1);
    int n = (int)bench_arg_long(argc, argv, 2, "matrix order", 1024, 1);
    mm_mat_t m;

    mm_init(&m, n, bs);
    int threads = app_start();
    uint64_t t0 = bench_now_ns();
    product(&m);
    uint64_t ns = bench_now_ns() - t0;
    if (mm_verify(&m))
        bench_fail("matmul: wrong result");
    BENCH_RESULT("matmul", threads, "n=%d bs=%d tasks=%ld seconds=%.4f", n, bs,
                 mm_task_count(&m), ns / 1e9);
    mm_free(&m);
    return 0;
}
