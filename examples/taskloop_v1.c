/* taskloop_v1.c - taskloop.c in the OmpSs v1 spelling: #pragma omp task ...
 * Loops split into tasks by taskloop: one with grainsize(G)
 * fills an array; after a taskwait a second one, every chunk declaring
 * in() on the whole array, reads it into another array; a task with inout()
 * on the first array must then wait for all those chunks before it
 * overwrites it; after another taskwait, a taskloop with num_tasks() and a
 * reduction counts over a strided loop. Checks everything against plain
 * loops.
 *
 * Usage: taskloop_v1 [N [G]]   (default N=2097152, G=4096)
 * Build: ssc -fompss -O2 taskloop_v1.c -o taskloop_v1 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double f(long i)
{
    return (double)((i * 7919) % 1000) - 499.5;
}

static long arg_long(int argc, char **argv, int i, const char *what, long def)
{
    if (argc <= i)
        return def;
    char *end;
    long v = strtol(argv[i], &end, 10);
    if (*end || v < 1 || v > 1L << 32) {
        fprintf(stderr, "taskloop_v1: bad %s '%s'\nusage: taskloop_v1 [N [G]]\n", what, argv[i]);
        exit(2);
    }
    return v;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    long n = arg_long(argc, argv, 1, "array length N", 2097152);
    long g = arg_long(argc, argv, 2, "grainsize G", 4096);
    double *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
    double *ra = malloc(n * sizeof *ra), *rb = malloc(n * sizeof *rb);
    if (!a || !b || !ra || !rb) {
        fprintf(stderr, "taskloop_v1: out of memory\n");
        return 2;
    }

    double t0 = now();
#pragma omp taskloop grainsize(g) label("fill")
    for (long i = 0; i < n; i++)
        a[i] = f(i);
#pragma omp taskwait

    /* Each chunk reads far from its own iterations: a[n-1-i]. */
#pragma omp taskloop grainsize(g) in(a[0;n]) label("mirror")
    for (long i = 0; i < n; i++)
        b[i] = a[i] + 2.0 * a[n - 1 - i];

    /* Writes a: runs only after every "mirror" chunk has read it. */
#pragma omp task inout(a[0;n]) label("halve")
    for (long i = 0; i < n; i++)
        a[i] *= 0.5;
#pragma omp taskwait

    long hits = 0;
#pragma omp taskloop num_tasks(16) reduction(+: hits) label("count")
    for (long i = 0; i < n; i += 2)
        hits += b[i] > a[i];
#pragma omp taskwait
    double t1 = now();

    /* The reference: the same loops, plain. */
    for (long i = 0; i < n; i++)
        ra[i] = f(i);
    for (long i = 0; i < n; i++)
        rb[i] = ra[i] + 2.0 * ra[n - 1 - i];
    for (long i = 0; i < n; i++)
        ra[i] *= 0.5;
    long rhits = 0;
    for (long i = 0; i < n; i += 2)
        rhits += rb[i] > ra[i];

    long wrong = 0;
    for (long i = 0; i < n; i++)
        wrong += a[i] != ra[i] || b[i] != rb[i];
    int ok = wrong == 0 && hits == rhits;
    printf("taskloop_v1: %s (n=%ld grainsize=%ld, %ld elements wrong, count %ld (expected %ld); "
           "tasks %.3f s)\n",
           ok ? "ok" : "FAILED", n, g, wrong, hits, rhits, t1 - t0);
    free(a), free(b), free(ra), free(rb);
    return ok ? 0 : 1;
}
