/* task.c - task blocks and their life cycle: create, add dependences,
 * submit, run, body done, complete. */
#include "task/task.h"

#include <string.h>
#include <time.h>

#include "deps/deps.h"
#include "device/cuda.h"
#include "fail/fail.h"
#include "hetero/hetero.h"
#include "sched/sched.h"
#include "trace/trace.h"
#include "worker/worker.h"

static unsigned dep_class(ss_dep_type_t type)
{
    switch (type) {
    case SS_DEP_IN: return SSI_EP_READ;
    case SS_DEP_INOUTSET: return SSI_EP_SET;
    case SS_DEP_MUTEXINOUTSET: return SSI_EP_MUTEX;
    default: return SSI_EP_WRITE;
    }
}

/* Tracing may reserve room for the task's trace id after the records; a
 * heterogeneous type's ssi_hx_t (hx bytes) comes right before the
 * arguments. */
static size_t args_offset(unsigned max_deps, unsigned trace, size_t hx)
{
    size_t off = sizeof(ssi_task_t) + max_deps * sizeof(ssi_access_t) +
                 ssi_trace_task_extra(trace);
    return ((off + 15) & ~(size_t)15) + hx;
}

/* Counts of a parent's alive taken ahead by the thread running its body:
 * creating a child consumes one instead of an atomic increment of the
 * parent's counter (a line the completing workers write). Only the body
 * of p creates children of p, and bodies do not move between threads, so
 * the credits for p are all on the thread running p's body; they are
 * given back before anything waits on or tests alive (taskwait, end of
 * the body) and when the thread creates children of another task. */
#define SSI_ALIVE_CREDITS 64
static _Thread_local struct {
    ssi_task_t *p;
    int n;
} credit __attribute__((tls_model("initial-exec")));

static void credit_return(void)
{
    if (credit.n)
        atomic_fetch_sub_explicit(&credit.p->alive, credit.n, memory_order_relaxed);
    credit.p = NULL;
    credit.n = 0;
}

static __attribute__((noinline)) void credit_take(ssi_task_t *parent)
{
    credit_return();
    atomic_fetch_add_explicit(&parent->alive, SSI_ALIVE_CREDITS, memory_order_relaxed);
    credit.p = parent;
    credit.n = SSI_ALIVE_CREDITS - 1;
}

/* The header of a new task block, arguments at offset off. */
static inline __attribute__((always_inline)) void
init_block(ssi_task_t *t, ssi_task_t *parent, ss_task_type_t *type, unsigned flags,
           size_t off, size_t size, unsigned max_deps)
{
    atomic_init(&t->preds, 1);
    atomic_init(&t->alive, 1);
    if (ssi_task_in_final(parent))
        flags |= SSI_TASK_INCLUDED | SS_TASK_FINAL;
    if (SSI_UNLIKELY(type->on_failure || type->time_out > 0))
        flags |= SSI_TASK_GUARDED;
    t->flags = flags;
    t->priority = 0;
    t->parent = parent;
    t->type = type;
    t->args = (char *)t + off;
    t->domain = NULL;
    t->qnext = NULL;
    t->block_size = (uint32_t)size;
    t->ndeps = 0;
    t->max_deps = (uint16_t)max_deps;
}

/* Inlined twice: into create_general with trace == 0 (the copy that runs
 * when tracing is off, free of trace code) and into create_traced. */
