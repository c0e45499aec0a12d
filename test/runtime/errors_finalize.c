/* ss_finalize: SS_ESTATE before the runtime started, SS_ESTATE from inside a
 * task (deferred, undeferred, nested, final/included), SS_OK from main once,
 * then SS_ESTATE again. Runs with one worker so that every task runs on the
 * thread that started the runtime: the "from a task" case is unambiguous. */
#include "rt_test.h"

static atomic_int checked, wrong;

static void try_finalize(void *p)
{
    (void)p;
    int rc = ss_finalize();
    if (rc != SS_ESTATE) {
        fprintf(stderr, "ss_finalize in a task (worker %d, final %d) returned %d "
                "(%s), want SS_ESTATE\n", ss_worker_id(), ss_in_final(), rc,
                ss_strerror(rc));
        atomic_store(&wrong, 1);
    }
    atomic_fetch_add(&checked, 1);
}

static ss_task_type_t leaf = SS_TASK_TYPE("finalize in task", try_finalize);

static void parent(void *p)
{
    (void)p;
    try_finalize(NULL);
    rt_spawn(&leaf, NULL, 0, 0, NULL, 0);
    rt_spawn(&leaf, NULL, 0, 0, NULL, SS_TASK_UNDEFERRED);
    RT_OK(ss_taskwait());
    try_finalize(NULL);
}

static ss_task_type_t parent_type = SS_TASK_TYPE("parent", parent);

int main(void)
{
    setenv("SS_NUM_THREADS", "1", 1);
    RT_EXPECT(ss_finalize(), SS_ESTATE); /* not started */
    RT_EXPECT(ss_finalize(), SS_ESTATE);
    RT_OK(ss_init());
    RT_EXPECT(ss_num_workers(), 1);

    rt_spawn(&leaf, NULL, 0, 0, NULL, 0);                  /* 1 */
    rt_spawn(&leaf, NULL, 0, 0, NULL, SS_TASK_UNDEFERRED); /* 1 */
    rt_spawn(&leaf, NULL, 0, 0, NULL, SS_TASK_FINAL);      /* 1 */
    rt_spawn(&parent_type, NULL, 0, 0, NULL, 0);           /* 4 */
    rt_spawn(&parent_type, NULL, 0, 0, NULL, SS_TASK_FINAL); /* 4, children included */
    RT_OK(ss_taskwait());
    RT_CHECK(atomic_load(&checked) == 11, "checked %d, want 11", atomic_load(&checked));
    RT_CHECK(!atomic_load(&wrong), "ss_finalize from a task did not return SS_ESTATE");

    /* The runtime still works. */
    rt_spawn(&leaf, NULL, 0, 0, NULL, 0);
    RT_OK(ss_taskwait());
    RT_OK(ss_finalize());
    RT_EXPECT(ss_finalize(), SS_ESTATE);
    RT_EXPECT(ss_finalize(), SS_ESTATE);
    return 0;
}
