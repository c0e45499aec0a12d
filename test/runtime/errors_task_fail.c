/* ss_task_fail: SS_EINVAL for code 0 or a NULL format, SS_ESTATE outside a
 * task (before and after ss_init, from the main thread); inside a task of
 * policy ignore a valid call is accepted and the failure is counted. */
#include "rt_test.h"

static atomic_int got = 1;

static void body(void *p)
{
    (void)p;
    int a = ss_task_fail(0, "zero");
    int b = ss_task_fail(1, NULL);
    int c = ss_task_fail(2, "real failure %d", 2);
    atomic_store(&got, a == SS_EINVAL && b == SS_EINVAL && c == SS_OK);
}

static ss_task_type_t type = {.label = "fails", .file = __FILE__, .line = __LINE__,
                              .run = body, .on_failure = SS_ON_FAILURE_IGNORE};

int main(void)
{
    RT_EXPECT(ss_task_fail(1, "outside"), SS_ESTATE);
    RT_OK(ss_init());
    RT_EXPECT(ss_task_fail(1, "outside"), SS_ESTATE);
    rt_spawn(&type, NULL, 0, 0, NULL, 0);
    RT_OK(ss_taskwait());
    RT_CHECK(atomic_load(&got) == 1, "ss_task_fail inside a task returned wrong codes");
    RT_OK(ss_finalize());
    return 0;
}
