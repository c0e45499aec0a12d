/* failure_fail: under the default policy a failed task stops the program
 * cleanly: a C task already running finishes, no queued task starts, the
 * exit status is 1 and stderr has one error line naming the task, its
 * source location and the reason. */
#include "rt_test.h"

static atomic_int started;

static void long_body(void *p)
{
    (void)p;
    atomic_store(&started, 1);
    rt_sleep_us(300000);
    printf("long task finished\n");
    fflush(stdout);
}

static void bad_body(void *p)
{
    (void)p;
    double t0 = rt_now(); /* fail while the long one runs */
    while (!atomic_load(&started) && rt_now() - t0 < RT_WAIT_LIMIT)
        rt_sleep_us(1000);
    ss_task_fail(42, "the input is corrupt");
}

static void later_body(void *p)
{
    (void)p;
    printf("a later task ran\n");
    fflush(stdout);
}

static ss_task_type_t long_type = {.label = "long", .file = "app.c", .line = 1,
                                   .run = long_body};
static ss_task_type_t bad = {.label = "parse", .file = "app.c", .line = 20, .run = bad_body};
static ss_task_type_t later = {.label = "later", .file = "app.c", .line = 30,
                               .run = later_body};

static int child(void)
{
    static int x;
    ss_dim_t d1;
    ss_dep_t dep = rt_dep_bytes(SS_DEP_INOUT, &x, sizeof x, &d1);
    rt_spawn(&long_type, NULL, 0, 0, NULL, 0);
    rt_spawn(&bad, NULL, 0, 1, &dep, 0);
    for (int i = 0; i < 10; i++)
        rt_spawn(&later, NULL, 0, 1, &dep, 0); /* behind the failing one */
    RT_OK(ss_taskwait());
    printf("main went on\n");
    return 0;
}

int main(void)
{
    if (getenv("RT_CHILD"))
        return child();
    const char *env[] = {"SS_NUM_THREADS=2", "SS_FAIL_GRACE_S=10", NULL};
    rt_child_t c;
    rt_run_child("run", env, &c);
    RT_CHECK(c.status == 1, "exit %d, want 1; stderr:\n%s", c.status, c.err);
    RT_CHECK(!strcmp(c.err, "ss: error: task 'parse' (app.c:20) failed: the input is corrupt; "
                            "stopping the program\n"),
             "stderr:\n%s", c.err);
    RT_CHECK(strstr(c.out, "long task finished\n"), "the running task was not let finish: %s",
             c.out);
    RT_CHECK(!strstr(c.out, "later task") && !strstr(c.out, "main went on"),
             "work went on after the failure: %s", c.out);
    return 0;
}
