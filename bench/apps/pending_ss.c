/* pending_ss.c - memory per pending task as an ssc user gets it: a gate
 * task (out x) spins until released; then N tasks in(x) are created, all
 * pending on the gate; then the gate is released and everything runs. Run
 * under /usr/bin/time -v for the peak resident memory (run.sh subtracts the
 * peak of N=1); the program also reports the growth of its resident memory
 * over the creation, read from /proc/self/statm before the release. Only
 * meaningful built with ssc -fompss (plain cc: the gate never waits).
 * The readers are created once the gate runs on another worker: a task
 * creation is a scheduling point, and a creator past the throttle window
 * that found the gate still queued would run it itself and spin.
 * Usage: pending_ss [N]. */
#include <stdatomic.h>

#include "apps.h"

#define WRITTEN 42
static long x;
static atomic_int release, started;
static atomic_long sum;

int main(int argc, char **argv)
{
    long n = bench_arg_long(argc, argv, 1, "tasks", 10000000, 1);
    int threads = app_start();
#ifndef _OMPSS
    atomic_store(&release, 1); /* no tasks: the gate runs at once */
#else
    if (threads < 2)
        bench_fail("pending: needs 2 threads or more (the gate spins on one)");
#endif

#pragma oss task out(x) label("gate")
    {
        atomic_store_explicit(&started, 1, memory_order_release);
        while (!atomic_load_explicit(&release, memory_order_acquire))
            bench_pause();
        x = WRITTEN;
    }
    while (!atomic_load_explicit(&started, memory_order_acquire))
        bench_pause();
    long rss_before = bench_rss_bytes();
    uint64_t t0 = bench_now_ns();
    for (long i = 0; i < n; i++) {
#pragma oss task in(x) label("reader")
        atomic_fetch_add_explicit(&sum, x, memory_order_relaxed);
    }
    uint64_t ns = bench_now_ns() - t0;
    long rss_after = bench_rss_bytes();
    atomic_store_explicit(&release, 1, memory_order_release);
#pragma oss taskwait

    if (atomic_load(&sum) != WRITTEN * n)
        bench_fail("pending: readers saw a sum of %ld, expected %ld", atomic_load(&sum),
                   WRITTEN * n);
    BENCH_RESULT("pending", threads, "n=%ld ns_per_create=%.1f rss_delta=%ld bytes_per_task=%.1f",
                 n, (double)ns / n, rss_after - rss_before, (double)(rss_after - rss_before) / n);
    return 0;
}
