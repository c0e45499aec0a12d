/* deps.h - the dependence engine: one domain per parent task orders its
 * children by their accesses to regions.
 *
 * Each distinct region accessed by live tasks is an object; each object
 * keeps a chain of epochs. An epoch is a group of accesses that may run
 * together (several readers, several inoutset members, several
 * mutexinoutset members - the latter one at a time - or one writer).
 * An epoch is "satisfied" when every earlier epoch of its object is done,
 * and "done" when it is satisfied and all its members finished. Its members
 * may start ("msat") when it is satisfied, except for a reader or inoutset
 * epoch opened behind a closed epoch of the same class, whose members may
 * start as soon as that one's could: readers never wait for readers. A task
 * joining the last epoch waits for msat only, so joining is O(1) and a
 * reader costs the same with 10 or 10^6 readers pending. Objects whose
 * regions overlap partially are found through an interval treap; an access
 * also waits on each overlapping object's last epoch (for msat when both
 * are reads or both inoutset, else for done, which closes that epoch to
 * later joiners), so partial overlaps are exact; identical regions take the
 * hash-table fast path only.
 *
 * Locking: everything in a domain is guarded by its lock, except that a
 * reader or inoutset member that is not the last one of its epoch leaves
 * it with an atomic decrement of `pending` alone (a count only ever taken
 * to 0 under the lock); a task's `preds` is only decremented under the
 * lock of its parent's domain.
 *
 * Lazy finishing: the last member of a writer or reader epoch that is
 * still its object's last, with nothing attached to it, finishes it
 * without the lock: a CAS of the epoch's `next` from NULL to
 * SSI_EPOCH_DONE, then a push onto the domain's `done` list. Under the
 * lock, whoever would attach something to such an epoch (a next epoch, an
 * xdone edge) first takes `next` from NULL with a CAS (to the next epoch,
 * or to SSI_EPOCH_CLAIMED), which makes the member finish under the lock
 * as before; a CAS that finds DONE sees a finished epoch (its object is
 * reused at once; the epoch itself is freed, and a still unused object
 * idled, when the done list is swept under the lock: every 256
 * registrations, and before counting or destroying the domain).
 * A reader finishes lazily only if its epoch was satisfied when it became
 * runnable (its access's `lazy`): the last one takes `pending` from 1 to 0
 * with a CAS before the one on `next`, and a reader joins under the lock
 * only with a CAS from a nonzero count, so that a joiner and the last
 * leaver never both win. An epoch satisfied later (behind a closed reader
 * epoch) keeps taking its count to 0 under the lock, where the cascade of
 * epoch_done reads it. The cascade reads no other count: an epoch whose
 * members it has just let start is left to them (an undeferred member
 * runs at once on its submitter, without the lock, and may already have
 * finished the epoch lazily). */
#ifndef SSI_DEPS_H
#define SSI_DEPS_H

#include "core/lock.h"
#include "deps/space.h"
#include "task/task.h"
#include "worker/pool.h"

typedef struct ssi_edge {
    ssi_task_t *task;
    struct ssi_edge *next;
} ssi_edge_t;

/* Epoch classes: readers, a writer, inoutset, mutexinoutset. */
enum { SSI_EP_READ = 1, SSI_EP_WRITE = 2, SSI_EP_SET = 4, SSI_EP_MUTEX = 5 };

typedef struct ssi_epoch {
    uint8_t cls;
    uint8_t satisfied;     /* all earlier epochs of the object are done */
    uint8_t msat;          /* members may start (see above) */
    uint8_t held;          /* SSI_EP_MUTEX: a member holds the object */
    uint8_t closed;        /* a later access elsewhere waits for it to be
                              done: no more members may join */
    uint8_t poison;        /* a member failed or was cancelled: what comes
                              after this epoch is cancelled */
    uint8_t poison_in;     /* comes after a poisoned epoch: its members are
                              cancelled (cancel_successors) */
    atomic_int pending;    /* members not yet finished; for readers and
                              inoutset members, atomic: all but the last
                              may leave without the lock */
    ssi_access_t *waiters; /* members waiting for `msat` */
    ssi_edge_t *xsat;      /* other objects' accesses waiting for `msat` */
    ssi_edge_t *xdone;     /* other objects' accesses waiting for done */
    union {
        ssi_task_t *parked;    /* mutex members waiting for `held` to clear */
        ssi_task_t *wtask;     /* a writer epoch: the task of its waiting
                                  member, when `waiters` is set (satisfied
                                  without touching its record's line) */
        struct ssi_epoch *done_next; /* a lazily finished writer epoch: the
                                        next one of the domain's done list */
    };
    /* The next epoch of the object, NULL, or for a writer epoch one of the
     * markers below (see "Lazy writers"). Read with epoch_next. */
    _Atomic(struct ssi_epoch *) next;
    struct ssi_obj *obj;   /* NULL: lazily finished and no longer its
                              object's last (freed by the sweep) */
} ssi_epoch_t;

/* Markers of a writer epoch's `next`; both have msat set, so that a walk
 * of the chain stops at them. */
extern ssi_epoch_t ssi_epoch_done_mark, ssi_epoch_claimed_mark;
#define SSI_EPOCH_DONE (&ssi_epoch_done_mark)
#define SSI_EPOCH_CLAIMED (&ssi_epoch_claimed_mark)

