/* readers_ss.c - one writer task (out x), then R reader tasks (in x) on ss
 * that all depend on it and may run together. Reports ns per reader (total
 * time over R). Each reader adds the value it saw to its worker's counter;
 * the sum must be R times the written value. */
#include "ss_common.h"

#define WRITTEN 42
static long x;

typedef struct x_args {
    long *x;
} x_args_t;

static void writer_body(void *args)
{
    *((x_args_t *)args)->x = WRITTEN;
}

static void reader_body(void *args)
{
    bench_slot_add(ss_worker_id(), *((x_args_t *)args)->x);
}

static ss_task_type_t writer_type = SS_TASK_TYPE("writer", writer_body);
static ss_task_type_t reader_type = SS_TASK_TYPE("reader", reader_body);

static void spawn(ss_task_type_t *type, ss_dep_type_t dep)
{
    ss_task_t t;
    void *args;
    SS_TRY(ss_task_create(type, sizeof(x_args_t), 1, 0, &t, &args));
    ((x_args_t *)args)->x = &x;
    SS_TRY(ss_task_depend_bytes(t, dep, &x, sizeof x));
    SS_TRY(ss_task_submit(t));
}

int main(int argc, char **argv)
{
    long r = bench_arg_long(argc, argv, 1, "readers", 100000, 1);
    int threads = bench_ss_start();

    uint64_t t0 = bench_now_ns();
    spawn(&writer_type, SS_DEP_OUT);
    for (long i = 0; i < r; i++)
        spawn(&reader_type, SS_DEP_IN);
    SS_TRY(ss_taskwait());
    uint64_t ns = bench_now_ns() - t0;

    if (bench_slots_sum() != WRITTEN * r)
        bench_fail("readers: readers saw a sum of %ld, expected %ld",
                   bench_slots_sum(), WRITTEN * r);
    BENCH_RESULT("readers", threads, "n=%ld ns_per_task=%.1f", r, (double)ns / r);
    SS_TRY(ss_finalize());
    return 0;
}
