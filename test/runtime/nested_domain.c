/* Nested tasks: a task's children with dependences are ordered among
 * themselves, in the parent's own domain (a chain of inout children runs in
 * creation order; readers between writers see the right values), and the
 * children of different parents on different data proceed independently. */
#include "rt_test.h"

#define NP 8

typedef struct { long *x; long i; atomic_int *bad; } step_t;

static void step(void *p)
{
    step_t *a = p;
    if (*a->x != a->i)
        atomic_store(a->bad, 1);
    *a->x = a->i + 1;
}
static ss_task_type_t step_type = SS_TASK_TYPE("step", step);

static void check(void *p)
{
    step_t *a = p;
    if (*a->x != a->i)
        atomic_store(a->bad, 1);
}
static ss_task_type_t check_type = SS_TASK_TYPE("check", check);

typedef struct { long *x; long n; atomic_int *bad; int use_taskwait; } parent_t;

static void parent(void *p)
{
    parent_t *a = p;
    ss_dim_t d;
    for (long i = 0; i < a->n; i++) {
        step_t s = {a->x, i, a->bad};
        ss_dep_t dep = rt_dep_bytes(SS_DEP_INOUT, a->x, sizeof *a->x, &d);
        rt_spawn(&step_type, &s, sizeof s, 1, &dep, 0);
        if (i % 100 == 0) {
            step_t c = {a->x, i + 1, a->bad};
            ss_dep_t r = rt_dep_bytes(SS_DEP_IN, a->x, sizeof *a->x, &d);
            rt_spawn(&check_type, &c, sizeof c, 1, &r, 0);
            rt_spawn(&check_type, &c, sizeof c, 1, &r, 0);
        }
    }
    if (a->use_taskwait) {
        if (ss_taskwait() != SS_OK || *a->x != a->n)
            atomic_store(a->bad, 2);
    }
}
static ss_task_type_t parent_type = SS_TASK_TYPE("parent", parent);

/* A parent that spawns one probe child with inout on its own variable. */
typedef struct { int id, partner; long *x; } pp_t;
static void pp_body(void *p)
{
    pp_t *a = p;
    ss_dim_t d;
    ss_dep_t dep = rt_dep_bytes(SS_DEP_INOUT, a->x, sizeof *a->x, &d);
    rt_probe_spawn(a->id, a->partner, 0, 1, &dep);
}
static ss_task_type_t pp_type = SS_TASK_TYPE("probe parent", pp_body);

static long xs[NP];
static atomic_int bads[NP];

int main(void)
{
    RT_OK(ss_init());
    const long n = rt_scaled(20000, 100);
    for (int k = 0; k < NP; k++) {
        parent_t a = {&xs[k], n, &bads[k], k % 2};
        /* Parents have no dependences of their own: only their children's
         * domains order the steps. */
        rt_spawn(&parent_type, &a, sizeof a, 0, NULL, 0);
    }
    RT_OK(ss_taskwait());
    for (int k = 0; k < NP; k++) {
        RT_CHECK(atomic_load(&bads[k]) == 0, "parent %d: children out of order (%d)", k,
                 atomic_load(&bads[k]));
        RT_CHECK(xs[k] == n, "parent %d: x = %ld, want %ld", k, xs[k], n);
    }

    /* Children of two parents on different data run at the same time. */
    if (ss_num_workers() >= 2) {
        for (int rep = 0; rep < 5; rep++) {
            rt_probes_reset();
            for (int k = 0; k < 2; k++) {
                pp_t a = {k, 1 - k, &xs[k]};
                rt_spawn(&pp_type, &a, sizeof a, 0, NULL, 0);
            }
            RT_OK(ss_taskwait());
            RT_CHECK_CONCURRENT(0, 1, "children of two parents on different data");
        }
    }
    RT_OK(ss_finalize());
    return 0;
}
