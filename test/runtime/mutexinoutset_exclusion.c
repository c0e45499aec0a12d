/* mutexinoutset: members of a set never run at the same time (a counter of
 * members inside never exceeds 1), in whatever order the runtime picks; every
 * member runs; a reader after the set sees all updates; a writer before it is
 * seen by all. Also tasks holding two mutexinoutset variables at once, mixed
 * with tasks holding one of them: each variable stays exclusive, and members
 * on different variables may run together. */
#include "rt_test.h"

typedef struct { int id; int which; } args_t; /* which: 1 a, 2 b, 3 both */

static long a_val, b_val;
static atomic_int in_a, in_b, max_a, max_b, ran;

static void bump_max(atomic_int *max, int v)
{
    for (int m = atomic_load(max); v > m;)
        if (atomic_compare_exchange_weak(max, &m, v))
            break;
}

static void member(void *p)
{
    args_t *a = p;
    if (a->which & 1)
        bump_max(&max_a, atomic_fetch_add(&in_a, 1) + 1);
    if (a->which & 2)
        bump_max(&max_b, atomic_fetch_add(&in_b, 1) + 1);
    /* Widen the window: a few yields inside. */
    for (int i = 0; i < (a->id % 7 == 0 ? 20 : 2); i++)
        sched_yield();
    if (a->which & 1)
        a_val += a->id;  /* plain update: only exclusion makes it right */
    if (a->which & 2)
        b_val += 2L * a->id;
    if (a->which & 1)
        atomic_fetch_sub(&in_a, 1);
    if (a->which & 2)
        atomic_fetch_sub(&in_b, 1);
    atomic_fetch_add(&ran, 1);
}

static ss_task_type_t member_type = SS_TASK_TYPE("member", member);

static long seen_a, seen_b;
static void reader(void *p)
{
    (void)p;
    seen_a = a_val;
    seen_b = b_val;
}
static ss_task_type_t reader_type = SS_TASK_TYPE("reader", reader);

static void writer(void *p)
{
    (void)p;
    a_val = 1000;
    b_val = 2000;
}
static ss_task_type_t writer_type = SS_TASK_TYPE("writer", writer);

int main(void)
{
    RT_OK(ss_init());
    const int n = (int)rt_scaled(20000, 200);
    ss_dim_t da, db;
    ss_dep_t wa = rt_dep_bytes(SS_DEP_OUT, &a_val, sizeof a_val, &da);
    ss_dep_t wb = rt_dep_bytes(SS_DEP_OUT, &b_val, sizeof b_val, &db);
    ss_dep_t w2[2] = {wa, wb};
    for (int round = 0; round < 2; round++) {
        long want_a = 1000, want_b = 2000;
        rt_spawn(&writer_type, NULL, 0, 2, w2, 0);
        for (int i = 1; i <= n; i++) {
            /* round 0: a only; round 1: a, b or both */
            args_t a = {i, round == 0 ? 1 : 1 + i % 3};
            ss_dep_t deps[2];
            unsigned nd = 0;
            if (a.which & 1)
                deps[nd++] = (ss_dep_t){SS_DEP_MUTEXINOUTSET, &a_val, 1, &da};
            if (a.which & 2)
                deps[nd++] = (ss_dep_t){SS_DEP_MUTEXINOUTSET, &b_val, 1, &db};
            rt_spawn(&member_type, &a, sizeof a, nd, deps, 0);
            if (a.which & 1)
                want_a += i;
            if (a.which & 2)
                want_b += 2L * i;
        }
        ss_dep_t r2[2] = {{SS_DEP_IN, &a_val, 1, &da}, {SS_DEP_IN, &b_val, 1, &db}};
        rt_spawn(&reader_type, NULL, 0, 2, r2, 0);
        RT_OK(ss_taskwait());
        RT_CHECK(atomic_load(&ran) == n, "round %d: ran %d of %d", round,
                 atomic_load(&ran), n);
        RT_CHECK(atomic_load(&max_a) == 1, "round %d: %d members on a at once",
                 round, atomic_load(&max_a));
        RT_CHECK(atomic_load(&max_b) <= 1, "round %d: %d members on b at once",
                 round, atomic_load(&max_b));
        RT_CHECK(seen_a == want_a && a_val == want_a, "round %d: a = %ld (reader "
                 "saw %ld), want %ld", round, a_val, seen_a, want_a);
        RT_CHECK(seen_b == want_b && b_val == want_b, "round %d: b = %ld (reader "
                 "saw %ld), want %ld", round, b_val, seen_b, want_b);
        atomic_store(&ran, 0);
        atomic_store(&max_a, 0);
        atomic_store(&max_b, 0);
    }

    /* Members on different variables can run at the same time. */
    if (ss_num_workers() >= 2) {
        rt_probes_reset();
        rt_probe1(0, 1, 0, SS_DEP_MUTEXINOUTSET, &a_val, sizeof a_val);
        rt_probe1(1, 0, 0, SS_DEP_MUTEXINOUTSET, &b_val, sizeof b_val);
        RT_OK(ss_taskwait());
        RT_CHECK_CONCURRENT(0, 1, "mutexinoutset on two different variables");
    }
    RT_OK(ss_finalize());
    return 0;
}
