/* lock.h - a small test-and-test-and-set spin lock for short critical
 * sections (dependence domains, pool overflow). Spins with pause, then
 * yields: on 2 shared cores a preempted holder must get the CPU back. */
#ifndef SSI_LOCK_H
#define SSI_LOCK_H

#include <sched.h>
#include <stdatomic.h>

typedef struct { atomic_int held; } ssi_lock_t;

#define SSI_LOCK_INIT { 0 }

static inline void ssi_cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

static inline void ssi_lock(ssi_lock_t *l)
{
    /* Pairs with the release store in ssi_unlock. */
    if (!atomic_exchange_explicit(&l->held, 1, memory_order_acquire))
        return;
    for (unsigned spins = 0;; spins++) {
        while (atomic_load_explicit(&l->held, memory_order_relaxed)) {
            if (++spins < 64)
                ssi_cpu_relax();
            else
                sched_yield();
        }
        if (!atomic_exchange_explicit(&l->held, 1, memory_order_acquire))
            return;
    }
}

static inline void ssi_unlock(ssi_lock_t *l)
{
    atomic_store_explicit(&l->held, 0, memory_order_release);
}

#endif
