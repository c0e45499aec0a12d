/* A pthread that is not a runtime worker, given a valid (created, not yet
 * submitted) task handle by main, gets SS_ENOTWORKER from ss_task_depend,
 * ss_task_depend_bytes, ss_task_set_priority and ss_task_submit; the handle
 * stays usable by main afterwards. */
#include "rt_test.h"

#include <pthread.h>

static long x;
static atomic_int ran;
static ss_task_t handle;
static int submitted_by_foreign;

static void body(void *p)
{
    (void)p;
    atomic_fetch_add(&ran, 1);
}

static ss_task_type_t type = SS_TASK_TYPE("handle", body);

static void *foreign(void *arg)
{
    (void)arg;
    ss_dim_t d = {sizeof x, 0, sizeof x};
    int rc = ss_task_depend(handle, SS_DEP_IN, &x, 1, &d);
    if (rc != SS_ENOTWORKER)
        fprintf(stderr, "ss_task_depend from a foreign thread: %d (%s), want "
                "SS_ENOTWORKER\n", rc, ss_strerror(rc));
    int bad = rc != SS_ENOTWORKER;
    rc = ss_task_depend_bytes(handle, SS_DEP_IN, &x, sizeof x);
    if (rc != SS_ENOTWORKER)
        fprintf(stderr, "ss_task_depend_bytes from a foreign thread: %d (%s), want "
                "SS_ENOTWORKER\n", rc, ss_strerror(rc));
    bad |= rc != SS_ENOTWORKER;
    rc = ss_task_set_priority(handle, 5);
    if (rc != SS_ENOTWORKER)
        fprintf(stderr, "ss_task_set_priority from a foreign thread: %d (%s), want "
                "SS_ENOTWORKER\n", rc, ss_strerror(rc));
    bad |= rc != SS_ENOTWORKER;
    rc = ss_task_submit(handle);
    if (rc == SS_OK)
        submitted_by_foreign = 1;
    if (rc != SS_ENOTWORKER)
        fprintf(stderr, "ss_task_submit from a foreign thread: %d (%s), want "
                "SS_ENOTWORKER\n", rc, ss_strerror(rc));
    bad |= rc != SS_ENOTWORKER;
    return (void *)(intptr_t)bad;
}

int main(void)
{
    RT_OK(ss_init());
    RT_OK(ss_task_create(&type, 0, 2, 0, &handle, NULL));
    pthread_t th;
    void *res;
    RT_CHECK(!pthread_create(&th, NULL, foreign, NULL), "pthread_create");
    pthread_join(th, &res);
    if (!submitted_by_foreign) {
        RT_OK(ss_task_depend_bytes(handle, SS_DEP_INOUT, &x, sizeof x));
        RT_OK(ss_task_set_priority(handle, 1));
        RT_OK(ss_task_submit(handle));
    }
    RT_OK(ss_taskwait());
    RT_CHECK(atomic_load(&ran) == 1, "ran %d", atomic_load(&ran));
    RT_OK(ss_finalize());
    if (res)
        RT_FAIL("calls with a valid handle from a foreign thread did not return "
                "SS_ENOTWORKER (see above)");
    return 0;
}
