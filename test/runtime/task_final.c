/* SS_TASK_FINAL: ss_in_final() is 1 in the final task and in every
 * descendant; its descendants run inline - they have run (on the same
 * thread) by the time ss_task_submit returns, in creation order, using the
 * type's run_serial body when there is one; taskwait and taskwait_on there
 * are no-ops that succeed. Outside final tasks ss_in_final() is 0. */
#include "rt_test.h"

static atomic_int wrong;
#define BAD(...) do { fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); \
                      atomic_store(&wrong, 1); } while (0)

typedef struct { int depth; int *log; int *nlog; int id; int worker; } c_t;

static void child_body(void *p);
static void child_serial(void *p);
static ss_task_type_t child_type = {.label = "child", .file = __FILE__, .line = __LINE__,
                                    .run = child_body, .run_serial = child_serial};

static long shared;

static void spawn_child(int depth, int *log, int *nlog, int id)
{
    c_t a = {depth, log, nlog, id, ss_worker_id()};
    ss_task_t t;
    c_t *args;
    int before = *nlog;
    if (ss_task_create(&child_type, sizeof a, 1, 0, &t, (void **)&args))
        BAD("create failed");
    *args = a;
    if (ss_task_depend_bytes(t, SS_DEP_INOUT, &shared, sizeof shared) ||
        ss_task_submit(t))
        BAD("depend/submit failed");
    if (*nlog == before)
        BAD("child %d (depth %d) had not run when its submit returned", id, depth);
}

static void child_common(c_t *a, int serial)
{
    if (!ss_in_final())
        BAD("ss_in_final() = 0 in a descendant of a final task (depth %d)", a->depth);
    if (!serial)
        BAD("a descendant of a final task ran its `run` body, not run_serial");
    if (ss_worker_id() != a->worker)
        BAD("inline child ran on worker %d, parent on %d", ss_worker_id(), a->worker);
    a->log[(*a->nlog)++] = a->id;
    if (a->depth < 3)
        for (int i = 0; i < 2; i++)
            spawn_child(a->depth + 1, a->log, a->nlog, a->id * 10 + i);
    if (ss_taskwait() != SS_OK)
        BAD("ss_taskwait in final context failed");
    ss_dim_t d = {sizeof shared, 0, sizeof shared};
    ss_dep_t dep = {SS_DEP_INOUT, &shared, 1, &d};
    if (ss_taskwait_on(1, &dep) != SS_OK)
        BAD("ss_taskwait_on in final context failed");
}

static void child_body(void *p) { child_common(p, 0); }
static void child_serial(void *p) { child_common(p, 1); }

static atomic_int finals_done;
static void final_body(void *p)
{
    (void)p;
    if (ss_in_final() != 1)
        BAD("ss_in_final() = %d in a final task", ss_in_final());
    int log[64], nlog = 0;
    for (int i = 1; i <= 3; i++)
        spawn_child(1, log, &nlog, i);
    /* 3 children, each with 2 children with 2 children: 3 * (1 + 2 + 4). */
    if (nlog != 21)
        BAD("%d descendants ran inline, want 21", nlog);
    /* Depth-first creation order. */
    const int want[21] = {1, 10, 100, 101, 11, 110, 111, 2, 20, 200, 201, 21, 210,
                          211, 3, 30, 300, 301, 31, 310, 311};
    for (int i = 0; i < nlog && i < 21; i++)
        if (log[i] != want[i]) {
            BAD("inline order: position %d ran %d, want %d", i, log[i], want[i]);
            break;
        }
    /* An undeferred child and one marked final are inline too. */
    int before = nlog;
    c_t a = {3, log, &nlog, 9, ss_worker_id()};
    rt_spawn(&child_type, &a, sizeof a, 0, NULL, SS_TASK_UNDEFERRED);
    rt_spawn(&child_type, &a, sizeof a, 0, NULL, SS_TASK_FINAL | SS_TASK_WAIT);
    if (nlog != before + 2)
        BAD("undeferred/final children of a final task were not inline");
    atomic_fetch_add(&finals_done, 1);
}
static ss_task_type_t final_type = SS_TASK_TYPE("final", final_body);

static atomic_int normal_seen;
static void normal_body(void *p)
{
    (void)p;
    if (ss_in_final() != 0)
        BAD("ss_in_final() = %d in a normal task", ss_in_final());
    atomic_fetch_add(&normal_seen, 1);
}
static ss_task_type_t normal_type = SS_TASK_TYPE("normal", normal_body);

int main(void)
{
    RT_OK(ss_init());
    RT_EXPECT(ss_in_final(), 0);
    const int n = (int)rt_scaled(200, 10);
    for (int i = 0; i < n; i++) {
        rt_spawn(&final_type, NULL, 0, 0, NULL, SS_TASK_FINAL);
        rt_spawn(&normal_type, NULL, 0, 0, NULL, 0);
    }
    /* Undeferred final task from main: everything has run by return. */
    int before = atomic_load(&finals_done);
    rt_spawn(&final_type, NULL, 0, 0, NULL, SS_TASK_FINAL | SS_TASK_UNDEFERRED);
    RT_CHECK(atomic_load(&finals_done) >= before + 1, "undeferred final task not done");
    RT_OK(ss_taskwait());
    RT_EXPECT(ss_in_final(), 0);
    RT_CHECK(atomic_load(&finals_done) == n + 1, "final tasks done: %d",
             atomic_load(&finals_done));
    RT_CHECK(atomic_load(&normal_seen) == n, "normal tasks: %d", atomic_load(&normal_seen));
    RT_CHECK(!atomic_load(&wrong), "see above");
    RT_OK(ss_finalize());
    return 0;
}
