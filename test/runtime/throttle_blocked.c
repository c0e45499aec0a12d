/* Throttling must never deadlock: with SS_THROTTLE_TASKS=1000 the creator
 * makes 1,000,000 tasks that all wait for a gate task which is running on the
 * other worker and holds it until the creation loop is over (bounded; it
 * would release itself at once on the creating thread). Nothing is ready
 * while the limit is exceeded, so the creator must go on creating; then all
 * tasks run with the right results. Needs 2 workers. (SS_TEST_SCALE shrinks
 * the count.) */
#include "rt_test.h"

static long x;
static atomic_int created_all, gate_waited, gate_started;
static atomic_long done;
static atomic_int wrong;
static int creator;

static void gate(void *p)
{
    (void)p;
    atomic_store(&gate_started, 1);
    if (ss_worker_id() != creator) {
        double t0 = rt_now();
        /* Bounded: if creation takes very long (sanitizers) just go on. */
        while (!atomic_load(&created_all) && rt_now() - t0 < 120.0)
            rt_sleep_us(200);
        atomic_store(&gate_waited, 1);
    }
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
    rt_need_workers(2);
    creator = ss_worker_id();
    const long n = rt_scaled(1000000, 10000);
    ss_dim_t d;
    ss_dep_t w = rt_dep_bytes(SS_DEP_INOUT, &x, sizeof x, &d);
    ss_dep_t r = rt_dep_bytes(SS_DEP_IN, &x, sizeof x, &d);
    rt_spawn(&gate_type, NULL, 0, 1, &w, 0);
    /* Let the other worker take the gate (this thread runs no task here). */
    RT_CHECK(rt_wait_flag(&gate_started), "the gate task never started");
    for (long i = 0; i < n; i++)
        rt_spawn(&reader_type, NULL, 0, 1, &r, 0);
    atomic_store(&created_all, 1);
    RT_OK(ss_taskwait());
    RT_CHECK(!atomic_load(&wrong), "a reader ran before the gate");
    RT_CHECK(atomic_load(&done) == n, "%ld of %ld readers ran", atomic_load(&done), n);
    RT_CHECK(atomic_load(&gate_waited), "the gate ran on the creating thread");
    RT_OK(ss_finalize());
    return 0;
}
