/* cholesky_omp.c - tiled Cholesky with one OpenMP task per tile kernel;
 * dependences on whole tiles, named by each tile's first element (tiles are
 * separate allocations, so first elements identify them). Usage:
 * cholesky_omp BS [N]. Reports seconds for the factorization. */
#include <omp.h>

#include "cholesky_main.h"

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

static int run(chol_mat_t *m, uint64_t *ns)
{
    int threads = 0;
#pragma omp parallel
#pragma omp single
    {
        threads = omp_get_num_threads();
        uint64_t t0 = bench_now_ns();
        factor(m);
        *ns = bench_now_ns() - t0;
    }
    return threads;
}

int main(int argc, char **argv)
{
    return chol_bench_main(argc, argv, run);
}
