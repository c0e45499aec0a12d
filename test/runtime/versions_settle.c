/* versions_settle: a task type with three versions of one kernel (a fast and
 * a slow C version and a CUDA one) settles on the fastest available version
 * within 20 calls, and switches when the fast one is made unavailable (its
 * memory_size constraint, evaluated per task, outgrows the memory budget).
 * Without a GPU the CUDA version is never eligible; with one, its launcher
 * runs no kernel but sleeps, so it is the slowest. SS_STATS names the
 * versions with their run counts. */
#include "rt_test.h"

#define CALLS 20
/* Sleeps, 20x apart: a loaded machine delays both by about the same. */
#define FAST_US 1000
#define SLOW_US 20000

typedef struct {
    int call;
    double fast_gb; /* what the fast version needs: memory_size */
} kargs_t;

static char ran[3 * CALLS];

static void k_slow(void *p)
{
    ran[((kargs_t *)p)->call] = 's';
    rt_sleep_us(SLOW_US);
}

static void k_fast(void *p)
{
    ran[((kargs_t *)p)->call] = 'f';
    rt_sleep_us(FAST_US);
}

static void k_cuda(void *p)
{
    ran[((kargs_t *)p)->call] = 'c';
    rt_sleep_us(4 * SLOW_US);
}

static void fast_constraints(const void *p, ss_constraints_t *c)
{
    c->memory_size = ((const kargs_t *)p)->fast_gb;
}

static ss_task_type_t kernel = {.label = "kernel", .file = __FILE__, .line = __LINE__,
                                .run = k_slow};
static ss_task_version_t fast = {.name = "kernel_fast", .run = k_fast,
                                 .constraints = fast_constraints};
static ss_task_version_t cuda = {.name = "kernel_cuda", .device = SS_DEVICE_CUDA,
                                 .run = k_cuda};

static double data[1024];

static void call(int i, double fast_gb)
{
    kargs_t a = {i, fast_gb};
    ss_dim_t dim;
    ss_dep_t d = rt_dep_bytes(SS_DEP_INOUT, data, sizeof data, &dim);
    rt_spawn(&kernel, &a, sizeof a, 1, &d, 0);
}

static int child(void)
{
    RT_OK(ss_task_type_add_version(&kernel, &fast));
    RT_OK(ss_task_type_add_version(&kernel, &cuda));
    RT_EXPECT(ss_task_type_add_version(&kernel, &fast), SS_EINVAL); /* same name */
    /* Phase 1: the fast version fits the budget (SS_MEMORY_MB=64). */
    for (int i = 0; i < CALLS; i++)
        call(i, 0.01);
    RT_OK(ss_taskwait());
    /* Phase 2: it needs 1 GB now: only the slow (and CUDA) ones remain. */
    for (int i = CALLS; i < 2 * CALLS; i++)
        call(i, 1.0);
    RT_OK(ss_taskwait());
    ran[2 * CALLS] = 0;
    printf("%s\n", ran);
    RT_OK(ss_finalize());
    return 0;
}

int main(void)
{
    if (getenv("RT_CHILD"))
        return child();
    const char *env[] = {"SS_MEMORY_MB=64", "SS_STATS=1", "SS_NUM_THREADS=2",
                         "SS_CALIBRATION=3", "SS_PERF_MODEL", NULL};
    rt_child_t c;
    rt_run_child("run", env, &c);
    RT_CHECK(c.status == 0, "child exited with %d; stderr:\n%s", c.status, c.err);
    const char *seq = c.out;
    RT_CHECK(strlen(seq) >= 2 * CALLS, "child printed '%s'", seq);
    int gpus = ss_cuda_devices();
    /* Settled: the last half of phase 1 all fast; calibration ran each
     * eligible version 3 times. */
    int nf = 0, ns = 0, nc = 0;
    for (int i = 0; i < CALLS; i++) {
        nf += seq[i] == 'f';
        ns += seq[i] == 's';
        nc += seq[i] == 'c';
    }
    RT_CHECK(ns == 3 && nf == CALLS - 3 - nc && nc == (gpus ? 3 : 0),
             "phase 1 ran %s (f fast, s slow, c cuda; %d GPUs)", seq, gpus);
    for (int i = CALLS / 2; i < CALLS; i++)
        RT_CHECK(seq[i] == 'f', "call %d of phase 1 ran '%c', want the fast version: %s",
                 i, seq[i], seq);
    /* Switched: no fast run in phase 2; without a GPU all slow; with one,
     * the CUDA version was already calibrated (slower): slow again. */
    for (int i = CALLS; i < 2 * CALLS; i++)
        RT_CHECK(seq[i] == 's', "call %d of phase 2 ran '%c', want the slow version: %s",
                 i - CALLS, seq[i], seq);
    RT_CHECK(strstr(c.err, "kernel_fast") && strstr(c.err, "kernel_cuda"),
             "no version lines in the stats:\n%s", c.err);
    char want[96];
    snprintf(want, sizeof want, "%-20s %-20s %-4s %8d runs", "kernel", "kernel_fast", "smp",
             nf);
    RT_CHECK(strstr(c.err, want), "no '%s' in the stats:\n%s", want, c.err);
    return 0;
}
