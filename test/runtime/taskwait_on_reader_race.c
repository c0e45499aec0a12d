/* A taskwait on a read of what a task writes, over and over (2 workers):
 * the writer's completion satisfies the taskwait's read epoch under the
 * domain lock while the waiting thread, polling without the lock, runs
 * the taskwait at once and its read leaves the epoch without the lock.
 * The completing worker used to go on to test that epoch's count, find
 * it 0, and finish it a second time: a crash in obj_keep on the marker
 * epoch's NULL object, or a double free (seen under ThreadSanitizer in
 * runtime.errors_taskwait_on). Every round checks the value it waited
 * for. (SS_TEST_SCALE shrinks the count.) */
#include "rt_test.h"

static long x;

static void writer(void *p)
{
    (void)p;
    x++;
}
static ss_task_type_t writer_type = SS_TASK_TYPE("writer", writer);

int main(void)
{
    rt_need_workers(2);
    const long rounds = rt_scaled(200000, 2000);
    ss_dim_t d;
    ss_dep_t w = rt_dep_bytes(SS_DEP_INOUT, &x, sizeof x, &d);
    ss_dep_t r = rt_dep_bytes(SS_DEP_IN, &x, sizeof x, &d);
    for (long i = 0; i < rounds; i++) {
        rt_spawn(&writer_type, NULL, 0, 1, &w, 0);
        RT_OK(ss_taskwait_on(1, &r));
        RT_CHECK(x == i + 1, "round %ld: after taskwait_on x = %ld", i, x);
    }
    RT_OK(ss_taskwait());
    RT_OK(ss_finalize());
    return 0;
}
