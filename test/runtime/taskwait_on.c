/* ss_taskwait_on waits only for the earlier sibling accesses that conflict
 * with the named region: a long task on another region (or a reader, for a
 * taskwait on "in") may still be running afterwards - checked with a flag -
 * while the conflicting ones, their descendants included, have finished.
 * Partial overlaps count; an empty region waits for nothing; inside a task it
 * concerns only that task's children. Needs 2 workers (the long task holds
 * one). */
#include "rt_test.h"

static long x, y;
static char buf[1024];

/* A task that holds its worker until main releases it (bounded). */
static atomic_int hold_started, hold_release, hold_done, hold_timed_out;
static void hold_body(void *p)
{
    (void)p;
    atomic_store(&hold_started, 1);
    if (!rt_wait_flag(&hold_release))
        atomic_store(&hold_timed_out, 1);
    atomic_store(&hold_done, 1);
}
static ss_task_type_t hold_type = SS_TASK_TYPE("hold", hold_body);

/* Start a holding task with dependence `d` and wait until it runs. */
static void start_hold(ss_dep_type_t t, const void *addr, size_t len)
{
    atomic_store(&hold_started, 0);
    atomic_store(&hold_release, 0);
    atomic_store(&hold_done, 0);
    ss_dim_t dim;
    ss_dep_t d = rt_dep_bytes(t, addr, len, &dim);
    rt_spawn(&hold_type, NULL, 0, 1, &d, 0);
    RT_CHECK(rt_wait_flag(&hold_started), "the holding task never started");
}

static void end_hold(const char *what)
{
    atomic_store(&hold_release, 1);
    RT_OK(ss_taskwait());
    RT_CHECK(!atomic_load(&hold_timed_out), "%s: the holding task was never released "
             "(a taskwait_on waited for it)", what);
}

/* A writer that sleeps, then stores a value. */
typedef struct { long *p; long v; long delay_us; } wr_t;
static void wr_body(void *p)
{
    wr_t *a = p;
    rt_sleep_us(a->delay_us);
    *a->p = a->v;
}
static ss_task_type_t wr_type = SS_TASK_TYPE("writer", wr_body);

static void writer(ss_dep_type_t t, long *p, long v, long delay_us)
{
    wr_t a = {p, v, delay_us};
    ss_dim_t dim;
    ss_dep_t d = rt_dep_bytes(t, p, sizeof *p, &dim);
    rt_spawn(&wr_type, &a, sizeof a, 1, &d, 0);
}

static int taskwait_on1(ss_dep_type_t t, const void *addr, size_t len)
{
    ss_dim_t dim;
    ss_dep_t d = rt_dep_bytes(t, addr, len, &dim);
    return ss_taskwait_on(1, &d);
}

/* A parent whose child writes x later: taskwait_on must wait for the child
 * (the parent is not complete before it). */
static void child_parent_body(void *p)
{
    (void)p;
    writer(SS_DEP_INOUT, &x, 77, 5000);
}
static ss_task_type_t child_parent_type = SS_TASK_TYPE("parent", child_parent_body);

/* Inside a task: taskwait_on concerns only its own children. */
static atomic_int inner_ok;
static void inner_body(void *p)
{
    (void)p;
    long local = 0;
    writer(SS_DEP_INOUT, &local, 5, 3000);
    if (taskwait_on1(SS_DEP_IN, &local, sizeof local) != SS_OK || local != 5)
        return;
    /* y is held by a sibling of this task in main's domain: no child of this
     * task touches y, so this returns at once. */
    if (taskwait_on1(SS_DEP_INOUT, &y, sizeof y) != SS_OK)
        return;
    if (atomic_load(&hold_done))
        return; /* the sibling finished: we cannot tell (it must not) */
    atomic_store(&inner_ok, 1);
}
static ss_task_type_t inner_type = SS_TASK_TYPE("inner", inner_body);

