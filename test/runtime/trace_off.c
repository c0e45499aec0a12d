/* With tracing off (SS_TRACE, SS_GRAPH and SS_STATS unset, or set to off,
 * empty and 0) a run writes no file and prints nothing; SS_TRACE=json
 * without SS_TRACE_FILE writes ss-trace.json in the working directory and
 * nothing else. Each run is a child process in an empty directory. */
#include "rt_trace.h"

static void work(void *p) { (void)p; }
static ss_task_type_t step = SS_TASK_TYPE("step", work);

static int child(void)
{
    const char *dir = getenv("RT_DIR");
    if (!dir || chdir(dir))
        return 5;
    static int x;
    ss_dim_t dim;
    ss_dep_t d = rt_dep_bytes(SS_DEP_INOUT, &x, sizeof x, &dim);
    for (int i = 0; i < 100; i++)
        rt_spawn(&step, NULL, 0, 1, &d, 0);
    RT_OK(ss_taskwait());
    return ss_finalize() == SS_OK ? 0 : 3;
}

static void run(const char *what, const char *const *settings, int nsettings,
                const char *want_file)
{
    const char *dir = rt_tmpdir();
    char assign[4300];
    snprintf(assign, sizeof assign, "RT_DIR=%s", dir);
    const char *env[16] = {RT_TRACE_UNSET, assign, "SS_NUM_THREADS=2"};
    int n = 7;
    for (int i = 0; i < nsettings; i++)
        env[n++] = settings[i];
    env[n] = NULL;
    static rt_child_t c;
    rt_run_child("run", env, &c);
    RT_CHECK(c.status == 0, "%s: child exited with %d; stderr:\n%s", what, c.status, c.err);
    char first[256];
    int files = rt_dir_entries(dir, first, sizeof first);
    if (!want_file) {
        RT_CHECK(files == 0, "%s: the run wrote %s (and %d more files)", what, first,
                 files - 1);
        RT_CHECK(c.err[0] == 0, "%s: the run printed:\n%s", what, c.err);
    } else {
        RT_CHECK(files == 1 && !strcmp(first, want_file), "%s: %d files (%s), want only %s",
                 what, files, files ? first : "-", want_file);
    }
    rt_rmdir(dir);
}

int main(void)
{
    if (getenv("RT_CHILD"))
        return child();
    run("nothing set", NULL, 0, NULL);
    const char *off[] = {"SS_TRACE=off", "SS_GRAPH=", "SS_STATS=0",
                         "SS_TRACE_FILE=should-not-appear"};
    run("SS_TRACE=off SS_GRAPH= SS_STATS=0", off, 4, NULL);
    const char *json[] = {"SS_TRACE=json"};
    run("SS_TRACE=json", json, 1, "ss-trace.json");
    return 0;
}
