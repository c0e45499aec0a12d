/* trace.h - the hooks through which the runtime feeds the trace subsystem
 * (timeline, task graph, statistics; see docs/tracing.md).
 *
 * Every hook is a static inline function that tests one read-mostly global,
 * ssi_trace.mask, and calls out of line only when a feature is on: with
 * tracing off a hook costs a load of a cache line no one writes and a
 * branch that always goes the same way. Configured with
 * -DSS_TRACE_HOOKS=OFF the mask is the constant 0 and every hook compiles
 * to nothing. Records go to per-worker buffers (no locks, no atomics); the
 * files are written by ssi_trace_fini at ss_finalize. */
#ifndef SSI_TRACE_H
#define SSI_TRACE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "worker/worker.h"

struct ssi_epoch;
struct ssi_trace_worker;

/* Features, bits of ssi_trace.mask. */
enum {
    SSI_TR_TIMELINE = 1u << 0, /* task and idle intervals per worker */
    SSI_TR_GRAPH = 1u << 1,    /* tasks and dependence edges */
    SSI_TR_STATS = 1u << 2,    /* counters printed at finalize */
    SSI_TR_PHASES = 1u << 3,   /* per-task cost by phase (SS_PROFILE) */
    SSI_TR_TIMED = SSI_TR_TIMELINE | SSI_TR_STATS | SSI_TR_PHASES, /* bodies are timed */
    SSI_TR_IDS = SSI_TR_TIMELINE | SSI_TR_GRAPH    /* tasks carry an id */
};

/* The subsystem's state. Owner: trace/trace.c. Written only by
 * ssi_trace_init (before the workers start) and ssi_trace_fini (after they
 * were joined), read-only in between; alone in its cache line so that no
 * write elsewhere evicts it. w[i] is owned by worker i. */
typedef struct ssi_trace_global {
    unsigned mask;
    int nworkers;
    struct ssi_trace_worker *w;
    uint64_t origin_ns; /* CLOCK_MONOTONIC at init: time 0 of the files */
} __attribute__((aligned(64))) ssi_trace_global_t;

extern ssi_trace_global_t ssi_trace;

#ifdef SSI_TRACE_DISABLED
#define SSI_TRACE_MASK 0u
#else
#define SSI_TRACE_MASK (ssi_trace.mask)
#endif

/* Start and stop (core/runtime.c): init reads the settings in ssi_rt.cfg
 * and allocates one buffer set per worker; fini writes the files, prints
 * the statistics and frees everything. */
void ssi_trace_init(int nworkers);
void ssi_trace_fini(void);

/* Out-of-line halves of the hooks below. */
void ssi_trace_created_slow(ssi_worker_t *w, ssi_task_t *t);
void ssi_trace_idle_slow(ssi_worker_t *w);
void ssi_trace_idle_end_slow(ssi_worker_t *w);
void ssi_trace_worker_begin_slow(ssi_worker_t *w);
void ssi_trace_worker_end_slow(ssi_worker_t *w);
void ssi_trace_graph_release(ssi_task_t *pred, struct ssi_epoch *e);

/* The features on; 0 when tracing is off. A hook site that needs it more
 * than once reads it once. */
static inline unsigned ssi_trace_mask(void)
{
    return SSI_TRACE_MASK;
}

/* Bytes a task block reserves after its dependence records for the task's
 * trace id (0 unless tasks carry ids). */
static inline size_t ssi_trace_task_extra(unsigned mask)
{
    return (mask & SSI_TR_IDS) ? sizeof(uint64_t) : 0;
}

/* Where a task's id lives when ssi_trace_task_extra() reserved it. */
static inline uint64_t *ssi_trace_id_slot(ssi_task_t *t)
{
    return (uint64_t *)(void *)&t->acc[t->max_deps];
}

/* t was just created by w (task.c); mask as read for its block size. */
static inline void ssi_trace_task_created(ssi_worker_t *w, ssi_task_t *t, unsigned mask)
{
    if (SSI_UNLIKELY(mask))
        ssi_trace_created_slow(w, t);
}

/* Whether task bodies are timed: if so, task.c brackets a body with
 * ssi_trace_task_begin, which returns the time to pass to
 * ssi_trace_task_end (called before t can be freed). */
static inline int ssi_trace_timed(void)
{
    return SSI_UNLIKELY(SSI_TRACE_MASK & SSI_TR_TIMED);
}
uint64_t ssi_trace_task_begin(ssi_worker_t *w);
void ssi_trace_task_end(ssi_worker_t *w, ssi_task_t *t, uint64_t t0);

/* w found no work: it is idle from now until it starts a task or calls
 * ssi_trace_idle_end (a second call while idle changes nothing). */
static inline void ssi_trace_idle(ssi_worker_t *w)
{
    if (SSI_UNLIKELY(SSI_TRACE_MASK & SSI_TR_TIMED))
        ssi_trace_idle_slow(w);
}

static inline void ssi_trace_idle_end(ssi_worker_t *w)
{
    if (SSI_UNLIKELY(SSI_TRACE_MASK & SSI_TR_TIMED))
        ssi_trace_idle_end_slow(w);
}

/* A worker thread starts and stops (worker.c; worker 0 is done by
 * init and fini). */
static inline void ssi_trace_worker_begin(ssi_worker_t *w)
{
    if (SSI_UNLIKELY(SSI_TRACE_MASK & SSI_TR_TIMED))
        ssi_trace_worker_begin_slow(w);
}

static inline void ssi_trace_worker_end(ssi_worker_t *w)
{
    if (SSI_UNLIKELY(SSI_TRACE_MASK & SSI_TR_TIMED))
        ssi_trace_worker_end_slow(w);
}

/* Per-task cost by phase (SS_PROFILE): a phase is bracketed by
 * t0 = ssi_phase_begin() ... ssi_phase_end(w, phase, t0); t0 is 0 when
 * profiling is off, and then the end costs one test. */
enum ssi_phase {
    SSI_PH_CREATE,  /* allocate and initialize a task */
    SSI_PH_DEPS,    /* register its dependences at submission */
    SSI_PH_SCHED,   /* queue a ready task, and find one to run */
    SSI_PH_RUN,     /* the body */
    SSI_PH_RELEASE, /* release dependences, wake successors, free */
    SSI_PH_COUNT
};

static inline uint64_t ssi_ticks(void)
{
#if defined(__x86_64__) || defined(__i386__)
    return __builtin_ia32_rdtsc();
#else
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
#endif
}

void ssi_phase_add(ssi_worker_t *w, int phase, uint64_t ticks);

static inline uint64_t ssi_phase_begin(void)
{
    return SSI_UNLIKELY(SSI_TRACE_MASK & SSI_TR_PHASES) ? ssi_ticks() | 1 : 0;
}

static inline void ssi_phase_end(ssi_worker_t *w, int phase, uint64_t t0)
{
    if (SSI_UNLIKELY(t0))
        ssi_phase_add(w, phase, ssi_ticks() - t0);
}

/* deps.c, under the domain lock: pred, a member of epoch e, releases its
 * access; every task then waiting for e to be done gets the edge
 * pred -> task. */
static inline void ssi_trace_dep_release(ssi_task_t *pred, struct ssi_epoch *e)
{
    if (SSI_UNLIKELY(SSI_TRACE_MASK & SSI_TR_GRAPH))
        ssi_trace_graph_release(pred, e);
}

#endif
