/* out1000_omp.c - N tasks, task i has out on a[i % 1000] and writes i there:
 * 1000 independent chains of write-after-write dependences. Checks that each
 * slot holds the last i written to it. */
#include <omp.h>

#include "common.h"

#define SLOTS 1000
static long a[SLOTS];

int main(int argc, char **argv)
{
    long n = bench_arg_long(argc, argv, 1, "tasks", 1000000, 1);
    int threads = 0;
    uint64_t ns = 0;

    for (long j = 0; j < SLOTS; j++)
        a[j] = -1;
#pragma omp parallel
#pragma omp single
    {
        threads = omp_get_num_threads();
        uint64_t t0 = bench_now_ns();
        for (long i = 0; i < n; i++) {
            long j = i % SLOTS;
#pragma omp task depend(out : a[j]) firstprivate(i, j)
            a[j] = i;
        }
#pragma omp taskwait
        ns = bench_now_ns() - t0;
    }
    for (long j = 0; j < SLOTS; j++) {
        long want = j < n ? (n - 1 - j) / SLOTS * SLOTS + j : -1;
        if (a[j] != want)
            bench_fail("out1000: a[%ld] = %ld, expected %ld", j, a[j], want);
    }
    BENCH_RESULT("out1000", threads, "n=%ld ns_per_task=%.1f", n, (double)ns / n);
    return 0;
}
