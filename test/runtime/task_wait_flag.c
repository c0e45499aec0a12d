/* SS_TASK_WAIT: an implicit taskwait at the end of the body. Observable with
 * SS_TASK_UNDEFERRED: the submit returns after the body *and its implicit
 * taskwait*, so all children and grandchildren (slow ones included) have
 * finished. And for a deferred task: its successors see the children's
 * writes (as they would anyway: a task completes after its children). */
#include "rt_test.h"

static atomic_int done_children;

static void leaf(void *p)
{
    long us = *(long *)p;
    rt_sleep_us(us);
    atomic_fetch_add(&done_children, 1);
}
static ss_task_type_t leaf_type = SS_TASK_TYPE("leaf", leaf);

static void mid(void *p)
{
    (void)p;
    for (long i = 0; i < 3; i++) {
        long us = 1000 * (i + 1);
        rt_spawn(&leaf_type, &us, sizeof us, 0, NULL, 0);
    }
    atomic_fetch_add(&done_children, 1);
}
static ss_task_type_t mid_type = SS_TASK_TYPE("mid", mid);

static void top(void *p)
{
    (void)p;
    for (int i = 0; i < 4; i++)
        rt_spawn(&mid_type, NULL, 0, 0, NULL, 0); /* no taskwait here */
}
static ss_task_type_t top_type = SS_TASK_TYPE("top", top);

static long result;
static void writer_top(void *p)
{
    (void)p;
    /* Children write parts of result; no explicit taskwait. */
    for (int i = 0; i < 4; i++) {
        long us = 2000;
        rt_spawn(&leaf_type, &us, sizeof us, 0, NULL, 0);
    }
    result = 1;
}
static ss_task_type_t writer_type = SS_TASK_TYPE("writer", writer_top);

static atomic_int reader_saw;
static void reader(void *p)
{
    (void)p;
    atomic_store(&reader_saw, atomic_load(&done_children));
}
static ss_task_type_t reader_type = SS_TASK_TYPE("reader", reader);

int main(void)
{
    RT_OK(ss_init());
    const int reps = (int)rt_scaled(20, 3);
    for (int rep = 0; rep < reps; rep++) {
        atomic_store(&done_children, 0);
        rt_spawn(&top_type, NULL, 0, 0, NULL, SS_TASK_UNDEFERRED | SS_TASK_WAIT);
        /* 4 mids + 12 leaves */
        RT_CHECK(atomic_load(&done_children) == 16, "rep %d: %d of 16 descendants done "
                 "when the undeferred SS_TASK_WAIT task returned", rep,
                 atomic_load(&done_children));

        atomic_store(&done_children, 0);
        ss_dim_t d;
        ss_dep_t w = rt_dep_bytes(SS_DEP_INOUT, &result, sizeof result, &d);
        ss_dep_t r = rt_dep_bytes(SS_DEP_IN, &result, sizeof result, &d);
        rt_spawn(&writer_type, NULL, 0, 1, &w, SS_TASK_WAIT);
        rt_spawn(&reader_type, NULL, 0, 1, &r, 0);
        RT_OK(ss_taskwait());
        RT_CHECK(atomic_load(&reader_saw) == 4, "rep %d: successor saw %d of 4 children "
                 "done", rep, atomic_load(&reader_saw));
    }
    RT_OK(ss_finalize());
    return 0;
}
