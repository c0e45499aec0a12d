/* ss_task_submit(NULL) is SS_EINVAL and changes nothing; valid submits of
 * every flavour return SS_OK. */
#include "rt_test.h"

static atomic_int ran;

static void body(void *p)
{
    (void)p;
    atomic_fetch_add(&ran, 1);
}

static ss_task_type_t type = SS_TASK_TYPE("submit", body);

int main(void)
{
    /* Before the runtime was started, and after. */
    RT_EXPECT(ss_task_submit(NULL), SS_EINVAL);
    RT_OK(ss_init());
    RT_EXPECT(ss_task_submit(NULL), SS_EINVAL);

    long x = 0;
    ss_task_t t;
    int n = 0;
    for (unsigned flags = 0; flags < 8; flags++) {
        RT_OK(ss_task_create(&type, 0, 1, flags, &t, NULL));
        RT_OK(ss_task_depend_bytes(t, SS_DEP_INOUT, &x, sizeof x));
        RT_EXPECT(ss_task_submit(NULL), SS_EINVAL);
        RT_OK(ss_task_submit(t));
        n++;
    }
    RT_OK(ss_taskwait());
    RT_CHECK(atomic_load(&ran) == n, "ran %d, want %d", atomic_load(&ran), n);
    RT_EXPECT(ss_task_submit(NULL), SS_EINVAL);
    RT_OK(ss_finalize());
    return 0;
}