static inline __attribute__((always_inline)) ssi_task_t *
create(ssi_worker_t *w, ss_task_type_t *type, size_t args_size, unsigned max_deps,
       unsigned flags, const unsigned trace)
{
    size_t off = args_offset(max_deps, trace, ssi_hx_size(type)), size = off + args_size;
    ssi_task_t *t = ssi_pool_alloc(&w->pool, size);
    if (SSI_UNLIKELY(!t))
        return NULL;
    ssi_task_t *parent = w->current;
    init_block(t, parent, type, flags, off, size, max_deps);
    /* The arguments start 16-byte aligned and the block is a multiple of
     * 64 bytes: 1 to 16 bytes of them are cleared with one 16-byte store. */
    if (args_size - 1 < 16)
        __builtin_memset(t->args, 0, 16);
    else if (args_size)
        memset(t->args, 0, args_size);
    if (SSI_LIKELY(credit.p == parent && credit.n))
        credit.n--;
    else
        credit_take(parent);
    atomic_store_explicit(&w->created,
                          atomic_load_explicit(&w->created, memory_order_relaxed) + 1,
                          memory_order_relaxed);
    ssi_trace_task_created(w, t, trace);
    return t;
}

/* Out of line, so that the untraced path saves no more registers than it
 * did before tracing existed. */
static __attribute__((noinline)) ssi_task_t *
create_traced(ssi_worker_t *w, ss_task_type_t *type, size_t args_size,
              unsigned max_deps, unsigned flags, unsigned trace)
{
    return create(w, type, args_size, max_deps, flags, trace);
}

/* Everything create_fast leaves out: tracing, versions, large arguments,
 * an empty pool list, a new batch of alive credits. */
static __attribute__((noinline)) ssi_task_t *
create_general(ssi_worker_t *w, ss_task_type_t *type, size_t args_size,
               unsigned max_deps, unsigned flags)
{
    const unsigned trace = ssi_trace_mask();
    if (SSI_UNLIKELY(trace)) {
        uint64_t p0 = ssi_phase_begin();
        ssi_task_t *t = create_traced(w, type, args_size, max_deps, flags, trace);
        ssi_phase_end(w, SSI_PH_CREATE, p0);
        return t;
    }
    return create(w, type, args_size, max_deps, flags, 0);
}

/* Arguments a spawned task copies in create_fast: a function task's
 * argument struct (Cholesky's gemm has 32 bytes). */
#define SSI_SPAWN_FAST_ARGS 64

/* n bytes from s to d without a call: create_fast calls nothing. */
static inline __attribute__((always_inline)) void copy_small(char *d, const char *s,
                                                             size_t n)
{
    for (; n >= 16; d += 16, s += 16, n -= 16)
        __builtin_memcpy(d, s, 16);
    if (n & 8) {
        __builtin_memcpy(d, s, 8);
        d += 8, s += 8;
    }
    if (n & 4) {
        __builtin_memcpy(d, s, 4);
        d += 4, s += 4;
    }
    for (n &= 3; n; n--)
        *d++ = *s++;
}

/* create() for the common case, calling nothing (so its callers save no
 * registers for it): NULL, with nothing changed, when the task needs
 * create_general. The arguments are copied from src (a spawn), or zeroed
 * when src is NULL (ss_task_create). */
static inline __attribute__((always_inline)) ssi_task_t *
create_fast(ssi_worker_t *w, ss_task_type_t *type, size_t args_size, unsigned max_deps,
            unsigned flags, const void *src)
{
    ssi_task_t *parent = w->current;
    if (SSI_UNLIKELY(ssi_trace_mask() || type->impl ||
                     args_size > (src ? SSI_SPAWN_FAST_ARGS : 16) ||
                     credit.p != parent || !credit.n))
        return NULL;
    size_t off = args_offset(max_deps, 0, 0), size = off + args_size;
    unsigned c = ssi_pool_class(size);
    if (SSI_UNLIKELY(c >= SSI_POOL_CLASSES || !w->pool.free[c]))
        return NULL;
    ssi_task_t *t = ssi_pool_alloc(&w->pool, size);
    credit.n--;
    init_block(t, parent, type, flags, off, size, max_deps);
    /* A spawn's arguments are copied; others are at most 16 bytes,
     * 16-byte aligned in a block of 64-byte multiples: one store clears
     * them. */
    if (src)
        copy_small(t->args, src, args_size);
    else if (args_size)
        __builtin_memset(t->args, 0, 16);
    atomic_store_explicit(&w->created,
                          atomic_load_explicit(&w->created, memory_order_relaxed) + 1,
                          memory_order_relaxed);
    return t;
}

