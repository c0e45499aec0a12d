/* Every ordered pair of dependence types (in, out, inout, inoutset,
 * mutexinoutset) on the same variable: a conflicting pair runs in creation
 * order; in/in and inoutset/inoutset can run at the same time (proved by a
 * rendezvous: each waits for the other to have started); mutexinoutset pairs
 * never overlap in time. Then groups: two members of a concurrent set
 * followed by a conflicting access, which waits for both. Needs 2 workers. */
#include "rt_test.h"

static long x;

int main(void)
{
    rt_need_workers(2);
    ss_dim_t dim = {sizeof x, 0, sizeof x};
    const int reps = (int)rt_scaled(5, 1);
    for (int rep = 0; rep < reps; rep++)
        for (int a = SS_DEP_IN; a <= SS_DEP_MUTEXINOUTSET; a++)
            for (int b = SS_DEP_IN; b <= SS_DEP_MUTEXINOUTSET; b++) {
                ss_dep_t da = {(ss_dep_type_t)a, &x, 1, &dim};
                ss_dep_t db = {(ss_dep_type_t)b, &x, 1, &dim};
                int want = (a == b && (a == SS_DEP_IN || a == SS_DEP_INOUTSET))
                               ? RT_CONCURRENT
                           : (a == b && a == SS_DEP_MUTEXINOUTSET) ? RT_EXCLUSIVE
                                                                   : RT_ORDERED;
                rt_check_pair_auto(&da, &db, &x, sizeof x, want, "same variable");
            }

    /* Groups: a, a' (a set that may run together or, for mutexinoutset, one
     * at a time), then c: c waits for both; and c before the group: both
     * wait for c. */
    for (int rep = 0; rep < reps; rep++)
        for (int g = SS_DEP_IN; g <= SS_DEP_MUTEXINOUTSET; g++) {
            if (g == SS_DEP_OUT || g == SS_DEP_INOUT)
                continue;
            for (int c = SS_DEP_IN; c <= SS_DEP_MUTEXINOUTSET; c++) {
                if (c == g)
                    continue;
                char what[96];
                snprintf(what, sizeof what, "group of 2 %s, then %s", rt_dep_name(g),
                         rt_dep_name(c));
                rt_probes_reset();
                int meet = g != SS_DEP_MUTEXINOUTSET;
                rt_probe1(0, meet ? 1 : -1, 2000, g, &x, sizeof x);
                rt_probe1(1, meet ? 0 : -1, 2000, g, &x, sizeof x);
                rt_probe1(2, -1, 0, c, &x, sizeof x);
                RT_OK(ss_taskwait());
                if (meet)
                    RT_CHECK_CONCURRENT(0, 1, what);
                else if (!rt_probe_disjoint(0, 1))
                    RT_FAIL("%s: mutexinoutset members overlapped in time", what);
                RT_CHECK_BEFORE(0, 2, what);
                RT_CHECK_BEFORE(1, 2, what);

                snprintf(what, sizeof what, "%s, then a group of 2 %s", rt_dep_name(c),
                         rt_dep_name(g));
                rt_probes_reset();
                rt_probe1(0, -1, 2000, c, &x, sizeof x);
                rt_probe1(1, meet ? 2 : -1, 0, g, &x, sizeof x);
                rt_probe1(2, meet ? 1 : -1, 0, g, &x, sizeof x);
                RT_OK(ss_taskwait());
                RT_CHECK_BEFORE(0, 1, what);
                RT_CHECK_BEFORE(0, 2, what);
                if (meet)
                    RT_CHECK_CONCURRENT(1, 2, what);
                else if (!rt_probe_disjoint(1, 2))
                    RT_FAIL("%s: mutexinoutset members overlapped in time", what);
            }
        }
    RT_OK(ss_finalize());
    return 0;
}
