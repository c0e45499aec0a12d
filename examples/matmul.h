/* matmul.h - the part of matmul.c and matmul_v1.c that does not depend on
 * the pragma spelling: the tiled layout, the tile kernel, the sequential
 * reference, the inputs, the check and main's driver. The including file
 * defines matmul_tasks, the product with tasks. */
#ifndef MATMUL_H
#define MATMUL_H

#include "example.h"

/* Tile (i, j) of an nt x nt tiled matrix: bs*bs contiguous doubles. */
static double *tile(double *m, int nt, int bs, int i, int j)
{
    return m + ((size_t)i * nt + j) * bs * bs;
}

/* c += a * b on row-major bs x bs tiles: the body of the task. */
static void tile_product(int bs, const double *a, const double *b, double *c)
{
    for (int i = 0; i < bs; i++)
        for (int k = 0; k < bs; k++) {
            double aik = a[i * bs + k];
            for (int j = 0; j < bs; j++)
                c[i * bs + j] += aik * b[k * bs + j];
        }
}

/* c += a * b on nt x nt tiled matrices with tasks, then waits for them;
 * defined by the including file. */
static void matmul_tasks(int nt, int bs, double *a, double *b, double *c);

/* The reference: a plain triple loop on dense row-major n x n matrices. */
static void matmul_seq(int n, const double *a, const double *b, double *c)
{
    for (int i = 0; i < n; i++)
        for (int k = 0; k < n; k++) {
            double aik = a[(size_t)i * n + k];
            for (int j = 0; j < n; j++)
                c[(size_t)i * n + j] += aik * b[(size_t)k * n + j];
        }
}

/* Element (i, j) of matrix `which`: an integer in [-2, 2]. */
static double entry(int which, int i, int j)
{
    unsigned h = (unsigned)i * 73856093u ^ (unsigned)j * 19349663u ^ (unsigned)which * 83492791u;
    h ^= h >> 13;
    h *= 0x5bd1e995u;
    h ^= h >> 15;
    return (double)(h % 5) - 2.0;
}

/* Fills the tiled copy and the dense copy of matrix `which`. */
static void fill(int which, int n, int bs, double *tiled, double *dense)
{
    int nt = n / bs;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double v = entry(which, i, j);
            tile(tiled, nt, bs, i / bs, j / bs)[(i % bs) * bs + j % bs] = v;
            dense[(size_t)i * n + j] = v;
        }
}

/* The main of matmul.c and matmul_v1.c; name is the program's name, for its
 * messages. */
static int matmul_main(const char *name, int argc, char **argv)
{
    ex_begin(name, "[N [BS]]");
    int n = (int)ex_arg(argc, argv, 1, "matrix order N", 512, 1, 1 << 16);
    int bs = (int)ex_arg(argc, argv, 2, "tile size BS", 64, 1, 1 << 16);
    ex_need_divides(n, bs);
    int nt = n / bs;
    size_t nn = (size_t)n * n;
    double *a = ex_alloc(nn, sizeof *a), *b = ex_alloc(nn, sizeof *b);
    double *c = ex_alloc(nn, sizeof *c), *ra = ex_alloc(nn, sizeof *ra);
    double *rb = ex_alloc(nn, sizeof *rb), *rc = ex_alloc(nn, sizeof *rc);
    fill(0, n, bs, a, ra);
    fill(1, n, bs, b, rb);
    fill(2, n, bs, c, rc);

    double t0 = ex_now();
    matmul_tasks(nt, bs, a, b, c);
    double t1 = ex_now();
    matmul_seq(n, ra, rb, rc);
    double t2 = ex_now();

    long wrong = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            if (tile(c, nt, bs, i / bs, j / bs)[(i % bs) * bs + j % bs] != rc[(size_t)i * n + j])
                wrong++;
    free(a), free(b), free(c), free(ra), free(rb), free(rc);

    return ex_report(wrong == 0,
                     "n=%d bs=%d, %ld tasks, %ld of %zu elements wrong; "
                     "tasks %.3f s, sequential %.3f s",
                     n, bs, (long)nt * nt * nt, wrong, nn, t1 - t0, t2 - t1);
}

#endif
