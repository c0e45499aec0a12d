/* SS_PROFILE=1 prints, at finalize, the per-task cost by phase: every
 * phase line with how many times it ran (each of the N tasks is created,
 * registers its dependence, runs and releases once) and a mean per task;
 * the body's mean is at least what it sleeps. It writes no file. The run is
 * a child process (settings are read once). */
#include "rt_trace.h"

enum { N = 200, SLEEP_US = 200 };

static void step(void *p) { (void)p; rt_sleep_us(SLEEP_US); }
static ss_task_type_t step_type = SS_TASK_TYPE("step", step);

static int child(void)
{
    const char *dir = getenv("RT_DIR");
    if (!dir || chdir(dir))
        return 5;
    static int x;
    ss_dim_t dim;
    ss_dep_t d = rt_dep_bytes(SS_DEP_INOUT, &x, sizeof x, &dim);
    for (int i = 0; i < N; i++)
        rt_spawn(&step_type, NULL, 0, 1, &d, 0);
    RT_OK(ss_taskwait());
    return ss_finalize() == SS_OK ? 0 : 3;
}

/* The numbers after the phase name on its line. */
static int phase_row(const char *err, const char *name, double *count, double *per_task)
{
    const char *l = strstr(err, name);
    if (!l)
        return 0;
    double ms;
    return sscanf(l + strlen(name), "%lf %lf %lf", count, &ms, per_task) == 3;
}

int main(void)
{
    if (getenv("RT_CHILD"))
        return child();
    static rt_child_t c;
    const char *dir = rt_trace_child("SS_PROFILE=1", &c);
    const char *err = c.err;
    char want[96];
    snprintf(want, sizeof want, "ss profile: per-task cost by phase, %d tasks run", N);
    RT_CHECK(strstr(err, want), "no '%s':\n%s", want, err);
    static const char *once[] = {"  create ", "  register dependences ", "  run (body) ",
                                 "  release successors "};
    for (unsigned i = 0; i < sizeof once / sizeof once[0]; i++) {
        double count, per;
        RT_CHECK(phase_row(err, once[i], &count, &per) && count == N && per > 0,
                 "phase '%s' not %d times with a positive cost:\n%s", once[i], N, err);
        if (i == 2)
            RT_CHECK(per >= SLEEP_US * 1000.0, "the body's mean %.0f ns is shorter than its "
                     "%d us sleep:\n%s", per, SLEEP_US, err);
    }
    double count, per;
    RT_CHECK(phase_row(err, "  scheduling ", &count, &per) && count >= 1,
             "no scheduling phase:\n%s", err);
    RT_CHECK(strstr(err, "runtime (all but run)"), "no total line:\n%s", err);
    RT_CHECK(rt_dir_entries(dir, NULL, 0) == 0, "SS_PROFILE=1 wrote a file");
    rt_rmdir(dir);
    return 0;
}
