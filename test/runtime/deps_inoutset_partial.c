/* inoutset members "run together": also when their ranges overlap only
 * partially or one contains the other (the shared bytes are inoutset for
 * both, the others are touched by one task only). Proved by a rendezvous, for
 * 1-D ranges and for 2-D blocks; readers, the analogue for in, are checked
 * alongside. Needs 2 workers. */
#include "rt_test.h"

static char buf[4096];

static void pair1(ss_dep_type_t t, size_t alo, size_t ahi, size_t blo, size_t bhi)
{
    ss_dim_t da = {ahi - alo, 0, ahi - alo}, db = {bhi - blo, 0, bhi - blo};
    ss_dep_t x = {t, buf + alo, 1, &da}, y = {t, buf + blo, 1, &db};
    char what[96];
    snprintf(what, sizeof what, "[%zu,%zu) and [%zu,%zu)", alo, ahi, blo, bhi);
    rt_check_pair_auto(&x, &y, buf, sizeof buf, RT_CONCURRENT, what);
}

int main(void)
{
    rt_need_workers(2);
    for (int t = SS_DEP_IN; t <= SS_DEP_INOUTSET; t += SS_DEP_INOUTSET - SS_DEP_IN) {
        pair1((ss_dep_type_t)t, 0, 100, 0, 100);   /* identical: the easy case */
        pair1((ss_dep_type_t)t, 0, 100, 50, 150);  /* partial overlap */
        pair1((ss_dep_type_t)t, 50, 150, 0, 100);
        pair1((ss_dep_type_t)t, 0, 1000, 10, 20);  /* containment */
        pair1((ss_dep_type_t)t, 10, 20, 0, 1000);
        /* 2-D blocks of a 64x64 byte matrix that overlap partially. */
        ss_dim_t a[2] = {{64, 0, 16}, {64, 0, 16}}, b[2] = {{64, 8, 24}, {64, 8, 24}};
        ss_dep_t x = {(ss_dep_type_t)t, buf, 2, a}, y = {(ss_dep_type_t)t, buf, 2, b};
        rt_check_pair_auto(&x, &y, buf, sizeof buf, RT_CONCURRENT, "overlapping 2-D blocks");
    }
    RT_OK(ss_finalize());
    return 0;
}
