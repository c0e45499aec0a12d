/* The default throttle window (SS_THROTTLE_TASKS unset, i.e. 0): 64
 * pending tasks per worker. With one worker, a chain of 100,000 tasks
 * (each blocked by the previous one) never has more than the window plus
 * one throttle check period (64 submissions) pending at once: past the
 * window the creator runs the chain's ready head instead of creating.
 * With the old default of 2^22 the whole chain was pending. */
#include "rt_test.h"

static long x;
static atomic_long done;
static atomic_int wrong;

static void step(void *p)
{
    long i = *(long *)p;
    if (x != i)
        atomic_store(&wrong, 1);
    x = i + 1;
    atomic_fetch_add_explicit(&done, 1, memory_order_relaxed);
}
static ss_task_type_t step_type = SS_TASK_TYPE("step", step);

int main(void)
{
    unsetenv("SS_THROTTLE_TASKS");
    setenv("SS_NUM_THREADS", "1", 1);
    RT_OK(ss_init());
    const long n = rt_scaled(100000, 10000);
    ss_dim_t d;
    ss_dep_t w = rt_dep_bytes(SS_DEP_INOUT, &x, sizeof x, &d);
    long max_pending = 0;
    for (long i = 0; i < n; i++) {
        rt_spawn(&step_type, &i, sizeof i, 1, &w, 0);
        long pending = i + 1 - atomic_load_explicit(&done, memory_order_relaxed);
        if (pending > max_pending)
            max_pending = pending;
    }
    RT_OK(ss_taskwait());
    RT_CHECK(!atomic_load(&wrong), "the chain ran out of order");
    RT_CHECK(x == n && atomic_load(&done) == n, "chain: x = %ld, done %ld, want %ld", x,
             atomic_load(&done), n);
    fprintf(stderr, "chain: at most %ld tasks pending (default window 64, 1 worker)\n",
            max_pending);
    RT_CHECK(max_pending <= 64 + 64,
             "%ld tasks pending at once: the default window of 64 per worker is not in effect",
             max_pending);
    RT_OK(ss_finalize());
    return 0;
}