ssi_task_t *ssi_task_create(ssi_worker_t *w, ss_task_type_t *type,
                            size_t args_size, unsigned max_deps, unsigned flags)
{
    ssi_task_t *t = create_fast(w, type, args_size, max_deps, flags, NULL);
    if (SSI_LIKELY(t))
        return t;
    return create_general(w, type, args_size, max_deps, flags);
}

ssi_task_t *ssi_task_spawn(ssi_worker_t *w, ss_task_type_t *type, const void *args,
                           size_t args_size, unsigned max_deps, unsigned flags)
{
    ssi_task_t *t = create_fast(w, type, args_size, max_deps, flags, args);
    if (SSI_LIKELY(t))
        return t;
    t = create_general(w, type, args_size, max_deps, flags);
    if (t && args_size)
        memcpy(t->args, args, args_size);
    return t;
}

static __attribute__((noinline)) int new_general(ss_task_type_t *type, size_t args_size,
                                                 unsigned max_deps, unsigned flags,
                                                 ss_task_t *task, void **args)
{
    ssi_task_t *t = create_general(ssi_self, type, args_size, max_deps, flags);
    if (!t)
        return SS_ENOMEM;
    *task = (ss_task_t)t;
    if (args)
        *args = args_size ? t->args : NULL;
    return SS_OK;
}

int ssi_task_new(ss_task_type_t *type, size_t args_size, unsigned max_deps,
                 unsigned flags, ss_task_t *task, void **args)
{
    ssi_task_t *t = create_fast(ssi_self, type, args_size, max_deps, flags, NULL);
    if (SSI_UNLIKELY(!t))
        return new_general(type, args_size, max_deps, flags, task, args);
    *task = (ss_task_t)t;
    if (args)
        *args = args_size ? t->args : NULL;
    return SS_OK;
}

static void init_access(ssi_task_t *t, ssi_access_t *a, unsigned cls)
{
    a->type = (uint8_t)cls;
    a->file = 0;
    a->lazy = SSI_LAZY_NO;
    a->epoch = NULL;
    a->next = NULL;
    a->task = t;
    a->hf = ssi_deps_hash(a->region.lo, a->region.hi);
    if (cls == SSI_EP_MUTEX)
        t->flags |= SSI_TASK_COMMUT;
    t->ndeps++;
    /* Its object's bucket is most often a cache miss: start it now, while
     * the rest of the task is filled in (ssi_deps_submit looks it up). */
    if (t->parent && t->parent->domain)
        ssi_deps_prefetch(t->parent->domain, a->hf);
}

/* A region with dims: merge with an identical one, else copy its dims
 * into the pool (the caller's are scratch). */
static __attribute__((noinline)) int add_dep(ssi_task_t *t, unsigned cls,
                                             const ssi_region_t *r)
{
    for (unsigned i = 0; i < t->ndeps; i++) {
        ssi_access_t *a = &t->acc[i];
        if (ssi_region_same(&a->region, r)) {
            if (a->type != cls)
                a->type = SSI_EP_WRITE; /* e.g. in + out = inout */
            return SS_OK;
        }
    }
    if (t->ndeps >= t->max_deps)
        return SS_EINVAL;
    ssi_access_t *a = &t->acc[t->ndeps];
    a->region = *r;
    unsigned nb = ssi_region_dims_bytes(r);
    a->region.dims = ssi_pool_alloc(&ssi_self->pool, nb);
    if (!a->region.dims)
        return SS_ENOMEM;
    memcpy(a->region.dims, r->dims, nb);
    init_access(t, a, cls);
    t->flags |= SSI_TASK_DIMS;
    return SS_OK;
}

