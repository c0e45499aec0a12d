/* cholesky_ss.c - tiled Cholesky as users write it in OmpSs: one function
 * task per tile kernel, dependences on whole tiles, built with
 * ssc -fompss (or plain cc: the sequential build). The kernels, set-up and
 * check are bench/cholesky.[ch], the same object file as the OpenMP twin
 * bench/cholesky_omp.c, and the tasks are created in the same order.
 * Usage: cholesky_ss BS [N]. Reports seconds for the factorization.
 * Built with -DCHOL_FUSE4 (not by bench/apps/run.sh), one task runs four
 * consecutive gemms of a row: the bound for fusing tasks measured in
 * docs/performance.md (its RESULT line still counts the unfused tasks). */
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

#ifdef CHOL_FUSE4
#pragma oss task in([bs][bs]a, [bs][bs]b0, [bs][bs]b1, [bs][bs]b2, [bs][bs]b3) \
    inout([bs][bs]c0, [bs][bs]c1, [bs][bs]c2, [bs][bs]c3) label("gemm4")
static void gemm4_task(const double *a, const double *b0, const double *b1,
                       const double *b2, const double *b3, double *c0, double *c1,
                       double *c2, double *c3, int bs)
{
    chol_gemm(a, b0, c0, bs);
    chol_gemm(a, b1, c1, bs);
    chol_gemm(a, b2, c2, bs);
    chol_gemm(a, b3, c3, bs);
}

/* Gemms k+1..j-1 of row i, four to a task; the j reached is returned. */
static int gemms_fused(chol_mat_t *m, int k, int i, double *aik)
{
    int j = k + 1, bs = m->bs;
    for (; j + 4 <= i; j += 4)
        gemm4_task(aik, chol_tile(m, j, k), chol_tile(m, j + 1, k), chol_tile(m, j + 2, k),
                   chol_tile(m, j + 3, k), chol_tile(m, i, j), chol_tile(m, i, j + 1),
                   chol_tile(m, i, j + 2), chol_tile(m, i, j + 3), bs);
    return j;
}
#else
static int gemms_fused(chol_mat_t *m, int k, int i, double *aik)
{
    (void)m, (void)i, (void)aik;
    return k + 1;
}
#endif

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
            for (int j = gemms_fused(m, k, i, aik); j < i; j++)
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
