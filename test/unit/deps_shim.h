/* deps_shim.h - plain-C driver of the dependence engine (deps/deps.h) for
 * the deps unit test, without worker threads. Tasks are fake ssi_task_t
 * blocks named by index; the shim tracks what the engine made ready. */
#ifndef DEPS_SHIM_H
#define DEPS_SHIM_H

#include <stddef.h>

#include "ss.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Task states seen from the shim. */
enum { SHIM_CREATED = 0, SHIM_WAITING = 1, SHIM_READY = 2, SHIM_DONE = 3 };

/* Start over: frees every task and the domain, makes a fresh domain. */
void shim_deps_reset(void);

/* A new task block with room for max_deps dependences; returns its index. */
int shim_new_task(unsigned max_deps);

/* Add a dependence (ssi_region_make + ssi_task_add_dep). Returns 0 when
 * recorded, 1 when the region is empty (ignored), -1 for a bad region, -2
 * when ssi_task_add_dep refused (no room). */
int shim_add_dep(int task, ss_dep_type_t type, const void *base, unsigned ndims,
                 const ss_dim_t *dims);
int shim_add_dep_bytes(int task, ss_dep_type_t type, const void *addr, size_t len);

/* ssi_deps_submit. Returns 1 if the task became ready at once, else 0. */
int shim_submit(int task);

/* The task ran: ssi_deps_release, then free it. The indices of the tasks
 * that became ready are written to out (up to max); returns their number,
 * or -1 if the task was not ready (a test bug). */
int shim_complete(int task, int *out, int max);

int shim_state(int task);
unsigned shim_ntasks(void);
/* preds of a live task (1 while parked on a mutexinoutset). */
int shim_preds(int task);

/* ssi_domain_objects of the current domain. */
unsigned shim_objects(void);
/* ssi_domain_stored: objects live or kept idle for reuse (after a sweep). */
unsigned shim_stored(void);
/* ssi_domain_lazy: epochs finished without the lock, not yet swept. */
unsigned shim_lazy(void);

/* Inconsistencies the shim saw in the engine's answers (a ready list holding
 * a task that was not waiting, a ready task with preds != 0, ...). */
unsigned shim_errors(void);
const char *shim_last_error(void);

#ifdef __cplusplus
}
#endif
#endif
