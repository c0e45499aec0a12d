/* A pthread that is not a runtime worker gets SS_ENOTWORKER from the calls
 * that need a worker (ss_task_create, ss_taskwait, ss_taskwait_on,
 * ss_finalize, ss_worker_id), after main started the runtime; the harmless
 * queries still work there (ss_num_workers, ss_in_final, ss_strerror,
 * ss_task_type_register) and the runtime is unaffected. */
#include "rt_test.h"

#include <pthread.h>

static long x;
static ss_task_type_t type = SS_TASK_TYPE("never", NULL);
static int nworkers;

static void *foreign(void *arg)
{
    (void)arg;
    ss_task_t t = (ss_task_t)0x1;
    void *args = (void *)0x1;
    RT_EXPECT(ss_task_create(&type, 0, 0, 0, &t, NULL), SS_ENOTWORKER);
    RT_EXPECT(ss_task_create(&type, 16, 1, 0, &t, &args), SS_ENOTWORKER);
    RT_EXPECT(ss_taskwait(), SS_ENOTWORKER);
    RT_EXPECT(ss_taskwait_on(0, NULL), SS_ENOTWORKER);
    ss_dim_t d = {sizeof x, 0, sizeof x};
    ss_dep_t dep = {SS_DEP_INOUT, &x, 1, &d};
    RT_EXPECT(ss_taskwait_on(1, &dep), SS_ENOTWORKER);
    RT_EXPECT(ss_finalize(), SS_ENOTWORKER);
    RT_EXPECT(ss_worker_id(), SS_ENOTWORKER);
    RT_EXPECT(ss_num_workers(), nworkers);
    RT_EXPECT(ss_in_final(), 0);
    RT_CHECK(!strcmp(ss_strerror(SS_ENOTWORKER),
                     "calling thread is not a runtime thread"),
             "ss_strerror from a foreign thread: '%s'", ss_strerror(SS_ENOTWORKER));
    static ss_task_type_t reg = SS_TASK_TYPE("registered from a foreign thread", NULL);
    RT_OK(ss_task_type_register(&reg));
    RT_CHECK(reg.registered, "type not marked registered");
    /* Bad arguments: SS_EINVAL or SS_ENOTWORKER are both acceptable. */
    int rc = ss_task_create(NULL, 0, 0, 0, &t, NULL);
    RT_CHECK(rc == SS_EINVAL || rc == SS_ENOTWORKER,
             "ss_task_create(NULL) from a foreign thread: %d", rc);
    return NULL;
}

static void body(void *p)
{
    (void)p;
    x++;
}

static ss_task_type_t work = SS_TASK_TYPE("work", body);

int main(void)
{
    RT_OK(ss_init());
    nworkers = ss_num_workers();
    RT_CHECK(nworkers >= 1, "ss_num_workers = %d", nworkers);
    pthread_t th;
    RT_CHECK(!pthread_create(&th, NULL, foreign, NULL), "pthread_create");
    pthread_join(th, NULL);
    /* A second time, while tasks are running. */
    for (int i = 0; i < 100; i++) {
        ss_task_t t;
        RT_OK(ss_task_create(&work, 0, 1, 0, &t, NULL));
        RT_OK(ss_task_depend_bytes(t, SS_DEP_INOUT, &x, sizeof x));
        RT_OK(ss_task_submit(t));
    }
    RT_CHECK(!pthread_create(&th, NULL, foreign, NULL), "pthread_create");
    pthread_join(th, NULL);
    RT_OK(ss_taskwait());
    RT_CHECK(x == 100, "x = %ld", x);
    RT_EXPECT(ss_worker_id(), 0);
    RT_OK(ss_finalize());
    return 0;
}
