/* common.h - helpers shared by every benchmark program in bench/: timer,
 * argument parsing, RSS, the RESULT line, per-thread counters for result
 * checks, and a watchdog for runtimes that block task creation. */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

/* Name printed as runtime=... by BENCH_RESULT: the OpenMP programs are
 * built twice, by gcc (libgomp) and by clang (libomp); the ss and sequential
 * programs define it before including this header. */
#if !defined(BENCH_RUNTIME) && defined(_OPENMP)
#if defined(__clang__)
#define BENCH_RUNTIME "omp"
#else
#define BENCH_RUNTIME "gomp"
#endif
#endif

/* Monotonic clock in nanoseconds (CLOCK_MONOTONIC). */
uint64_t bench_now_ns(void);

/* argv[idx] as a long >= min, or def if absent; exits with status 2 and a
 * usage line naming `what` if the argument is not a number >= min. */
long bench_arg_long(int argc, char **argv, int idx, const char *what, long def,
                    long min);

/* Resident set size of this process in bytes (/proc/self/statm). */
long bench_rss_bytes(void);

/* Print "RESULT shape=S runtime=R threads=T " followed by the formatted
 * key=value pairs and a newline on stdout, then flush. */
void bench_result(const char *shape, const char *runtime, int threads,
                  const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
#define BENCH_RESULT(shape, threads, ...)                                     \
    bench_result((shape), BENCH_RUNTIME, (threads), __VA_ARGS__)

/* Print "FAIL: <message>" on stderr and exit with status 1. */
void bench_fail(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), noreturn));

/* Per-thread counters, one cache line each, so that task bodies can record
 * what they saw without atomics. A slot is written only by the thread whose
 * index it carries; the main thread sums them after the final taskwait,
 * which orders those writes before the read. */
#define BENCH_MAX_THREADS 256
typedef struct bench_slot {
    _Alignas(64) long v;
} bench_slot_t;
extern bench_slot_t bench_slots[BENCH_MAX_THREADS];

static inline void bench_slot_add(int tid, long v)
{
    bench_slots[(unsigned)tid % BENCH_MAX_THREADS].v += v;
}
long bench_slots_sum(void);

/* Watchdog for pending_mem: a thread that watches `progress` (stored by the
 * creating thread after each task) and, if it has not changed for stall_ms
 * while `done` is unset, sets `release` so that a gate task spinning on it
 * can finish. That happens when the runtime makes the creator wait (task
 * throttling), which would otherwise deadlock against the gate. */
typedef struct bench_watchdog {
    atomic_long progress;   /* tasks created so far; written by creator */
    atomic_int done;        /* creator finished; set by creator */
    atomic_int release;     /* gate may finish; set by creator or watchdog */
    atomic_int fired;       /* the watchdog (not the creator) set release */
    long stalled_at;        /* progress when it fired; read after stop */
    int stall_ms;
    pthread_t thread;
} bench_watchdog_t;

/* How long creation must make no progress before the watchdog fires. */
#define BENCH_STALL_MS 3000

void bench_watchdog_start(bench_watchdog_t *w, int stall_ms);
/* Join the watchdog thread (call after setting done). */
void bench_watchdog_stop(bench_watchdog_t *w);

/* The RESULT line of pending_mem: n tasks asked for, `created` made (fewer
 * if creation hit its time limit), rss_delta bytes more resident after
 * creating them, in ns; "throttled" if the watchdog fired. */
void bench_pending_result(const char *runtime, int threads, long n,
                          long created, long rss_delta, uint64_t ns,
                          bench_watchdog_t *w);

/* Does nothing, out of line: the body of the "empty" tasks, so that no
 * compiler can drop a task whose body it sees is empty (gcc does). */
void bench_nothing(void);

/* Busy-wait hint for spin loops. */
static inline void bench_pause(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

#endif /* BENCH_COMMON_H */
