/* Throttling (SS_THROTTLE_TASKS=1000): 1,000,000 tasks created behind a gate
 * task (they read what it writes) and then 1,000,000 more in a chain (each
 * blocked by the previous one) complete with the right results; with one
 * worker (the default here) the number of created-but-unfinished tasks seen
 * by the program stays near the limit - the creator runs ready work instead
 * of piling up tasks. (SS_TEST_SCALE shrinks the counts.) */
#include "rt_chain.h"

static long x;
static atomic_long done;
static atomic_int wrong;

static void gate(void *p)
{
    (void)p;
    x = 7;
}
static ss_task_type_t gate_type = SS_TASK_TYPE("gate", gate);

static void reader(void *p)
{
    (void)p;
    if (x != 7)
        atomic_store(&wrong, 1);
    atomic_fetch_add_explicit(&done, 1, memory_order_relaxed);
}
static ss_task_type_t reader_type = SS_TASK_TYPE("reader", reader);

int main(void)
{
    setenv("SS_THROTTLE_TASKS", "1000", 1);
    if (!getenv("SS_NUM_THREADS"))
        setenv("SS_NUM_THREADS", "1", 1);
    RT_OK(ss_init());
    const int exact = ss_num_workers() == 1;
    const long n = rt_scaled(1000000, 10000);
    ss_dim_t d;
    ss_dep_t w = rt_dep_bytes(SS_DEP_INOUT, &x, sizeof x, &d);
    ss_dep_t r = rt_dep_bytes(SS_DEP_IN, &x, sizeof x, &d);

    /* Behind a gate. */
    long max_pending = 0;
    rt_spawn(&gate_type, NULL, 0, 1, &w, 0);
    for (long i = 0; i < n; i++) {
        rt_spawn(&reader_type, NULL, 0, 1, &r, 0);
        long pending = i + 1 - atomic_load_explicit(&done, memory_order_relaxed);
        if (pending > max_pending)
            max_pending = pending;
    }
    RT_OK(ss_taskwait());
    RT_CHECK(!atomic_load(&wrong), "a reader ran before the gate");
    RT_CHECK(atomic_load(&done) == n, "%ld of %ld readers ran", atomic_load(&done), n);
    fprintf(stderr, "gate: at most %ld tasks pending (limit 1000, %d workers)\n",
            max_pending, ss_num_workers());
    if (exact)
        RT_CHECK(max_pending <= 2000, "with one worker %ld tasks were pending at once: "
                 "the throttle (1000) did not make the creator run tasks", max_pending);

    /* A chain: every task blocked by the previous one. */
    max_pending = rt_chain_run(n);
    fprintf(stderr, "chain: at most %ld tasks pending\n", max_pending);
    if (exact)
        RT_CHECK(max_pending <= 2000, "chain with one worker: %ld tasks pending at once",
                 max_pending);
    RT_OK(ss_finalize());
    return 0;
}