int ssi_task_add_range(ssi_task_t *t, ss_dep_type_t type, uintptr_t lo, uintptr_t hi)
{
    unsigned cls = dep_class(type), n = t->ndeps;
    /* A region with dims is never the same as a contiguous one (normal
     * forms differ), so bounds and a NULL dims decide a duplicate. */
    for (unsigned i = 0; i < n; i++) {
        ssi_access_t *a = &t->acc[i];
        if (a->region.lo == lo && a->region.hi == hi && !a->region.dims) {
            if (a->type != cls) {
                a->type = SSI_EP_WRITE; /* e.g. in + out = inout */
                if (n > 1) /* a new class next to the others */
                    t->flags |= SSI_TASK_OVERLAP;
            }
            return SS_OK;
        }
        /* Bounds that meet: ssi_deps_submit tests the pair exactly. */
        if (a->type != cls && a->region.lo < hi && lo < a->region.hi)
            t->flags |= SSI_TASK_OVERLAP;
    }
    if (SSI_UNLIKELY(n >= t->max_deps))
        return SS_EINVAL;
    ssi_access_t *a = &t->acc[n];
    a->region = (ssi_region_t){.lo = lo, .hi = hi, .base = lo, .dims = NULL, .ndims = 1};
    init_access(t, a, cls);
    return SS_OK;
}

int ssi_task_add_dep(ssi_task_t *t, ss_dep_type_t type, const ssi_region_t *r)
{
    if (!r->dims)
        return ssi_task_add_range(t, type, r->lo, r->hi);
    return add_dep(t, dep_class(type), r);
}

static void free_dims(ssi_worker_t *w, ssi_task_t *t)
{
    if (!(t->flags & SSI_TASK_DIMS))
        return;
    for (unsigned i = 0; i < t->ndeps; i++)
        if (t->acc[i].region.dims)
            ssi_pool_free(&w->pool, t->acc[i].region.dims,
                          ssi_region_dims_bytes(&t->acc[i].region));
}

static void complete(ssi_worker_t *w, ssi_task_t *t);

/* t's block back to w's pool, counted as completed (stats). */
static inline void free_block(ssi_worker_t *w, ssi_task_t *t)
{
    ssi_pool_free(&w->pool, t, t->block_size);
    atomic_store_explicit(&w->completed,
                          atomic_load_explicit(&w->completed, memory_order_relaxed) + 1,
                          memory_order_relaxed);
}

/* The end of t's body: gives back the alive credits held for t and drops
 * the body's own count; true when nothing of t is left running (t
 * completes). With no live child (alive == 1) only t's body could still
 * create children of t, so nothing can change alive any more and the
 * decrement is skipped. The acquire load pairs with the children's
 * release decrements, as the RMW does. */
static inline __attribute__((always_inline)) int body_ends(ssi_task_t *t)
{
    if (credit.p == t)
        credit_return();
    return atomic_load_explicit(&t->alive, memory_order_acquire) == 1 ||
           atomic_fetch_sub_explicit(&t->alive, 1, memory_order_acq_rel) == 1;
}

/* One child of p completed: defer the decrement of p->alive (the counter
 * every completing worker would otherwise bounce between cores). */
static void child_done(ssi_worker_t *w, ssi_task_t *p)
{
    /* A flush may complete a parent, whose own completion defers a count
     * for its parent: flush until the slot is free or already p's. */
    while (w->dec_parent && w->dec_parent != p)
        ssi_worker_flush(w);
    w->dec_parent = p;
    if (++w->dec_count >= 32)
        ssi_worker_flush(w);
}

void ssi_worker_flush(ssi_worker_t *w)
{
    /* Completing p defers a count for p's parent in turn: loop until none
     * is left, so a worker that goes to sleep after a flush holds no count
     * (a deep chain otherwise completed one level per sleep timeout). */
    ssi_task_t *p;
    while ((p = w->dec_parent)) {
        int n = w->dec_count;
        w->dec_parent = NULL;
        w->dec_count = 0;
        /* Pairs with the acquire loads in taskwait and in complete: the
         * parent's completion sees our children's writes. */
        if (n && atomic_fetch_sub_explicit(&p->alive, n, memory_order_acq_rel) == n)
            complete(w, p);
    }
}

