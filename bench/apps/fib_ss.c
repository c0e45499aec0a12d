/* fib_ss.c - recursive Fibonacci in OmpSs with a cut-off: above it, each
 * call makes two inline tasks that store into shared locals of the caller,
 * joined by taskwait; below it, the plain recursion (fib_seq). Built with
 * ssc -fompss, or plain cc for the sequential version. The OpenMP twin is
 * fib_omp.c.
 * Usage: fib_ss CUTOFF [N]. Reports seconds for fib(N). */
#include "apps.h"
#include "fib_kernels.h"

static long fib(int n, int cutoff)
{
    if (n < 2 || n < cutoff)
        return fib_seq(n);
    long x, y;
#pragma oss task shared(x) label("fib")
    x = fib(n - 1, cutoff);
#pragma oss task shared(y) label("fib")
    y = fib(n - 2, cutoff);
#pragma oss taskwait
    return x + y;
}

int main(int argc, char **argv)
{
    int cutoff = (int)bench_arg_long(argc, argv, 1, "cut-off", 25, 0);
    int n = (int)bench_arg_long(argc, argv, 2, "N", 42, 0);

    int threads = app_start();
    uint64_t t0 = bench_now_ns();
    long got = fib(n, cutoff);
    uint64_t ns = bench_now_ns() - t0;
    if (fib_verify(n, got))
        bench_fail("fib: wrong result");
    BENCH_RESULT("fib", threads, "n=%d cutoff=%d tasks=%ld seconds=%.4f", n, cutoff,
                 fib_task_count(n, cutoff), ns / 1e9);
    return 0;
}
