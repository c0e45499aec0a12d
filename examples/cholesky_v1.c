/* cholesky_v1.c - cholesky.c in the OmpSs v1 spelling: #pragma omp task ...
 * Blocked Cholesky factorization A = L*L^T of a symmetric
 * positive definite matrix stored as bs x bs tiles, with one function task
 * per tile kernel (potrf, trsm, syrk, gemm) and dependences on whole tiles.
 * Checks the result bit for bit against the same kernels run sequentially,
 * and L*L^T against the original matrix. The kernels, the reference and
 * the checks are in cholesky.h; this file holds the tasks.
 *
 * Usage: cholesky_v1 [N [BS]]   (default N=512, BS=32; BS must divide N)
 * Build: ssc -fompss -O2 cholesky_v1.c -o cholesky_v1 -lm */
#include "cholesky.h"

/* ---- function tasks: every call is a task on whole tiles ---- */

#pragma omp task inout([bs][bs]a) label("potrf")
static void potrf_task(int bs, double *a)
{
    potrf(bs, a);
}

#pragma omp task in([bs*bs]l) inout([bs][bs]b) label("trsm")
static void trsm_task(int bs, const double *l, double *b)
{
    trsm(bs, l, b);
}

#pragma omp task in([bs][bs]a) inout([bs][bs]c) label("syrk")
static void syrk_task(int bs, const double *a, double *c)
{
    syrk(bs, a, c);
}

#pragma omp task in([bs][bs]a, [bs][bs]b) inout([bs][bs]c) label("gemm")
static void gemm_task(int bs, const double *a, const double *b, double *c)
{
    gemm(bs, a, b, c);
}

/* The lower tiles t[i*nt+j], j <= i, are factored in place. */
static void cholesky_tasks(int nt, int bs, double **t)
{
    for (int k = 0; k < nt; k++) {
        potrf_task(bs, t[k * nt + k]);
        for (int i = k + 1; i < nt; i++)
            trsm_task(bs, t[k * nt + k], t[i * nt + k]);
        for (int i = k + 1; i < nt; i++) {
            for (int j = k + 1; j < i; j++)
                gemm_task(bs, t[i * nt + k], t[j * nt + k], t[i * nt + j]);
            syrk_task(bs, t[i * nt + k], t[i * nt + i]);
        }
    }
#pragma omp taskwait
}

int main(int argc, char **argv)
{
    return cholesky_main("cholesky_v1", argc, argv);
}
