/* failure_cancel: cancel_successors never runs what depends on the failed
 * task, directly or through other tasks, also tasks submitted after it
 * finished; independent work completes and the program exits 0. */
#include "rt_test.h"

static int a, b, c, d;
static atomic_int ran[8];

static void body(void *p)
{
    int id = *(int *)p;
    atomic_store(&ran[id], 1);
    if (id == 0)
        ss_task_fail(1, "no luck");
}

static ss_task_type_t type = {.label = "step", .file = "wf.c", .line = 5, .run = body,
                              .on_failure = SS_ON_FAILURE_CANCEL};

static void spawn(int id, int nd, ss_dep_type_t t1, int *x1, ss_dep_type_t t2, int *x2)
{
    ss_dim_t dm[2];
    ss_dep_t dep[2] = {rt_dep_bytes(t1, x1, sizeof *x1, &dm[0]),
                       rt_dep_bytes(t2, x2, sizeof *x2, &dm[1])};
    rt_spawn(&type, &id, sizeof id, (unsigned)nd, dep, 0);
}

int main(void)
{
    rt_need_workers(2);
    spawn(0, 1, SS_DEP_OUT, &a, 0, NULL);            /* fails */
    spawn(1, 2, SS_DEP_IN, &a, SS_DEP_OUT, &b);      /* after 0 */
    spawn(2, 2, SS_DEP_IN, &b, SS_DEP_OUT, &c);      /* after 1 */
    spawn(3, 1, SS_DEP_INOUT, &d, 0, NULL);          /* independent */
    spawn(4, 2, SS_DEP_IN, &d, SS_DEP_IN, &c);       /* after 2 and 3 */
    RT_OK(ss_taskwait());
    spawn(5, 1, SS_DEP_IN, &a, 0, NULL);             /* later reader of a */
    spawn(6, 1, SS_DEP_INOUT, &d, 0, NULL);          /* independent again */
    RT_OK(ss_taskwait());
    const int want[7] = {1, 0, 0, 1, 0, 0, 1};
    for (int i = 0; i < 7; i++)
        RT_CHECK(atomic_load(&ran[i]) == want[i], "task %d %s", i,
                 want[i] ? "did not run" : "ran after the failed task");
    RT_OK(ss_finalize());
    return 0;
}
