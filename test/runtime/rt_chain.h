/* rt_chain.h - a chain of tasks on one variable for the throttle tests:
 * each task inout(x), checks that x holds its index and stores index + 1,
 * so the tasks run in creation order or the check fails. */
#ifndef RT_CHAIN_H
#define RT_CHAIN_H

#include "rt_test.h"

static long rt_chain_x;
static atomic_long rt_chain_done;
static atomic_int rt_chain_wrong;

static void rt_chain_step(void *p)
{
    long i = *(long *)p;
    if (rt_chain_x != i)
        atomic_store(&rt_chain_wrong, 1);
    rt_chain_x = i + 1;
    atomic_fetch_add_explicit(&rt_chain_done, 1, memory_order_relaxed);
}
static ss_task_type_t rt_chain_type = SS_TASK_TYPE("step", rt_chain_step);

/* Create a chain of n tasks, wait for it, check its order and result, and
 * return the most tasks the program saw pending (created, not finished)
 * right after a creation. */
static inline long rt_chain_run(long n)
{
    ss_dim_t d;
    ss_dep_t w = rt_dep_bytes(SS_DEP_INOUT, &rt_chain_x, sizeof rt_chain_x, &d);
    long max_pending = 0;
    rt_chain_x = 0;
    atomic_store(&rt_chain_done, 0);
    for (long i = 0; i < n; i++) {
        rt_spawn(&rt_chain_type, &i, sizeof i, 1, &w, 0);
        long pending = i + 1 - atomic_load_explicit(&rt_chain_done, memory_order_relaxed);
        if (pending > max_pending)
            max_pending = pending;
    }
    RT_OK(ss_taskwait());
    RT_CHECK(!atomic_load(&rt_chain_wrong), "the chain ran out of order");
    RT_CHECK(rt_chain_x == n && atomic_load(&rt_chain_done) == n,
             "chain: x = %ld, done %ld, want %ld", rt_chain_x, atomic_load(&rt_chain_done), n);
    return max_pending;
}

#endif
