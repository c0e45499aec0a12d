/* independent_ss.c - N empty tasks without dependences on ss, then one
 * ss_taskwait. Reports ns per task. "Empty": the body only calls an empty
 * out-of-line function, as in independent_omp.c. */
#include "ss_common.h"

static void empty_body(void *args)
{
    (void)args;
    bench_nothing();
}

static void count_body(void *args)
{
    (void)args;
    bench_slot_add(ss_worker_id(), 1);
}

static ss_task_type_t empty_type = SS_TASK_TYPE("empty", empty_body);
static ss_task_type_t count_type = SS_TASK_TYPE("count", count_body);

int main(int argc, char **argv)
{
    long n = bench_arg_long(argc, argv, 1, "tasks", 1000000, 1);
    int threads = bench_ss_start();
    ss_task_t t;
    void *args;

    uint64_t t0 = bench_now_ns();
    for (long i = 0; i < n; i++) {
        SS_TRY(ss_task_create(&empty_type, 0, 0, 0, &t, &args));
        SS_TRY(ss_task_submit(t));
    }
    SS_TRY(ss_taskwait());
    uint64_t ns = bench_now_ns() - t0;

    /* Untimed check that the runtime runs every task it is given. */
    for (long i = 0; i < n; i++) {
        SS_TRY(ss_task_create(&count_type, 0, 0, 0, &t, &args));
        SS_TRY(ss_task_submit(t));
    }
    SS_TRY(ss_taskwait());
    if (bench_slots_sum() != n)
        bench_fail("independent: %ld of %ld tasks ran", bench_slots_sum(), n);
    BENCH_RESULT("independent", threads, "n=%ld ns_per_task=%.1f", n, (double)ns / n);
    SS_TRY(ss_finalize());
    return 0;
}
