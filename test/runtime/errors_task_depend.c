/* ss_task_depend / ss_task_depend_bytes reject bad arguments with SS_EINVAL:
 * NULL task, bad dependence type (0, 6, -1, ...), ndims 0 or > SS_MAX_DIMS,
 * NULL dims, a dimension with start > end or end > size (in any dimension),
 * a task already holding max_deps dependences. Empty regions are accepted and
 * ignored (even with no room left). A rejected call leaves the task usable:
 * its valid dependences still order it. */
#include "rt_test.h"

#include <limits.h>

typedef struct { long *x; long want; atomic_int *bad; } args_t;

static void check_body(void *p)
{
    args_t *a = p;
    if (*a->x != a->want)
        atomic_store(a->bad, 1);
    (*a->x)++;
}

static ss_task_type_t type = SS_TASK_TYPE("depend", check_body);

static long x;
static char buf[4096];
static atomic_int bad;

/* A fresh task with room for max_deps dependences. */
static ss_task_t fresh(unsigned max_deps, long want)
{
    ss_task_t t;
    args_t *a;
    RT_OK(ss_task_create(&type, sizeof *a, max_deps, 0, &t, (void **)&a));
    a->x = &x;
    a->want = want;
    a->bad = &bad;
    return t;
}

int main(void)
{
    long want = 0;
    ss_dim_t d1 = {16, 0, 16};
    ss_dim_t d2[2] = {{64, 0, 8}, {16, 2, 4}};

    /* NULL task. */
    RT_EXPECT(ss_task_depend(NULL, SS_DEP_IN, buf, 1, &d1), SS_EINVAL);
    RT_EXPECT(ss_task_depend(NULL, SS_DEP_INOUT, buf, 2, d2), SS_EINVAL);
    RT_EXPECT(ss_task_depend_bytes(NULL, SS_DEP_OUT, buf, 16), SS_EINVAL);

    ss_task_t t = fresh(1, want);

    /* Bad dependence types. */
    const int bad_types[] = {0, 6, 7, -1, -5, 100, INT_MAX, INT_MIN};
    for (unsigned i = 0; i < sizeof bad_types / sizeof bad_types[0]; i++) {
        ss_dep_type_t ty = (ss_dep_type_t)bad_types[i];
        int rc = ss_task_depend(t, ty, buf, 1, &d1);
        if (rc != SS_EINVAL)
            RT_FAIL("ss_task_depend with type %d returned %d, want SS_EINVAL",
                    bad_types[i], rc);
        rc = ss_task_depend_bytes(t, ty, buf, 16);
        if (rc != SS_EINVAL)
            RT_FAIL("ss_task_depend_bytes with type %d returned %d, want SS_EINVAL",
                    bad_types[i], rc);
    }

    /* ndims 0, > SS_MAX_DIMS; NULL dims. */
    ss_dim_t many[SS_MAX_DIMS + 2];
    for (int i = 0; i < SS_MAX_DIMS + 2; i++)
        many[i] = (ss_dim_t){2, 0, 1};
    many[0] = (ss_dim_t){8, 0, 8};
    RT_EXPECT(ss_task_depend(t, SS_DEP_IN, buf, 0, &d1), SS_EINVAL);
    RT_EXPECT(ss_task_depend(t, SS_DEP_IN, buf, SS_MAX_DIMS + 1, many), SS_EINVAL);
    RT_EXPECT(ss_task_depend(t, SS_DEP_IN, buf, SS_MAX_DIMS + 2, many), SS_EINVAL);
    RT_EXPECT(ss_task_depend(t, SS_DEP_IN, buf, UINT_MAX, many), SS_EINVAL);
    RT_EXPECT(ss_task_depend(t, SS_DEP_IN, buf, 1, NULL), SS_EINVAL);
    RT_EXPECT(ss_task_depend(t, SS_DEP_IN, buf, 3, NULL), SS_EINVAL);

    /* start > end, end > size, in each dimension of a 3-D region. */
    for (int k = 0; k < 3; k++) {
        ss_dim_t d3[3] = {{64, 0, 16}, {8, 1, 3}, {4, 0, 2}};
        d3[k].start = d3[k].end + 1;
        int rc = ss_task_depend(t, SS_DEP_INOUT, buf, 3, d3);
        if (rc != SS_EINVAL)
            RT_FAIL("dim %d start > end: returned %d, want SS_EINVAL", k, rc);
        d3[k].start = 0;
        d3[k].end = d3[k].size + 1;
        rc = ss_task_depend(t, SS_DEP_INOUT, buf, 3, d3);
        if (rc != SS_EINVAL)
            RT_FAIL("dim %d end > size: returned %d, want SS_EINVAL", k, rc);
        /* end > size with start == end (empty but malformed) */
        d3[k].start = d3[k].end = d3[k].size + 1;
        rc = ss_task_depend(t, SS_DEP_INOUT, buf, 3, d3);
        if (rc != SS_EINVAL)
            RT_FAIL("dim %d start == end > size: returned %d, want SS_EINVAL", k, rc);
    }
    ss_dim_t se = {16, 9, 8};
    RT_EXPECT(ss_task_depend(t, SS_DEP_IN, buf, 1, &se), SS_EINVAL);
    ss_dim_t es = {16, 0, 17};
    RT_EXPECT(ss_task_depend(t, SS_DEP_IN, buf, 1, &es), SS_EINVAL);
    /* A malformed dimension next to an empty one is still malformed. */
    ss_dim_t mix[2] = {{16, 4, 4}, {8, 0, 9}};
    RT_EXPECT(ss_task_depend(t, SS_DEP_IN, buf, 2, mix), SS_EINVAL);

    /* A region that would wrap around the address space. */
    RT_EXPECT(ss_task_depend_bytes(t, SS_DEP_IN, (void *)(UINTPTR_MAX - 7), 16), SS_EINVAL);
    ss_dim_t wrap = {SIZE_MAX, SIZE_MAX - 8, SIZE_MAX};
    RT_EXPECT(ss_task_depend(t, SS_DEP_IN, (void *)(uintptr_t)4096, 1, &wrap), SS_EINVAL);

    /* Empty regions are accepted and use no room (max_deps is 1 here). */
    ss_dim_t empty1 = {16, 5, 5};
    ss_dim_t empty2[2] = {{64, 0, 64}, {8, 3, 3}};
    for (int i = 0; i < 5; i++) {
        RT_OK(ss_task_depend(t, SS_DEP_INOUT, buf + i, 1, &empty1));
        RT_OK(ss_task_depend(t, SS_DEP_OUT, buf + 64 * i, 2, empty2));
        RT_OK(ss_task_depend_bytes(t, SS_DEP_IN, buf + 100 * i, 0));
    }
    /* The one real dependence, then the task is full. */
    RT_OK(ss_task_depend_bytes(t, SS_DEP_INOUT, &x, sizeof x));
    RT_EXPECT(ss_task_depend_bytes(t, SS_DEP_IN, buf, 8), SS_EINVAL);
    RT_EXPECT(ss_task_depend(t, SS_DEP_OUT, buf, 2, d2), SS_EINVAL);
    RT_OK(ss_task_depend_bytes(t, SS_DEP_IN, buf, 0)); /* empty: still fine */
    RT_OK(ss_task_submit(t));
    want++;

    /* max_deps 0: any non-empty dependence is one too many. */
    {
        static ss_task_type_t nop = SS_TASK_TYPE("nop", NULL);
        RT_OK(ss_task_create(&nop, 0, 0, 0, &t, NULL));
        RT_EXPECT(ss_task_depend_bytes(t, SS_DEP_IN, buf, 1), SS_EINVAL);
        RT_EXPECT(ss_task_depend(t, SS_DEP_INOUT, buf, 2, d2), SS_EINVAL);
        RT_OK(ss_task_depend(t, SS_DEP_INOUT, buf, 1, &empty1));
        RT_OK(ss_task_submit(t));
    }

    /* max_deps 3: three distinct regions fit, the fourth does not; a
     * rejected call does not consume room. */
    t = fresh(3, want);
    RT_EXPECT(ss_task_depend_bytes(t, (ss_dep_type_t)0, buf, 8), SS_EINVAL);
    RT_EXPECT(ss_task_depend(t, SS_DEP_IN, buf, 0, &d1), SS_EINVAL);
    RT_EXPECT(ss_task_depend(t, SS_DEP_IN, buf, 1, &se), SS_EINVAL);
    RT_OK(ss_task_depend_bytes(t, SS_DEP_IN, buf, 8));
    RT_OK(ss_task_depend(t, SS_DEP_OUT, buf + 512, 2, d2));
    RT_OK(ss_task_depend_bytes(t, SS_DEP_INOUT, &x, sizeof x));
    RT_EXPECT(ss_task_depend_bytes(t, SS_DEP_IN, buf + 1024, 8), SS_EINVAL);
    RT_EXPECT(ss_task_depend(t, SS_DEP_INOUTSET, buf + 2048, 1, &d1), SS_EINVAL);
    RT_OK(ss_task_submit(t));
    want++;

    /* Identical regions of one task merge (in + out = inout): they take
     * one slot. */
    t = fresh(1, want);
    RT_OK(ss_task_depend_bytes(t, SS_DEP_IN, &x, sizeof x));
    RT_OK(ss_task_depend_bytes(t, SS_DEP_OUT, &x, sizeof x));
    {
        ss_dim_t same = {sizeof x, 0, sizeof x};
        RT_OK(ss_task_depend(t, SS_DEP_INOUT, &x, 1, &same));
    }
    RT_EXPECT(ss_task_depend_bytes(t, SS_DEP_IN, buf, 8), SS_EINVAL);
    RT_OK(ss_task_submit(t));
    want++;

    /* SS_MAX_DIMS dimensions are fine; every valid type is fine. */
    t = fresh(8, want);
    ss_dim_t full[SS_MAX_DIMS];
    full[0] = (ss_dim_t){8, 0, 8};
    for (int k = 1; k < SS_MAX_DIMS; k++)
        full[k] = (ss_dim_t){2, 0, 1};
    RT_OK(ss_task_depend(t, SS_DEP_IN, buf, SS_MAX_DIMS, full));
    RT_OK(ss_task_depend_bytes(t, SS_DEP_IN, buf + 100, 8));
    RT_OK(ss_task_depend_bytes(t, SS_DEP_OUT, buf + 200, 8));
    RT_OK(ss_task_depend_bytes(t, SS_DEP_INOUT, buf + 300, 8));
    RT_OK(ss_task_depend_bytes(t, SS_DEP_INOUTSET, buf + 400, 8));
    RT_OK(ss_task_depend_bytes(t, SS_DEP_MUTEXINOUTSET, buf + 500, 8));
    RT_OK(ss_task_depend_bytes(t, SS_DEP_INOUT, &x, sizeof x));
    RT_OK(ss_task_submit(t));
    want++;

    /* The valid dependences on x still chain the tasks: each saw the
     * previous one's increment. */
    for (int i = 0; i < 1000; i++) {
        t = fresh(2, want);
        RT_EXPECT(ss_task_depend_bytes(t, (ss_dep_type_t)(i % 2 ? 6 : 0), &x, 8),
                  SS_EINVAL);
        RT_OK(ss_task_depend_bytes(t, SS_DEP_INOUT, &x, sizeof x));
        RT_OK(ss_task_submit(t));
        want++;
    }
    RT_OK(ss_taskwait());
    RT_CHECK(!atomic_load(&bad), "a task ran out of order");
    RT_CHECK(x == want, "x = %ld, want %ld", x, want);
    RT_OK(ss_finalize());
    return 0;
}
