/* heat.c - Gauss-Seidel heat diffusion on an (N+2) x (N+2) grid (a fixed
 * boundary around N x N interior points) split into BS x BS blocks, one
 * inline task per block and sweep. A block reads the facing edge of each of
 * its four neighbours and updates itself in place, so the tasks of
 * successive sweeps run as a wavefront. The dependences keep every pair of
 * neighbouring points in the order of a plain row-by-row sweep, so the
 * result must equal that sweep bit for bit.
 *
 * Usage: heat [N [BS [STEPS]]]   (default N=512, BS=64, STEPS=100)
 * Build: ssc -fompss -O2 heat.c -o heat */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* One Gauss-Seidel sweep over the block of rows ii..ii+bs-1 and columns
 * jj..jj+bs-1 of the interior. */
static void sweep_block(int n, double (*a)[n + 2], int ii, int jj, int bs)
{
    for (int i = ii; i < ii + bs; i++)
        for (int j = jj; j < jj + bs; j++)
            a[i][j] = 0.25 * (a[i - 1][j] + a[i + 1][j] + a[i][j - 1] + a[i][j + 1]);
}

static void heat_tasks(int n, int bs, int steps, double (*a)[n + 2])
{
    for (int t = 0; t < steps; t++)
        for (int ii = 1; ii <= n; ii += bs)
            for (int jj = 1; jj <= n; jj += bs) {
#pragma oss task in(a[ii - 1][jj;bs], a[ii + bs][jj;bs], a[ii;bs][jj - 1], a[ii;bs][jj + bs]) \
                 inout(a[ii;bs][jj;bs]) label("heat block")
                sweep_block(n, a, ii, jj, bs);
            }
#pragma oss taskwait
}

/* The reference: plain row-by-row sweeps over the whole interior. */
static void heat_seq(int n, int steps, double (*a)[n + 2])
{
    for (int t = 0; t < steps; t++)
        for (int i = 1; i <= n; i++)
            for (int j = 1; j <= n; j++)
                a[i][j] = 0.25 * (a[i - 1][j] + a[i + 1][j] + a[i][j - 1] + a[i][j + 1]);
}

static int arg_int(int argc, char **argv, int i, const char *what, int def)
{
    if (argc <= i)
        return def;
    char *end;
    long v = strtol(argv[i], &end, 10);
    if (*end || v < 1 || v > 1 << 16) {
        fprintf(stderr, "heat: bad %s '%s'\nusage: heat [N [BS [STEPS]]]\n", what, argv[i]);
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

/* Hot top edge, warm bottom and left edges, cold right edge and interior. */
static void init(int n, double (*a)[n + 2])
{
    for (int i = 0; i < n + 2; i++)
        for (int j = 0; j < n + 2; j++)
            a[i][j] = i == 0 ? 1.0 : i == n + 1 ? 0.5 : j == 0 ? 0.25 : 0.0;
}

int main(int argc, char **argv)
{
    int n = arg_int(argc, argv, 1, "grid size N", 512);
    int bs = arg_int(argc, argv, 2, "block size BS", 64);
    int steps = arg_int(argc, argv, 3, "number of sweeps STEPS", 100);
    if (n % bs) {
        fprintf(stderr, "heat: BS=%d must divide N=%d\n", bs, n);
        return 2;
    }
    double (*a)[n + 2] = malloc(sizeof(double[n + 2][n + 2]));
    double (*ref)[n + 2] = malloc(sizeof(double[n + 2][n + 2]));
    if (!a || !ref) {
        fprintf(stderr, "heat: out of memory\n");
        return 2;
    }
    init(n, a);
    init(n, ref);

    double t0 = now();
    heat_tasks(n, bs, steps, a);
    double t1 = now();
    heat_seq(n, steps, ref);
    double t2 = now();

    long differ = 0;
    double sum = 0.0;
    for (int i = 0; i < n + 2; i++) {
        differ += memcmp(a[i], ref[i], sizeof a[i]) != 0;
        for (int j = 1; j <= n; j++)
            sum += i >= 1 && i <= n ? a[i][j] : 0.0;
    }
    printf("heat: %s (n=%d bs=%d steps=%d, mean interior temperature %.6f, %ld rows differ "
           "from sequential; tasks %.3f s, sequential %.3f s)\n",
           differ ? "FAILED" : "ok", n, bs, steps, sum / ((double)n * n), differ, t1 - t0,
           t2 - t1);
    free(a);
    free(ref);
    return differ ? 1 : 0;
}
