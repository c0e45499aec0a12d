/* pending_mem_omp.c - memory per pending task. A gate task (out x) spins
 * until released; then N tasks with in(x) are created, all pending on the
 * gate. RSS is read before and after creating them, before the release:
 * bytes_per_task = (rss_after - rss_before) / N. If the runtime makes the
 * creating thread wait instead of keeping the tasks pending (throttling),
 * creation stalls; a watchdog then releases the gate and the result says
 * bytes_per_task=throttled with the number created when it stalled. */
#include <omp.h>

#include "common.h"

#define WRITTEN 42
#define STALL_MS 1000
static long x;
static bench_watchdog_t wd;

int main(int argc, char **argv)
{
    long n = bench_arg_long(argc, argv, 1, "tasks", 1000000, 1);
    int threads = 0;
    long rss_before = 0, rss_after = 0;

    bench_watchdog_start(&wd, STALL_MS);
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
        for (long i = 0; i < n; i++) {
#pragma omp task depend(in : x)
            bench_slot_add(omp_get_thread_num(), x);
            atomic_store_explicit(&wd.progress, i + 1, memory_order_relaxed);
        }
        rss_after = bench_rss_bytes();
        atomic_store(&wd.done, 1);
        atomic_store_explicit(&wd.release, 1, memory_order_release);
#pragma omp taskwait
    }
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
    return 0;
}
