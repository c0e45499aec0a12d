/* exec_timeout: a binary task past its time-out has its whole process group
 * killed: the shell it started and the sleeping grandchild the shell
 * started in the background. The task fails (policy ignore here, so the
 * program goes on) with a message naming the time-out. */
#include "rt_test.h"
#include "rt_trace.h"

static char pidfile[4200];

static void body(void *p)
{
    (void)p;
    char script[4400];
    snprintf(script, sizeof script, "sleep 30 & echo $! > '%s'; sleep 30", pidfile);
    const char *argv[] = {"sh", "-c", script, NULL};
    ss_exec_t e = {.argv = argv};
    ss_exec(&e);
}

static ss_task_type_t slow = {.label = "slow", .file = "wf.c", .line = 3, .run = body,
                              .on_failure = SS_ON_FAILURE_IGNORE, .time_out = 0.5};

/* Gone, or a zombie waiting for init to reap it. */
static int dead(long pid)
{
    char path[64], stat[256];
    snprintf(path, sizeof path, "/proc/%ld/stat", pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return 1;
    size_t n = fread(stat, 1, sizeof stat - 1, f);
    fclose(f);
    stat[n] = 0;
    const char *rp = strrchr(stat, ')');
    return rp && rp[1] == ' ' && rp[2] == 'Z';
}

int main(void)
{
    const char *dir = rt_tmpdir();
    snprintf(pidfile, sizeof pidfile, "%s/grandchild.pid", dir);
    rt_need_workers(2);
    double t0 = rt_now();
    rt_spawn(&slow, NULL, 0, 0, NULL, 0);
    RT_OK(ss_taskwait());
    RT_CHECK(rt_now() - t0 < 20, "the task was not stopped at its time-out");
    char *text = rt_read_file(pidfile, NULL);
    RT_CHECK(text, "the shell did not start the grandchild");
    long pid = atol(text);
    free(text);
    double t1 = rt_now();
    while (!dead(pid) && rt_now() - t1 < RT_WAIT_LIMIT)
        rt_sleep_us(10000);
    RT_CHECK(dead(pid), "the grandchild %ld still runs", pid);
    rt_rmdir(dir);
    RT_OK(ss_finalize());
    return 0;
}
