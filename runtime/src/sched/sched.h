/* sched.h - where ready tasks go and where workers find them: the
 * immediate successor slot, a global priority heap for priority != 0, the
 * worker's own deque (LIFO), then stealing (FIFO) from random victims.
 * Idle workers spin SS_SPIN_US, then sleep on a futex-based event count. */
#ifndef SSI_SCHED_H
#define SSI_SCHED_H

#include "worker/worker.h"

int ssi_sched_init(void);
void ssi_sched_fini(void);

/* Make a list of ready tasks (linked by qnext) runnable. With
 * `keep_first`, the first one becomes w's immediate successor when the slot
 * is free. */
void ssi_sched_push(ssi_worker_t *w, ssi_task_t *list, int keep_first);

/* One ready task without priority onto w's deque (ssi_sched_push without
 * the list walk). */
void ssi_sched_push_one(ssi_worker_t *w, ssi_task_t *t);

/* Next task for w, or NULL when none is found right now. */
ssi_task_t *ssi_sched_get(ssi_worker_t *w);

/* For a wait nested too deep on w's stack: a descendant of `anc` from w's
 * own successor slot or deque only (what w pushed while anc waits is
 * anc's), or NULL. Never steals, so the stack stops growing with unrelated
 * work while anc's own work still runs here. */
ssi_task_t *ssi_sched_get_descendant(ssi_worker_t *w, const ssi_task_t *anc);

/* Sleep until work may be available or stop was requested. */
void ssi_sched_idle(ssi_worker_t *w);

/* Wake every sleeping worker (a multi-core task wants helpers). */
void ssi_sched_wake_all(void);

/* Ask all workers to stop and wake them. */
void ssi_sched_stop(void);
int ssi_sched_stopping(void);

#endif
