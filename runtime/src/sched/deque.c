/* deque.c - Chase-Lev deque (Le, Pop, Cohen, Zappa Nardelli 2013 orderings,
 * with a release store of `bottom` in push so ThreadSanitizer sees the
 * publication of the task). */
#include "sched/deque.h"

#include <stdlib.h>

static ssi_darray_t *darray_new(long cap)
{
    ssi_darray_t *a = malloc(sizeof *a + (size_t)cap * sizeof a->slot[0]);
    if (a) {
        a->cap = cap;
        a->older = NULL;
    }
    return a;
}

int ssi_deque_init(ssi_deque_t *dq, long cap)
{
    ssi_darray_t *a = darray_new(cap);
    if (!a)
        return -1;
    atomic_init(&dq->top, 0);
    atomic_init(&dq->bottom, 0);
    atomic_init(&dq->array, a);
    dq->top_cache = 0;
    return 0;
}

void ssi_deque_destroy(ssi_deque_t *dq)
{
    ssi_darray_t *a = atomic_load_explicit(&dq->array, memory_order_relaxed);
    while (a) {
        ssi_darray_t *older = a->older;
        free(a);
        a = older;
    }
    atomic_store_explicit(&dq->array, NULL, memory_order_relaxed);
}

static ssi_darray_t *grow(ssi_deque_t *dq, ssi_darray_t *a, long t, long b)
{
    ssi_darray_t *n = darray_new(a->cap * 2);
    if (!n)
        return NULL;
    for (long i = t; i < b; i++)
        atomic_store_explicit(&n->slot[i & (n->cap - 1)],
                              atomic_load_explicit(&a->slot[i & (a->cap - 1)],
                                                   memory_order_relaxed),
                              memory_order_relaxed);
    n->older = a;
    /* Pairs with the acquire load of `array` in steal. */
    atomic_store_explicit(&dq->array, n, memory_order_release);
    return n;
}

int ssi_deque_push(ssi_deque_t *dq, struct ssi_task *task)
{
    long b = atomic_load_explicit(&dq->bottom, memory_order_relaxed);
    ssi_darray_t *a = atomic_load_explicit(&dq->array, memory_order_relaxed);
    /* top only grows: with b - top_cache below the capacity the slot at b
     * is free, and every index stolen before top_cache was read (acquire)
     * is done with. Else look at top itself. */
    if (b - dq->top_cache > a->cap - 1) {
        long t = atomic_load_explicit(&dq->top, memory_order_acquire);
        dq->top_cache = t;
        if (b - t > a->cap - 1) {
            a = grow(dq, a, t, b);
            if (!a)
                return -1;
        }
    }
    atomic_store_explicit(&a->slot[b & (a->cap - 1)], task, memory_order_relaxed);
    /* Pairs with the acquire load of `bottom` in steal: publishes the task. */
    atomic_store_explicit(&dq->bottom, b + 1, memory_order_release);
    return 0;
}

struct ssi_task *ssi_deque_pop(ssi_deque_t *dq)
{
    long b = atomic_load_explicit(&dq->bottom, memory_order_relaxed) - 1;
    ssi_darray_t *a = atomic_load_explicit(&dq->array, memory_order_relaxed);
    /* Every store of bottom is a release (free on x86) so that any value a
     * thief reads carries the publication of the tasks below it. */
    atomic_store_explicit(&dq->bottom, b, memory_order_release);
    /* Orders the bottom store before the top load against a thief's
     * top load / bottom load (the seq_cst fence in steal). */
    atomic_thread_fence(memory_order_seq_cst);
    long t = atomic_load_explicit(&dq->top, memory_order_relaxed);
    struct ssi_task *task = NULL;
    if (t <= b) {
        task = atomic_load_explicit(&a->slot[b & (a->cap - 1)], memory_order_relaxed);
        if (t == b) {
            /* Last element: race with thieves through top. */
            if (!atomic_compare_exchange_strong_explicit(
                    &dq->top, &t, t + 1, memory_order_seq_cst,
                    memory_order_relaxed))
                task = NULL;
            atomic_store_explicit(&dq->bottom, b + 1, memory_order_release);
        }
    } else {
        atomic_store_explicit(&dq->bottom, b + 1, memory_order_release);
    }
    return task;
}

struct ssi_task *ssi_deque_steal(ssi_deque_t *dq)
{
    long t = atomic_load_explicit(&dq->top, memory_order_acquire);
    atomic_thread_fence(memory_order_seq_cst);
    long b = atomic_load_explicit(&dq->bottom, memory_order_acquire);
    if (t >= b)
        return NULL;
    ssi_darray_t *a = atomic_load_explicit(&dq->array, memory_order_acquire);
    struct ssi_task *task =
        atomic_load_explicit(&a->slot[t & (a->cap - 1)], memory_order_relaxed);
    if (!atomic_compare_exchange_strong_explicit(&dq->top, &t, t + 1,
                                                 memory_order_seq_cst,
                                                 memory_order_relaxed))
        return NULL;
    return task;
}

long ssi_deque_size(ssi_deque_t *dq)
{
    long b = atomic_load_explicit(&dq->bottom, memory_order_relaxed);
    long t = atomic_load_explicit(&dq->top, memory_order_relaxed);
    return b > t ? b - t : 0;
}
