/* runtime.h - the runtime's one global state (ssi_rt) and the calling
 * thread's worker (ssi_self). Internal names use the ssi_ prefix and hidden
 * visibility; the public ss_ and ss_abi_ calls are the only exports. */
#ifndef SSI_RUNTIME_H
#define SSI_RUNTIME_H

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

#include "core/config.h"
#include "core/lock.h"
#include "ss.h"

#define SSI_API __attribute__((visibility("default")))

struct ssi_worker;
struct ssi_task;

enum ssi_state {
    SSI_OFF = 0,      /* never started */
    SSI_STARTING = 1,
    SSI_RUNNING = 2,
    SSI_STOPPING = 3,
    SSI_FINALIZED = 4 /* stopped for good: no restart */
};

/* The default throttle (SS_THROTTLE_TASKS=0): pending tasks per worker past
 * which a creator runs ready tasks itself. A window this small keeps the
 * tasks' data in cache between creation and run and keeps the dependence
 * lists short; libgomp uses the same 64 per thread. Cholesky with tiles of
 * 16 went from 0.52 to 0.38 s at 2 threads (docs/performance.md). */
#define SSI_THROTTLE_PER_WORKER 64UL

/* The runtime. Owner: core/runtime.c, which creates it in ssi_start() and
 * destroys it in ss_finalize(); config and workers are read-only while
 * RUNNING. Fields touched by several threads are atomics, each documented. */
typedef struct ssi_runtime {
    atomic_int state;         /* enum ssi_state; release on RUNNING */
    ssi_config_t cfg;
    int nworkers;
    int oversubscribed;       /* more workers than cores they may use:
                                 idle workers yield their core (worker.c) */
    unsigned long throttle;   /* effective SS_THROTTLE_TASKS, set at start */
    struct ssi_worker *workers;
    struct ssi_task *root;    /* implicit task of the main thread */
    void *topology;           /* hwloc_topology_t, hw/topology.c */
    ssi_lock_t types_lock;    /* guards type registration */
    uint32_t ntypes;
} ssi_runtime_t;

extern ssi_runtime_t ssi_rt;

/* The worker of the calling thread, NULL for a foreign thread. Initial-exec
 * TLS: libssrt is linked, not dlopen'ed, and this avoids a __tls_get_addr
 * call on every API call. */
extern _Thread_local struct ssi_worker *ssi_self
    __attribute__((tls_model("initial-exec")));

/* The runtime is up (acquire: what start() set up is visible). */
static inline int ssi_running(void)
{
    return atomic_load_explicit(&ssi_rt.state, memory_order_acquire) == SSI_RUNNING;
}

/* Start the runtime if not started; returns SS_OK or an error. Callers on
 * a hot path test ssi_running() first and call this only when it fails. */
int ssi_ensure_started(void);

/* One clear line on stderr and abort(); for what generated code cannot be
 * told through a return value. */
_Noreturn void ssi_fatal(const struct ssi_task *task, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#define SSI_LIKELY(x) __builtin_expect(!!(x), 1)
#define SSI_UNLIKELY(x) __builtin_expect(!!(x), 0)

#endif
