/* matmul_v1.c - matmul.c in the OmpSs v1 spelling: #pragma omp task ...
 * Blocked matrix multiplication C += A*B with one function task per tile
 * product, input([bs][bs]A, [bs][bs]B) inout([bs][bs]C) (input is the v1
 * name of in). The inputs are small integers, so every order of the sums is
 * exact and the result must equal a plain triple loop bit for bit.
 *
 * Usage: matmul_v1 [N [BS]]   (default N=512, BS=64; BS must divide N)
 * Build: ssc -fompss -O2 matmul_v1.c -o matmul_v1 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* c += a * b on row-major bs x bs tiles. */
#pragma omp task input([bs][bs]a, [bs][bs]b) inout([bs][bs]c) label("matmul")
static void matmul_tile(int bs, const double *a, const double *b, double *c)
{
    for (int i = 0; i < bs; i++)
        for (int k = 0; k < bs; k++) {
            double aik = a[i * bs + k];
            for (int j = 0; j < bs; j++)
                c[i * bs + j] += aik * b[k * bs + j];
        }
}

/* Tile (i, j) of an nt x nt tiled matrix: bs*bs contiguous doubles. */
static double *tile(double *m, int nt, int bs, int i, int j)
{
    return m + ((size_t)i * nt + j) * bs * bs;
}

static void matmul_tasks(int nt, int bs, double *a, double *b, double *c)
{
    for (int i = 0; i < nt; i++)
        for (int j = 0; j < nt; j++)
            for (int k = 0; k < nt; k++)
                matmul_tile(bs, tile(a, nt, bs, i, k), tile(b, nt, bs, k, j),
                            tile(c, nt, bs, i, j));
#pragma omp taskwait
}

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

static int arg_int(int argc, char **argv, int i, const char *what, int def)
{
    if (argc <= i)
        return def;
    char *end;
    long v = strtol(argv[i], &end, 10);
    if (*end || v < 1 || v > 1 << 16) {
        fprintf(stderr, "matmul_v1: bad %s '%s'\nusage: matmul_v1 [N [BS]]\n", what, argv[i]);
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

static double *xmalloc(size_t count)
{
    double *p = malloc(count * sizeof *p);
    if (!p) {
        fprintf(stderr, "matmul_v1: out of memory\n");
        exit(2);
    }
    return p;
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

int main(int argc, char **argv)
{
    int n = arg_int(argc, argv, 1, "matrix order N", 512);
    int bs = arg_int(argc, argv, 2, "tile size BS", 64);
    if (n % bs) {
        fprintf(stderr, "matmul_v1: BS=%d must divide N=%d\n", bs, n);
        return 2;
    }
    int nt = n / bs;
    size_t nn = (size_t)n * n;
    double *a = xmalloc(nn), *b = xmalloc(nn), *c = xmalloc(nn);
    double *ra = xmalloc(nn), *rb = xmalloc(nn), *rc = xmalloc(nn);
    fill(0, n, bs, a, ra);
    fill(1, n, bs, b, rb);
    fill(2, n, bs, c, rc);

    double t0 = now();
    matmul_tasks(nt, bs, a, b, c);
    double t1 = now();
    matmul_seq(n, ra, rb, rc);
    double t2 = now();

    long wrong = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            if (tile(c, nt, bs, i / bs, j / bs)[(i % bs) * bs + j % bs] != rc[(size_t)i * n + j])
                wrong++;

    printf("matmul_v1: %s (n=%d bs=%d, %ld tasks, %ld of %zu elements wrong; "
           "tasks %.3f s, sequential %.3f s)\n",
           wrong ? "FAILED" : "ok", n, bs, (long)nt * nt * nt, wrong, nn, t1 - t0, t2 - t1);
    free(a), free(b), free(c), free(ra), free(rb), free(rc);
    return wrong ? 1 : 0;
}
