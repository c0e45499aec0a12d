/* fib_omp.c - the OpenMP twin of fib_ss.c: the same tasks and cut-off.
 * Built with gcc -fopenmp (libgomp) and clang -fopenmp (libomp).
 * Usage: fib_omp CUTOFF [N]. Reports seconds for fib(N). */
#include "apps.h"
#include "fib_kernels.h"

static long fib(int n, int cutoff)
{
    if (n < 2 || n < cutoff)
        return fib_seq(n);
    long x, y;
#pragma omp task shared(x)
    x = fib(n - 1, cutoff);
#pragma omp task shared(y)
    y = fib(n - 2, cutoff);
#pragma omp taskwait
    return x + y;
}

int main(int argc, char **argv)
{
    int cutoff = (int)bench_arg_long(argc, argv, 1, "cut-off", 25, 0);
    int n = (int)bench_arg_long(argc, argv, 2, "N", 42, 0);
    long got = 0;
    uint64_t ns = 0;

    int threads = app_start();
#pragma omp parallel
#pragma omp single
    {
        uint64_t t0 = bench_now_ns();
        got = fib(n, cutoff);
        ns = bench_now_ns() - t0;
    }
    if (fib_verify(n, got))
        bench_fail("fib: wrong result");
    BENCH_RESULT("fib", threads, "n=%d cutoff=%d tasks=%ld seconds=%.4f", n, cutoff,
                 fib_task_count(n, cutoff), ns / 1e9);
    return 0;
}
