/* ss_taskwait_on with a long dependence list must be handled - SS_EINVAL when
 * one entry of 65535 (the most a task may hold) is bad, waited on when all of
 * 40,000 are valid - without overflowing the caller's stack (8 MiB: main's
 * default and SS_STACK_KIB's). Checked from main and from a task. (The valid
 * list is 40,000 long, not 65535, only to bound the time: registering k
 * dependences of one task costs O(k^2). SS_TEST_SCALE shrinks it.) */
#include "rt_test.h"

#define N 65535u

static long cells[N];
static ss_dim_t dims[N];
static ss_dep_t deps[N];
static atomic_int task_rc_bad = -100, task_rc_good = -100;

static unsigned nvalid;

static void fill(ss_dep_type_t first_type)
{
    for (unsigned i = 0; i < N; i++) {
        dims[i] = (ss_dim_t){sizeof(long), 0, sizeof(long)};
        deps[i] = (ss_dep_t){SS_DEP_IN, &cells[i], 1, &dims[i]};
    }
    deps[0].type = first_type;
}

static void in_task(void *p)
{
    (void)p;
    fill((ss_dep_type_t)0);
    atomic_store(&task_rc_bad, ss_taskwait_on(N, deps));
    fill(SS_DEP_IN);
    atomic_store(&task_rc_good, ss_taskwait_on(nvalid, deps));
}

static ss_task_type_t type = SS_TASK_TYPE("caller", in_task);

int main(void)
{
    RT_OK(ss_init());
    nvalid = (unsigned)rt_scaled(40000, 100);
    fill((ss_dep_type_t)0);
    RT_EXPECT(ss_taskwait_on(N, deps), SS_EINVAL);
    fill(SS_DEP_IN);
    deps[N - 1].type = (ss_dep_type_t)6; /* bad last entry: nothing is created */
    RT_EXPECT(ss_taskwait_on(N, deps), SS_EINVAL);
    fill(SS_DEP_IN);
    RT_OK(ss_taskwait_on(nvalid, deps));
    rt_spawn(&type, NULL, 0, 0, NULL, 0);
    RT_OK(ss_taskwait());
    RT_CHECK(atomic_load(&task_rc_bad) == SS_EINVAL,
             "in a task, bad list: rc %d, want SS_EINVAL", atomic_load(&task_rc_bad));
    RT_CHECK(atomic_load(&task_rc_good) == SS_OK,
             "in a task, valid list: rc %d, want SS_OK", atomic_load(&task_rc_good));
    RT_OK(ss_finalize());
    return 0;
}
