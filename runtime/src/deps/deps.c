/* deps.c - epochs and the register / release algorithms (the region
 * objects are deps/object.c).
 * See deps.h for the model. All functions here run under the domain lock
 * unless named ssi_deps_* (which take it). */
#include "deps/deps.h"
#include "deps/object.h"

#include <stdlib.h>
#include <string.h>

#include "trace/trace.h"
#include "worker/worker.h"

/* What a reader of e becoming runnable now may do at its release: finish e
 * lazily if e is satisfied and passes on no poison (a poisoned reader
 * epoch hands it to what follows under the lock). Under the lock, so that
 * the release reads nothing of e but its atomics. */
static inline uint8_t lazy_of(const ssi_epoch_t *e)
{
    return e->satisfied && !e->poison && !e->poison_in ? SSI_LAZY_OK : SSI_LAZY_NO;
}

ssi_epoch_t ssi_epoch_done_mark = {.msat = 1}, ssi_epoch_claimed_mark = {.msat = 1};

/* The next epoch of e, or a marker (both have msat set). */
static inline ssi_epoch_t *epoch_next(ssi_epoch_t *e)
{
    return atomic_load_explicit(&e->next, memory_order_relaxed);
}

/* e was finished lazily (see deps.h). The acquire pairs with the
 * finishing member's release CAS: what its members did happens before
 * what comes after e. */
static inline int epoch_finished_lazily(ssi_epoch_t *e)
{
    return atomic_load_explicit(&e->next, memory_order_acquire) == SSI_EPOCH_DONE;
}

/* Take the `next` of writer or reader epoch e, at NULL, for x (an epoch
 * or SSI_EPOCH_CLAIMED): its last member will finish it under the lock. 0
 * when that member finished it lazily (DONE): e is done. Under the lock. */
static inline int epoch_claim(ssi_epoch_t *e, ssi_epoch_t *x)
{
    ssi_epoch_t *cur = NULL;
    /* The acquire on failure pairs with the member's release CAS: what it
     * did happens before what comes after e. */
    if (atomic_compare_exchange_strong_explicit(&e->next, &cur, x, memory_order_acq_rel,
                                                memory_order_acquire))
        return 1;
    if (cur == SSI_EPOCH_DONE)
        return 0;
    if (x != SSI_EPOCH_CLAIMED)
        atomic_store_explicit(&e->next, x, memory_order_relaxed);
    return 1;
}

/* ---- readiness ---------------------------------------------------------- */

/* Try to take every mutexinoutset object of t. All or nothing; on failure t
 * is parked on the first held epoch, whose release retries it. */
static int take_mutexes(ssi_task_t *t)
{
    for (unsigned i = 0; i < t->ndeps; i++) {
        ssi_epoch_t *e = t->acc[i].epoch;
        if (t->acc[i].type != SSI_EP_MUTEX || !e)
            continue;
        if (e->held) {
            for (unsigned j = 0; j < i; j++)
                if (t->acc[j].type == SSI_EP_MUTEX && t->acc[j].epoch)
                    t->acc[j].epoch->held = 0;
            t->qnext = e->parked;
            e->parked = t;
            return 0;
        }
        e->held = 1;
    }
    return 1;
}

/* One wait of t is satisfied. */
static void satisfy(ssi_task_t *t, ssi_task_t **ready)
{
    int p = atomic_load_explicit(&t->preds, memory_order_relaxed);
    if (p > 1) {
        atomic_store_explicit(&t->preds, p - 1, memory_order_relaxed);
        return;
    }
    ssi_task_became_ready(t, ready);
}

void ssi_task_became_ready(ssi_task_t *t, ssi_task_t **ready)
{
    uint32_t flags = t->flags;
    if ((flags & SSI_TASK_COMMUT) && !take_mutexes(t))
        return; /* parked with preds == 1 */
    /* Pairs with the acquire poll of an undeferred submitter, which may
     * then run, complete and free t: t is not touched after this. */
    atomic_store_explicit(&t->preds, 0, memory_order_release);
    if (flags & SS_TASK_UNDEFERRED)
        return;
    t->qnext = *ready;
    *ready = t;
}

/* ---- allocation --------------------------------------------------------- */

