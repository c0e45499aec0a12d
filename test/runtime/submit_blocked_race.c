/* ss_task_submit must not touch a task after registering its dependences
 * when the task is not ready yet: from then on another worker may run it,
 * complete it and reuse its memory for a new task. Constructed so that this
 * happens for sure: the submitted task t waits for P, which the other worker
 * runs; that worker then runs t, frees it, and runs R, which creates a task of
 * the same size (reusing t's block), while main, after ss_task_submit(t)
 * returned, makes no runtime call. A late read of t by the submitter is a
 * data race ThreadSanitizer reports (build with SS_SANITIZE=thread); in other
 * builds it is a rare use-after-free (if the reused block has the undeferred
 * flag, the submitter runs someone else's task). Needs 2 workers. */
#include "rt_test.h"

static long x;
static atomic_int r_done, t_done;

typedef struct { char pad[48]; } args_t; /* t and R's child: same size class */

static void p_body(void *p)
{
    (void)p;
    rt_sleep_us(5000); /* main is past its submit of t by then */
}
static ss_task_type_t p_type = SS_TASK_TYPE("P", p_body);

static void t_body(void *p)
{
    (void)p;
    atomic_store(&t_done, 1);
}
static ss_task_type_t t_type = SS_TASK_TYPE("t", t_body);

static void nop(void *p) { (void)p; }
static ss_task_type_t nop_type = SS_TASK_TYPE("nop", nop);

static void r_body(void *p)
{
    (void)p;
    /* Runs after t on the same worker (it was queued behind P); wait for t
     * to have finished, then allocate blocks of t's size. */
    double t0 = rt_now();
    while (!atomic_load(&t_done) && rt_now() - t0 < RT_WAIT_LIMIT)
        sched_yield();
    rt_sleep_us(1000);
    for (int i = 0; i < 8; i++) {
        args_t a;
        memset(&a, 0, sizeof a);
        ss_dim_t d;
        ss_dep_t dep = rt_dep_bytes(SS_DEP_INOUT, &x, sizeof x, &d);
        rt_spawn(&nop_type, &a, sizeof a, 1, &dep, SS_TASK_UNDEFERRED);
    }
    atomic_store(&r_done, 1);
}
static ss_task_type_t r_type = SS_TASK_TYPE("R", r_body);

int main(void)
{
    rt_need_workers(2);
    const int reps = (int)rt_scaled(20, 2);
    for (int rep = 0; rep < reps; rep++) {
        atomic_store(&r_done, 0);
        atomic_store(&t_done, 0);
        ss_dim_t d;
        ss_dep_t dep = rt_dep_bytes(SS_DEP_INOUT, &x, sizeof x, &d);
        args_t a;
        memset(&a, 0, sizeof a);
        rt_spawn(&p_type, &a, sizeof a, 1, &dep, 0); /* stolen first */
        rt_spawn(&r_type, NULL, 0, 0, NULL, 0);     /* stolen after t ran */
        rt_spawn(&t_type, &a, sizeof a, 1, &dep, 0); /* blocked by P */
        /* No runtime call until R is done (bounded). */
        double t0 = rt_now();
        while (!atomic_load(&r_done) && rt_now() - t0 < RT_WAIT_LIMIT)
            rt_sleep_us(500);
        RT_OK(ss_taskwait());
        RT_CHECK(atomic_load(&t_done) && atomic_load(&r_done), "t or R did not run");
    }
    RT_OK(ss_finalize());
    return 0;
}
