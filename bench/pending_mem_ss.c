/* pending_mem_ss.c - memory per pending task on ss. A gate task (out x)
 * spins until released; then N tasks with in(x) are created, all pending on
 * the gate. RSS is read before and after creating them, before the release:
 * bytes_per_task = (rss_after - rss_before) / N. If the runtime makes the
 * creating thread wait instead (throttling), a watchdog releases the gate
 * and the result says bytes_per_task=throttled (see pending_mem_omp.c). */
#include "ss_common.h"

#define WRITTEN 42
#define STALL_MS 1000
static long x;
static bench_watchdog_t wd;

typedef struct x_args {
    long *x;
} x_args_t;

static void gate_body(void *args)
{
    while (!atomic_load_explicit(&wd.release, memory_order_acquire))
        bench_pause();
    *((x_args_t *)args)->x = WRITTEN;
}

static void reader_body(void *args)
{
    bench_slot_add(ss_worker_id(), *((x_args_t *)args)->x);
}

static ss_task_type_t gate_type = SS_TASK_TYPE("gate", gate_body);
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
    long n = bench_arg_long(argc, argv, 1, "tasks", 1000000, 1);
    int threads = bench_ss_start();

    bench_watchdog_start(&wd, STALL_MS);
    spawn(&gate_type, SS_DEP_OUT);
    long rss_before = bench_rss_bytes();
    for (long i = 0; i < n; i++) {
        spawn(&reader_type, SS_DEP_IN);
        atomic_store_explicit(&wd.progress, i + 1, memory_order_relaxed);
    }
    long rss_after = bench_rss_bytes();
    atomic_store(&wd.done, 1);
    atomic_store_explicit(&wd.release, 1, memory_order_release);
    SS_TRY(ss_taskwait());
    bench_watchdog_stop(&wd);

    if (bench_slots_sum() != WRITTEN * n)
        bench_fail("pending_mem: readers saw a sum of %ld, expected %ld",
                   bench_slots_sum(), WRITTEN * n);
    if (atomic_load(&wd.fired))
        BENCH_RESULT("pending_mem", threads, "n=%ld bytes_per_task=throttled pending_max=%ld",
                     n, wd.stalled_at);
    else
        BENCH_RESULT("pending_mem", threads, "n=%ld bytes_per_task=%.1f", n,
                     (double)(rss_after - rss_before) / n);
    SS_TRY(ss_finalize());
    return 0;
}
