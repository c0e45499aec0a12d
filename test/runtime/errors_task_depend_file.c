/* ss_task_depend_file rejects a NULL task, a bad dependence type, a NULL or
 * empty path, a task without room and a submitted task with SS_EINVAL; a
 * valid file dependence is accepted and the task runs. */
#include "rt_test.h"

static atomic_int ran;

static void body(void *p)
{
    (void)p;
    atomic_fetch_add(&ran, 1);
}

static ss_task_type_t type = SS_TASK_TYPE("file", body);

int main(void)
{
    RT_EXPECT(ss_task_depend_file(NULL, SS_DEP_IN, "a.txt"), SS_EINVAL);
    RT_OK(ss_init());
    ss_task_t t;
    RT_OK(ss_task_create(&type, 0, 1, 0, &t, NULL));
    RT_EXPECT(ss_task_depend_file(t, (ss_dep_type_t)0, "a.txt"), SS_EINVAL);
    RT_EXPECT(ss_task_depend_file(t, (ss_dep_type_t)6, "a.txt"), SS_EINVAL);
    RT_EXPECT(ss_task_depend_file(t, SS_DEP_IN, NULL), SS_EINVAL);
    RT_EXPECT(ss_task_depend_file(t, SS_DEP_IN, ""), SS_EINVAL);
    RT_OK(ss_task_depend_file(t, SS_DEP_OUT, "a.txt"));
    RT_OK(ss_task_depend_file(t, SS_DEP_IN, "./a.txt")); /* the same file: merged */
    RT_EXPECT(ss_task_depend_file(t, SS_DEP_IN, "b.txt"), SS_EINVAL); /* no room */
    RT_OK(ss_task_submit(t));
    RT_EXPECT(ss_task_depend_file(t, SS_DEP_IN, "c.txt"), SS_EINVAL); /* submitted */
    RT_OK(ss_taskwait());
    RT_CHECK(atomic_load(&ran) == 1, "ran %d, want 1", atomic_load(&ran));
    RT_OK(ss_finalize());
    return 0;
}
