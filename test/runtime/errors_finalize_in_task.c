/* ss_finalize called from a task returns SS_ESTATE ("from a task") on any
 * worker, including tasks running on a worker other than the one that started
 * the runtime, and leaves the runtime running. Needs 2 workers: two tasks
 * that meet each other run on both workers at once. */
#include "rt_test.h"

static atomic_int rc_of[2], worker_of[2];

static void body(void *p)
{
    rt_probe_args_t *a = p;
    rt_probe_body(p); /* meet the partner: both workers are now in a task */
    atomic_store(&worker_of[a->id], ss_worker_id());
    atomic_store(&rc_of[a->id], ss_finalize());
}

static ss_task_type_t type = SS_TASK_TYPE("finalize", body);

int main(void)
{
    rt_need_workers(2);
    rt_probes_reset();
    for (int i = 0; i < 2; i++) {
        rt_probe_args_t a = {i, 1 - i, 0};
        rt_spawn(&type, &a, sizeof a, 0, NULL, 0);
    }
    RT_OK(ss_taskwait());
    RT_CHECK_CONCURRENT(0, 1, "two independent tasks");
    RT_CHECK(atomic_load(&worker_of[0]) != atomic_load(&worker_of[1]),
             "both tasks on worker %d", atomic_load(&worker_of[0]));
    int bad = 0;
    for (int i = 0; i < 2; i++) {
        int rc = atomic_load(&rc_of[i]);
        if (rc != SS_ESTATE) {
            fprintf(stderr, "ss_finalize in a task on worker %d returned %d (%s), "
                    "want SS_ESTATE\n", atomic_load(&worker_of[i]), rc,
                    ss_strerror(rc));
            bad = 1;
        }
    }
    /* Still running. */
    rt_probes_reset();
    rt_probe_spawn(0, -1, 0, 0, NULL);
    RT_OK(ss_taskwait());
    RT_CHECK(atomic_load(&rt_end[0]) != 0, "runtime stopped working");
    RT_OK(ss_finalize());
    return bad;
}
