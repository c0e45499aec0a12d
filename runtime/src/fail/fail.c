/* fail.c - the run of guarded tasks: time-outs, failure policies, the clean
 * stop of a failing program. */
#include "fail/fail.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/runtime.h"
#include "sched/sched.h"
#include "worker/worker.h"

atomic_int ssi_attention;

/* Counters for the stats (owner: this file). */
static atomic_ulong n_failures, n_retries, n_cancelled, n_skipped;
static atomic_int parked, stopping;

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static const char *label(const ssi_task_t *t)
{
    return t->type->label ? t->type->label : "(unlabelled)";
}

static void vreport(ssi_worker_t *w, int code, const char *fmt, va_list ap)
{
    w->current->flags |= SSI_TASK_FAILED;
    w->fail_code = code;
    vsnprintf(w->fail_msg, sizeof w->fail_msg, fmt, ap);
}

void ssi_fail_report(ssi_worker_t *w, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(w, code, fmt, ap);
    va_end(ap);
}

SSI_API int ss_task_fail(int code, const char *fmt, ...)
{
    ssi_worker_t *w = ssi_self;
    if (!code || !fmt)
        return SS_EINVAL;
    if (!w || !w->current || w->current == ssi_rt.root)
        return SS_ESTATE;
    va_list ap;
    va_start(ap, fmt);
    vreport(w, code, fmt, ap);
    va_end(ap);
    return SS_OK;
}

_Noreturn void ssi_fail_park(ssi_worker_t *w)
{
    (void)w;
    atomic_fetch_add(&parked, 1);
    for (;;)
        pause();
}

/* Stop the program: no new task starts, running programs are killed,
 * running C tasks get SS_FAIL_GRACE_S seconds to finish, exit status 1. */
static _Noreturn void stop(ssi_worker_t *w, ssi_task_t *t, unsigned runs, unsigned aside)
{
    if (atomic_exchange(&stopping, 1))
        ssi_fail_park(w); /* another failure is already stopping it */
    char extra[96] = "";
    if (aside)
        snprintf(extra, sizeof extra, " (%u partial output%s renamed to *.failed)", aside,
                 aside > 1 ? "s" : "");
    char times[32] = "";
    if (runs > 1)
        snprintf(times, sizeof times, " %u times", runs);
    fprintf(stderr, "ss: error: task '%s' (%s:%u) failed%s: %s; stopping the program%s\n",
            label(t), t->type->file ? t->type->file : "?", t->type->line, times,
            w->fail_msg, extra);
    atomic_fetch_or(&ssi_attention, SSI_ATTN_FAILING);
    ssi_sched_wake_all();
    ssi_exec_kill_all();
    uint64_t until = now_ns() + (uint64_t)ssi_rt.cfg.fail_grace_s * 1000000000u;
    while (atomic_load(&parked) < ssi_rt.nworkers - 1 && now_ns() < until) {
        struct timespec ts = {0, 1000000};
        nanosleep(&ts, NULL);
        ssi_exec_kill_all(); /* programs started meanwhile */
    }
    fflush(NULL);
    _exit(EXIT_FAILURE);
}

void ssi_fail_body(ssi_worker_t *w, ssi_task_t *t, void (*fn)(void *), int gpu)
{
    const ss_task_type_t *ty = t->type;
    if (t->flags & SSI_TASK_CANCELLED) {
        t->flags |= SSI_TASK_POISON;
        atomic_fetch_add(&n_cancelled, 1);
        return;
    }
    if (ssi_rt.cfg.resume && ssi_resume_skip(t)) {
        atomic_fetch_add(&n_skipped, 1);
        return;
    }
    uint64_t outer = w->deadline_ns;
    const ssi_task_t *outer_task = w->deadline_task;
    for (unsigned run = 1;; run++) {
        t->flags &= ~(uint32_t)SSI_TASK_FAILED;
        w->fail_code = 0;
        w->fail_msg[0] = 0;
        uint64_t start = now_ns();
        uint64_t deadline = ty->time_out > 0 ? start + (uint64_t)(ty->time_out * 1e9) : 0;
        w->deadline_ns = deadline;
        w->deadline_task = t;
        ssi_task_body(w, t, fn, gpu);
        w->deadline_ns = outer;
        w->deadline_task = outer_task;
        if (!(t->flags & SSI_TASK_FAILED) && deadline && now_ns() > deadline)
            ssi_fail_report(w, 124, "ran %.3f s, past its time-out of %g s",
                            (now_ns() - start) / 1e9, ty->time_out);
        if (!(t->flags & SSI_TASK_FAILED)) {
            ssi_resume_done(t);
            return;
        }
        atomic_fetch_add(&n_failures, 1);
        unsigned aside = ssi_outputs_aside(t);
        if (ty->on_failure == SS_ON_FAILURE_RETRY && run <= ty->retries) {
            atomic_fetch_add(&n_retries, 1);
            fprintf(stderr, "ss: warning: task '%s' (%s:%u) failed: %s; running it again "
                    "(retry %u of %u)\n", label(t), ty->file ? ty->file : "?", ty->line,
                    w->fail_msg, run, ty->retries);
            continue;
        }
        switch (ty->on_failure) {
        case SS_ON_FAILURE_CANCEL:
            fprintf(stderr, "ss: warning: task '%s' (%s:%u) failed: %s; cancelling the "
                    "tasks that depend on it\n", label(t), ty->file ? ty->file : "?",
                    ty->line, w->fail_msg);
            t->flags |= SSI_TASK_POISON;
            return;
        case SS_ON_FAILURE_IGNORE:
            fprintf(stderr, "ss: warning: task '%s' (%s:%u) failed: %s; ignored\n", label(t),
                    ty->file ? ty->file : "?", ty->line, w->fail_msg);
            ssi_outputs_create_empty(t);
            return;
        default:
            stop(w, t, run, aside);
        }
    }
}

void ssi_fail_unguarded(ssi_worker_t *w, ssi_task_t *t)
{
    atomic_fetch_add(&n_failures, 1);
    stop(w, t, 1, ssi_outputs_aside(t));
}

void ssi_fail_stats(FILE *out)
{
    fprintf(out, "ss: stats: failures %lu; retries %lu; cancelled %lu; skipped as up to "
            "date %lu\n", atomic_load(&n_failures), atomic_load(&n_retries),
            atomic_load(&n_cancelled), atomic_load(&n_skipped));
}
