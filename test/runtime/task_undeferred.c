/* SS_TASK_UNDEFERRED (if(0)): ss_task_submit returns only after the task ran,
 * on the submitting thread, and the task still waited for its predecessors
 * (also through partial overlaps, mutexinoutset and from inside a task). */
#include "rt_test.h"

static long x;
static char buf[256];

typedef struct { long want; atomic_int *ran; int worker; } u_t;
static atomic_int wrong;

static void u_body(void *p)
{
    u_t *a = p;
    if (a->want >= 0 && x != a->want) {
        fprintf(stderr, "undeferred task saw x = %ld, want %ld\n", x, a->want);
        atomic_store(&wrong, 1);
    }
    if (ss_worker_id() != a->worker) {
        fprintf(stderr, "undeferred task ran on worker %d, submitted from %d\n",
                ss_worker_id(), a->worker);
        atomic_store(&wrong, 1);
    }
    atomic_store(a->ran, 1);
}
static ss_task_type_t u_type = SS_TASK_TYPE("undeferred", u_body);

typedef struct { long v; long delay_us; } w_t;
static void w_body(void *p)
{
    w_t *a = p;
    rt_sleep_us(a->delay_us);
    x = a->v;
}
static ss_task_type_t w_type = SS_TASK_TYPE("writer", w_body);

static void writer(long v, long delay_us)
{
    w_t a = {v, delay_us};
    ss_dim_t d;
    ss_dep_t dep = rt_dep_bytes(SS_DEP_INOUT, &x, sizeof x, &d);
    rt_spawn(&w_type, &a, sizeof a, 1, &dep, 0);
}

static void add_body(void *p)
{
    (void)p;
    rt_sleep_us(200);
    x += 1;
}
static ss_task_type_t add_type = SS_TASK_TYPE("add", add_body);

/* Create + submit an undeferred task reading x; check it ran by return. */
static void undeferred(ss_dep_type_t t, const void *addr, size_t len, long want)
{
    atomic_int ran = 0;
    u_t a = {want, &ran, ss_worker_id()};
    ss_task_t task;
    u_t *args;
    RT_OK(ss_task_create(&u_type, sizeof a, 1, SS_TASK_UNDEFERRED, &task, (void **)&args));
    *args = a;
    RT_OK(ss_task_depend_bytes(task, t, addr, len));
    RT_OK(ss_task_submit(task));
    RT_CHECK(atomic_load(&ran), "ss_task_submit of an undeferred task returned "
             "before it ran");
}

static atomic_int nested_ok;
static void nested_body(void *p)
{
    (void)p;
    long local = 0;
    for (int i = 1; i <= 20; i++) {
        atomic_int ran = 0;
        u_t a = {-1, &ran, ss_worker_id()};
        ss_task_t task;
        u_t *args;
        if (ss_task_create(&u_type, sizeof a, 1, SS_TASK_UNDEFERRED, &task, (void **)&args))
            return;
        *args = a;
        if (ss_task_depend_bytes(task, SS_DEP_INOUT, &local, sizeof local) ||
            ss_task_submit(task) || !atomic_load(&ran))
            return;
        local++;
    }
    atomic_store(&nested_ok, 1);
}
static ss_task_type_t nested_type = SS_TASK_TYPE("nested", nested_body);

int main(void)
{
    RT_OK(ss_init());
    for (int rep = 0; rep < 20; rep++) {
        /* No dependences. */
        undeferred(SS_DEP_IN, buf, 0, -1);
        /* A slow writer of x, then an undeferred reader of x. */
        writer(100 + rep, 3000);
        undeferred(SS_DEP_IN, &x, sizeof x, 100 + rep);
        /* A chain of writers, then an undeferred inout. */
        for (int i = 0; i < 10; i++)
            writer(200 + i, i == 0 ? 2000 : 0);
        undeferred(SS_DEP_INOUT, &x, sizeof x, 209);
        /* Partial overlap: writer of x's bytes, reader of a range covering
         * only its last byte. */
        writer(300 + rep, 2000);
        undeferred(SS_DEP_IN, (char *)&x + sizeof x - 1, 8, 300 + rep);
        /* Behind a mutexinoutset set. */
        writer(400 + rep, 0);
        for (int i = 0; i < 5; i++) {
            ss_dim_t d;
            ss_dep_t dep = rt_dep_bytes(SS_DEP_MUTEXINOUTSET, &x, sizeof x, &d);
            rt_spawn(&add_type, NULL, 0, 1, &dep, 0);
        }
        undeferred(SS_DEP_IN, &x, sizeof x, 405 + rep);
    }
    /* From inside a task. */
    rt_spawn(&nested_type, NULL, 0, 0, NULL, 0);
    RT_OK(ss_taskwait());
    RT_CHECK(atomic_load(&nested_ok), "undeferred children in a task did not run by "
             "the end of their submit");
    RT_CHECK(!atomic_load(&wrong), "see above");
    RT_OK(ss_finalize());
    return 0;
}
