/* 1-D byte ranges that overlap partially, contain one another or only touch:
 * overlapping conflicting accesses are ordered (writer [0,100) then reader
 * [50,150) waits), disjoint ones - even adjacent or inside the other's
 * bounding range - do not wait (proved by a rendezvous); overlapping readers
 * do not wait either. (inoutset on partially overlapping ranges: see
 * deps_inoutset_partial.c.) Needs 2 workers. */
#include "rt_test.h"

static char buf[4096];

typedef struct { size_t lo, hi; ss_dep_type_t t; } rg_t;

static void pair(rg_t a, rg_t b, int expect)
{
    ss_dim_t da = {a.hi - a.lo, 0, a.hi - a.lo}, db = {b.hi - b.lo, 0, b.hi - b.lo};
    ss_dep_t x = {a.t, buf + a.lo, 1, &da}, y = {b.t, buf + b.lo, 1, &db};
    char what[96];
    snprintf(what, sizeof what, "[%zu,%zu) then [%zu,%zu)", a.lo, a.hi, b.lo, b.hi);
    rt_check_pair_auto(&x, &y, buf, sizeof buf, expect, what);
}

int main(void)
{
    rt_need_workers(2);
    const ss_dep_type_t W = SS_DEP_INOUT, R = SS_DEP_IN, O = SS_DEP_OUT;
    const ss_dep_type_t S = SS_DEP_INOUTSET, M = SS_DEP_MUTEXINOUTSET;
    for (int rep = 0; rep < 3; rep++) {
        /* The classic: writer [0,100), reader [50,150). */
        pair((rg_t){0, 100, W}, (rg_t){50, 150, R}, RT_ORDERED);
        pair((rg_t){0, 100, O}, (rg_t){50, 150, R}, RT_ORDERED);
        pair((rg_t){50, 150, W}, (rg_t){0, 100, R}, RT_ORDERED);
        pair((rg_t){0, 100, R}, (rg_t){50, 150, W}, RT_ORDERED);
        pair((rg_t){0, 100, R}, (rg_t){99, 150, O}, RT_ORDERED);   /* one byte */
        pair((rg_t){0, 100, W}, (rg_t){99, 100, R}, RT_ORDERED);   /* last byte */
        pair((rg_t){0, 100, W}, (rg_t){0, 1, R}, RT_ORDERED);      /* first byte */
        pair((rg_t){10, 20, W}, (rg_t){0, 1000, R}, RT_ORDERED);   /* contained */
        pair((rg_t){0, 1000, W}, (rg_t){500, 510, R}, RT_ORDERED); /* container */
        pair((rg_t){0, 100, S}, (rg_t){50, 150, R}, RT_ORDERED);
        pair((rg_t){0, 100, M}, (rg_t){50, 150, W}, RT_ORDERED);
        pair((rg_t){0, 100, W}, (rg_t){50, 150, S}, RT_ORDERED);
        pair((rg_t){0, 100, W}, (rg_t){50, 150, M}, RT_ORDERED);
        pair((rg_t){0, 100, M}, (rg_t){50, 150, M}, RT_EXCLUSIVE);
        /* Overlapping readers (and inoutset members) do not wait. */
        pair((rg_t){0, 100, R}, (rg_t){50, 150, R}, RT_CONCURRENT);
        pair((rg_t){0, 1000, R}, (rg_t){10, 20, R}, RT_CONCURRENT);
        /* Disjoint: adjacent, or far. */
        pair((rg_t){0, 100, W}, (rg_t){100, 200, R}, RT_CONCURRENT);
        pair((rg_t){0, 100, W}, (rg_t){100, 200, W}, RT_CONCURRENT);
        pair((rg_t){100, 200, W}, (rg_t){0, 100, O}, RT_CONCURRENT);
        pair((rg_t){100, 200, M}, (rg_t){0, 100, M}, RT_CONCURRENT);
        pair((rg_t){0, 1, W}, (rg_t){1, 2, W}, RT_CONCURRENT);
        pair((rg_t){0, 10, W}, (rg_t){3000, 4000, W}, RT_CONCURRENT);
    }

    /* Chains through partial overlaps, checked on all pairs. */
    rt_probes_reset();
    rt_probe1(0, -1, 3000, W, buf, 100);        /* [0,100) */
    rt_probe1(1, -1, 3000, W, buf + 50, 100);   /* [50,150): after 0 */
    rt_probe1(2, -1, 0, R, buf + 120, 10);      /* [120,130): after 1 */
    rt_probe1(3, -1, 0, R, buf + 60, 10);       /* [60,70): after 0 and 1 */
    rt_probe1(4, -1, 0, W, buf, 60);            /* [0,60): after 0 and 1 */
    RT_OK(ss_taskwait());
    RT_CHECK_BEFORE(0, 1, "[0,100) then [50,150)");
    RT_CHECK_BEFORE(1, 2, "[50,150) then [120,130)");
    RT_CHECK_BEFORE(0, 3, "[0,100) then [60,70)");
    RT_CHECK_BEFORE(1, 3, "[50,150) then [60,70)");
    RT_CHECK_BEFORE(0, 4, "[0,100) then [0,60)");
    RT_CHECK_BEFORE(1, 4, "[50,150) then [0,60)");

    /* Two writers of halves, then a reader of the whole: after both; the
     * halves meet each other. */
    rt_probes_reset();
    rt_probe1(0, 1, 0, W, buf, 50);
    rt_probe1(1, 0, 0, W, buf + 50, 50);
    rt_probe1(2, -1, 0, R, buf, 100);
    RT_OK(ss_taskwait());
    RT_CHECK_CONCURRENT(0, 1, "writers of [0,50) and [50,100)");
    RT_CHECK_BEFORE(0, 2, "[0,50) then [0,100)");
    RT_CHECK_BEFORE(1, 2, "[50,100) then [0,100)");

    /* A writer of the whole, then readers of disjoint parts: after it, and
     * together. */
    rt_probes_reset();
    rt_probe1(0, -1, 3000, W, buf, 1000);
    rt_probe1(1, 2, 0, W, buf + 10, 10);
    rt_probe1(2, 1, 0, W, buf + 500, 10);
    RT_OK(ss_taskwait());
    RT_CHECK_BEFORE(0, 1, "[0,1000) then [10,20)");
    RT_CHECK_BEFORE(0, 2, "[0,1000) then [500,510)");
    RT_CHECK_CONCURRENT(1, 2, "writers of [10,20) and [500,510)");
    RT_OK(ss_finalize());
    return 0;
}
