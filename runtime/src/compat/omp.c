/* omp.c - the OpenMP query and lock routines that OmpSs programs call
 * (Nanos++ and Nanos6 provide them, so real OmpSs code includes omp.h and
 * calls omp_get_num_threads() or omp_get_wtime()). Answered from the ss
 * runtime: the "team" is the set of workers.
 *
 * Weak, so that a program that really links an OpenMP runtime gets that
 * one's. Locks work with both gcc's omp.h (4-byte omp_lock_t) and clang's
 * (a pointer): the state is one 32-bit word at the start of the lock. */
#include <linux/futex.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "core/runtime.h"
#include "ss.h"

#define SSI_OMP __attribute__((visibility("default"), weak))

SSI_OMP int omp_get_num_threads(void)
{
    int n = ss_num_workers();
    return n > 0 ? n : 1;
}

SSI_OMP int omp_get_max_threads(void)
{
    return omp_get_num_threads();
}

SSI_OMP int omp_get_thread_num(void)
{
    int id = ss_worker_id();
    return id >= 0 ? id : 0;
}

SSI_OMP int omp_get_num_procs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

SSI_OMP void omp_set_num_threads(int n)
{
    (void)n; /* the worker count is SS_NUM_THREADS, fixed at start */
}

SSI_OMP int omp_in_parallel(void)
{
    return omp_get_num_threads() > 1;
}

SSI_OMP int omp_in_final(void)
{
    return ss_in_final();
}

SSI_OMP double omp_get_wtime(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

SSI_OMP double omp_get_wtick(void)
{
    struct timespec ts;
    clock_getres(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ---- locks: 0 free, 1 held, 2 held with waiters (a futex mutex) ---- */

typedef struct { _Atomic int state; } ssi_omp_lock_t;

static void futex(_Atomic int *w, int op, int val)
{
    syscall(SYS_futex, (int *)w, op | FUTEX_PRIVATE_FLAG, val, NULL, NULL, 0);
}

SSI_OMP void omp_init_lock(void *lock)
{
    atomic_store(&((ssi_omp_lock_t *)lock)->state, 0);
}

SSI_OMP void omp_destroy_lock(void *lock)
{
    (void)lock;
}

SSI_OMP void omp_set_lock(void *lock)
{
    _Atomic int *s = &((ssi_omp_lock_t *)lock)->state;
    int c = 0;
    if (atomic_compare_exchange_strong(s, &c, 1))
        return;
    if (c != 2)
        c = atomic_exchange(s, 2);
    while (c != 0) {
        futex(s, FUTEX_WAIT, 2);
        c = atomic_exchange(s, 2);
    }
}

SSI_OMP void omp_unset_lock(void *lock)
{
    _Atomic int *s = &((ssi_omp_lock_t *)lock)->state;
    if (atomic_exchange(s, 0) == 2)
        futex(s, FUTEX_WAKE, 1);
}

SSI_OMP int omp_test_lock(void *lock)
{
    int c = 0;
    return atomic_compare_exchange_strong(&((ssi_omp_lock_t *)lock)->state, &c, 1);
}
