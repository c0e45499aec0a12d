/* The OpenMP routines OmpSs programs call (omp.h from the C compiler,
 * answered by libssrt): team size and thread number are the workers, the
 * wall clock moves forward, and an omp lock keeps concurrent tasks' updates
 * of a plain counter exact. */
#include <omp.h>

#include "rt_test.h"

static omp_lock_t lock;
static long counter;

static void bump(void *p)
{
    (void)p;
    for (int i = 0; i < 1000; i++) {
        omp_set_lock(&lock);
        counter++;
        omp_unset_lock(&lock);
    }
    if (omp_get_thread_num() < 0 || omp_get_thread_num() >= omp_get_num_threads()) {
        fprintf(stderr, "thread %d of %d\n", omp_get_thread_num(), omp_get_num_threads());
        exit(1);
    }
}

static ss_task_type_t bump_type = SS_TASK_TYPE("bump", bump);

int main(void)
{
    int w = rt_need_workers(2);
    if (omp_get_num_threads() != w || omp_get_max_threads() != w || omp_get_thread_num() != 0 ||
        omp_get_num_procs() < 1 || omp_in_final()) {
        fprintf(stderr, "queries: %d %d %d %d %d (workers %d)\n", omp_get_num_threads(),
                omp_get_max_threads(), omp_get_thread_num(), omp_get_num_procs(), omp_in_final(), w);
        return 1;
    }
    double t0 = omp_get_wtime();
    omp_init_lock(&lock);
    if (!omp_test_lock(&lock) || omp_test_lock(&lock)) {
        fprintf(stderr, "omp_test_lock\n");
        return 1;
    }
    omp_unset_lock(&lock);
    for (int i = 0; i < 200; i++) {
        ss_task_t t;
        void *a;
        RT_OK(ss_task_create(&bump_type, 0, 0, 0, &t, &a));
        RT_OK(ss_task_submit(t));
    }
    RT_OK(ss_taskwait());
    omp_destroy_lock(&lock);
    double t1 = omp_get_wtime();
    if (counter != 200000 || !(t1 >= t0) || !(omp_get_wtick() > 0)) {
        fprintf(stderr, "counter %ld, wtime %f -> %f\n", counter, t0, t1);
        return 1;
    }
    printf("ok\n");
    return 0;
}