/* Body and all children finished: release accesses, free, and tell the
 * parent. */
static void complete(ssi_worker_t *w, ssi_task_t *t)
{
    ssi_task_t *p = t->parent, *ready = NULL;
    uint64_t p0 = ssi_phase_begin();
    if (t->ndeps) {
        ssi_deps_release(&w->pool, p->domain, t, &ready);
        free_dims(w, t);
    }
    if (t->domain)
        ssi_domain_destroy(&w->pool, t->domain);
    free_block(w, t);
    if (ready)
        ssi_sched_push(w, ready, 1);
    ssi_phase_end(w, SSI_PH_RELEASE, p0);
    child_done(w, p);
}

static void body_done(ssi_worker_t *w, ssi_task_t *t)
{
    if (body_ends(t))
        complete(w, t);
}

void ssi_task_body(ssi_worker_t *w, ssi_task_t *t, void (*fn)(void *), int gpu)
{
    if (SSI_UNLIKELY(gpu >= 0))
        ssi_cuda_run(t, gpu, fn);
    else if (fn)
        fn(t->args);
    if (t->flags & SS_TASK_WAIT)
        ssi_taskwait(w);
}

static inline __attribute__((always_inline)) void
run_body(ssi_worker_t *w, ssi_task_t *t, void (*fn)(void *), int gpu)
{
    if (SSI_UNLIKELY(t->flags & (SSI_TASK_GUARDED | SSI_TASK_CANCELLED))) {
        ssi_fail_body(w, t, fn, gpu);
    } else {
        ssi_task_body(w, t, fn, gpu);
        if (SSI_UNLIKELY(t->flags & SSI_TASK_FAILED))
            ssi_fail_unguarded(w, t);
    }
}

/* Inlined twice, untimed and timed (see create). */
static inline __attribute__((always_inline)) void run(ssi_worker_t *w, ssi_task_t *t,
                                                      void (*fn)(void *), int gpu,
                                                      const int timed)
{
    while (w->dec_parent && w->dec_parent != t->parent)
        ssi_worker_flush(w);
    ssi_task_t *prev = w->current;
    w->current = t;
    if (timed) {
        uint64_t t0 = ssi_trace_task_begin(w);
        uint64_t p0 = ssi_phase_begin();
        run_body(w, t, fn, gpu);
        ssi_phase_end(w, SSI_PH_RUN, p0);
        ssi_trace_task_end(w, t, t0);
    } else if (SSI_UNLIKELY(w->stole)) {
        /* A stolen task: the worker loop wants to know whether its body
         * was tiny (worker.c). */
        w->stole = 0;
        uint64_t t0 = ssi_ticks();
        run_body(w, t, fn, gpu);
        w->stolen_ticks = ssi_ticks() - t0;
    } else {
        run_body(w, t, fn, gpu);
    }
    w->current = prev;
    body_done(w, t);
}

static __attribute__((noinline)) void run_timed(ssi_worker_t *w, ssi_task_t *t,
                                                void (*fn)(void *), int gpu)
{
    run(w, t, fn, gpu, 1);
}

void ssi_task_run_version(ssi_worker_t *w, ssi_task_t *t, void (*fn)(void *), int gpu)
{
    if (ssi_trace_timed())
        run_timed(w, t, fn, gpu);
    else
        run(w, t, fn, gpu, 0);
}

void ssi_task_run(ssi_worker_t *w, ssi_task_t *t)
{
    if (SSI_UNLIKELY(t->type->impl)) {
        ssi_hetero_run(w, t);
        return;
    }
    void (*fn)(void *) = t->type->run;
    if ((t->flags & SSI_TASK_INCLUDED) && t->type->run_serial)
        fn = t->type->run_serial;
    if (ssi_trace_timed())
        run_timed(w, t, fn, -1);
    else
        run(w, t, fn, -1, 0);
}