static ssi_edge_t *edge_new(ssi_pool_t *pool, ssi_task_t *t, ssi_edge_t *next)
{
    ssi_edge_t *e = ssi_pool_alloc(pool, sizeof *e);
    if (!e)
        ssi_fatal(t, "out of memory registering a dependence");
    e->task = t;
    e->next = next;
    return e;
}

/* A new epoch of o with a as its member: *pre when the caller allocated
 * one before taking the lock (then *pre is cleared), else from pool. */
static inline __attribute__((always_inline)) ssi_epoch_t *
epoch_new(ssi_pool_t *pool, ssi_epoch_t **pre, ssi_obj_t *o, ssi_access_t *a)
{
    ssi_epoch_t *e = *pre;
    if (e) {
        *pre = NULL;
    } else {
        e = ssi_pool_alloc(pool, sizeof *e);
        if (!e)
            ssi_fatal(a->task, "out of memory registering a dependence");
    }
    e->cls = a->type;
    if (SSI_UNLIKELY(a->type != SSI_EP_READ && !o->written))
        ssi_obj_written(o);
    e->satisfied = e->msat = e->held = e->closed = e->poison = e->poison_in = 0;
    atomic_init(&e->pending, 1);
    e->waiters = NULL;
    e->xsat = e->xdone = NULL;
    e->parked = NULL;
    atomic_store_explicit(&e->next, NULL, memory_order_relaxed);
    e->obj = o;
    a->epoch = e;
    return e;
}

/* One more wait of t, under the lock of t's parent's domain: no other
 * thread changes preds meanwhile (see task.h), so no atomic RMW. */
static inline void add_wait(ssi_task_t *t)
{
    atomic_store_explicit(&t->preds,
                          atomic_load_explicit(&t->preds, memory_order_relaxed) + 1,
                          memory_order_relaxed);
}

/* t comes after a failed or cancelled task (cancel_successors): it will
 * not run, and its own release poisons what comes after it. */
static void cancel(ssi_task_t *t)
{
    t->flags |= SSI_TASK_CANCELLED;
}

static void fire_edges(ssi_pool_t *pool, ssi_edge_t *e, int poison, ssi_task_t **ready)
{
    while (e) {
        ssi_edge_t *next = e->next;
        if (SSI_UNLIKELY(poison))
            cancel(e->task);
        satisfy(e->task, ready);
        ssi_pool_free(pool, e, sizeof *e);
        e = next;
    }
}

/* How many accesses of a task ssi_deps_submit prefetches. */
#define SSI_PREFETCH_DEPS 4

/* ---- epochs ------------------------------------------------------------- */

/* Classes whose members share an epoch's count with members that leave
 * without the domain lock (see release_unlocked): updated atomically. */
static inline int shared_class(unsigned cls)
{
    return cls == SSI_EP_READ || cls == SSI_EP_SET;
}

/* Readers and inoutset members behind a closed epoch of their own class
 * may start when that epoch's members could. */
static int inherits_msat(const ssi_epoch_t *prev, const ssi_epoch_t *e)
{
    return e->cls == prev->cls && (e->cls == SSI_EP_READ || e->cls == SSI_EP_SET);
}

/* Members of e may start; so may those of the same-class epochs behind it. */
static void epoch_msat(ssi_pool_t *pool, ssi_epoch_t *e, ssi_task_t **ready)
{
    for (;;) {
        e->msat = 1;
        if (e->cls == SSI_EP_WRITE) {
            /* Its one member, through wtask: the line of its record,
             * which the creating thread wrote, is not fetched here. */
            if (e->waiters) {
                if (SSI_UNLIKELY(e->poison_in))
                    cancel(e->wtask);
                satisfy(e->wtask, ready);
            }
        } else {
            const uint8_t lazy = lazy_of(e);
            for (ssi_access_t *a = e->waiters, *next; a; a = next) {
                next = a->next;
                a->lazy = lazy;
                if (SSI_UNLIKELY(e->poison_in))
                    cancel(a->task);
                satisfy(a->task, ready);
            }
        }
        e->waiters = NULL;
        fire_edges(pool, e->xsat, e->poison_in, ready);
        e->xsat = NULL;
        ssi_epoch_t *f = epoch_next(e); /* a marker has msat set */
        if (!f || f->msat || !inherits_msat(e, f))
            return;
        f->poison_in |= e->poison_in;
        e = f;
    }
}

/* e is satisfied and its members finished: done. Done-ness cascades along
 * epochs whose members already finished (readers behind closed readers). */
