/* Priorities: among tasks that are ready at the same time, higher priority
 * runs first. Deterministic with one worker (SS_NUM_THREADS=1 is forced):
 * tasks are created behind a gate task (they read what it writes), or with no
 * dependences at all, and only run when main reaches ss_taskwait; they must
 * then run in non-increasing priority order, whatever their creation order
 * (ascending, descending, shuffled, default priority 0 first or last,
 * negative priorities, ties). */
#include "rt_test.h"

#define MAXT 128

static long x;
static int order[MAXT], norder;
static int prio_of[MAXT];

static void body(void *p)
{
    int id = *(int *)p;
    order[norder++] = id;
}
static ss_task_type_t t_type = SS_TASK_TYPE("prio", body);

static void gate(void *p)
{
    (void)p;
    x = 1;
}
static ss_task_type_t gate_type = SS_TASK_TYPE("gate", gate);

static void run_round(const char *name, const int *prios, int n, int gated)
{
    ss_dim_t d;
    norder = 0;
    if (gated) {
        ss_dep_t g = rt_dep_bytes(SS_DEP_INOUT, &x, sizeof x, &d);
        rt_spawn(&gate_type, NULL, 0, 1, &g, 0);
    }
    for (int i = 0; i < n; i++) {
        prio_of[i] = prios[i];
        ss_dep_t r = rt_dep_bytes(SS_DEP_IN, &x, sizeof x, &d);
        rt_spawn_p(&t_type, &i, sizeof i, gated ? 1 : 0, &r, 0, prios[i]);
    }
    RT_OK(ss_taskwait());
    RT_CHECK(norder == n, "%s: %d of %d tasks ran", name, norder, n);
    for (int k = 1; k < n; k++)
        if (prio_of[order[k]] > prio_of[order[k - 1]]) {
            fprintf(stderr, "%s (%s): run order (task:priority):", name,
                    gated ? "behind a gate" : "no dependences");
            for (int j = 0; j < n; j++)
                fprintf(stderr, " %d:%d", order[j], prio_of[order[j]]);
            fputc('\n', stderr);
            RT_FAIL("%s: task %d (priority %d) ran after task %d (priority %d)", name,
                    order[k], prio_of[order[k]], order[k - 1], prio_of[order[k - 1]]);
        }
}

int main(void)
{
    setenv("SS_NUM_THREADS", "1", 1);
    RT_OK(ss_init());
    RT_EXPECT(ss_num_workers(), 1);

    int asc[40], desc[40], pos[40], shuf[64], zfirst[40], zlast[40], neg[40];
    for (int i = 0; i < 40; i++) {
        asc[i] = i / 4 - 5;          /* -5..4, four of each */
        desc[i] = 5 - i / 4;
        pos[i] = 1 + (i * 7) % 13;   /* all positive, shuffled, ties */
        neg[i] = -1 - (i * 11) % 17;
        zfirst[i] = i < 10 ? 0 : (i % 3) + 1;   /* default priority first */
        zlast[i] = i >= 30 ? 0 : (i % 5) - 2;   /* mixed, zeros last */
    }
    unsigned rng = 2024;
    for (int i = 0; i < 64; i++) {
        rng = rng * 1103515245u + 12345u;
        shuf[i] = (int)((rng >> 8) % 21) - 10;
    }
    for (int gated = 1; gated >= 0; gated--) {
        run_round("ascending", asc, 40, gated);
        run_round("descending", desc, 40, gated);
        run_round("positive", pos, 40, gated);
        run_round("negative", neg, 40, gated);
        run_round("zeros first", zfirst, 40, gated);
        run_round("zeros last", zlast, 40, gated);
        run_round("shuffled", shuf, 64, gated);
    }
    RT_OK(ss_finalize());
    return 0;
}