void ssi_task_discard(ssi_worker_t *w, ssi_task_t *t)
{
    ssi_task_t *p = t->parent;
    free_dims(w, t);
    free_block(w, t);
    atomic_fetch_sub_explicit(&p->alive, 1, memory_order_acq_rel);
}

/* The immediate-successor slot is only drained at scheduling points; when
 * a task ran inside a submission, publish the successor it left there so
 * other workers can steal it while the creator goes on creating. */
static void publish_next(ssi_worker_t *w)
{
    ssi_task_t *n = w->next;
    if (n) {
        w->next = NULL;
        n->qnext = NULL;
        ssi_sched_push(w, n, 0);
    }
}

/* A wait runs other ready tasks on its own stack, and a task it runs may
 * wait in turn, so the stack grows with each nested steal (fib with a
 * cut-off of 30 reached 150 levels in 1,218 tasks). Past half of the
 * thread's stack or 1,024 levels (32 levels when the stack is unknown),
 * a wait runs only the waiting task's own descendants, which bounds the
 * growth by the program's own nesting (fib 34 with a final cut-off
 * overflowed 8 MiB before any bound). The bound used to be 32 levels on
 * every thread, and a worker past it sat idle while the other ran its
 * subtree: 20 ms of fib's 208. */
#define SSI_MAX_WAIT_NEST 32
/* With the stack known, a backstop in levels too: a main thread without a
 * stack limit reports a size that may not all be there. */
#define SSI_MAX_WAIT_NEST_GUARDED 1024

static inline int wait_nested_deep(const ssi_worker_t *w)
{
    if (!w->stack_guard)
        return w->nest >= SSI_MAX_WAIT_NEST;
    return w->nest >= SSI_MAX_WAIT_NEST_GUARDED ||
           (const char *)__builtin_frame_address(0) < w->stack_guard;
}

/* Past the limit, run ready tasks until under 7/8 of it. The pending
 * count reads every worker's counters (lines other workers write), so it
 * is read again only after running as many tasks as it was over. The
 * tasks run nested, as in a wait, and count as such; on a stack already
 * deep the creator goes on creating instead (it may steal anything). */
static void throttle(ssi_worker_t *w)
{
    unsigned long limit = ssi_rt.throttle, low = limit - limit / 8;
    unsigned long pending = ssi_pending_tasks();
    if (pending <= limit || wait_nested_deep(w))
        return;
    do {
        for (unsigned long k = pending - low; k; k--) {
            ssi_task_t *t = ssi_sched_get(w);
            if (!t)
                goto out; /* nothing ready: go on creating (never deadlock) */
            w->nest++;
            ssi_task_run(w, t);
            w->nest--;
        }
    } while ((pending = ssi_pending_tasks()) > low);
out:
    publish_next(w);
}

