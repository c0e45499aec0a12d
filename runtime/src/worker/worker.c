/* worker.c - worker threads: start, main loop, stop. */
#include "worker/worker.h"

#include <stdlib.h>
#include <sched.h>
#include <time.h>

#include "hw/topology.h"
#include "sched/sched.h"
#include "trace/trace.h"

_Thread_local ssi_worker_t *ssi_self __attribute__((tls_model("initial-exec")));

/* A stolen task whose body ran in fewer ticks than this (about 50 ns) is
 * tiny: stealing it cost its creator more (queueing it, the lines the
 * steal and the run move between cores) than running it would have. */
#define SSI_TINY_TICKS 128
/* After this many tiny stolen tasks in a row, stop stealing for a while:
 * their creator then finds its deque full and runs them at submission,
 * with no line of its own moving (independent, 2 threads: 28.0 -> 17.0 ns
 * a task, medians of 11 interleaved runs; 13.1-13.5 ns in bench/run.sh,
 * docs/performance.md). Bodies of 40 ns and more keep being stolen. */
#define SSI_TINY_STREAK 16
#define SSI_TINY_PAUSE_NS 50000L

static long ns_since(const struct timespec *t0)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - t0->tv_sec) * 1000000000L + (now.tv_nsec - t0->tv_nsec);
}

/* Spin without touching any other worker's lines. */
static void pause_stealing(void)
{
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (unsigned i = 1; !ssi_sched_stopping(); i++) {
        ssi_cpu_relax();
        if ((i & 63) == 0 && ns_since(&t0) >= SSI_TINY_PAUSE_NS)
            break;
    }
}

/* Run a task ssi_sched_get returned; after a streak of tiny stolen ones,
 * pause stealing. */
static void run_found(ssi_worker_t *w, ssi_task_t *t)
{
    if (!w->stole) {
        ssi_task_run(w, t);
        return;
    }
    w->stolen_ticks = UINT64_MAX; /* if it does not run here (versions) */
    ssi_task_run(w, t);
    w->stole = 0;
    if (w->stolen_ticks >= SSI_TINY_TICKS) {
        w->tiny_steals = 0;
    } else if (++w->tiny_steals >= SSI_TINY_STREAK) {
        w->tiny_steals = 0;
        /* Nothing of ours may wait through the pause: no successor in our
         * slot or deque (no other worker can take the slot), no deferred
         * count of a parent. */
        if (!w->next && !ssi_deque_size(&w->dq)) {
            ssi_worker_flush(w);
            pause_stealing();
        }
    }
}

void ssi_worker_stack_guard(ssi_worker_t *w)
{
    pthread_attr_t attr;
    void *lo;
    size_t size;
    w->stack_guard = NULL;
    if (pthread_getattr_np(pthread_self(), &attr))
        return;
    if (!pthread_attr_getstack(&attr, &lo, &size))
        w->stack_guard = (const char *)lo + size / 2;
    pthread_attr_destroy(&attr);
}

static void *worker_main(void *arg)
{
    ssi_worker_t *w = arg;
    ssi_self = w;
    ssi_worker_stack_guard(w);
    if (ssi_rt.cfg.bind)
        ssi_topology_bind_self(w->id);
    long spin_ns = ssi_rt.cfg.spin_us * 1000L;
    ssi_trace_worker_begin(w);
    while (!ssi_sched_stopping()) {
        uint64_t p0 = ssi_phase_begin();
        ssi_task_t *t = ssi_sched_get(w);
        if (t) {
            ssi_phase_end(w, SSI_PH_SCHED, p0);
            run_found(w, t);
            continue;
        }
        ssi_worker_flush(w);
        ssi_trace_idle(w);
        /* Look for work for spin_ns before sleeping. With more workers
         * than cores, yield the core between looks: a worker spinning on
         * it kept the worker that makes the work, bound to the same core,
         * off it for its time slice (Cholesky tile 16 with 3 workers on 2
         * cores: 0.73 s spinning, 0.31 s yielding). With one worker a
         * core, pause keeps the pick-up of new work within a few hundred
         * cycles. */
        const int yield = ssi_rt.oversubscribed;
        struct timespec t0;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        for (unsigned i = 0;; i++) {
            if ((t = ssi_sched_get(w)) || ssi_sched_stopping())
                break;
            if (yield)
                sched_yield();
            else
                ssi_cpu_relax();
            if ((i & 63) == 63 && ns_since(&t0) >= spin_ns)
                break;
        }
        if (t)
            run_found(w, t);
        else
            ssi_sched_idle(w);
    }
    ssi_worker_flush(w);
    ssi_trace_worker_end(w);
    ssi_pool_drain(&w->pool);
    return NULL;
}

int ssi_workers_start(void)
{
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, (size_t)ssi_rt.cfg.stack_kib * 1024);
    for (int i = 1; i < ssi_rt.nworkers; i++) {
        ssi_worker_t *w = &ssi_rt.workers[i];
        if (pthread_create(&w->thread, &attr, worker_main, w)) {
            pthread_attr_destroy(&attr);
            ssi_rt.nworkers = i; /* the ones started are stopped normally */
            return SS_ESYS;
        }
    }
    pthread_attr_destroy(&attr);
    return SS_OK;
}

void ssi_workers_stop(void)
{
    ssi_sched_stop();
    for (int i = 1; i < ssi_rt.nworkers; i++)
        pthread_join(ssi_rt.workers[i].thread, NULL);
}

unsigned long ssi_pending_tasks(void)
{
    unsigned long c = 0, d = 0;
    for (int i = 0; i < ssi_rt.nworkers; i++) {
        c += atomic_load_explicit(&ssi_rt.workers[i].created, memory_order_relaxed);
        d += atomic_load_explicit(&ssi_rt.workers[i].completed, memory_order_relaxed);
    }
    return c > d ? c - d : 0;
}
