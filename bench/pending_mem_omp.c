/* pending_mem_omp.c - memory per pending task. A gate task (out x) spins
 * until released; then N tasks with in(x) are created, all pending on the
 * gate. RSS is read before and after creating them, before the release:
 * bytes_per_task = (rss_after - rss_before) / tasks created.
 * Usage: pending_mem_omp [N [LIMIT_S]].
 * Two ways a runtime can fail to hold N pending tasks, both reported:
 * - creation takes longer than LIMIT_S seconds (default 15): creation stops
 *   there and the result is for the tasks created so far (pending=K < N);
 * - the runtime makes the creating thread wait (throttling, or running each
 *   task at creation): creation stalls behind the spinning gate, a watchdog
 *   releases the gate, and the result is bytes_per_task=throttled with
 *   pending_max = tasks created by then. */
#include <omp.h>

#include "common.h"

#define WRITTEN 42
static long x;
static bench_watchdog_t wd;

int main(int argc, char **argv)
{
    long n = bench_arg_long(argc, argv, 1, "tasks", 1000000, 1);
    long limit_s = bench_arg_long(argc, argv, 2, "time limit in seconds", 15, 1);
    int threads = 0;
    long rss_before = 0, rss_after = 0, created = n;
    uint64_t ns = 0;

    bench_watchdog_start(&wd, BENCH_STALL_MS);
#pragma omp parallel
#pragma omp single
    {
        threads = omp_get_num_threads();
#pragma omp task depend(out : x)
        {
            while (!atomic_load_explicit(&wd.release, memory_order_acquire))
                bench_pause();
            x = WRITTEN;
        }
        rss_before = bench_rss_bytes();
        uint64_t t0 = bench_now_ns(), deadline = t0 + limit_s * 1000000000ull;
        for (long i = 0; i < n; i++) {
#pragma omp task depend(in : x)
            bench_slot_add(omp_get_thread_num(), x);
            atomic_store_explicit(&wd.progress, i + 1, memory_order_relaxed);
            if (i % 1024 == 1023 && bench_now_ns() > deadline) {
                created = i + 1;
                break;
            }
        }
        ns = bench_now_ns() - t0;
        rss_after = bench_rss_bytes();
        atomic_store(&wd.done, 1);
        atomic_store_explicit(&wd.release, 1, memory_order_release);
#pragma omp taskwait
    }
    bench_watchdog_stop(&wd);
    if (bench_slots_sum() != WRITTEN * created)
        bench_fail("pending_mem: readers saw a sum of %ld, expected %ld",
                   bench_slots_sum(), WRITTEN * created);
    bench_pending_result(BENCH_RUNTIME, threads, n, created,
                         rss_after - rss_before, ns, &wd);
    return 0;
}