static void epoch_done(ssi_pool_t *pool, ssi_domain_t *d, ssi_epoch_t *e,
                       ssi_task_t **ready)
{
    for (;;) {
        /* Readers of a poisoned value pass it on: the region still holds
         * what the failed task wrote. */
        int poison = e->poison || (e->cls == SSI_EP_READ && e->poison_in);
        fire_edges(pool, e->xdone, poison, ready);
        ssi_epoch_t *f = epoch_next(e);
        /* Not DONE: only e's member makes it so, instead of releasing it
         * here (and a later epoch cascaded into has members left). */
        if (f == SSI_EPOCH_CLAIMED)
            f = NULL;
        if (!f) {
            if (SSI_UNLIKELY(poison)) {
                e->obj->poisoned = 1;
                if (!e->obj->written)
                    ssi_obj_written(e->obj);
            }
            ssi_obj_idle(pool, d, e->obj);
        } else if (SSI_UNLIKELY(poison)) {
            /* Readers behind readers do not depend on them: what comes
             * after both is what depends on the failed one. */
            if (inherits_msat(e, f))
                f->poison = 1;
            else
                f->poison_in = 1;
        }
        ssi_pool_free(pool, e, sizeof *e);
        if (!f)
            return;
        f->satisfied = 1;
        if (!f->msat) {
            /* Its members were all waiting, so none has finished: they
             * finish f themselves. Its count must not be read here: an
             * undeferred member (a taskwait on) is run by its submitter
             * as soon as it is satisfied, without the lock, and as a
             * reader of a satisfied epoch it may take the count to 0 and
             * finish f lazily before this thread reads it; f was then
             * finished twice (the cascade went on into the DONE marker). */
            epoch_msat(pool, f, ready);
            return;
        }
        /* f's members started early (readers behind closed readers) and
         * left under the lock; with none left, f is done now. */
        if (atomic_load_explicit(&f->pending, memory_order_relaxed))
            return;
        e = f;
    }
}

/* ---- lazily finished writers (see deps.h) ----------------------------- */

/* Free the writer epochs finished without the lock; an object whose last
 * epoch one still was goes idle, as its release would have made it. */
static void sweep(ssi_pool_t *pool, ssi_domain_t *d)
{
    d->since_sweep = 0;
    /* Pairs with the release CAS of the pushes: the members' writes to
     * `done_next` are seen. */
    ssi_epoch_t *e = atomic_exchange_explicit(&d->done, NULL, memory_order_acquire);
    while (e) {
        ssi_epoch_t *n = e->done_next;
        if (e->obj)
            ssi_obj_idle(pool, d, e->obj);
        ssi_pool_free(pool, e, sizeof *e);
        e = n;
    }
}

/* The last member of e finished and e is done: without the lock when e is
 * still its object's last with nothing attached (its next goes from NULL
 * to DONE; then 1). */
static inline int finish_lazy(ssi_domain_t *d, ssi_epoch_t *e)
{
    ssi_epoch_t *cur = NULL;
    /* Release: the members' work happens before what comes after e (the
     * acquire of epoch_claim or of the sweep). */
    if (!atomic_compare_exchange_strong_explicit(&e->next, &cur, SSI_EPOCH_DONE,
                                                 memory_order_release,
                                                 memory_order_relaxed))
        return 0;
    /* Only the sweep frees e, and e is not on the list before this push. */
    ssi_epoch_t *h = atomic_load_explicit(&d->done, memory_order_relaxed);
    do
        e->done_next = h;
    while (!atomic_compare_exchange_weak_explicit(&d->done, &h, e, memory_order_release,
                                                  memory_order_relaxed));
    return 1;
}

/* Not with a poisoning task or a traced graph (both need the lock). */
static inline int lazy_allowed(const ssi_access_t *a)
{
    return !(SSI_TRACE_MASK & SSI_TR_GRAPH) && !(a->task->flags & SSI_TASK_POISON);
}

/* The member of writer epoch e (a, a write) finished: e is done. */
static inline int release_writer(ssi_domain_t *d, ssi_access_t *a)
{
    if (!lazy_allowed(a) || !finish_lazy(d, a->epoch))
        return 0;
    a->epoch = NULL;
    return 1;
}

/* ---- registration ------------------------------------------------------- */

