/* resources_reserved: SS_RESERVED_CORES=2 on a synthetic 8-core machine
 * leaves 6 workers by default, SS_PRINT_CONFIG reports the reservation, and
 * a task needing computing_units(7) can never run there (SS_ECONSTRAINT),
 * while one needing 6 runs. */
#include "rt_test.h"

static atomic_int ran;

static void body(void *p)
{
    (void)p;
    atomic_fetch_add(&ran, 1);
}

static unsigned units;

static void need_units(const void *p, ss_constraints_t *c)
{
    (void)p;
    c->computing_units = units;
}

static ss_task_type_t wide = {.label = "wide", .file = "res.c", .line = 3, .run = body,
                              .constraints = need_units};

static int child(void)
{
    RT_OK(ss_init());
    RT_CHECK(ss_num_workers() == 6, "want 6 workers (8 cores, 2 reserved), have %d",
             ss_num_workers());
    ss_task_t t;
    units = 7;
    RT_OK(ss_task_create(&wide, 0, 0, 0, &t, NULL));
    RT_EXPECT(ss_task_submit(t), SS_ECONSTRAINT);
    units = 6;
    rt_spawn(&wide, NULL, 0, 0, NULL, 0);
    RT_OK(ss_taskwait());
    RT_CHECK(atomic_load(&ran) == 1, "%d tasks ran, want 1", atomic_load(&ran));
    RT_OK(ss_finalize());
    return 0;
}

int main(void)
{
    if (getenv("RT_CHILD"))
        return child();
    const char *env[] = {"HWLOC_SYNTHETIC=pack:2 core:4 pu:1", "SS_RESERVED_CORES=2",
                         "SS_NUM_THREADS", "SS_PRINT_CONFIG=1", NULL};
    rt_child_t c;
    rt_run_child("run", env, &c);
    RT_CHECK(c.status == 0, "exit %d; stderr:\n%s", c.status, c.err);
    RT_CHECK(strstr(c.err, "# machine: 8 cores (2 reserved)"), "stderr:\n%s", c.err);
    RT_CHECK(strstr(c.err, "needs computing_units(7); the runtime has 6 workers on 8 cores "
                           "(2 reserved)"),
             "stderr:\n%s", c.err);
    return 0;
}