/* Every submission that the plain path of ssi_task_submit does not take. */
static __attribute__((noinline)) void submit_general(ssi_worker_t *w, ssi_task_t *t)
{
    /* A failing program starts nothing new (see fail/fail.c). */
    if (SSI_UNLIKELY(atomic_load_explicit(&ssi_attention, memory_order_relaxed) &
                     SSI_ATTN_FAILING))
        ssi_fail_park(w);
    t->flags |= SSI_TASK_SUBMITTED;
    if (t->flags & SSI_TASK_INCLUDED) {
        /* Final context: run now, in order; dependences are moot. */
        free_dims(w, t);
        t->ndeps = 0;
        atomic_store_explicit(&t->preds, 0, memory_order_relaxed);
        ssi_task_run(w, t);
        publish_next(w);
        return;
    }
    /* Once its dependences are registered another worker may run, complete
     * and free t (unless it is undeferred): read what we need first. */
    const uint32_t flags = t->flags;
    ssi_task_t *ready = NULL;
    if (t->ndeps) {
        ssi_task_t *p = t->parent;
        if (!p->domain && !(p->domain = ssi_domain_create()))
            ssi_fatal(t, "out of memory creating a dependence domain");
        uint64_t p0 = ssi_phase_begin();
        ssi_deps_submit(&w->pool, p->domain, t, &ready);
        ssi_phase_end(w, SSI_PH_DEPS, p0);
    } else {
        ssi_task_became_ready(t, &ready);
    }
    if (flags & SS_TASK_UNDEFERRED) {
        ssi_wait_until_zero(w, &t->preds, 0);
        ssi_task_run(w, t);
        publish_next(w);
        return;
    }
    if (ready) {
        /* Enough queued work for the other workers: run this one now, as
         * an undeferred task would, with no queue traffic at all. */
        if (ready == t && !t->priority &&
            ssi_deque_owner_count(&w->dq, ssi_rt.cfg.queue_limit) >= ssi_rt.cfg.queue_limit) {
            ssi_task_run(w, t);
            publish_next(w);
        } else {
            uint64_t p0 = ssi_phase_begin();
            ssi_sched_push(w, ready, 0);
            ssi_phase_end(w, SSI_PH_SCHED, p0);
        }
    }
    if (SSI_UNLIKELY((++w->submits & 63) == 0))
        throttle(w);
}

/* Between two looks at the deque, at most this many plain tasks run at
 * their submission, and at least this many are queued. */
#define SSI_INLINE_RUN_MAX 64
#define SSI_QUEUE_RUN_MIN 8

/* Flags that keep a task off the plain path: run in place, waited on,
 * guarded by a failure policy, ending in a taskwait. */
#define SSI_NOT_PLAIN                                                          \
    (SSI_TASK_INCLUDED | SS_TASK_UNDEFERRED | SSI_TASK_GUARDED |              \
     SSI_TASK_CANCELLED | SS_TASK_WAIT)

/* The end of a plain task's body (body_ends) and, when it has no live
 * child, its completion: no dependence to release, no domain, so only the
 * block and the parent's count are left. The count goes back to the
 * creator's alive credits when this thread holds them for the parent (it
 * runs the parent's body, which holds alive above zero), as a child
 * created and completed in the same body never existed for alive. */
static inline __attribute__((always_inline)) void plain_done(ssi_worker_t *w,
                                                             ssi_task_t *t)
{
    if (!body_ends(t))
        return;
    if (SSI_UNLIKELY(t->domain)) {
        complete(w, t);
        return;
    }
    ssi_task_t *p = t->parent;
    free_block(w, t);
    if (SSI_LIKELY(credit.p == p))
        credit.n++;
    else
        child_done(w, p);
}

/* ssi_task_run for a plain task of a plain type with tracing off, from
 * its submission (queue full): as run() does, minus what cannot apply. */
static inline __attribute__((always_inline)) void run_plain(ssi_worker_t *w,
                                                            ssi_task_t *t)
{
    void (*fn)(void *) = t->type->run;
    while (w->dec_parent && w->dec_parent != t->parent)
        ssi_worker_flush(w);
    ssi_task_t *prev = w->current;
    w->current = t;
    if (fn)
        fn(t->args);
    w->current = prev;
    if (SSI_UNLIKELY(t->flags & SSI_TASK_FAILED))
        ssi_fail_unguarded(w, t);
    plain_done(w, t);
    publish_next(w);
}

/* Whether the next plain task runs at its submission: when w's deque
 * holds at least queue_limit tasks. Looking reads top, the line every
 * steal writes (with tiny tasks a look per task cost more than the task),
 * so one look also decides for the next few: inline_left > 0 runs that
 * many here, as many as the thieves could take, one each per task run
 * here, before the deque falls to half the limit; inline_left < 0 queues
 * that many, at least the shortfall. */
