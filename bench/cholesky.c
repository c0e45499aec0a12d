/* cholesky.c - tile kernels, matrix set-up and result check for the Cholesky
 * benchmarks (see cholesky.h). */
#include "cholesky.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Off-diagonal entry (i, j) of the input matrix: a value in [-0.5, 0.5)
 * from a hash of the unordered pair, so the matrix is symmetric; the
 * diagonal is n, which makes it strictly diagonally dominant, hence SPD. */
static double entry(int n, int i, int j)
{
    if (i == j)
        return n;
    uint64_t lo = i < j ? i : j, hi = i < j ? j : i;
    uint64_t z = lo * 0x9e3779b97f4a7c15u + hi + 0x632be59bd9b4e019u;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    z ^= z >> 31;
    return (double)(z >> 11) / 9007199254740992.0 - 0.5;
}

void chol_init(chol_mat_t *m, int n, int bs)
{
    if (bs < 1 || n < bs || n % bs) {
        fprintf(stderr, "cholesky: n=%d must be a positive multiple of the tile size %d\n", n, bs);
        exit(2);
    }
    m->n = n;
    m->bs = bs;
    m->nt = n / bs;
    m->tiles = calloc((size_t)m->nt * m->nt, sizeof *m->tiles);
    if (!m->tiles) {
        fprintf(stderr, "cholesky: out of memory\n");
        exit(2);
    }
    size_t bytes = (size_t)bs * bs * sizeof(double);
    bytes = (bytes + 63) / 64 * 64;
    for (int ti = 0; ti < m->nt; ti++)
        for (int tj = 0; tj <= ti; tj++) {
            double *t = aligned_alloc(64, bytes);
            if (!t) {
                fprintf(stderr, "cholesky: out of memory\n");
                exit(2);
            }
            for (int r = 0; r < bs; r++)
                for (int c = 0; c < bs; c++)
                    t[r * bs + c] = entry(n, ti * bs + r, tj * bs + c);
            m->tiles[(long)ti * m->nt + tj] = t;
        }
}

void chol_free(chol_mat_t *m)
{
    for (long k = 0; k < (long)m->nt * m->nt; k++)
        free(m->tiles[k]);
    free(m->tiles);
    m->tiles = NULL;
}

long chol_task_count(int nt)
{
    long t = nt;
    /* potrf: nt; trsm and syrk: nt(nt-1)/2 each; gemm: sum over k of
     * (m choose 2) with m = nt-1-k, i.e. (nt-2)(nt-1)nt/6. */
    return t + t * (t - 1) + (t - 2) * (t - 1) * t / 6;
}

void chol_potrf(double *a, int bs)
{
    for (int j = 0; j < bs; j++) {
        double d = a[j * bs + j];
        for (int k = 0; k < j; k++)
            d -= a[j * bs + k] * a[j * bs + k];
        d = sqrt(d);
        a[j * bs + j] = d;
        for (int i = j + 1; i < bs; i++) {
            double s = a[i * bs + j];
            for (int k = 0; k < j; k++)
                s -= a[i * bs + k] * a[j * bs + k];
            a[i * bs + j] = s / d;
        }
    }
}

void chol_trsm(const double *l, double *b, int bs)
{
    for (int r = 0; r < bs; r++) {
        double *x = b + r * bs;
        for (int j = 0; j < bs; j++) {
            double s = x[j];
            for (int k = 0; k < j; k++)
                s -= x[k] * l[j * bs + k];
            x[j] = s / l[j * bs + j];
        }
    }
}

void chol_syrk(const double *a, double *c, int bs)
{
    for (int i = 0; i < bs; i++)
        for (int j = 0; j <= i; j++) {
            double s = 0;
            for (int k = 0; k < bs; k++)
                s += a[i * bs + k] * a[j * bs + k];
            c[i * bs + j] -= s;
        }
}

void chol_gemm(const double *a, const double *b, double *c, int bs)
{
    for (int i = 0; i < bs; i++)
        for (int j = 0; j < bs; j++) {
            double s = 0;
            for (int k = 0; k < bs; k++)
                s += a[i * bs + k] * b[j * bs + k];
            c[i * bs + j] -= s;
        }
}

void chol_factor_seq(chol_mat_t *m)
{
    int nt = m->nt, bs = m->bs;
    for (int k = 0; k < nt; k++) {
        chol_potrf(chol_tile(m, k, k), bs);
        for (int i = k + 1; i < nt; i++)
            chol_trsm(chol_tile(m, k, k), chol_tile(m, i, k), bs);
        for (int i = k + 1; i < nt; i++) {
            chol_syrk(chol_tile(m, i, k), chol_tile(m, i, i), bs);
            for (int j = k + 1; j < i; j++)
                chol_gemm(chol_tile(m, i, k), chol_tile(m, j, k),
                          chol_tile(m, i, j), bs);
        }
    }
}

/* L(i, j) of the factored matrix; zero above the diagonal. */
static double lval(const chol_mat_t *m, int i, int j)
{
    if (j > i)
        return 0;
    int bs = m->bs;
    return chol_tile(m, i / bs, j / bs)[(i % bs) * bs + j % bs];
}

int chol_verify(const chol_mat_t *m)
{
    const int samples = 4000;
    int n = m->n;
    uint64_t state = 12345;
    double worst = 0;
    int wi = 0, wj = 0;
    for (int s = 0; s < samples; s++) {
        int i, j;
        if (s < 3) { /* corners: first, last diagonal entry, last row */
            i = s == 0 ? 0 : n - 1;
            j = s == 2 ? 0 : i;
        } else {
            state = state * 6364136223846793005u + 1442695040888963407u;
            i = (int)((state >> 33) % (uint64_t)n);
            state = state * 6364136223846793005u + 1442695040888963407u;
            j = (int)((state >> 33) % (uint64_t)(i + 1));
        }
        double sum = 0;
        for (int k = 0; k <= j; k++)
            sum += lval(m, i, k) * lval(m, j, k);
        double err = fabs(sum - entry(n, i, j)) / n;
        if (!(err <= worst)) { /* also catches NaN */
            worst = isnan(err) ? INFINITY : err;
            wi = i;
            wj = j;
        }
    }
    if (worst > 1e-12) {
        fprintf(stderr, "cholesky: L*L^T differs from A at (%d,%d): relative error %g\n",
                wi, wj, worst);
        return -1;
    }
    return 0;
}
