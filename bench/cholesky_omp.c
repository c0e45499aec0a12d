/* cholesky_omp.c - tiled Cholesky with one OpenMP task per tile kernel;
 * dependences on whole tiles, named by each tile's first element (tiles are
 * separate allocations, so first elements identify them). Usage:
 * cholesky_omp BS [N]. Reports seconds for the factorization. */
#include <omp.h>

#include "cholesky.h"
#include "common.h"

static void factor(chol_mat_t *m)
{
    int nt = m->nt, bs = m->bs;
    for (int k = 0; k < nt; k++) {
        double *akk = chol_tile(m, k, k);
#pragma omp task depend(inout : akk[0])
        chol_potrf(akk, bs);
        for (int i = k + 1; i < nt; i++) {
            double *aik = chol_tile(m, i, k);
#pragma omp task depend(in : akk[0]) depend(inout : aik[0])
            chol_trsm(akk, aik, bs);
        }
        for (int i = k + 1; i < nt; i++) {
            double *aik = chol_tile(m, i, k), *aii = chol_tile(m, i, i);
#pragma omp task depend(in : aik[0]) depend(inout : aii[0])
            chol_syrk(aik, aii, bs);
            for (int j = k + 1; j < i; j++) {
                double *ajk = chol_tile(m, j, k), *aij = chol_tile(m, i, j);
#pragma omp task depend(in : aik[0], ajk[0]) depend(inout : aij[0])
                chol_gemm(aik, ajk, aij, bs);
            }
        }
    }
#pragma omp taskwait
}

int main(int argc, char **argv)
{
    int bs = (int)bench_arg_long(argc, argv, 1, "tile size", 64, 1);
    int n = (int)bench_arg_long(argc, argv, 2, "matrix order", 2048, 1);
    int threads = 0;
    uint64_t ns = 0;
    chol_mat_t m;

    chol_init(&m, n, bs);
#pragma omp parallel
#pragma omp single
    {
        threads = omp_get_num_threads();
        uint64_t t0 = bench_now_ns();
        factor(&m);
        ns = bench_now_ns() - t0;
    }
    if (chol_verify(&m))
        bench_fail("cholesky: wrong result");
    BENCH_RESULT("cholesky", threads, "n=%d bs=%d tasks=%ld seconds=%.4f", n, bs,
                 chol_task_count(m.nt), ns / 1e9);
    chol_free(&m);
    return 0;
}
