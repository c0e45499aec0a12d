/* #pragma oss release (ss_abi_release_*): a writer that releases one of its
 * regions lets that region's reader run while the writer is still running;
 * its other region is released only at its end. Also: release of a region
 * the task does not hold is harmless, and a child still writing the region
 * is waited for before the release takes effect. */
#include "rt_test.h"
#include "ss_abi.h"

static int a, b, c, other;
static atomic_int b_read, writer_done;
static int b_seen, a_seen;

static void child(void *p)
{
    (void)p;
    for (volatile int i = 0; i < 2000000; i++)
        ;
    c = 9;
}

static ss_task_type_t child_type = SS_TASK_TYPE("child", child);

static void writer(void *p)
{
    (void)p;
    b = 7;
    ss_abi_release_object(&other, sizeof other); /* not held: no effect */
    ss_abi_release_object(&b, sizeof b);
    /* The reader of b may now run on the other worker while this task
     * still holds a and c: it must (RT_WAIT_LIMIT bounds the wait). */
    if (!rt_wait_flag(&b_read)) {
        fprintf(stderr, "the reader of b did not run while the writer held a: "
                        "release did not take effect\n");
        exit(1);
    }
    ss_task_t t;
    void *args;
    ss_task_create(&child_type, 0, 1, 0, &t, &args);
    ss_task_depend_bytes(t, SS_DEP_OUT, &c, sizeof c);
    ss_task_submit(t);
    ss_abi_release_object(&c, sizeof c); /* waits for the child writing c */
    if (c != 9) {
        fprintf(stderr, "release returned before the child writing c ended\n");
        exit(1);
    }
    a = 1;
    atomic_store(&writer_done, 1);
}

static void read_b(void *p)
{
    (void)p;
    b_seen = b;
    atomic_store(&b_read, 1);
}

static void read_a(void *p)
{
    (void)p;
    a_seen = a;
    if (!atomic_load(&writer_done)) {
        fprintf(stderr, "reader of a ran before the writer ended\n");
        exit(1);
    }
}

static ss_task_type_t writer_type = SS_TASK_TYPE("writer", writer);
static ss_task_type_t read_b_type = SS_TASK_TYPE("read b", read_b);
static ss_task_type_t read_a_type = SS_TASK_TYPE("read a", read_a);

static void submit(ss_task_type_t *ty, ss_dep_type_t k1, int *x1, ss_dep_type_t k2, int *x2,
                   ss_dep_type_t k3, int *x3)
{
    ss_task_t t;
    void *args;
    if (ss_task_create(ty, 0, 3, 0, &t, &args) || ss_task_depend_bytes(t, k1, x1, sizeof *x1))
        exit(1);
    if (x2 && ss_task_depend_bytes(t, k2, x2, sizeof *x2))
        exit(1);
    if (x3 && ss_task_depend_bytes(t, k3, x3, sizeof *x3))
        exit(1);
    if (ss_task_submit(t))
        exit(1);
}

int main(void)
{
    rt_need_workers(2);
    submit(&writer_type, SS_DEP_OUT, &a, SS_DEP_OUT, &b, SS_DEP_OUT, &c);
    submit(&read_b_type, SS_DEP_IN, &b, 0, NULL, 0, NULL);
    submit(&read_a_type, SS_DEP_IN, &a, 0, NULL, 0, NULL);
    if (ss_taskwait())
        return 1;
    if (!atomic_load(&b_read) || b_seen != 7 || a_seen != 1) {
        fprintf(stderr, "b_read %d b_seen %d a_seen %d\n", atomic_load(&b_read), b_seen, a_seen);
        return 1;
    }
    printf("ok\n");
    return 0;
}
