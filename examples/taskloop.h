/* taskloop.h - the part of taskloop.c and taskloop_v1.c that does not
 * depend on the pragma spelling: the array's values, the reference, the
 * check and main's driver. The including file defines taskloop_tasks, the
 * loops with tasks. */
#ifndef TASKLOOP_H
#define TASKLOOP_H

#include "example.h"

static double f(long i)
{
    return (double)((i * 7919) % 1000) - 499.5;
}

/* Runs the loops over a[0..n) and b[0..n) with taskloops of grainsize g and
 * tasks, waits for them, and returns the count of the last loop; defined by
 * the including file. */
static long taskloop_tasks(long n, long g, double *a, double *b);

/* The reference: the same loops, plain. */
static long taskloop_seq(long n, double *a, double *b)
{
    for (long i = 0; i < n; i++)
        a[i] = f(i);
    for (long i = 0; i < n; i++)
        b[i] = a[i] + 2.0 * a[n - 1 - i];
    for (long i = 0; i < n; i++)
        a[i] *= 0.5;
    long hits = 0;
    for (long i = 0; i < n; i += 2)
        hits += b[i] > a[i];
    return hits;
}

/* The main of taskloop.c and taskloop_v1.c; name is the program's name, for
 * its messages. */
static int taskloop_main(const char *name, int argc, char **argv)
{
    ex_begin(name, "[N [G]]");
    long n = ex_arg(argc, argv, 1, "array length N", 2097152, 1, 1L << 32);
    long g = ex_arg(argc, argv, 2, "grainsize G", 4096, 1, 1L << 32);
    double *a = ex_alloc(n, sizeof *a), *b = ex_alloc(n, sizeof *b);
    double *ra = ex_alloc(n, sizeof *ra), *rb = ex_alloc(n, sizeof *rb);

    double t0 = ex_now();
    long hits = taskloop_tasks(n, g, a, b);
    double t1 = ex_now();
    long rhits = taskloop_seq(n, ra, rb);

    long wrong = 0;
    for (long i = 0; i < n; i++)
        wrong += a[i] != ra[i] || b[i] != rb[i];
    free(a), free(b), free(ra), free(rb);

    return ex_report(wrong == 0 && hits == rhits,
                     "n=%ld grainsize=%ld, %ld elements wrong, count %ld (expected %ld); "
                     "tasks %.3f s",
                     n, g, wrong, hits, rhits, t1 - t0);
}

#endif
