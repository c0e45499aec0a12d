/* SS_STATS=1 prints statistics to stderr at finalize: one row per label
 * with its task count (and a mean time no shorter than what the body
 * sleeps), the total, one row per worker, the steals, the peak number of
 * pending tasks (exact here: every task waits behind a gate until all are
 * created), and versions / failures / retries as not available. It writes
 * no file. The run is a child process (settings are read once). */
#include "rt_trace.h"

static atomic_int gate;
static void hold(void *p) { (void)p; RT_CHECK(rt_wait_flag(&gate), "gate never opened"); }
static void quick(void *p) { (void)p; }
static void slow(void *p) { (void)p; rt_sleep_us(1000); }
static ss_task_type_t gate_type = SS_TASK_TYPE("gate", hold);
static ss_task_type_t quick_type = SS_TASK_TYPE("quick", quick);
static ss_task_type_t slow_type = SS_TASK_TYPE("slow", slow);

enum { NQUICK = 30, NSLOW = 10, NTASKS = 1 + NQUICK + NSLOW };

static int child(void)
{
    const char *dir = getenv("RT_DIR");
    if (!dir || chdir(dir))
        return 5;
    static int x;
    ss_dim_t dim;
    ss_dep_t d = rt_dep_bytes(SS_DEP_OUT, &x, sizeof x, &dim);
    rt_spawn(&gate_type, NULL, 0, 1, &d, 0);
    d.type = SS_DEP_IN;
    for (int i = 0; i < NQUICK; i++)
        rt_spawn(&quick_type, NULL, 0, 1, &d, 0);
    for (int i = 0; i < NSLOW; i++)
        rt_spawn(&slow_type, NULL, 0, 1, &d, 0);
    atomic_store(&gate, 1);
    RT_OK(ss_taskwait());
    return ss_finalize() == SS_OK ? 0 : 3;
}

/* The fields of the stats line whose first field (after "ss: stats:") is
 * `first`; returns how many were read into f (numbers after the first). */
static int stats_row(const char *err, const char *first, double *f, int max)
{
    char prefix[128], line[512];
    snprintf(prefix, sizeof prefix, "ss: stats: %s ", first);
    if (!rt_line_starting(err, prefix, line, sizeof line))
        return -1;
    int n = 0;
    char *s = line + strlen(prefix), *end;
    while (n < max) {
        double v = strtod(s, &end);
        if (end == s)
            break;
        f[n++] = v;
        s = end;
        while (*s == ' ' || *s == '%')
            s++;
    }
    return n;
}

int main(void)
{
    if (getenv("RT_CHILD"))
        return child();
    static rt_child_t c;
    const char *dir = rt_trace_child("SS_STATS=1", &c);
    const char *err = c.err;
    double f[8];
    /* label: tasks, time ms, mean us, share */
    RT_CHECK(stats_row(err, "quick", f, 8) == 4 && f[0] == NQUICK,
             "no row 'quick' with %d tasks:\n%s", NQUICK, err);
    RT_CHECK(stats_row(err, "slow", f, 8) == 4 && f[0] == NSLOW && f[2] >= 1000.0,
             "no row 'slow' with %d tasks of at least 1000 us each:\n%s", NSLOW, err);
    RT_CHECK(stats_row(err, "gate", f, 8) == 4 && f[0] == 1, "no row 'gate':\n%s", err);
    RT_CHECK(stats_row(err, "(all)", f, 8) == 2 && f[0] == NTASKS,
             "no row '(all)' with %d tasks:\n%s", NTASKS, err);
    /* workers: tasks, task ms, idle ms, runtime ms, steals */
    double tasks = 0;
    for (int w = 0; w < 2; w++) {
        char name[8];
        snprintf(name, sizeof name, "%d", w);
        RT_CHECK(stats_row(err, name, f, 8) == 5, "no row for worker %d:\n%s", w, err);
        tasks += f[0];
    }
    RT_CHECK(tasks == NTASKS, "the workers ran %.0f tasks, want %d:\n%s", tasks, NTASKS,
             err);
    char want[64];
    snprintf(want, sizeof want, "peak pending tasks %d ", NTASKS);
    RT_CHECK(strstr(err, want), "no '%s':\n%s", want, err);
    RT_CHECK(strstr(err, "ss: stats: steals "), "no steals line:\n%s", err);
    RT_CHECK(strstr(err, "ss: stats: versions: no task type has more than one version"),
             "no versions line:\n%s", err);
    RT_CHECK(strstr(err, "ss: stats: failures 0; retries 0; cancelled 0; skipped as up to "
                         "date 0\n"),
             "no failures / retries line:\n%s", err);
    RT_CHECK(rt_dir_entries(dir, NULL, 0) == 0, "SS_STATS=1 wrote a file");
    rt_rmdir(dir);
    return 0;
}
