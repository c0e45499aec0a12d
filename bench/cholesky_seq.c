/* cholesky_seq.c - the tiled Cholesky factorization without tasks: the
 * baseline for cholesky_omp.c and cholesky_ss.c. Usage: cholesky_seq BS [N]. */
#define BENCH_RUNTIME "seq"
#include "cholesky.h"
#include "common.h"

int main(int argc, char **argv)
{
    int bs = (int)bench_arg_long(argc, argv, 1, "tile size", 64, 1);
    int n = (int)bench_arg_long(argc, argv, 2, "matrix order", 2048, 1);
    chol_mat_t m;

    chol_init(&m, n, bs);
    uint64_t t0 = bench_now_ns();
    chol_factor_seq(&m);
    uint64_t ns = bench_now_ns() - t0;
    if (chol_verify(&m))
        bench_fail("cholesky: wrong result");
    BENCH_RESULT("cholesky", 1, "n=%d bs=%d tasks=%ld seconds=%.4f", n, bs,
                 chol_task_count(m.nt), ns / 1e9);
    chol_free(&m);
    return 0;
}
