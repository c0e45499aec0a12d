/* constraints_memory: with a 100 MiB budget (SS_MEMORY_MB), tasks asking
 * memory_size(0.03) GB (30.7 MiB) run at most three at a time on 4 workers,
 * and all of them run. */
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

int main(void)
{
    setenv("SS_MEMORY_MB", "100", 1);
    rt_need_workers(4);
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
