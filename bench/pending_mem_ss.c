/* pending_mem_ss.c - memory per pending task on ss. A gate task (out x)
 * spins until released; then N tasks with in(x) are created, all pending on
 * the gate. RSS is read before and after creating them, before the release:
 * bytes_per_task = (rss_after - rss_before) / tasks created.
 * Usage: pending_mem_ss [N [LIMIT_S]]. Creation stops after LIMIT_S seconds
 * (default 15), and a watchdog detects a runtime that blocks creation; see
 * pending_mem_omp.c for how both are reported. The readers are created
 * once the gate runs on another worker: a creator past the throttle window
 * that found the gate still queued would run it itself and spin. With one
 * thread that is what happens, and the watchdog reports it. */
#include "ss_common.h"

#define WRITTEN 42
static long x;
static bench_watchdog_t wd;
static atomic_int started;

typedef struct x_args {
    long *x;
} x_args_t;

static void gate_body(void *args)
{
    atomic_store_explicit(&started, 1, memory_order_release);
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
    long limit_s = bench_arg_long(argc, argv, 2, "time limit in seconds", 15, 1);
    int threads = bench_ss_start();
    long created = n;

    bench_watchdog_start(&wd, BENCH_STALL_MS);
    spawn(&gate_type, SS_DEP_OUT);
    /* On one thread the gate can only run in the creator: at the first
     * throttle point, where the watchdog reports the stall (throttled). */
    while (threads > 1 && !atomic_load_explicit(&started, memory_order_acquire))
        bench_pause();
    long rss_before = bench_rss_bytes();
    uint64_t t0 = bench_now_ns(), deadline = t0 + limit_s * 1000000000ull;
    for (long i = 0; i < n; i++) {
        spawn(&reader_type, SS_DEP_IN);
        atomic_store_explicit(&wd.progress, i + 1, memory_order_relaxed);
        if (i % 1024 == 1023 && bench_now_ns() > deadline) {
            created = i + 1;
            break;
        }
    }
    uint64_t ns = bench_now_ns() - t0;
    long rss_after = bench_rss_bytes();
    atomic_store(&wd.done, 1);
    atomic_store_explicit(&wd.release, 1, memory_order_release);
    SS_TRY(ss_taskwait());
    bench_watchdog_stop(&wd);

    if (bench_slots_sum() != WRITTEN * created)
        bench_fail("pending_mem: readers saw a sum of %ld, expected %ld",
                   bench_slots_sum(), WRITTEN * created);
    bench_pending_result(BENCH_RUNTIME, threads, n, created,
                         rss_after - rss_before, ns, &wd);
    SS_TRY(ss_finalize());
    return 0;
}