static int member_of(const ssi_task_t *t, const ssi_epoch_t *e, unsigned upto)
{
    for (unsigned i = 0; i < upto; i++)
        if (t->acc[i].epoch == e)
            return 1;
    return 0;
}

typedef struct {
    ssi_pool_t *pool;
    ssi_task_t *t;
    ssi_access_t *a;
    unsigned index;
} foreign_ctx_t;

/* a's region overlaps object x (another region): wait on x's last epoch. */
static void wait_foreign(ssi_obj_t *x, const foreign_ctx_t *c)
{
    ssi_epoch_t *e = x->last;
    if (SSI_UNLIKELY(x->poisoned) && !e)
        cancel(c->t);
    if (!e || member_of(c->t, e, c->index))
        return;
    if (epoch_finished_lazily(e) ||
        (e->cls == SSI_EP_WRITE && !epoch_claim(e, SSI_EPOCH_CLAIMED)))
        return; /* finished lazily: nothing to wait for (x is swept later) */
    if (SSI_UNLIKELY(e->msat && e->poison_in))
        cancel(c->t);
    if (c->a->type == e->cls &&
        (e->cls == SSI_EP_READ || e->cls == SSI_EP_SET)) {
        if (!e->msat) {
            e->xsat = edge_new(c->pool, c->t, e->xsat);
            add_wait(c->t);
        }
    } else {
        /* Later accesses to x come after t: they must not join e, which t
         * waits to see finished. */
        if (e->cls == SSI_EP_READ && !epoch_claim(e, SSI_EPOCH_CLAIMED))
            return; /* its last reader just finished it lazily */
        e->closed = 1;
        e->xdone = edge_new(c->pool, c->t, e->xdone);
        add_wait(c->t);
    }
}

/* One more member of e, the last epoch of its object (same class, not
 * closed). A reader epoch is joined only from a nonzero count, or while
 * it is not satisfied: with 0 left of a satisfied one, its last reader is
 * finishing it lazily (0 returned; the caller opens the next epoch). */
static inline int epoch_join(ssi_epoch_t *e)
{
    int p = atomic_load_explicit(&e->pending, memory_order_relaxed);
    if (e->cls == SSI_EP_READ) {
        do
            if (p == 0 && e->satisfied)
                return 0;
        while (!atomic_compare_exchange_weak_explicit(&e->pending, &p, p + 1,
                                                      memory_order_relaxed,
                                                      memory_order_relaxed));
    } else if (e->cls == SSI_EP_SET) {
        atomic_fetch_add_explicit(&e->pending, 1, memory_order_relaxed);
    } else {
        /* Mutex members leave under the lock only. */
        atomic_store_explicit(&e->pending, p + 1, memory_order_relaxed);
    }
    return 1;
}

/* Register access i of t; *pre an epoch allocated before taking the
 * lock, or NULL (used: cleared). */
