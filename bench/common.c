/* common.c - implementation of the helpers in common.h. Compiled once by gcc
 * and linked into every benchmark, whichever compiler built the program. */
#define _GNU_SOURCE
#include "common.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

bench_slot_t bench_slots[BENCH_MAX_THREADS];

uint64_t bench_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

long bench_arg_long(int argc, char **argv, int idx, const char *what, long def,
                    long min)
{
    if (idx >= argc)
        return def;
    char *end;
    errno = 0;
    long v = strtol(argv[idx], &end, 10);
    if (errno || end == argv[idx] || *end || v < min) {
        fprintf(stderr, "usage: %s: argument %d (%s) must be an integer >= %ld, got '%s'\n",
                argv[0], idx, what, min, argv[idx]);
        exit(2);
    }
    return v;
}

long bench_rss_bytes(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long size, resident;
    if (!f)
        bench_fail("cannot open /proc/self/statm");
    if (fscanf(f, "%ld %ld", &size, &resident) != 2)
        bench_fail("cannot parse /proc/self/statm");
    fclose(f);
    return resident * sysconf(_SC_PAGESIZE);
}

void bench_result(const char *shape, const char *runtime, int threads,
                  const char *fmt, ...)
{
    va_list ap;
    printf("RESULT shape=%s runtime=%s threads=%d ", shape, runtime, threads);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
}

void bench_fail(const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fprintf(stderr, "FAIL: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    exit(1);
}

void bench_nothing(void)
{
}

long bench_slots_sum(void)
{
    long s = 0;
    for (int i = 0; i < BENCH_MAX_THREADS; i++)
        s += bench_slots[i].v;
    return s;
}

static void *watchdog_main(void *arg)
{
    bench_watchdog_t *w = arg;
    const struct timespec tick = {0, 20 * 1000000L};
    long last = -1;
    int still_ms = 0;
    while (!atomic_load(&w->done) && !atomic_load(&w->release)) {
        nanosleep(&tick, NULL);
        long p = atomic_load_explicit(&w->progress, memory_order_relaxed);
        still_ms = p == last ? still_ms + 20 : 0;
        last = p;
        if (still_ms >= w->stall_ms && !atomic_load(&w->done)) {
            w->stalled_at = p;
            atomic_store(&w->fired, 1);
            atomic_store(&w->release, 1);
        }
    }
    return NULL;
}

void bench_watchdog_start(bench_watchdog_t *w, int stall_ms)
{
    atomic_init(&w->progress, 0);
    atomic_init(&w->done, 0);
    atomic_init(&w->release, 0);
    atomic_init(&w->fired, 0);
    w->stalled_at = 0;
    w->stall_ms = stall_ms;
    if (pthread_create(&w->thread, NULL, watchdog_main, w))
        bench_fail("cannot start the watchdog thread");
}

void bench_watchdog_stop(bench_watchdog_t *w)
{
    pthread_join(w->thread, NULL);
}

void bench_pending_result(const char *runtime, int threads, long n,
                          long created, long rss_delta, uint64_t ns,
                          bench_watchdog_t *w)
{
    if (atomic_load(&w->fired))
        bench_result("pending_mem", runtime, threads,
                     "n=%ld bytes_per_task=throttled pending_max=%ld", n,
                     w->stalled_at);
    else
        bench_result("pending_mem", runtime, threads,
                     "n=%ld pending=%ld bytes_per_task=%.1f create_ns_per_task=%.1f",
                     n, created, (double)rss_delta / created, (double)ns / created);
}
