/* reduction.c - task reductions: tasks fill an array block by block, then one
 * task per block adds its elements into `sum` and `evens` and raises `mx`,
 * all three declared reduction variables; a taskwait ends the reduction.
 * The in() dependence on each block orders every reducer after the task
 * that filled it. Checks the three results against a plain loop.
 *
 * Usage: reduction [N [BS]]   (default N=4194304, BS=65536)
 * Build: ssc -fompss -O2 reduction.c -o reduction */
#define _POSIX_C_SOURCE 200809L
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Element i: an integer in [-2^29, 2^29), most of them distinct. */
static int value(long i)
{
    unsigned long long z = (unsigned long long)i * 0x9e3779b97f4a7c15ull;
    z ^= z >> 29;
    z *= 0xbf58476d1ce4e5b9ull;
    return (int)(z >> 34) - (1 << 29);
}

static void fill(int *a, long lo, long cnt)
{
    for (long i = lo; i < lo + cnt; i++)
        a[i] = value(i);
}

static long arg_long(int argc, char **argv, int i, const char *what, long def)
{
    if (argc <= i)
        return def;
    char *end;
    long v = strtol(argv[i], &end, 10);
    if (*end || v < 1 || v > 1L << 32) {
        fprintf(stderr, "reduction: bad %s '%s'\nusage: reduction [N [BS]]\n", what, argv[i]);
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
    long n = arg_long(argc, argv, 1, "array length N", 4194304);
    long bs = arg_long(argc, argv, 2, "block size BS", 65536);
    int *a = malloc(n * sizeof *a);
    if (!a) {
        fprintf(stderr, "reduction: out of memory\n");
        return 2;
    }

    double t0 = now();
    for (long lo = 0; lo < n; lo += bs) {
        long cnt = n - lo < bs ? n - lo : bs;
#pragma oss task out(a[lo;cnt]) label("fill")
        fill(a, lo, cnt);
    }

    long sum = 0, evens = 0;
    int mx = INT_MIN;
    for (long lo = 0; lo < n; lo += bs) {
        long cnt = n - lo < bs ? n - lo : bs;
#pragma oss task in(a[lo;cnt]) reduction(+: sum, evens) reduction(max: mx) label("reduce")
        {
            for (long i = lo; i < lo + cnt; i++) {
                sum += a[i];
                evens += a[i] % 2 == 0;
                if (a[i] > mx)
                    mx = a[i];
            }
        }
    }
#pragma oss taskwait
    double t1 = now();

    /* The reference, from the formula rather than the array. */
    long rsum = 0, revens = 0;
    int rmx = INT_MIN;
    for (long i = 0; i < n; i++) {
        int v = value(i);
        rsum += v;
        revens += v % 2 == 0;
        if (v > rmx)
            rmx = v;
    }

    int ok = sum == rsum && evens == revens && mx == rmx;
    printf("reduction: %s (n=%ld bs=%ld, sum %ld (expected %ld), evens %ld (expected %ld), "
           "max %d (expected %d); tasks %.3f s)\n",
           ok ? "ok" : "FAILED", n, bs, sum, rsum, evens, revens, mx, rmx, t1 - t0);
    free(a);
    return ok ? 0 : 1;
}
