/* ss_taskwait in a task waits for all its descendants - grandchildren and
 * deeper too, even when the intermediate tasks did not wait for theirs (and
 * slow leaves); main's ss_taskwait likewise; a deep chain of nesting (each
 * level creates one child and returns) completes. */
#include "rt_test.h"

typedef struct { int depth, fanout; long delay_us; atomic_long *count; } node_t;

static void node(void *p);
static ss_task_type_t node_type = SS_TASK_TYPE("node", node);

static void node(void *p)
{
    node_t *a = p;
    if (a->depth > 0) {
        for (int i = 0; i < a->fanout; i++) {
            node_t c = {a->depth - 1, a->fanout, a->delay_us, a->count};
            rt_spawn(&node_type, &c, sizeof c, 0, NULL, 0);
        }
    } else if (a->delay_us) {
        rt_sleep_us(a->delay_us);
    }
    atomic_fetch_add(a->count, 1); /* no taskwait: return with children live */
}

static long tree_size(int depth, int fanout)
{
    long n = 1, level = 1;
    for (int d = 0; d < depth; d++) {
        level *= fanout;
        n += level;
    }
    return n;
}

typedef struct { int depth, fanout; atomic_int *ok; } checker_t;
static void checker(void *p)
{
    checker_t *a = p;
    atomic_long count = 0;
    node_t root = {a->depth, a->fanout, 1000, &count};
    rt_spawn(&node_type, &root, sizeof root, 0, NULL, 0);
    if (ss_taskwait() != SS_OK)
        return;
    long got = atomic_load(&count), want = tree_size(a->depth, a->fanout);
    if (got != want) {
        fprintf(stderr, "taskwait in a task returned with %ld of %ld descendants "
                "done\n", got, want);
        return;
    }
    atomic_fetch_add(a->ok, 1);
}
static ss_task_type_t checker_type = SS_TASK_TYPE("checker", checker);

int main(void)
{
    RT_OK(ss_init());
    const int reps = (int)rt_scaled(10, 2);
    for (int rep = 0; rep < reps; rep++) {
        /* From main. */
        atomic_long count = 0;
        node_t root = {3, 3, 2000, &count};
        rt_spawn(&node_type, &root, sizeof root, 0, NULL, 0);
        RT_OK(ss_taskwait());
        RT_CHECK(atomic_load(&count) == tree_size(3, 3), "main taskwait: %ld of %ld done",
                 atomic_load(&count), tree_size(3, 3));

        /* From tasks (several at once). */
        atomic_int ok = 0;
        for (int i = 0; i < 4; i++) {
            checker_t c = {2 + i % 2, 3, &ok};
            rt_spawn(&checker_type, &c, sizeof c, 0, NULL, 0);
        }
        RT_OK(ss_taskwait());
        RT_CHECK(atomic_load(&ok) == 4, "rep %d: %d of 4 checkers saw all descendants",
                 rep, atomic_load(&ok));
    }

    /* A deep chain. */
    const int depth = (int)rt_scaled(5000, 100);
    atomic_long count = 0;
    node_t root = {depth, 1, 0, &count};
    rt_spawn(&node_type, &root, sizeof root, 0, NULL, 0);
    RT_OK(ss_taskwait());
    RT_CHECK(atomic_load(&count) == depth + 1, "deep chain: %ld of %d done",
             atomic_load(&count), depth + 1);
    RT_OK(ss_finalize());
    return 0;
}
