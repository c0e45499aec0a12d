/* ss_exec: SS_EINVAL for NULL, no argv or an empty argv, SS_ESTATE outside a
 * task; inside a task a program that cannot start fails the task (policy
 * ignore here) and ss_exec returns -1. */
#include "rt_test.h"

static atomic_int got;

static void body(void *p)
{
    (void)p;
    const char *none[] = {NULL};
    const char *missing[] = {"/nonexistent/program", NULL};
    ss_exec_t e0 = {.argv = NULL}, e1 = {.argv = none}, e2 = {.argv = missing};
    int ok = ss_exec(NULL) == SS_EINVAL && ss_exec(&e0) == SS_EINVAL &&
             ss_exec(&e1) == SS_EINVAL && ss_exec(&e2) == -1;
    atomic_store(&got, ok ? 1 : -1);
}

static ss_task_type_t type = {.label = "exec", .file = __FILE__, .line = __LINE__,
                              .run = body, .on_failure = SS_ON_FAILURE_IGNORE};

int main(void)
{
    const char *argv[] = {"true", NULL};
    ss_exec_t e = {.argv = argv};
    RT_EXPECT(ss_exec(&e), SS_ESTATE);
    RT_OK(ss_init());
    RT_EXPECT(ss_exec(&e), SS_ESTATE);
    RT_EXPECT(ss_exec(NULL), SS_EINVAL);
    rt_spawn(&type, NULL, 0, 0, NULL, 0);
    RT_OK(ss_taskwait());
    RT_CHECK(atomic_load(&got) == 1, "ss_exec inside a task returned wrong codes");
    RT_OK(ss_finalize());
    return 0;
}