static inline __attribute__((always_inline)) void
register_access(ssi_pool_t *pool, ssi_domain_t *d, ssi_task_t *t,
                unsigned i, ssi_epoch_t **pre)
{
    ssi_access_t *a = &t->acc[i];
    /* What a reader may do at its release (SSI_LAZY_*), from what each
     * case knows: a new epoch is not read back (its stores may still wait
     * for the line). */
    uint8_t lazy = SSI_LAZY_NO;
    ssi_obj_t *o = ssi_obj_lookup(d, &a->region, a->hf);
    if (o && !o->last) {
        ssi_obj_idle_unlink(d, o);
    } else if (o && o->last->cls == SSI_EP_READ && epoch_finished_lazily(o->last)) {
        /* Its last reader finished it lazily: o is done (that epoch is
         * freed by the sweep). */
        o->last->obj = NULL;
        o->last = NULL;
    }
    if (o && o->last && o->last->cls == SSI_EP_WRITE) {
        /* Appending to a writer: the common chain step. */
        ssi_epoch_t *e = o->last;
        ssi_epoch_t *f = epoch_new(pool, pre, o, a);
        o->last = f;
        if (!epoch_claim(e, f)) {
            /* e finished lazily: f opens on a done object. */
            e->obj = NULL;
            f->satisfied = 1;
            f->msat = 1;
            lazy = SSI_LAZY_OK;
            if (SSI_UNLIKELY(o->poisoned)) {
                f->poison_in = 1;
                lazy = SSI_LAZY_NO;
                cancel(t);
            }
        } else {
            a->next = NULL;
            f->waiters = a;
            if (f->cls == SSI_EP_WRITE)
                f->wtask = t;
            add_wait(t);
        }
    } else if (!o || !o->last) {
        if (!o)
            o = ssi_obj_new(pool, d, a);
        ssi_epoch_t *f = epoch_new(pool, pre, o, a);
        o->last = f;
        f->satisfied = 1;
        f->msat = 1;
        lazy = SSI_LAZY_OK;
        if (SSI_UNLIKELY(o->poisoned)) {
            f->poison_in = 1;
            lazy = SSI_LAZY_NO;
            cancel(t);
        }
    } else {
        ssi_epoch_t *e = o->last;
        uint8_t msat, poison_in;
        if (a->type != SSI_EP_WRITE && a->type == e->cls && !e->closed &&
            epoch_join(e)) {
            a->epoch = e;
            msat = e->msat;
            poison_in = e->poison_in;
            lazy = lazy_of(e);
        } else {
            ssi_epoch_t *f = epoch_new(pool, pre, o, a);
            if (e->cls == SSI_EP_READ && !epoch_claim(e, f)) {
                /* Its last reader finished it lazily meanwhile. */
                e->obj = NULL;
                f->satisfied = 1;
                f->msat = msat = 1;
                poison_in = 0;
                lazy = SSI_LAZY_OK;
            } else {
                f->msat = msat = inherits_msat(e, f) && e->msat;
                f->poison_in = poison_in = msat && e->poison_in;
                if (e->cls != SSI_EP_READ)
                    atomic_store_explicit(&e->next, f, memory_order_relaxed);
            }
            o->last = f;
            e = f;
        }
        if (SSI_UNLIKELY(msat && poison_in))
            cancel(t);
        if (!msat) {
            a->next = e->waiters;
            e->waiters = a;
            if (e->cls == SSI_EP_WRITE)
                e->wtask = t;
            add_wait(t);
        }
    }
    a->lazy = lazy;
    if (o->nover) {
        foreign_ctx_t ctx = {pool, t, a, i};
        if (o->nover <= SSI_NEAR) {
            for (unsigned k = 0; k < o->nover; k++)
                if (!((o->near[k] & 1) && a->type == SSI_EP_READ))
                    wait_foreign((ssi_obj_t *)(o->near[k] & ~(uintptr_t)1), &ctx);
        } else {
            for (ssi_nlink_t *l = o->nbrs; l; l = l->next)
                if (!(l->ro && a->type == SSI_EP_READ))
                    wait_foreign(l->obj, &ctx);
        }
    }
}

/* Accesses of one task that overlap each other with different classes would
 * wait on themselves; they are all made writes (exclusive epochs). */
static void upgrade_self_overlaps(ssi_task_t *t)
{
    for (unsigned i = 0; i < t->ndeps; i++)
        for (unsigned j = i + 1; j < t->ndeps; j++) {
            ssi_access_t *a = &t->acc[i], *b = &t->acc[j];
            if (a->type != b->type && ssi_region_overlap(&a->region, &b->region))
                a->type = b->type = SSI_EP_WRITE;
        }
}

int ssi_deps_submit(ssi_pool_t *pool, ssi_domain_t *d, ssi_task_t *t,
                    ssi_task_t **ready)
{
    /* The accesses come as init_access (task.c) left them: task, epoch,
     * next and lazy set, the hash taken. */
    if (t->ndeps == 1) {
        /* The common case, with the epoch a write always opens allocated
         * before taking the lock. */
        ssi_access_t *a = &t->acc[0];
        ssi_epoch_t *pre = NULL;
        if (a->type == SSI_EP_WRITE && !(pre = ssi_pool_alloc(pool, sizeof *pre)))
            ssi_fatal(t, "out of memory registering a dependence");
        ssi_lock(&d->lock);
        if (SSI_UNLIKELY(++d->since_sweep >= 256))
            sweep(pool, d);
        register_access(pool, d, t, 0, &pre);
        satisfy(t, ready); /* drop the creation guard */
        ssi_unlock(&d->lock);
        if (SSI_UNLIKELY(pre))
            ssi_pool_free(pool, pre, sizeof *pre);
        return SS_OK;
    }
    /* Range pairs were tested by their bounds as they were added; regions
     * with dims only here. */
    if (t->flags & (SSI_TASK_OVERLAP | SSI_TASK_DIMS))
        upgrade_self_overlaps(t);
    /* The accesses' buckets were prefetched as they were added; the first
     * object of the first few is fetched under the lock before any is
     * looked up, so that the misses overlap. */
    unsigned n = t->ndeps < SSI_PREFETCH_DEPS ? t->ndeps : SSI_PREFETCH_DEPS;
    ssi_epoch_t *pre = NULL;
    ssi_lock(&d->lock);
    if (SSI_UNLIKELY(++d->since_sweep >= 256))
        sweep(pool, d);
    for (unsigned i = 0; i < n; i++) {
        ssi_obj_t *head = d->buckets[t->acc[i].hf & (d->nbuckets - 1)];
        if (head)
            __builtin_prefetch(head);
    }
    for (unsigned i = 0; i < t->ndeps; i++)
        register_access(pool, d, t, i, &pre);
    satisfy(t, ready); /* drop the creation guard */
    ssi_unlock(&d->lock);
    return SS_OK;
}

