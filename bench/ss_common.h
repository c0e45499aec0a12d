/* ss_common.h - what the ss versions of the benchmarks add to common.h:
 * the runtime name and a check for every ss.h call. */
#ifndef BENCH_SS_COMMON_H
#define BENCH_SS_COMMON_H

#include <ss.h>

#define BENCH_RUNTIME "ss"
#include "common.h"

/* Call an ss.h function; on an error, fail naming the call and the error. */
#define SS_TRY(call)                                                          \
    do {                                                                      \
        int rc_ = (call);                                                     \
        if (rc_ != SS_OK)                                                     \
            bench_fail("%s:%d: %s: %s", __FILE__, __LINE__, #call,           \
                       ss_strerror(rc_));                                     \
    } while (0)

/* Start the runtime and return its number of workers. */
static inline int bench_ss_start(void)
{
    SS_TRY(ss_init());
    int n = ss_num_workers();
    if (n < 1)
        bench_fail("ss_num_workers: %s", ss_strerror(n));
    return n;
}

#endif /* BENCH_SS_COMMON_H */
