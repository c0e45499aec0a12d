/* deque.h - Chase-Lev work-stealing deque of ready tasks (one per worker).
 * The owner pushes and pops at the bottom; thieves steal at the top.
 * Arrays replaced on growth are kept until ssi_deque_destroy, so a thief
 * that read the old array pointer never touches freed memory. */
#ifndef SSI_DEQUE_H
#define SSI_DEQUE_H

#include <stdatomic.h>

struct ssi_task;

typedef struct ssi_darray {
    long cap; /* power of two */
    struct ssi_darray *older;
    _Atomic(struct ssi_task *) slot[];
} ssi_darray_t;

typedef struct ssi_deque {
    atomic_long top;
    char pad0[64 - sizeof(atomic_long)];
    atomic_long bottom;
    _Atomic(ssi_darray_t *) array;
    /* Owner only: a past value of top (which only grows), so that a push
     * reads the thieves' line only when the array may be full. */
    long top_cache;
    char pad1[64 - sizeof(atomic_long) - sizeof(void *) - sizeof(long)];
} ssi_deque_t;

int ssi_deque_init(ssi_deque_t *dq, long cap);
void ssi_deque_destroy(ssi_deque_t *dq);
/* Owner only. Returns -1 when growing the array failed. */
int ssi_deque_push(ssi_deque_t *dq, struct ssi_task *t);
struct ssi_task *ssi_deque_pop(ssi_deque_t *dq);
/* Any thread. NULL when empty or when it lost a race. */
struct ssi_task *ssi_deque_steal(ssi_deque_t *dq);
/* Approximate number of tasks (any thread). */
long ssi_deque_size(ssi_deque_t *dq);

/* Owner only: the number of tasks when it is at least n, else a number
 * below n (top_cache, a past value of top, which only grows, can only
 * overcount). Reads the thieves' line only when the cached count reaches
 * n, and then refreshes top_cache for push too. */
static inline long ssi_deque_owner_count(ssi_deque_t *dq, long n)
{
    long b = atomic_load_explicit(&dq->bottom, memory_order_relaxed);
    if (b - dq->top_cache < n)
        return b - dq->top_cache;
    /* Acquire, as in push: the slots stolen below it are done with. */
    dq->top_cache = atomic_load_explicit(&dq->top, memory_order_acquire);
    return b - dq->top_cache;
}

#endif
