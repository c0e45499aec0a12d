/* failure_retry: on_failure retry(2) runs a failing body again: a body
 * that fails twice then succeeds runs 3 times and the program goes on (two
 * warning lines, stats retries 2); a body that always fails runs 3 times,
 * then the program stops as under `fail`: exit status 1 and one error line
 * naming the task, its location and the reason. */
#include "rt_test.h"

static atomic_int runs;
static int fail_until = 2;

static void body(void *p)
{
    (void)p;
    int r = atomic_fetch_add(&runs, 1);
    if (r < fail_until)
        RT_OK(ss_task_fail(3, "run %d went wrong", r + 1));
}

static ss_task_type_t flaky = {.label = "flaky", .file = "flaky.c", .line = 9, .run = body,
                               .on_failure = SS_ON_FAILURE_RETRY, .retries = 2};

static int child(const char *mode)
{
    if (!strcmp(mode, "always"))
        fail_until = 1000;
    rt_spawn(&flaky, NULL, 0, 0, NULL, 0);
    RT_OK(ss_taskwait());
    printf("runs %d\n", atomic_load(&runs));
    RT_OK(ss_finalize());
    return 0;
}

static int count(const char *s, const char *what)
{
    int n = 0;
    for (; (s = strstr(s, what)); s += strlen(what))
        n++;
    return n;
}

int main(void)
{
    const char *mode = getenv("RT_CHILD");
    if (mode)
        return child(mode);
    const char *env[] = {"SS_NUM_THREADS=2", "SS_STATS=1", NULL};
    rt_child_t c;
    rt_run_child("twice", env, &c);
    RT_CHECK(c.status == 0, "exit %d; stderr:\n%s", c.status, c.err);
    RT_CHECK(!strcmp(c.out, "runs 3\n"), "stdout: %s", c.out);
    RT_CHECK(count(c.err, "ss: warning: task 'flaky' (flaky.c:9) failed: run ") == 2 &&
                 strstr(c.err, "failed: run 2 went wrong; running it again (retry 2 of 2)"),
             "stderr:\n%s", c.err);
    RT_CHECK(strstr(c.err, "ss: stats: failures 2; retries 2; cancelled 0"), "stats:\n%s",
             c.err);

    const char *env2[] = {"SS_NUM_THREADS=2", "SS_STATS", NULL};
    rt_run_child("always", env2, &c);
    RT_CHECK(c.status == 1, "exit %d, want 1; stderr:\n%s", c.status, c.err);
    RT_CHECK(!strstr(c.out, "runs"), "the program went on after the failure: %s", c.out);
    RT_CHECK(count(c.err, "ss: error: ") == 1 &&
                 strstr(c.err, "ss: error: task 'flaky' (flaky.c:9) failed 3 times: run 3 "
                               "went wrong; stopping the program\n"),
             "stderr:\n%s", c.err);
    return 0;
}
