/* cholesky_seq.c - the tiled Cholesky factorization without tasks: the
 * baseline for cholesky_omp.c and cholesky_ss.c. Usage: cholesky_seq BS [N]. */
#define BENCH_RUNTIME "seq"
#include "cholesky_main.h"

static int run(chol_mat_t *m, uint64_t *ns)
{
    uint64_t t0 = bench_now_ns();
    chol_factor_seq(m);
    *ns = bench_now_ns() - t0;
    return 1;
}

int main(int argc, char **argv)
{
    return chol_bench_main(argc, argv, run);
}
