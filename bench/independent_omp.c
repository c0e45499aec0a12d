/* independent_omp.c - N empty tasks without dependences, created by one
 * thread (omp single), then one taskwait. Reports ns per task. "Empty": the
 * body only calls an empty out-of-line function (gcc drops empty tasks). */
#include <omp.h>

#include "common.h"

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
#pragma omp task
            bench_nothing();
        }
#pragma omp taskwait
        ns = bench_now_ns() - t0;

        /* Untimed check that the runtime runs every task it is given: the
         * same number of tasks, each counting itself. */
        for (long i = 0; i < n; i++) {
#pragma omp task
            bench_slot_add(omp_get_thread_num(), 1);
        }
#pragma omp taskwait
    }
    if (bench_slots_sum() != n)
        bench_fail("independent: %ld of %ld tasks ran", bench_slots_sum(), n);
    BENCH_RESULT("independent", threads, "n=%ld ns_per_task=%.1f", n, (double)ns / n);
    return 0;
}
