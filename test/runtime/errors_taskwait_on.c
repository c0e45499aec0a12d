/* ss_taskwait_on rejects bad arguments like ss_task_depend (SS_EINVAL): deps
 * NULL with ndeps > 0, bad type (0, 6, -1) in any entry, ndims 0 or
 * > SS_MAX_DIMS, NULL dims, start > end, end > size; accepts ndeps 0 and
 * empty regions. */
#include "rt_test.h"

#include <limits.h>

static long x;
static char buf[4096];

static void body(void *p)
{
    (void)p;
    x++;
}

static ss_task_type_t type = SS_TASK_TYPE("writer", body);

static void check2(const ss_dep_t *bad, const char *what)
{
    ss_dim_t d = {8, 0, 8};
    ss_dep_t good = {SS_DEP_IN, buf, 1, &d};
    ss_dep_t two[2];
    /* alone, first, second */
    int rc = ss_taskwait_on(1, bad);
    if (rc != SS_EINVAL)
        RT_FAIL("%s: alone returned %d (%s), want SS_EINVAL", what, rc, ss_strerror(rc));
    two[0] = *bad;
    two[1] = good;
    rc = ss_taskwait_on(2, two);
    if (rc != SS_EINVAL)
        RT_FAIL("%s: first of 2 returned %d, want SS_EINVAL", what, rc);
    two[0] = good;
    two[1] = *bad;
    rc = ss_taskwait_on(2, two);
    if (rc != SS_EINVAL)
        RT_FAIL("%s: second of 2 returned %d, want SS_EINVAL", what, rc);
}

int main(void)
{
    RT_OK(ss_init());
    ss_dim_t d1 = {64, 0, 64};
    RT_EXPECT(ss_taskwait_on(1, NULL), SS_EINVAL);
    RT_EXPECT(ss_taskwait_on(5, NULL), SS_EINVAL);
    RT_OK(ss_taskwait_on(0, NULL));

    const int bad_types[] = {0, 6, -1, 100, INT_MIN, INT_MAX};
    for (unsigned i = 0; i < sizeof bad_types / sizeof bad_types[0]; i++) {
        ss_dep_t d = {(ss_dep_type_t)bad_types[i], buf, 1, &d1};
        char what[64];
        snprintf(what, sizeof what, "type %d", bad_types[i]);
        check2(&d, what);
    }
    ss_dim_t many[SS_MAX_DIMS + 1];
    for (int i = 0; i <= SS_MAX_DIMS; i++)
        many[i] = (ss_dim_t){2, 0, 1};
    ss_dep_t nd0 = {SS_DEP_IN, buf, 0, &d1};
    check2(&nd0, "ndims 0");
    ss_dep_t nd9 = {SS_DEP_IN, buf, SS_MAX_DIMS + 1, many};
    check2(&nd9, "ndims SS_MAX_DIMS+1");
    ss_dep_t ndbig = {SS_DEP_INOUT, buf, UINT_MAX, many};
    check2(&ndbig, "ndims UINT_MAX");
    ss_dep_t nodims = {SS_DEP_IN, buf, 1, NULL};
    check2(&nodims, "dims NULL");
    ss_dim_t se = {16, 9, 8};
    ss_dep_t dse = {SS_DEP_INOUT, buf, 1, &se};
    check2(&dse, "start > end");
    ss_dim_t es = {16, 0, 17};
    ss_dep_t des = {SS_DEP_OUT, buf, 1, &es};
    check2(&des, "end > size");
    ss_dim_t es2[2] = {{16, 0, 16}, {4, 2, 5}};
    ss_dep_t des2 = {SS_DEP_IN, buf, 2, es2};
    check2(&des2, "end > size in dim 1");
    ss_dim_t se3[3] = {{16, 0, 16}, {4, 0, 4}, {4, 3, 2}};
    ss_dep_t dse3 = {SS_DEP_IN, buf, 3, se3};
    check2(&dse3, "start > end in dim 2");

    /* Valid calls: every type, empty regions, several deps. */
    long before = 0;
    for (int round = 0; round < 100; round++) {
        ss_task_t t;
        RT_OK(ss_task_create(&type, 0, 1, 0, &t, NULL));
        RT_OK(ss_task_depend_bytes(t, SS_DEP_INOUT, &x, sizeof x));
        RT_OK(ss_task_submit(t));
        before++;
        ss_dim_t dx = {sizeof x, 0, sizeof x};
        ss_dim_t empty = {16, 3, 3};
        ss_dep_t deps[3] = {{SS_DEP_IN, buf, 1, &empty},
                            {(ss_dep_type_t)(SS_DEP_IN + round % 3), &x, 1, &dx},
                            {SS_DEP_INOUT, buf + 100, 1, &d1}};
        RT_OK(ss_taskwait_on(3, deps));
        /* in, out and inout on x all wait for the writer of x. */
        RT_CHECK(x == before, "round %d: after taskwait_on x = %ld, want %ld",
                 round, x, before);
        RT_OK(ss_taskwait_on(1, deps)); /* only an empty region */
    }
    RT_OK(ss_taskwait());
    RT_OK(ss_finalize());
    return 0;
}
