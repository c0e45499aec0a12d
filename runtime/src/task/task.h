/* task.h - the task block: header, dependence records and arguments in one
 * allocation, and the task life cycle (create, submit, run, complete).
 *
 * Life cycle: create (preds = 1 guard, alive = 1 body) -> deps registered
 * (preds += waits) -> submit drops the guard -> ready when preds == 0 ->
 * runs -> body done drops alive -> complete when alive == 0 (body and all
 * children finished) -> accesses released in the parent's domain -> the
 * parent's alive drops -> block freed. */
#ifndef SSI_TASK_H
#define SSI_TASK_H

#include <stdatomic.h>
#include <stdint.h>

#include "core/runtime.h"
#include "deps/region.h"

struct ssi_worker;
struct ssi_domain;
struct ssi_epoch;

/* Internal flags, above the public SS_TASK_* bits. */
enum {
    SSI_TASK_PUBLIC_MASK = SS_TASK_UNDEFERRED | SS_TASK_FINAL | SS_TASK_WAIT,
    SSI_TASK_INCLUDED = 1u << 8,  /* runs inline in a final context */
    SSI_TASK_COMMUT = 1u << 9,    /* holds a mutexinoutset access */
    SSI_TASK_ROOT = 1u << 10,     /* the implicit task of the main thread */
    SSI_TASK_SUBMITTED = 1u << 11,
    /* Failures (fail/): */
    SSI_TASK_GUARDED = 1u << 12,  /* policy, time-out or file dependences:
                                     runs through ssi_fail_body */
    SSI_TASK_FAILED = 1u << 13,   /* this run failed (ss_task_fail, exec) */
    SSI_TASK_CANCELLED = 1u << 14,/* depends on a cancelled or failed task
                                     (cancel_successors): never runs */
    SSI_TASK_POISON = 1u << 15,   /* its release poisons its epochs: what
                                     comes after it is cancelled */
    /* Dependences (set as they are added): */
    SSI_TASK_DIMS = 1u << 16,     /* an access has dims in the pool */
    SSI_TASK_OVERLAP = 1u << 17   /* two byte ranges of different classes
                                     meet: tested at submission, as every
                                     pair is once an access has dims */
};

/* One dependence of a task. Lives in the task block. `next` links the
 * record into its epoch's list of members waiting for satisfaction, and is
 * only used under the domain lock. */
typedef struct ssi_access {
    ssi_region_t region;
    struct ssi_task *task;
    struct ssi_access *next;
    struct ssi_epoch *epoch;  /* joined epoch, set at registration */
    uint8_t type;             /* epoch class (SSI_EP_*) */
    uint8_t file;             /* a file dependence: region.lo is its
                                 interned path (deps/files.c) */
    uint8_t lazy;             /* SSI_LAZY_* (deps.c): how a reader may
                                 leave its epoch without the lock */
    uint32_t hf;              /* ssi_deps_hash of the region, taken when
                                 the access is added (in the padding) */
} ssi_access_t;

typedef struct ssi_task {
    /* Unsatisfied waits, plus 1 until submitted. Decremented only under the
     * parent's domain lock (or by the submitter before any dependence
     * exists); atomic because an undeferred submitter polls it. */
    atomic_int preds;
    /* 1 for the body plus one per live child. The final decrement (release)
     * pairs with the acquire load in taskwait and in the completing path. */
    atomic_int alive;
    uint32_t flags;
    int32_t priority;
    struct ssi_task *parent;
    ss_task_type_t *type;
    void *args;
    struct ssi_domain *domain; /* dependence domain of the children, lazy */
    struct ssi_task *qnext;    /* priority / parked / ready lists */
    uint32_t block_size;       /* for the pool */
    uint16_t ndeps, max_deps;
    ssi_access_t acc[];        /* max_deps records, then the arguments */
} ssi_task_t;

/* Whether task t runs in a final context: its children run in place, in
 * order. */
static inline int ssi_task_in_final(const ssi_task_t *t)
{
    return (t->flags & (SS_TASK_FINAL | SSI_TASK_INCLUDED)) != 0;
}

/* Allocate and initialise a task block (no validation). NULL on ENOMEM. */
ssi_task_t *ssi_task_create(struct ssi_worker *w, ss_task_type_t *type,
                            size_t args_size, unsigned max_deps,
                            unsigned flags);
/* ssi_task_create for a spawn (generated code): the arguments are copied
 * from args instead of zeroed. NULL when out of memory. */
ssi_task_t *ssi_task_spawn(struct ssi_worker *w, ss_task_type_t *type, const void *args,
                           size_t args_size, unsigned max_deps, unsigned flags);

/* ss_task_create after its checks (a known type, valid arguments, a
 * worker thread): create, and store the handle and the arguments'
 * address. SS_OK or SS_ENOMEM. */
int ssi_task_new(ss_task_type_t *type, size_t args_size, unsigned max_deps,
                 unsigned flags, ss_task_t *task, void **args);

/* Record a dependence (merges a repeated identical region). Returns SS_OK,
 * or SS_EINVAL when the task has no room left. */
int ssi_task_add_dep(ssi_task_t *t, ss_dep_type_t type, const ssi_region_t *r);

/* ssi_task_add_dep for the contiguous bytes [lo, hi), lo < hi: whole
 * objects and byte ranges need no region built. */
int ssi_task_add_range(ssi_task_t *t, ss_dep_type_t type, uintptr_t lo, uintptr_t hi);

/* Register the dependences, then make the task ready or leave it waiting;
 * undeferred tasks are run here. Returns SS_OK (so that ss_task_submit
 * ends in a tail call). */
int ssi_task_submit(struct ssi_worker *w, ssi_task_t *t);

/* Run a ready task on worker w, then finish its body. */
void ssi_task_run(struct ssi_worker *w, ssi_task_t *t);

/* Run t with body fn (a version's), on CUDA device gpu when gpu >= 0
 * (ssi_cuda_run), then finish its body as ssi_task_run does. */
void ssi_task_run_version(struct ssi_worker *w, ssi_task_t *t, void (*fn)(void *),
                          int gpu);

/* Free a created task that will never be submitted (constraints that cannot
 * be met), undoing what creation did. */
void ssi_task_discard(struct ssi_worker *w, ssi_task_t *t);

/* Called with a task whose preds reached 0, under its domain lock: adds it
 * to `*ready` unless it is undeferred or must wait for a commutative slot. */
void ssi_task_became_ready(ssi_task_t *t, ssi_task_t **ready);

/* Wait for all children of the current task, running other work. */
void ssi_taskwait(struct ssi_worker *w);

/* Run other work until *counter is at most `zero` (taskwait waits for
 * alive == 1, an undeferred submission for preds == 0). */
void ssi_wait_until_zero(struct ssi_worker *w, atomic_int *counter, int zero);

/* The n-th pause of a thread waiting for something: spin, then yield, then
 * nap (10 us, then 100 us). */
void ssi_backoff(unsigned n);

/* Register a task type once: assign its id and stable key. */
void ssi_task_type_register(ss_task_type_t *type);

#endif
