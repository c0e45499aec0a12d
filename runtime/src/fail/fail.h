/* fail.h - failures of tasks and what follows them (COMPSs semantics):
 * retry, fail (stop the program cleanly), cancel_successors, ignore; time-
 * outs; partial outputs renamed aside; resume of file workflows; external
 * programs (binary and MPI tasks). See docs/failures.md.
 *
 * Tasks whose type has a policy or a time-out, or that have file
 * dependences, are "guarded" (SSI_TASK_GUARDED): their body runs through
 * ssi_fail_body. A task cancelled by the dependence engine
 * (SSI_TASK_CANCELLED) goes the same way and never runs. */
#ifndef SSI_FAIL_H
#define SSI_FAIL_H

#include <stdatomic.h>

#include "task/task.h"

struct ssi_worker;

/* Bits of ssi_attention, which workers test at every scheduling point. */
enum { SSI_ATTN_GANG = 1, SSI_ATTN_FAILING = 2 };
extern atomic_int ssi_attention;

/* Run the body of a guarded or cancelled task: skip it (cancelled, or up to
 * date under SS_RESUME), or run it with its time-out, then apply the policy
 * of its type to a failed run. Returns when the task is finished (possibly
 * failed, cancelled or ignored); never returns under the fail policy. */
void ssi_fail_body(struct ssi_worker *w, ssi_task_t *t, void (*fn)(void *), int gpu);

/* A task without a policy (not guarded) failed: stop the program. */
_Noreturn void ssi_fail_unguarded(struct ssi_worker *w, ssi_task_t *t);

/* The plain body (task.c): fn on the worker, or the CUDA launcher. */
void ssi_task_body(struct ssi_worker *w, ssi_task_t *t, void (*fn)(void *), int gpu);

/* Record a failure of the running run of w's current task. */
void ssi_fail_report(struct ssi_worker *w, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A worker that sees SSI_ATTN_FAILING stops here for good. */
_Noreturn void ssi_fail_park(struct ssi_worker *w);

/* Stats line (failures, retries, cancelled, skipped). */
void ssi_fail_stats(FILE *out);

/* ---- external programs (fail/exec.c) ----------------------------------- */

/* Kill the process groups of every running program (failing program). */
void ssi_exec_kill_all(void);

/* ---- resume (fail/resume.c) -------------------------------------------- */

void ssi_resume_init(void);   /* read SS_RESUME_LOG when SS_RESUME=1 */
void ssi_resume_fini(void);
/* Are t's file outputs up to date (and, with a log, t listed there)? */
int ssi_resume_skip(const ssi_task_t *t);
/* t finished well: log it (SS_RESUME_LOG). */
void ssi_resume_done(const ssi_task_t *t);
/* Rename t's existing file outputs aside (PATH.failed); returns how many. */
unsigned ssi_outputs_aside(const ssi_task_t *t);
/* Create t's missing file outputs, empty (ignore policy). */
void ssi_outputs_create_empty(const ssi_task_t *t);

#endif
