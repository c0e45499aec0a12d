/* apps.h - what every program of bench/apps/ shares: which runtime it was
 * built for (for the RESULT line), and starting that runtime before the
 * clock. The OmpSs sources (NAME_ss.c) are built twice: by ssc -fompss (the
 * translator defines _OMPSS) and by plain cc, pragmas ignored (sequential).
 * The OpenMP twins (NAME_omp.c) are built by gcc and by clang. */
#ifndef BENCH_APPS_H
#define BENCH_APPS_H

#if defined(_OMPSS)
#include <ss.h>
#define BENCH_RUNTIME "ss"
#elif !defined(_OPENMP)
#define BENCH_RUNTIME "seq"
#endif
#include "../common.h" /* names gomp or omp under _OPENMP */

#if defined(_OPENMP)
#include <omp.h>
#endif

/* Start the runtime (ss: its workers; OpenMP: nothing, the program opens
 * its parallel region before the clock) and return its thread count. */
static inline int app_start(void)
{
#if defined(_OMPSS)
    int rc = ss_init();
    if (rc != SS_OK)
        bench_fail("ss_init: %s", ss_strerror(rc));
    return ss_num_workers();
#elif defined(_OPENMP)
    return omp_get_max_threads();
#else
    return 1;
#endif
}

#endif /* BENCH_APPS_H */
