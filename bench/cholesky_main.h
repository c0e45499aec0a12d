/* cholesky_main.h - the driver every Cholesky benchmark program shares:
 * arguments (BS [N]), set-up, the timed factorization, the check and the
 * RESULT line. A program supplies `run`, which factors m, stores the
 * nanoseconds of the factorization in *ns and returns the thread count.
 * Include after the header that defines BENCH_RUNTIME (common.h, apps.h or
 * ss_common.h). */
#ifndef CHOLESKY_MAIN_H
#define CHOLESKY_MAIN_H

#include "cholesky.h"
#include "common.h"

static inline int chol_bench_main(int argc, char **argv,
                                  int (*run)(chol_mat_t *m, uint64_t *ns))
{
    int bs = (int)bench_arg_long(argc, argv, 1, "tile size", 64, 1);
    int n = (int)bench_arg_long(argc, argv, 2, "matrix order", 2048, 1);
    chol_mat_t m;
    uint64_t ns = 0;

    chol_init(&m, n, bs);
    int threads = run(&m, &ns);
    if (chol_verify(&m))
        bench_fail("cholesky: wrong result");
    BENCH_RESULT("cholesky", threads, "n=%d bs=%d tasks=%ld seconds=%.4f", n, bs,
                 chol_task_count(m.nt), ns / 1e9);
    chol_free(&m);
    return 0;
}

#endif
