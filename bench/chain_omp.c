/* chain_omp.c - N tasks, each inout on the same variable, so they run one
 * after the other; each adds 1. Checks the final value is N. */
#include <omp.h>

#include "common.h"

static long x;

int main(int argc, char **argv)
{
    long n = bench_arg_long(argc, argv, 1, "tasks", 1000000, 1);
    int threads = 0;
    uint64_t ns = 0;

#pragma omp parallel
#pragma omp single
    {
        threads = omp_get_num_threads();
        uint64_t t0 = bench_now_ns();
        for (long i = 0; i < n; i++) {
#pragma omp task depend(inout : x)
            x++;
        }
#pragma omp taskwait
        ns = bench_now_ns() - t0;
    }
    if (x != n)
        bench_fail("chain: final value %ld, expected %ld", x, n);
    BENCH_RESULT("chain", threads, "n=%ld ns_per_task=%.1f", n, (double)ns / n);
    return 0;
}