int main(void)
{
    rt_need_workers(2);

    for (int rep = 0; rep < 3; rep++) {
        /* Long task on y; taskwait on x returns with it still running. */
        start_hold(SS_DEP_INOUT, &y, sizeof y);
        writer(SS_DEP_INOUT, &x, 42 + rep, 3000);
        RT_OK(taskwait_on1(SS_DEP_INOUT, &x, sizeof x));
        RT_CHECK(x == 42 + rep, "after taskwait_on(x): x = %ld", x);
        RT_CHECK(!atomic_load(&hold_done), "the task on y had to finish first");
        end_hold("taskwait_on(inout x) with a task on y");

        /* taskwait on "in" does not wait for an earlier reader. */
        start_hold(SS_DEP_IN, &x, sizeof x);
        RT_OK(taskwait_on1(SS_DEP_IN, &x, sizeof x));
        RT_CHECK(!atomic_load(&hold_done), "taskwait_on(in x) waited for a reader");
        end_hold("taskwait_on(in x) with a reader of x");

        /* ... but "out" / "inout" do. */
        for (ss_dep_type_t t = SS_DEP_OUT; t <= SS_DEP_INOUT; t++) {
            rt_probes_reset();
            rt_probe1(0, -1, 5000, SS_DEP_IN, &x, sizeof x);
            RT_OK(taskwait_on1(t, &x, sizeof x));
            RT_CHECK(atomic_load(&rt_end[0]) != 0, "taskwait_on(%s x) returned before "
                     "an earlier reader finished", rt_dep_name(t));
        }

        /* Partial overlap counts; a disjoint range does not. */
        start_hold(SS_DEP_INOUT, buf + 100, 100);   /* [100,200) held */
        rt_probes_reset();
        rt_probe1(0, -1, 5000, SS_DEP_INOUT, buf, 100); /* [0,100) */
        RT_OK(taskwait_on1(SS_DEP_IN, buf + 50, 10));   /* [50,60) */
        RT_CHECK(atomic_load(&rt_end[0]) != 0, "taskwait_on([50,60)) did not wait "
                 "for the writer of [0,100)");
        RT_OK(taskwait_on1(SS_DEP_INOUT, buf + 99, 1)); /* [99,100): nothing left */
        RT_OK(taskwait_on1(SS_DEP_INOUT, buf + 200, 50)); /* adjacent to the hold */
        RT_CHECK(!atomic_load(&hold_done), "taskwait_on on [200,250) or [99,100) "
                 "waited for the task on [100,200)");
        end_hold("taskwait_on disjoint from the held range");

        /* An empty region waits for nothing; two regions wait for both. */
        start_hold(SS_DEP_INOUT, &y, sizeof y);
        ss_dim_t empty = {sizeof y, 4, 4};
        ss_dep_t de = {SS_DEP_INOUT, &y, 1, &empty};
        RT_OK(ss_taskwait_on(1, &de));
        RT_CHECK(!atomic_load(&hold_done), "taskwait_on(empty region) waited");
        writer(SS_DEP_OUT, &x, 1000 + rep, 3000);
        writer(SS_DEP_OUT, (long *)buf + 40, 2000 + rep, 6000);
        ss_dim_t d1 = {sizeof x, 0, sizeof x}, d2 = {sizeof(long), 0, sizeof(long)};
        ss_dep_t two[2] = {{SS_DEP_IN, &x, 1, &d1}, {SS_DEP_IN, (long *)buf + 40, 1, &d2}};
        RT_OK(ss_taskwait_on(2, two));
        RT_CHECK(x == 1000 + rep && ((long *)buf)[40] == 2000 + rep,
                 "taskwait_on with two regions: x = %ld, buf[40] = %ld", x,
                 ((long *)buf)[40]);
        RT_CHECK(!atomic_load(&hold_done), "taskwait_on(x, buf) waited for y");

        /* Descendants of a conflicting task are waited for. */
        x = 0;
        {
            ss_dim_t dim;
            ss_dep_t d = rt_dep_bytes(SS_DEP_INOUT, &x, sizeof x, &dim);
            rt_spawn(&child_parent_type, NULL, 0, 1, &d, 0);
        }
        RT_OK(taskwait_on1(SS_DEP_IN, &x, sizeof x));
        RT_CHECK(x == 77, "taskwait_on(x) returned before the child of the task "
                 "on x wrote it (x = %ld)", x);
        RT_CHECK(!atomic_load(&hold_done), "taskwait_on(x) waited for y");

        /* Inside a task, only that task's children count. The task runs
         * undeferred, on this thread (the other worker holds y). */
        atomic_store(&inner_ok, 0);
        rt_spawn(&inner_type, NULL, 0, 0, NULL, SS_TASK_UNDEFERRED);
        RT_CHECK(atomic_load(&inner_ok), "inside a task, taskwait_on(y) waited for a "
                 "sibling of the task (or its own child was not waited for)");
        end_hold("taskwait_on inside a task");
    }
    RT_OK(ss_finalize());
    return 0;
}
