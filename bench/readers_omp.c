/* readers_omp.c - one writer task (out x), then R reader tasks (in x) that
 * all depend on it and may run together. Reports ns per reader (total time
 * over R). Each reader adds the value it saw to its thread's counter; the
 * sum must be R times the written value. */
#include <omp.h>

#include "common.h"

#define WRITTEN 42
static long x;

int main(int argc, char **argv)
{
    long r = bench_arg_long(argc, argv, 1, "readers", 100000, 1);
    int threads = 0;
    uint64_t ns = 0;

#pragma omp parallel
#pragma omp single
    {
        threads = omp_get_num_threads();
        uint64_t t0 = bench_now_ns();
#pragma omp task depend(out : x)
        x = WRITTEN;
        for (long i = 0; i < r; i++) {
#pragma omp task depend(in : x)
            bench_slot_add(omp_get_thread_num(), x);
        }
#pragma omp taskwait
        ns = bench_now_ns() - t0;
    }
    if (bench_slots_sum() != WRITTEN * r)
        bench_fail("readers: readers saw a sum of %ld, expected %ld",
                   bench_slots_sum(), WRITTEN * r);
    BENCH_RESULT("readers", threads, "n=%ld ns_per_task=%.1f", r, (double)ns / r);
    return 0;
}