/* Overlapping objects know each other: found once through the space when
 * an object is made, each pair linked both ways, unlinked when either is
 * freed. A registration then waits on its object's neighbours without
 * querying the space or testing regions again. */
typedef struct ssi_nlink {
    struct ssi_obj *obj;           /* the neighbour */
    struct ssi_nlink *prev, *next; /* in the owner's list */
    struct ssi_nlink *twin;        /* the link back, in obj's list */
    uint8_t ro;                    /* obj is read-only (see ssi_obj_t) */
} ssi_nlink_t;

#define SSI_NEAR 4

typedef struct ssi_obj {
    /* First line: all that registering or releasing an access of an object
     * without neighbours reads and writes (Cholesky's and matmul's tiles),
     * lookup's comparison included. */
    ssi_region_t region;    /* dims copy owned by the object */
    ssi_epoch_t *last;      /* NULL when idle, else never done */
    struct ssi_obj *hnext;
    unsigned nover;         /* how many objects overlap this one */
    uint8_t written;        /* ever had an epoch other than readers, or
                               poisoned: while not, a reader overlapping
                               it need not look at it (its reader epochs
                               all let members start at once and carry no
                               poison), which its neighbours' links record */
    uint8_t poisoned;       /* its last access failed or was cancelled:
                               every later access is cancelled; kept idle */
    /* While nover <= SSI_NEAR: every neighbour, with its link's `ro` in
     * bit 0, so that a registration reads this object's own lines only
     * and not one link block per neighbour. */
    uintptr_t near[SSI_NEAR];
    struct ssi_nlink *nbrs; /* the objects overlapping this one */
    struct ssi_obj *iprev, *inext; /* idle list, when last == NULL */
    /* Last: touched only when the object is made or freed. */
    ssi_snode_t node;       /* in the domain's space */
} ssi_obj_t;

/* Idle objects (no live access) kept for reuse per domain: a chain or a
 * set of recurring regions then never frees and re-inserts its objects. */
#define SSI_DOMAIN_IDLE_MAX 65536
/* An idle object with neighbours is kept only while none of them has more
 * than this many (object.c, obj_keep). */
#define SSI_KEEP_FANOUT 16

typedef struct ssi_domain {
    ssi_lock_t lock;
    ssi_obj_t **buckets;
    unsigned nbuckets, count;
    ssi_space_t space;     /* objects by region (space.h) */
    ssi_obj_t *idle_head, *idle_tail; /* oldest first */
    unsigned nidle;
    unsigned since_sweep;  /* registrations since the done list was swept */
    /* Writer epochs finished without the lock (linked through `done_next`):
     * pushed by the releasing workers, taken whole under the lock. On a
     * line of its own, away from the lock the creating thread takes. */
    _Alignas(64) _Atomic(ssi_epoch_t *) done;
} ssi_domain_t;

/* ssi_access_t.lazy of a reader (see "Lazy finishing" above). */
enum {
    SSI_LAZY_NO,     /* its epoch was not satisfied when it became runnable */
    SSI_LAZY_OK,     /* it was: the last reader may finish it lazily */
    SSI_LAZY_FINISH  /* took `pending` to 0 but found `next` taken: finish
                        e under the lock */
};

/* The hash of a region by its bounds, before masking with the number of
 * buckets (so that it can be computed before taking the lock). */
static inline unsigned ssi_deps_hash(uintptr_t lo, uintptr_t hi)
{
    uint64_t h = (uint64_t)lo * 0x9E3779B97F4A7C15ULL ^ (uint64_t)hi * 0xC2B2AE3D27D4EB4FULL;
    return (unsigned)(h >> 32);
}

/* Start fetching the bucket of a region of hash hf, without the lock: the
 * bucket array changes only when the thread that registers in d (the
 * parent's) inserts, and a prefetch cannot fault. */
static inline void ssi_deps_prefetch(const ssi_domain_t *d, unsigned hf)
{
    __builtin_prefetch(&d->buckets[hf & (d->nbuckets - 1)]);
}

ssi_domain_t *ssi_domain_create(void);
/* Free a domain with no live access (NULL is fine); records go to pool. */
void ssi_domain_destroy(ssi_pool_t *pool, ssi_domain_t *d);

/* Register all accesses of t (not yet submitted: preds holds the guard),
 * then drop the guard. Tasks that became ready are prepended to *ready. */
int ssi_deps_submit(ssi_pool_t *pool, ssi_domain_t *d, ssi_task_t *t,
                    ssi_task_t **ready);

/* Release all accesses of a completed task; newly ready tasks go to *ready. */
void ssi_deps_release(ssi_pool_t *pool, ssi_domain_t *d, ssi_task_t *t,
                      ssi_task_t **ready);

/* Early release (#pragma oss release): release t's accesses whose region
 * equals r, as completion would; returns how many. t must be running. */
unsigned ssi_deps_release_region(ssi_pool_t *pool, ssi_domain_t *d, ssi_task_t *t,
                                 const ssi_region_t *r, ssi_task_t **ready);

/* Objects with a live access (for tests and statistics). */
unsigned ssi_domain_objects(ssi_domain_t *d);
/* Objects stored, live or kept idle for reuse, once the lazily finished
 * epochs are swept (for tests). */
unsigned ssi_domain_stored(ssi_pool_t *pool, ssi_domain_t *d);
/* Epochs finished without the lock and not yet swept (for tests). */
unsigned ssi_domain_lazy(ssi_domain_t *d);

#endif
