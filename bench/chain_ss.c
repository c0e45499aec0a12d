/* chain_ss.c - N tasks on ss, each inout on the same variable, so they run
 * one after the other; each adds 1. Checks the final value is N. */
#include "ss_common.h"

typedef struct chain_args {
    long *x;
} chain_args_t;

static void chain_body(void *args)
{
    chain_args_t *a = args;
    (*a->x)++;
}

static ss_task_type_t chain_type = SS_TASK_TYPE("chain", chain_body);
static long x;

int main(int argc, char **argv)
{
    long n = bench_arg_long(argc, argv, 1, "tasks", 1000000, 1);
    int threads = bench_ss_start();

    uint64_t t0 = bench_now_ns();
    for (long i = 0; i < n; i++) {
        ss_task_t t;
        void *args;
        SS_TRY(ss_task_create(&chain_type, sizeof(chain_args_t), 1, 0, &t, &args));
        chain_args_t *a = args;
        a->x = &x;
        SS_TRY(ss_task_depend_bytes(t, SS_DEP_INOUT, &x, sizeof x));
        SS_TRY(ss_task_submit(t));
    }
    SS_TRY(ss_taskwait());
    uint64_t ns = bench_now_ns() - t0;

    if (x != n)
        bench_fail("chain: final value %ld, expected %ld", x, n);
    BENCH_RESULT("chain", threads, "n=%ld ns_per_task=%.1f", n, (double)ns / n);
    SS_TRY(ss_finalize());
    return 0;
}
