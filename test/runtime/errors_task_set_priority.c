/* ss_task_set_priority(NULL, p) is SS_EINVAL; any int priority on a created
 * task is accepted. */
#include "rt_test.h"

#include <limits.h>

static atomic_int ran;

static void body(void *p)
{
    (void)p;
    atomic_fetch_add(&ran, 1);
}

static ss_task_type_t type = SS_TASK_TYPE("prio", body);

int main(void)
{
    RT_EXPECT(ss_task_set_priority(NULL, 0), SS_EINVAL);
    RT_OK(ss_init());
    const int prios[] = {0, 1, -1, 100, -100, INT_MAX, INT_MIN};
    int n = 0;
    for (unsigned i = 0; i < sizeof prios / sizeof prios[0]; i++) {
        RT_EXPECT(ss_task_set_priority(NULL, prios[i]), SS_EINVAL);
        ss_task_t t;
        RT_OK(ss_task_create(&type, 0, 0, 0, &t, NULL));
        RT_OK(ss_task_set_priority(t, prios[i]));
        RT_OK(ss_task_set_priority(t, prios[(i + 1) % 7])); /* twice is fine */
        RT_OK(ss_task_submit(t));
        n++;
    }
    RT_OK(ss_taskwait());
    RT_CHECK(atomic_load(&ran) == n, "ran %d, want %d", atomic_load(&ran), n);
    RT_OK(ss_finalize());
    return 0;
}
