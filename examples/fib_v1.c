/* fib_v1.c - fib.c in the OmpSs v1 spelling: #pragma omp task ...
 * The naive recursive Fibonacci with two inline tasks per call, each
 * storing its result into a shared local of the caller, joined by taskwait.
 * final(n < CUTOFF) stops making deferred tasks near the leaves: inside a
 * final task every nested task runs immediately, in place. Checks against
 * the iterative Fibonacci.
 *
 * Usage: fib_v1 [N [CUTOFF]]   (default N=32, CUTOFF=20)
 * Build: ssc -fompss -O2 fib_v1.c -o fib_v1 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int cutoff = 20; /* a global: shared by every task */

static long fib(int n)
{
    if (n < 2)
        return n;
    long x, y;
#pragma omp task shared(x) firstprivate(n) final(n < cutoff) label("fib")
    x = fib(n - 1);
#pragma omp task shared(y) firstprivate(n) final(n < cutoff) label("fib")
    y = fib(n - 2);
#pragma omp taskwait
    return x + y;
}

/* The reference. */
static long fib_iter(int n)
{
    long a = 0, b = 1;
    for (int i = 0; i < n; i++) {
        long t = a + b;
        a = b;
        b = t;
    }
    return a;
}

static int arg_int(int argc, char **argv, int i, const char *what, int def, int max)
{
    if (argc <= i)
        return def;
    char *end;
    long v = strtol(argv[i], &end, 10);
    if (*end || v < 0 || v > max) {
        fprintf(stderr, "fib_v1: bad %s '%s' (0..%d)\nusage: fib_v1 [N [CUTOFF]]\n", what, argv[i], max);
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

int main(int argc, char **argv)
{
    int n = arg_int(argc, argv, 1, "N", 32, 50);
    cutoff = arg_int(argc, argv, 2, "CUTOFF", 20, 50);

    double t0 = now();
    long got = fib(n);
    double t1 = now();
    long want = fib_iter(n);

    int ok = got == want;
    printf("fib_v1: %s (fib(%d) = %ld, expected %ld, cutoff %d; tasks %.3f s)\n", ok ? "ok" : "FAILED",
           n, got, want, cutoff, t1 - t0);
    return ok ? 0 : 1;
}
