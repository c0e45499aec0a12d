/* versions_model: the timing history of versions is saved at finalize
 * (SS_PERF_MODEL) and reloaded by the next run, which then picks the fast
 * version from its first call on, without calibrating again. A file that
 * is not a model gives one warning and a fresh calibration. */
#include "rt_test.h"
#include "rt_trace.h"

#define CALLS 8

static char ran[CALLS + 1];

static void k_slow(void *p)
{
    ran[*(int *)p] = 's';
    rt_sleep_us(20000);
}

static void k_fast(void *p)
{
    ran[*(int *)p] = 'f';
    rt_sleep_us(1000);
}

static ss_task_type_t kernel = {.label = "kernel", .file = "model.c", .line = 7,
                                .run = k_slow};
static ss_task_version_t fast = {.name = "kernel_fast", .run = k_fast};

static int child(void)
{
    RT_OK(ss_task_type_add_version(&kernel, &fast));
    static int x;
    for (int i = 0; i < CALLS; i++) {
        ss_dim_t dim;
        ss_dep_t d = rt_dep_bytes(SS_DEP_INOUT, &x, sizeof x, &dim);
        rt_spawn(&kernel, &i, sizeof i, 1, &d, 0);
    }
    RT_OK(ss_taskwait());
    printf("%s\n", ran);
    RT_OK(ss_finalize());
    return 0;
}

static void run(const char *model, rt_child_t *c)
{
    char setting[4400];
    snprintf(setting, sizeof setting, "SS_PERF_MODEL=%s", model);
    const char *env[] = {setting, "SS_NUM_THREADS=2", "SS_CALIBRATION=3", "SS_STATS", NULL};
    rt_run_child("run", env, c);
    RT_CHECK(c->status == 0, "child exited with %d; stderr:\n%s", c->status, c->err);
}

int main(void)
{
    if (getenv("RT_CHILD"))
        return child();
    const char *dir = rt_tmpdir();
    char model[4200];
    snprintf(model, sizeof model, "%s/model", dir);
    rt_child_t c;
    run(model, &c);
    RT_CHECK(!strncmp(c.out, "sfsfsf", 6), "first run did not calibrate: %s", c.out);
    char *text = rt_read_file(model, NULL);
    RT_CHECK(strstr(text, "# ss performance model 1\n") && strstr(text, "\tkernel_fast\n") &&
                 strstr(text, "\tkernel\n"),
             "model file:\n%s", text);
    free(text);
    run(model, &c);
    RT_CHECK(!strncmp(c.out, "ffffffff", CALLS), "second run did not use the model: %s",
             c.out);
    FILE *f = fopen(model, "w");
    RT_CHECK(f && fputs("not a model\n", f) >= 0 && fclose(f) == 0, "rewrite %s", model);
    run(model, &c);
    RT_CHECK(!strncmp(c.out, "sfsfsf", 6), "a bad file was used: %s", c.out);
    RT_CHECK(strstr(c.err, "not a performance model line") && !strchr(strchr(c.err, '\n') + 1, '\n'),
             "want one warning line, got:\n%s", c.err);
    rt_rmdir(dir);
    return 0;
}
