/* failure_ignore: a task with policy ignore that fails after writing part of
 * its output file: the partial file is renamed aside (PATH.failed, never
 * left looking valid), the output is created empty, and its successor
 * (ordered by the file dependence) runs and finds the empty file. */
#include "rt_test.h"
#include "rt_trace.h"

static char out[4200];
static atomic_long seen = -1;

static void writer(void *p)
{
    (void)p;
    FILE *f = fopen(out, "w");
    fputs("half of the res", f);
    fclose(f);
    ss_task_fail(5, "disk quota exceeded");
}

static void reader(void *p)
{
    (void)p;
    FILE *f = fopen(out, "r");
    if (!f)
        return;
    fseek(f, 0, SEEK_END);
    atomic_store(&seen, ftell(f));
    fclose(f);
}

static ss_task_type_t w_type = {.label = "write", .file = "wf.c", .line = 1, .run = writer,
                                .on_failure = SS_ON_FAILURE_IGNORE};
static ss_task_type_t r_type = SS_TASK_TYPE("read", reader);

int main(void)
{
    const char *dir = rt_tmpdir();
    snprintf(out, sizeof out, "%s/result.txt", dir);
    rt_need_workers(2);
    ss_task_t t;
    RT_OK(ss_task_create(&w_type, 0, 1, 0, &t, NULL));
    RT_OK(ss_task_depend_file(t, SS_DEP_OUT, out));
    RT_OK(ss_task_submit(t));
    char other[4300]; /* the same file, spelled differently */
    snprintf(other, sizeof other, "%s/./sub/../result.txt", dir);
    RT_OK(ss_task_create(&r_type, 0, 1, 0, &t, NULL));
    RT_OK(ss_task_depend_file(t, SS_DEP_IN, other));
    RT_OK(ss_task_submit(t));
    RT_OK(ss_taskwait());
    RT_CHECK(atomic_load(&seen) == 0, "the successor saw %ld bytes, want an empty file",
             atomic_load(&seen));
    char aside[4300];
    snprintf(aside, sizeof aside, "%s.failed", out);
    char *partial = rt_read_file(aside, NULL);
    RT_CHECK(partial && !strcmp(partial, "half of the res"), "no partial output aside");
    free(partial);
    rt_rmdir(dir);
    RT_OK(ss_finalize());
    return 0;
}
