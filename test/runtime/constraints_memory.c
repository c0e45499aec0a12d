/* constraints_memory: with a memory budget of about 100 MB, tasks asking
 * memory_size(0.03) GB (30.7 MiB) run at most three at a time on 4 workers,
 * and all of them run. The budget comes once from SS_MEMORY_MB=100 and once
 * from the memory of a synthetic hwloc machine (4 cores, 100 MB). */
#include "rt_test.h"

#define TASKS 24

static atomic_int inside, max_inside, ran;

static void body(void *p)
{
    (void)p;
    int in = atomic_fetch_add(&inside, 1) + 1;
    for (int m = atomic_load(&max_inside); in > m;)
        if (atomic_compare_exchange_weak(&max_inside, &m, in))
            break;
    rt_sleep_us(2000);
    atomic_fetch_sub(&inside, 1);
    atomic_fetch_add(&ran, 1);
}

static void needs_memory(const void *p, ss_constraints_t *c)
{
    (void)p;
    c->memory_size = 0.03;
}

static ss_task_type_t big = {.label = "big", .file = __FILE__, .line = __LINE__,
                             .run = body, .constraints = needs_memory};

static int child(void)
{
    RT_OK(ss_init());
    RT_CHECK(ss_num_workers() == 4, "want 4 workers, have %d", ss_num_workers());
    for (int i = 0; i < TASKS; i++)
        rt_spawn(&big, NULL, 0, 0, NULL, 0);
    RT_OK(ss_taskwait());
    RT_CHECK(atomic_load(&ran) == TASKS, "%d tasks ran, want %d", atomic_load(&ran), TASKS);
    RT_CHECK(atomic_load(&max_inside) <= 3, "%d tasks of 30.7 MiB ran at once in 100 MiB",
             atomic_load(&max_inside));
    RT_CHECK(atomic_load(&max_inside) >= 2, "never two at once: the budget held too much");
    RT_OK(ss_finalize());
    return 0;
}

int main(void)
{
    if (getenv("RT_CHILD"))
        return child();
    const char *by_setting[] = {"SS_MEMORY_MB=100", "SS_NUM_THREADS=4", "HWLOC_SYNTHETIC",
                                NULL};
    const char *by_machine[] = {"SS_MEMORY_MB", "SS_NUM_THREADS", "SS_RESERVED_CORES",
                                "HWLOC_SYNTHETIC=pack:1 numa:1(memory=100MB) core:4 pu:1",
                                NULL};
    const char *const *runs[] = {by_setting, by_machine};
    for (int i = 0; i < 2; i++) {
        rt_child_t c;
        rt_run_child("run", runs[i], &c);
        RT_CHECK(c.status == 0, "budget from %s: exit %d; stderr:\n%s",
                 i ? "the machine" : "SS_MEMORY_MB", c.status, c.err);
    }
    return 0;
}
