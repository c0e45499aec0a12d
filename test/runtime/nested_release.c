/* A parent's dependences are released only after its children (and their
 * children) finished: a successor of the parent in the parent's domain sees
 * the children's writes and starts after they ended, although the parent's
 * body returned without a taskwait. Also for readers (a writer after a
 * parent with "in" waits for the parent's reading children) and for
 * mutexinoutset (the next member waits for the previous member's children). */
#include "rt_test.h"

static long x;

typedef struct { int probe; long delay_us; ss_dep_type_t t; int grand; } par_t;

static void par_body(void *p);
static ss_task_type_t par_type = SS_TASK_TYPE("parent", par_body);

static void par_body(void *p)
{
    par_t *a = p;
    ss_dim_t d;
    ss_dep_t dep = rt_dep_bytes(a->t, &x, sizeof x, &d);
    if (a->grand) {
        /* A middle task that creates the probe as its own child. */
        par_t c = {a->probe, a->delay_us, a->t, 0};
        rt_spawn(&par_type, &c, sizeof c, 1, &dep, 0);
    } else {
        rt_probe_spawn(a->probe, -1, a->delay_us, 1, &dep);
    }
}

int main(void)
{
    RT_OK(ss_init());
    const ss_dep_type_t types[] = {SS_DEP_OUT, SS_DEP_INOUT, SS_DEP_IN,
                                   SS_DEP_INOUTSET, SS_DEP_MUTEXINOUTSET};
    const int reps = (int)rt_scaled(5, 1);
    for (int rep = 0; rep < reps; rep++)
        for (unsigned i = 0; i < 5; i++)
            for (int grand = 0; grand < 2; grand++) {
                ss_dep_type_t t = types[i];
                /* The successor conflicts with the parent: inout, except after
                 * a writer where a reader is used too. */
                ss_dep_type_t succ = t == SS_DEP_INOUT ? SS_DEP_IN : SS_DEP_INOUT;
                if (t == SS_DEP_MUTEXINOUTSET)
                    succ = SS_DEP_MUTEXINOUTSET;
                rt_probes_reset();
                par_t a = {0, 5000, t, grand};
                ss_dim_t d;
                ss_dep_t dep = rt_dep_bytes(t, &x, sizeof x, &d);
                rt_spawn(&par_type, &a, sizeof a, 1, &dep, 0);
                if (succ == SS_DEP_MUTEXINOUTSET) {
                    /* another member whose child is the probe too */
                    par_t b = {1, 5000, t, grand};
                    rt_spawn(&par_type, &b, sizeof b, 1, &dep, 0);
                    RT_OK(ss_taskwait());
                    if (!rt_probe_disjoint(0, 1))
                        RT_FAIL("mutexinoutset parents: their children overlapped in "
                                "time (grand %d)", grand);
                    continue;
                }
                rt_probe1(1, -1, 0, succ, &x, sizeof x);
                RT_OK(ss_taskwait());
                char what[96];
                snprintf(what, sizeof what, "%s parent's %schild, then a %s sibling",
                         rt_dep_name(t), grand ? "grand" : "", rt_dep_name(succ));
                RT_CHECK_BEFORE(0, 1, what);
            }
    RT_OK(ss_finalize());
    return 0;
}
