/* 1,000,000 readers of one variable after a writer: every reader sees the
 * writer's value; a writer created after them runs only once all of them are
 * done; then a second round on the same variable. (SS_TEST_SCALE shrinks the
 * count.) */
#include "rt_test.h"

static long x;
static atomic_long readers_done;
static atomic_int wrong;

static void writer(void *p)
{
    long round = *(long *)p;
    x = 1000 + round;
}
static ss_task_type_t writer_type = SS_TASK_TYPE("writer", writer);

static void reader(void *p)
{
    long want = *(long *)p;
    if (x != want)
        atomic_store(&wrong, 1);
    atomic_fetch_add_explicit(&readers_done, 1, memory_order_relaxed);
}
static ss_task_type_t reader_type = SS_TASK_TYPE("reader", reader);

static long seen_done;
static long seen_x;
static void last_writer(void *p)
{
    (void)p;
    seen_done = atomic_load(&readers_done);
    seen_x = x;
    x = -1;
}
static ss_task_type_t last_type = SS_TASK_TYPE("last writer", last_writer);

int main(void)
{
    RT_OK(ss_init());
    const long n = rt_scaled(1000000, 1000);
    ss_dim_t d;
    ss_dep_t w = rt_dep_bytes(SS_DEP_OUT, &x, sizeof x, &d);
    ss_dep_t r = rt_dep_bytes(SS_DEP_IN, &x, sizeof x, &d);
    ss_dep_t io = rt_dep_bytes(SS_DEP_INOUT, &x, sizeof x, &d);
    for (long round = 0; round < 2; round++) {
        atomic_store(&readers_done, 0);
        rt_spawn(&writer_type, &round, sizeof round, 1, &w, 0);
        long want = 1000 + round;
        for (long i = 0; i < n; i++)
            rt_spawn(&reader_type, &want, sizeof want, 1, &r, 0);
        rt_spawn(&last_type, NULL, 0, 1, &io, 0);
        RT_OK(ss_taskwait());
        RT_CHECK(!atomic_load(&wrong), "round %ld: a reader did not see the writer's "
                 "value", round);
        RT_CHECK(seen_done == n, "round %ld: the last writer ran with %ld of %ld readers "
                 "done", round, seen_done, n);
        RT_CHECK(seen_x == want, "round %ld: the last writer saw x = %ld", round, seen_x);
        RT_CHECK(x == -1, "x = %ld", x);
    }
    RT_OK(ss_finalize());
    return 0;
}