/* ---- release ------------------------------------------------------------ */

static void release_mutex(ssi_epoch_t *e, ssi_task_t **ready)
{
    e->held = 0;
    while (e->parked && !e->held) {
        ssi_task_t *p = e->parked;
        e->parked = p->qnext;
        ssi_task_became_ready(p, ready); /* may park again elsewhere */
    }
}

static inline __attribute__((always_inline)) void
release_one(ssi_pool_t *pool, ssi_domain_t *d, ssi_access_t *a,
            ssi_task_t **ready)
{
    ssi_epoch_t *e = a->epoch;
    a->epoch = NULL;  /* released: completion skips it */
    if (SSI_UNLIKELY(a->lazy == SSI_LAZY_FINISH)) {
        epoch_done(pool, d, e, ready); /* see release_reader */
        return;
    }
    ssi_trace_dep_release(a->task, e);
    /* What a failed or cancelled task wrote is not to be used: what comes
     * after its writes is cancelled (after its reads, nothing it made). */
    if (SSI_UNLIKELY(a->task->flags & SSI_TASK_POISON) && a->type != SSI_EP_READ)
        e->poison = 1;
    if (a->type == SSI_EP_MUTEX)
        release_mutex(e, ready);
    int left;
    if (shared_class(a->type)) {
        /* Pairs with the release CAS of members that left without the
         * lock: what they did happens before what comes after e. */
        left = atomic_fetch_sub_explicit(&e->pending, 1, memory_order_acq_rel) - 1;
    } else {
        left = atomic_load_explicit(&e->pending, memory_order_relaxed) - 1;
        atomic_store_explicit(&e->pending, left, memory_order_relaxed);
    }
    if (left == 0 && e->satisfied)
        epoch_done(pool, d, e, ready);
}

/* Release a without the domain lock when that changes nothing but e's
 * count: a reader or inoutset member that is not the last one of its
 * epoch (pending > 1 stays >= 1, so e is not done, and the 1 -> 0 step is
 * always taken under the lock). Not with a poisoning inoutset member or
 * when the graph is traced (both need the lock). */
static inline int release_unlocked(ssi_access_t *a)
{
    if (!shared_class(a->type) || (SSI_TRACE_MASK & SSI_TR_GRAPH) ||
        (a->type == SSI_EP_SET && (a->task->flags & SSI_TASK_POISON)))
        return 0;
    ssi_epoch_t *e = a->epoch;
    int p = atomic_load_explicit(&e->pending, memory_order_relaxed);
    while (p > 1)
        if (atomic_compare_exchange_weak_explicit(&e->pending, &p, p - 1,
                                                  memory_order_release,
                                                  memory_order_relaxed)) {
            a->epoch = NULL;
            return 1;
        }
    return 0;
}

/* A reader leaves e: the last one finishes it lazily when e was satisfied
 * before it became runnable (SSI_LAZY_OK; see deps.h), and nothing poisons
 * it. 0: release a under the lock, with a->lazy SSI_LAZY_FINISH when the
 * count is already 0 and only epoch_done is left to do. */
