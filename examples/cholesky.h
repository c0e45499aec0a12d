/* cholesky.h - the part of cholesky.c and cholesky_v1.c that does not
 * depend on the pragma spelling: the plain tile kernels, the sequential
 * reference, the test matrix, the checks and main's driver. The including
 * file defines cholesky_tasks, the factorization with tasks. */
#ifndef CHOLESKY_H
#define CHOLESKY_H

#include "example.h"
#include <math.h>

/* ---- plain kernels on row-major bs x bs tiles (no tasks) ---- */

/* a = L with L*L^T = a (lower triangle; the strict upper one is zeroed). */
static void potrf(int bs, double *a)
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
        for (int i = 0; i < j; i++)
            a[i * bs + j] = 0.0;
    }
}

/* b = b * l^-T, l lower triangular. */
static void trsm(int bs, const double *l, double *b)
{
    for (int r = 0; r < bs; r++)
        for (int j = 0; j < bs; j++) {
            double s = b[r * bs + j];
            for (int k = 0; k < j; k++)
                s -= b[r * bs + k] * l[j * bs + k];
            b[r * bs + j] = s / l[j * bs + j];
        }
}

/* c = c - a * a^T, lower triangle of c only. */
static void syrk(int bs, const double *a, double *c)
{
    for (int i = 0; i < bs; i++)
        for (int j = 0; j <= i; j++) {
            double s = c[i * bs + j];
            for (int k = 0; k < bs; k++)
                s -= a[i * bs + k] * a[j * bs + k];
            c[i * bs + j] = s;
        }
}

/* c = c - a * b^T. */
static void gemm(int bs, const double *a, const double *b, double *c)
{
    for (int i = 0; i < bs; i++)
        for (int j = 0; j < bs; j++) {
            double s = c[i * bs + j];
            for (int k = 0; k < bs; k++)
                s -= a[i * bs + k] * b[j * bs + k];
            c[i * bs + j] = s;
        }
}

/* Factors the lower tiles t[i*nt+j], j <= i, in place with tasks, and
 * waits for them; defined by the including file. */
static void cholesky_tasks(int nt, int bs, double **t);

/* The loop nest of cholesky_tasks calling the plain kernels: the
 * sequential reference. */
static void cholesky_seq(int nt, int bs, double **t)
{
    for (int k = 0; k < nt; k++) {
        potrf(bs, t[k * nt + k]);
        for (int i = k + 1; i < nt; i++)
            trsm(bs, t[k * nt + k], t[i * nt + k]);
        for (int i = k + 1; i < nt; i++) {
            for (int j = k + 1; j < i; j++)
                gemm(bs, t[i * nt + k], t[j * nt + k], t[i * nt + j]);
            syrk(bs, t[i * nt + k], t[i * nt + i]);
        }
    }
}

/* ---- set-up and checks ---- */

/* Symmetric, off-diagonal entries in [-0.5, 0.5), diagonal n: strictly
 * diagonally dominant, hence positive definite. */
static double entry(int n, int i, int j)
{
    if (i == j)
        return n;
    unsigned lo = i < j ? i : j, hi = i < j ? j : i;
    unsigned h = (lo * 2654435761u) ^ (hi * 40503u + 0x9e3779b9u);
    h ^= h >> 15;
    h *= 2246822519u;
    h ^= h >> 13;
    return (h % 10007) / 10007.0 - 0.5;
}

/* The lower tiles of the test matrix; the upper ones are NULL. */
static double **alloc_tiles(int nt, int bs, int n)
{
    double **t = ex_alloc((size_t)nt * nt, sizeof *t);
    for (int ti = 0; ti < nt; ti++)
        for (int tj = 0; tj < nt; tj++) {
            t[ti * nt + tj] = NULL;
            if (tj > ti)
                continue;
            double *p = ex_alloc((size_t)bs * bs, sizeof *p);
            for (int r = 0; r < bs; r++)
                for (int c = 0; c < bs; c++)
                    p[r * bs + c] = entry(n, ti * bs + r, tj * bs + c);
            t[ti * nt + tj] = p;
        }
    return t;
}

static void free_tiles(int nt, double **t)
{
    for (int k = 0; k < nt * nt; k++)
        free(t[k]);
    free(t);
}

/* L(i, j) of the factored tiles (0 above the diagonal). */
static double lval(double **t, int nt, int bs, int i, int j)
{
    if (j > i)
        return 0.0;
    return t[(i / bs) * nt + j / bs][(i % bs) * bs + j % bs];
}

/* max |A - L*L^T| over the lower triangle. */
static double max_error(int n, int nt, int bs, double **t)
{
    double err = 0.0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j <= i; j++) {
            double s = 0.0;
            for (int k = 0; k <= j; k++)
                s += lval(t, nt, bs, i, k) * lval(t, nt, bs, j, k);
            double e = fabs(s - entry(n, i, j));
            if (!(e <= err))
                err = e;
        }
    return err;
}

/* The main of cholesky.c and cholesky_v1.c; name is the program's name, for
 * its messages. */
static int cholesky_main(const char *name, int argc, char **argv)
{
    ex_begin(name, "[N [BS]]");
    int n = (int)ex_arg(argc, argv, 1, "matrix order N", 512, 1, 1 << 20);
    int bs = (int)ex_arg(argc, argv, 2, "tile size BS", 32, 1, 1 << 20);
    ex_need_divides(n, bs);
    int nt = n / bs;
    double **t = alloc_tiles(nt, bs, n);
    double **ref = alloc_tiles(nt, bs, n);

    double t0 = ex_now();
    cholesky_tasks(nt, bs, t);
    double t1 = ex_now();
    cholesky_seq(nt, bs, ref);
    double t2 = ex_now();

    /* Same kernels, same order of updates on every tile: identical bits. */
    long differ = 0;
    for (int k = 0; k < nt * nt; k++)
        differ += t[k] && ex_count_differ(t[k], ref[k], (size_t)bs * bs, sizeof(double));
    double err = max_error(n, nt, bs, t);
    free_tiles(nt, t);
    free_tiles(nt, ref);

    return ex_report(differ == 0 && err < 1e-9 * n,
                     "n=%d bs=%d, max err %.1e, %ld tiles differ from sequential; "
                     "tasks %.3f s, sequential %.3f s",
                     n, bs, err, differ, t1 - t0, t2 - t1);
}

#endif