static __attribute__((noinline)) int look_at_deque(ssi_worker_t *w)
{
    long limit = ssi_rt.cfg.queue_limit;
    long n = ssi_deque_owner_count(&w->dq, limit);
    if (n >= limit) {
        long thieves = ssi_rt.nworkers > 1 ? ssi_rt.nworkers - 1 : 1;
        long k = (n - limit / 2) / thieves;
        w->inline_left = k < 1 ? 1 : k < SSI_INLINE_RUN_MAX ? k : SSI_INLINE_RUN_MAX;
        return 1;
    }
    long k = limit - n;
    w->inline_left = -(k > SSI_QUEUE_RUN_MIN ? k : SSI_QUEUE_RUN_MIN);
    return 0;
}

/* A plain task: no dependence, no priority, no flag of SSI_NOT_PLAIN, a
 * type without versions, tracing off and the program not failing. It is
 * ready at once; it runs here when the deque holds enough work for the
 * other workers, else it is queued. */
int ssi_task_submit(ssi_worker_t *w, ssi_task_t *t)
{
    uint32_t flags = t->flags;
    if (SSI_UNLIKELY((flags & SSI_NOT_PLAIN) | t->ndeps | t->priority |
                     ssi_trace_mask() | (uintptr_t)t->type->impl |
                     atomic_load_explicit(&ssi_attention, memory_order_relaxed))) {
        submit_general(w, t);
        return SS_OK;
    }
    t->flags = flags | SSI_TASK_SUBMITTED;
    atomic_store_explicit(&t->preds, 0, memory_order_relaxed);
    long left = w->inline_left;
    if (left > 0 || (left == 0 && look_at_deque(w))) {
        w->inline_left--;
        run_plain(w, t);
    } else {
        w->inline_left++;
        ssi_sched_push_one(w, t);
    }
    if (SSI_UNLIKELY((++w->submits & 63) == 0))
        throttle(w);
    return SS_OK;
}

void ssi_backoff(unsigned n)
{
    if (n < 64) {
        ssi_cpu_relax();
    } else if (n < 256) {
        sched_yield();
    } else {
        struct timespec ts = {0, n < 1024 ? 10000 : 100000};
        nanosleep(&ts, NULL);
    }
}

void ssi_wait_until_zero(ssi_worker_t *w, atomic_int *counter, int zero)
{
    unsigned idle = 0;
    ssi_task_t *self = w->current;
    while (atomic_load_explicit(counter, memory_order_acquire) > zero) {
        uint64_t p0 = ssi_phase_begin();
        ssi_task_t *t = !wait_nested_deep(w) ? ssi_sched_get(w)
                                             : ssi_sched_get_descendant(w, self);
        if (t) {
            ssi_phase_end(w, SSI_PH_SCHED, p0);
            w->nest++;
            ssi_task_run(w, t);
            w->nest--;
            idle = 0;
        } else {
            ssi_worker_flush(w);
            ssi_trace_idle(w);
            ssi_backoff(idle++);
        }
    }
    ssi_trace_idle_end(w);
}

void ssi_taskwait(ssi_worker_t *w)
{
    credit_return();
    ssi_wait_until_zero(w, &w->current->alive, 1);
}

static uint64_t fnv1a(uint64_t h, const char *s)
{
    for (; s && *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    return h;
}

void ssi_task_type_register(ss_task_type_t *type)
{
    if (__atomic_load_n(&type->registered, __ATOMIC_ACQUIRE))
        return;
    ssi_lock(&ssi_rt.types_lock);
    if (!type->registered) {
        type->id = ssi_rt.ntypes++;
        uint64_t h = fnv1a(0xcbf29ce484222325ULL, type->label);
        h = fnv1a(h, "@");
        h = fnv1a(h, type->file);
        type->key = (h ^ type->line) * 0x100000001b3ULL;
        ssi_hetero_type_init(type);
        /* Pairs with the acquire load above. */
        __atomic_store_n(&type->registered, 1, __ATOMIC_RELEASE);
    }
    ssi_unlock(&ssi_rt.types_lock);
}