static inline int release_reader(ssi_domain_t *d, ssi_access_t *a)
{
    ssi_epoch_t *e = a->epoch;
    for (;;) {
        if (release_unlocked(a))
            return 1;
        if (a->lazy != SSI_LAZY_OK || !lazy_allowed(a))
            return 0;
        int one = 1;
        /* Acquire: the other members' work (their release decrements)
         * happens before what comes after e. Fails when a reader joined. */
        if (atomic_compare_exchange_strong_explicit(&e->pending, &one, 0,
                                                    memory_order_acq_rel,
                                                    memory_order_relaxed))
            break;
    }
    if (!finish_lazy(d, e)) {
        a->lazy = SSI_LAZY_FINISH;
        return 0;
    }
    a->epoch = NULL;
    return 1;
}

/* Release a without the lock if its class allows it (1). */
static inline int release_nolock(ssi_domain_t *d, ssi_access_t *a)
{
    switch (a->type) {
    case SSI_EP_WRITE:
        return release_writer(d, a);
    case SSI_EP_READ:
        return release_reader(d, a);
    default:
        return release_unlocked(a);
    }
}

void ssi_deps_release(ssi_pool_t *pool, ssi_domain_t *d, ssi_task_t *t,
                      ssi_task_t **ready)
{
    if (t->ndeps == 1) {
        ssi_access_t *a = &t->acc[0];
        if (!a->epoch || release_nolock(d, a))
            return;
        ssi_lock(&d->lock);
        release_one(pool, d, a, ready);
        ssi_unlock(&d->lock);
        return;
    }
    unsigned locked = 0;
    for (unsigned i = 0; i < t->ndeps; i++)
        if (t->acc[i].epoch && !release_nolock(d, &t->acc[i]))
            locked++;
    if (!locked)
        return;
    ssi_lock(&d->lock);
    for (unsigned i = 0; i < t->ndeps; i++)
        if (t->acc[i].epoch)
            release_one(pool, d, &t->acc[i], ready);
    ssi_unlock(&d->lock);
}

unsigned ssi_deps_release_region(ssi_pool_t *pool, ssi_domain_t *d, ssi_task_t *t,
                                 const ssi_region_t *r, ssi_task_t **ready)
{
    unsigned n = 0;
    ssi_lock(&d->lock);
    for (unsigned i = 0; i < t->ndeps; i++)
        if (t->acc[i].epoch && ssi_region_same(&t->acc[i].region, r)) {
            release_one(pool, d, &t->acc[i], ready);
            n++;
        }
    ssi_unlock(&d->lock);
    return n;
}

/* ---- domains ------------------------------------------------------------ */

ssi_domain_t *ssi_domain_create(void)
{
    /* Aligned, so that `done` is on a line of its own. */
    ssi_domain_t *d = aligned_alloc(_Alignof(ssi_domain_t), sizeof *d);
    if (!d)
        return NULL;
    memset(d, 0, sizeof *d);
    atomic_init(&d->done, NULL);
    d->nbuckets = 16;
    d->buckets = calloc(d->nbuckets, sizeof *d->buckets);
    if (!d->buckets) {
        free(d);
        return NULL;
    }
    return d;
}

void ssi_domain_destroy(ssi_pool_t *pool, ssi_domain_t *d)
{
    if (!d)
        return;
    sweep(pool, d);
    while (d->idle_head) {
        ssi_obj_t *o = d->idle_head;
        ssi_obj_idle_unlink(d, o);
        ssi_obj_free(pool, d, o);
    }
    ssi_space_fini(&d->space);
    free(d->buckets);
    free(d);
}

unsigned ssi_domain_stored(ssi_pool_t *pool, ssi_domain_t *d)
{
    ssi_lock(&d->lock);
    sweep(pool, d);
    unsigned n = d->count;
    ssi_unlock(&d->lock);
    return n;
}

unsigned ssi_domain_lazy(ssi_domain_t *d)
{
    unsigned n = 0;
    ssi_lock(&d->lock);
    for (ssi_epoch_t *e = atomic_load_explicit(&d->done, memory_order_acquire); e;
         e = e->done_next)
        n++;
    ssi_unlock(&d->lock);
    return n;
}

unsigned ssi_domain_objects(ssi_domain_t *d)
{
    ssi_lock(&d->lock);
    unsigned n = d->count - d->nidle;
    /* Objects whose last epoch finished lazily are idle too. The list is
     * only taken under the lock; pushes only add at its head. */
    for (ssi_epoch_t *e = atomic_load_explicit(&d->done, memory_order_acquire); e;
         e = e->done_next)
        if (e->obj)
            n--;
    ssi_unlock(&d->lock);
    return n;
}
