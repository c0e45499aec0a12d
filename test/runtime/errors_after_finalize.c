/* After ss_finalize every call that needs the runtime returns SS_ESTATE
 * (no restart): ss_init, ss_finalize, ss_task_create, ss_task_type_register,
 * ss_taskwait, ss_taskwait_on, ss_num_workers, ss_worker_id; the pure ones
 * (ss_strerror, ss_in_final) still answer. */
#include "rt_test.h"

static long x;
static void body(void *p)
{
    (void)p;
    x++;
}

static ss_task_type_t type = SS_TASK_TYPE("before", body);
static ss_task_type_t late = SS_TASK_TYPE("after", body);

int main(void)
{
    rt_spawn(&type, NULL, 0, 0, NULL, 0); /* starts the runtime */
    RT_OK(ss_taskwait());
    RT_CHECK(x == 1, "x = %ld", x);
    RT_OK(ss_finalize());

    ss_task_t t = NULL;
    void *args = NULL;
    RT_EXPECT(ss_init(), SS_ESTATE);
    RT_EXPECT(ss_finalize(), SS_ESTATE);
    RT_EXPECT(ss_task_create(&type, 0, 0, 0, &t, NULL), SS_ESTATE);
    RT_EXPECT(ss_task_create(&late, 32, 2, SS_TASK_UNDEFERRED, &t, &args), SS_ESTATE);
    RT_EXPECT(ss_task_type_register(&late), SS_ESTATE);
    RT_EXPECT(ss_taskwait(), SS_ESTATE);
    RT_EXPECT(ss_taskwait_on(0, NULL), SS_ESTATE);
    ss_dim_t d = {sizeof x, 0, sizeof x};
    ss_dep_t dep = {SS_DEP_IN, &x, 1, &d};
    RT_EXPECT(ss_taskwait_on(1, &dep), SS_ESTATE);
    RT_EXPECT(ss_num_workers(), SS_ESTATE);
    RT_EXPECT(ss_worker_id(), SS_ESTATE);
    RT_EXPECT(ss_in_final(), 0);
    RT_CHECK(!strcmp(ss_strerror(SS_ESTATE),
                     "runtime not in a state that allows this call"),
             "ss_strerror(SS_ESTATE) = '%s'", ss_strerror(SS_ESTATE));
    RT_CHECK(x == 1, "x = %ld: a task ran after finalize", x);
    /* Twice: still the same answers (no half restart). */
    RT_EXPECT(ss_init(), SS_ESTATE);
    RT_EXPECT(ss_task_create(&type, 0, 0, 0, &t, NULL), SS_ESTATE);
    return 0;
}
