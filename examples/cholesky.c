/* cholesky.c - blocked Cholesky factorization A = L*L^T of a symmetric
 * positive definite matrix stored as bs x bs tiles, with one function task
 * per tile kernel (potrf, trsm, syrk, gemm) and dependences on whole tiles.
 * Checks the result bit for bit against the same kernels run sequentially,
 * and L*L^T against the original matrix.
 *
 * Usage: cholesky [N [BS]]   (default N=512, BS=32; BS must divide N)
 * Build: ssc -fompss -O2 cholesky.c -o cholesky -lm */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

/* ---- function tasks: every call is a task on whole tiles ---- */

#pragma oss task inout([bs][bs]a) label("potrf")
static void potrf_task(int bs, double *a)
{
    potrf(bs, a);
}

#pragma oss task in([bs*bs]l) inout([bs][bs]b) label("trsm")
static void trsm_task(int bs, const double *l, double *b)
{
    trsm(bs, l, b);
}

#pragma oss task in([bs][bs]a) inout([bs][bs]c) label("syrk")
static void syrk_task(int bs, const double *a, double *c)
{
    syrk(bs, a, c);
}

#pragma oss task in([bs][bs]a, [bs][bs]b) inout([bs][bs]c) label("gemm")
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
#pragma oss taskwait
}

/* The same loop nest calling the plain kernels: the sequential reference. */
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

static int arg_int(int argc, char **argv, int i, const char *what, int def)
{
    if (argc <= i)
        return def;
    char *end;
    long v = strtol(argv[i], &end, 10);
    if (*end || v < 1 || v > 1 << 20) {
        fprintf(stderr, "cholesky: bad %s '%s'\nusage: cholesky [N [BS]]\n", what, argv[i]);
        exit(2);
    }
    return (int)v;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void *xmalloc(size_t bytes)
{
    void *p = malloc(bytes);
    if (!p) {
        fprintf(stderr, "cholesky: out of memory\n");
        exit(2);
    }
    return p;
}

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

static double **alloc_tiles(int nt, int bs, int n)
{
    double **t = xmalloc((size_t)nt * nt * sizeof *t);
    for (int ti = 0; ti < nt; ti++)
        for (int tj = 0; tj < nt; tj++) {
            t[ti * nt + tj] = NULL;
            if (tj > ti)
                continue;
            double *p = xmalloc((size_t)bs * bs * sizeof *p);
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

int main(int argc, char **argv)
{
    int n = arg_int(argc, argv, 1, "matrix order N", 512);
    int bs = arg_int(argc, argv, 2, "tile size BS", 32);
    if (n % bs) {
        fprintf(stderr, "cholesky: BS=%d must divide N=%d\n", bs, n);
        return 2;
    }
    int nt = n / bs;
    double **t = alloc_tiles(nt, bs, n);
    double **ref = alloc_tiles(nt, bs, n);

    double t0 = now();
    cholesky_tasks(nt, bs, t);
    double t1 = now();
    cholesky_seq(nt, bs, ref);
    double t2 = now();

    /* Same kernels, same order of updates on every tile: identical bits. */
    long differ = 0;
    for (int k = 0; k < nt * nt; k++)
        if (t[k] && memcmp(t[k], ref[k], (size_t)bs * bs * sizeof(double)))
            differ++;

    /* max |A - L*L^T| over the lower triangle. */
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

    int ok = differ == 0 && err < 1e-9 * n;
    printf("cholesky: %s (n=%d bs=%d, max err %.1e, %ld tiles differ from sequential; "
           "tasks %.3f s, sequential %.3f s)\n",
           ok ? "ok" : "FAILED", n, bs, err, differ, t1 - t0, t2 - t1);
    free_tiles(nt, t);
    free_tiles(nt, ref);
    return ok ? 0 : 1;
}
