/* constraints_cores: on a synthetic 8-core machine (HWLOC_SYNTHETIC) with 8
 * workers, tasks needing computing_units(3) run beside plain tasks and the
 * cores in use (the units of every running task) never exceed 8, while the
 * multi-core tasks do run together with others. */
#include "rt_test.h"

#define MULTI 24
#define PLAIN 120

static atomic_int in_use, max_in_use, multi_ran, multi_with_others;

static void enter(int units)
{
    int u = atomic_fetch_add(&in_use, units) + units;
    for (int m = atomic_load(&max_in_use); u > m;)
        if (atomic_compare_exchange_weak(&max_in_use, &m, u))
            break;
}

static void multi_body(void *p)
{
    (void)p;
    enter(3);
    rt_sleep_us(3000);
    if (atomic_load(&in_use) > 3)
        atomic_fetch_add(&multi_with_others, 1);
    atomic_fetch_add(&multi_ran, 1);
    atomic_fetch_sub(&in_use, 3);
}

static void plain_body(void *p)
{
    (void)p;
    enter(1);
    rt_sleep_us(1000);
    atomic_fetch_sub(&in_use, 1);
}

static void three_units(const void *p, ss_constraints_t *c)
{
    (void)p;
    c->computing_units = 3;
}

static ss_task_type_t multi = {.label = "multi", .file = __FILE__, .line = __LINE__,
                               .run = multi_body, .constraints = three_units};
static ss_task_type_t plain = SS_TASK_TYPE("plain", plain_body);

static int child(void)
{
    RT_OK(ss_init());
    RT_CHECK(ss_num_workers() == 8, "want 8 workers (one per synthetic core), have %d",
             ss_num_workers());
    for (int i = 0; i < PLAIN; i++) {
        rt_spawn(&plain, NULL, 0, 0, NULL, 0);
        if (i % (PLAIN / MULTI) == 0)
            rt_spawn(&multi, NULL, 0, 0, NULL, 0);
    }
    RT_OK(ss_taskwait());
    RT_CHECK(atomic_load(&multi_ran) == MULTI, "%d multi-core tasks ran, want %d",
             atomic_load(&multi_ran), MULTI);
    RT_CHECK(atomic_load(&max_in_use) <= 8, "%d cores in use at once on 8",
             atomic_load(&max_in_use));
    RT_CHECK(atomic_load(&multi_with_others) > 0,
             "no multi-core task ever ran beside another task");
    printf("max in use %d, multi beside others %d\n", atomic_load(&max_in_use),
           atomic_load(&multi_with_others));
    RT_OK(ss_finalize());
    return 0;
}

int main(void)
{
    if (getenv("RT_CHILD"))
        return child();
    const char *env[] = {"HWLOC_SYNTHETIC=pack:2 core:4 pu:1", "SS_NUM_THREADS",
                         "SS_RESERVED_CORES", NULL};
    rt_child_t c;
    rt_run_child("run", env, &c);
    RT_CHECK(c.status == 0, "child exited with %d; stdout:\n%s\nstderr:\n%s", c.status,
             c.out, c.err);
    return 0;
}
