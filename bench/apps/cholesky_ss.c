/* cholesky_ss.c - tiled Cholesky as users write it in OmpSs: one function
 * task per tile kernel, dependences on whole tiles, built with
 * ssc -fompss (or plain cc: the sequential build). The kernels, set-up and
 * check are bench/cholesky.[ch], the same object file as the OpenMP twin
 * bench/cholesky_omp.c, and the tasks are created in the same order.
 * Usage: cholesky_ss BS [N]. Reports seconds for the factorization. */
#include "apps.h"
#include "../cholesky_main.h"

#pragma oss task inout([bs][bs]a) label("potrf")
static void potrf_task(double *a, int bs)
{
    chol_potrf(a, bs);
}

#pragma oss task in([bs][bs]l) inout([bs][bs]b) label("trsm")
static void trsm_task(const double *l, double *b, int bs)
{
    chol_trsm(l, b, bs);
}

#pragma oss task in([bs][bs]a) inout([bs][bs]c) label("syrk")
static void syrk_task(const double *a, double *c, int bs)
{
    chol_syrk(a, c, bs);
}

#pragma oss task in([bs][bs]a, [bs][bs]b) inout([bs][bs]c) label("gemm")
static void gemm_task(const double *a, const double *b, double *c, int bs)
{
    chol_gemm(a, b, c, bs);
}

static void factor(chol_mat_t *m)
{
    int nt = m->nt, bs = m->bs;
    for (int k = 0; k < nt; k++) {
        double *akk = chol_tile(m, k, k);
        potrf_task(akk, bs);
        for (int i = k + 1; i < nt; i++)
            trsm_task(akk, chol_tile(m, i, k), bs);
        for (int i = k + 1; i < nt; i++) {
            double *aik = chol_tile(m, i, k);
            syrk_task(aik, chol_tile(m, i, i), bs);
            for (int j = k + 1; j < i; j++)
                gemm_task(aik, chol_tile(m, j, k), chol_tile(m, i, j), bs);
        }
    }
#pragma oss taskwait
}

static int run(chol_mat_t *m, uint64_t *ns)
{
    int threads = app_start();
    uint64_t t0 = bench_now_ns();
    factor(m);
    *ns = bench_now_ns() - t0;
    return threads;
}

int main(int argc, char **argv)
{
    return chol_bench_main(argc, argv, run);
}
