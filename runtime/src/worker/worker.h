/* worker.h - a worker: one thread bound to a core, its ready deque, its
 * block pool and its counters. Worker 0 is the thread that started the
 * runtime (normally main). */
#ifndef SSI_WORKER_H
#define SSI_WORKER_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#include "sched/deque.h"
#include "task/task.h"
#include "worker/pool.h"

typedef struct ssi_worker {
    ssi_deque_t dq;           /* ready tasks; owner pushes/pops, others steal */
    int id;
    uint32_t rng;             /* victim selection */
    ssi_task_t *next;         /* immediate successor, owner only */
    ssi_task_t *current;      /* running task, owner only */
    ssi_pool_t pool;          /* owner only */
    unsigned submits;         /* owner only: throttle check period */
    int nest;                 /* owner only: tasks run inside waits, nested */
    /* Owner only: a wait whose frame lies below this address (half of the
     * thread's stack used) runs only the waiting task's descendants; NULL
     * when the stack is unknown (then `nest` alone bounds it). */
    const char *stack_guard;
    /* Owner only: plain tasks still to run at their submission (> 0) or
     * to queue (< 0) before the deque is looked at again (task.c). */
    long inline_left;
    /* Owner only: the task ssi_sched_get returned last was stolen (reset
     * when it starts), how long its body ran (ticks), and how many tiny
     * stolen tasks in a row the worker loop ran (worker.c). */
    int stole;
    int tiny_steals;
    uint64_t stolen_ticks;
    /* Owner only: completions of children of dec_parent not yet subtracted
     * from its alive counter (see ssi_worker_flush). */
    struct ssi_task *dec_parent;
    int dec_count;
    /* Written by the owner only (relaxed); summed by any creator to get the
     * number of pending tasks. */
    atomic_ulong created, completed;
    atomic_ulong steals;
    pthread_t thread;
    /* Owner only: the failure of the running run (fail/), and the time-out
     * deadline of the innermost guarded task (CLOCK_MONOTONIC ns; 0 none). */
    int fail_code;
    char fail_msg[240];
    uint64_t deadline_ns;
    const struct ssi_task *deadline_task; /* whose deadline it is */
} __attribute__((aligned(64))) ssi_worker_t;

/* Start workers 1..n-1 (worker 0 is the caller). */
int ssi_workers_start(void);
/* Stop and join workers 1..n-1 (after the root taskwait). */
void ssi_workers_stop(void);

/* Subtract the deferred child completions from dec_parent->alive,
 * completing the parent if that was the last reference (and so on up: on
 * return no count is deferred). Called before
 * running a task of another parent, after 32 deferrals, and whenever the
 * worker finds no work, so a waiter never waits on a deferred count. */
void ssi_worker_flush(ssi_worker_t *w);

/* Tasks created and not completed, over all workers (approximate). */
unsigned long ssi_pending_tasks(void);

/* Set w->stack_guard for the calling thread, the one w runs on. */
void ssi_worker_stack_guard(ssi_worker_t *w);

#endif
