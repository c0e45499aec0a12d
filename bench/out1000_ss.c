/* out1000_ss.c - N tasks on ss, task i has out on a[i % 1000] and writes i
 * there: 1000 independent chains of write-after-write dependences. Checks
 * that each slot holds the last i written to it. */
#include "ss_common.h"

#define SLOTS 1000
static long a[SLOTS];

typedef struct out_args {
    long *slot;
    long i;
} out_args_t;

static void out_body(void *args)
{
    out_args_t *o = args;
    *o->slot = o->i;
}

static ss_task_type_t out_type = SS_TASK_TYPE("out1000", out_body);

int main(int argc, char **argv)
{
    long n = bench_arg_long(argc, argv, 1, "tasks", 1000000, 1);
    int threads = bench_ss_start();

    for (long j = 0; j < SLOTS; j++)
        a[j] = -1;
    uint64_t t0 = bench_now_ns();
    for (long i = 0; i < n; i++) {
        ss_task_t t;
        void *args;
        SS_TRY(ss_task_create(&out_type, sizeof(out_args_t), 1, 0, &t, &args));
        out_args_t *o = args;
        o->slot = &a[i % SLOTS];
        o->i = i;
        SS_TRY(ss_task_depend_bytes(t, SS_DEP_OUT, o->slot, sizeof *o->slot));
        SS_TRY(ss_task_submit(t));
    }
    SS_TRY(ss_taskwait());
    uint64_t ns = bench_now_ns() - t0;

    for (long j = 0; j < SLOTS; j++) {
        long want = j < n ? (n - 1 - j) / SLOTS * SLOTS + j : -1;
        if (a[j] != want)
            bench_fail("out1000: a[%ld] = %ld, expected %ld", j, a[j], want);
    }
    BENCH_RESULT("out1000", threads, "n=%ld ns_per_task=%.1f", n, (double)ns / n);
    SS_TRY(ss_finalize());
    return 0;
}
