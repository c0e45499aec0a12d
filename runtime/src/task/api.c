/* api.c - the public ss_ task calls (validating) and the ss_abi_ calls that
 * generated code makes (trusting, aborting with a located message). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "deps/deps.h"
#include "deps/files.h"
#include "fail/fail.h"
#include "hetero/hetero.h"
#include "sched/sched.h"
#include "ss_abi.h"
#include "task/task.h"
#include "worker/worker.h"

#define SS_MAX_ARGS_SIZE (1u << 30)
#define SS_MAX_TASK_DEPS 65535u

/* The calling thread's worker after starting the runtime, or NULL with
 * *rc set. */
static ssi_worker_t *caller(int *rc)
{
    *rc = SSI_LIKELY(ssi_running()) ? SS_OK : ssi_ensure_started();
    if (*rc != SS_OK)
        return NULL;
    if (!ssi_self) {
        *rc = SS_ENOTWORKER;
        return NULL;
    }
    return ssi_self;
}

SSI_API int ss_task_type_register(ss_task_type_t *type)
{
    if (!type)
        return SS_EINVAL;
    int rc;
    if (!caller(&rc) && rc != SS_ENOTWORKER)
        return rc;
    ssi_task_type_register(type);
    return SS_OK;
}

/* ss_task_create past its argument checks, when the runtime is not
 * running yet, the caller is no worker or the type is not registered. */
static __attribute__((noinline)) int create_cold(ss_task_type_t *type, size_t args_size,
                                                 unsigned max_deps, unsigned flags,
                                                 ss_task_t *task, void **args)
{
    int rc;
    if (!caller(&rc))
        return rc;
    /* Pairs with the release store of ssi_task_type_register. */
    if (!__atomic_load_n(&type->registered, __ATOMIC_ACQUIRE))
        ssi_task_type_register(type);
    return ssi_task_new(type, args_size, max_deps, flags, task, args);
}

SSI_API int ss_task_create(ss_task_type_t *type, size_t args_size,
                           unsigned max_deps, unsigned flags, ss_task_t *task,
                           void **args)
{
    if (!task)
        return SS_EINVAL;
    *task = NULL;
    /* One test for the rare bad values: flags outside the mask, a size
     * over the limit, too many dependences. */
    if (!type || (args_size && !args) ||
        ((flags & ~SSI_TASK_PUBLIC_MASK) | (args_size > SS_MAX_ARGS_SIZE) |
         (max_deps > SS_MAX_TASK_DEPS)))
        return SS_EINVAL;
    /* Tail calls both: the common case keeps no frame here. */
    if (SSI_UNLIKELY(!ssi_running() || !ssi_self ||
                     !__atomic_load_n(&type->registered, __ATOMIC_ACQUIRE)))
        return create_cold(type, args_size, max_deps, flags, task, args);
    return ssi_task_new(type, args_size, max_deps, flags, task, args);
}

static int valid_type(ss_dep_type_t type)
{
    return type >= SS_DEP_IN && type <= SS_DEP_MUTEXINOUTSET;
}

/* The task behind a handle that may still be changed, or NULL with *rc
 * set: SS_ENOTWORKER from a foreign thread, SS_EINVAL for a bad handle. */
static ssi_task_t *unsubmitted(ss_task_t task, int *rc)
{
    ssi_task_t *t = (ssi_task_t *)task;
    *rc = SS_EINVAL;
    if (!t)
        return NULL;
    if (!ssi_self) {
        *rc = SS_ENOTWORKER;
        return NULL;
    }
    if (t->flags & (SSI_TASK_SUBMITTED | SSI_TASK_ROOT))
        return NULL;
    return t;
}

/* unsubmitted() for the dependence calls, which also check the type. */
static ssi_task_t *depend_target(ss_task_t task, ss_dep_type_t type, int *rc)
{
    ssi_task_t *t = unsubmitted(task, rc);
    if (t && !valid_type(type)) {
        *rc = SS_EINVAL;
        return NULL;
    }
    return t;
}

SSI_API int ss_task_depend(ss_task_t task, ss_dep_type_t type, const void *base,
                           unsigned ndims, const ss_dim_t *dims)
{
    int rc;
    ssi_task_t *t = depend_target(task, type, &rc);
    if (!t)
        return rc;
    ssi_region_t r;
    ss_dim_t scratch[SS_MAX_DIMS];
    switch (ssi_region_make(&r, base, ndims, dims, scratch)) {
    case SSI_REGION_EMPTY: return SS_OK;
    case SSI_REGION_BAD: return SS_EINVAL;
    default: return ssi_task_add_dep(t, type, &r);
    }
}

SSI_API int ss_task_depend_bytes(ss_task_t task, ss_dep_type_t type,
                                 const void *addr, size_t len)
{
    int rc;
    ssi_task_t *t = depend_target(task, type, &rc);
    if (!t)
        return rc;
    uintptr_t hi;
    if (__builtin_add_overflow((uintptr_t)addr, len, &hi))
        return SS_EINVAL;
    if (!len)
        return SS_OK;
    return ssi_task_add_range(t, type, (uintptr_t)addr, hi);
}

SSI_API int ss_task_depend_file(ss_task_t task, ss_dep_type_t type, const char *path)
{
    int rc;
    ssi_task_t *t = depend_target(task, type, &rc);
    return t ? ssi_task_add_file_dep(t, type, path) : rc;
}

SSI_API int ss_task_set_priority(ss_task_t task, int priority)
{
    int rc;
    ssi_task_t *t = unsubmitted(task, &rc);
    if (!t)
        return rc;
    t->priority = priority;
    return SS_OK;
}

/* ss_task_submit of a task whose type has versions. */
static __attribute__((noinline)) int submit_versions(ssi_task_t *t)
{
    int rc = ssi_hetero_submit(t);
    if (rc != SS_OK) {
        ssi_task_discard(ssi_self, t);
        return rc;
    }
    return ssi_task_submit(ssi_self, t);
}

SSI_API int ss_task_submit(ss_task_t task)
{
    int rc;
    ssi_task_t *t = unsubmitted(task, &rc);
    if (!t)
        return rc;
    if (SSI_UNLIKELY(t->type->impl))
        return submit_versions(t);
    return ssi_task_submit(ssi_self, t); /* a tail call: no frame here */
}

SSI_API int ss_taskwait(void)
{
    int rc;
    ssi_worker_t *w = caller(&rc);
    if (!w)
        return rc;
    ssi_taskwait(w);
    return SS_OK;
}

static ss_task_type_t taskwait_on_type = {.label = "taskwait on", .file = "(runtime)"};

SSI_API int ss_taskwait_on(unsigned ndeps, const ss_dep_t *deps)
{
    if ((ndeps && !deps) || ndeps > SS_MAX_TASK_DEPS)
        return SS_EINVAL;
    int rc;
    ssi_worker_t *w = caller(&rc);
    if (!w)
        return rc;
    /* Validate everything first, so that a bad entry creates nothing. */
    ssi_region_t r;
    ss_dim_t scratch[SS_MAX_DIMS];
    for (unsigned i = 0; i < ndeps; i++)
        if (!valid_type(deps[i].type) ||
            ssi_region_make(&r, deps[i].base, deps[i].ndims, deps[i].dims,
                            scratch) == SSI_REGION_BAD)
            return SS_EINVAL;
    if (ssi_task_in_final(w->current))
        return SS_OK; /* everything before ran inline already */
    ssi_task_type_register(&taskwait_on_type);
    ssi_task_t *t = ssi_task_create(w, &taskwait_on_type, 0, ndeps,
                                    SS_TASK_UNDEFERRED);
    if (!t)
        return SS_ENOMEM;
    for (unsigned i = 0; i < ndeps; i++)
        if (ssi_region_make(&r, deps[i].base, deps[i].ndims, deps[i].dims,
                            scratch) == SSI_REGION_OK &&
            (rc = ssi_task_add_dep(t, deps[i].type, &r)) != SS_OK)
            ssi_fatal(t, "cannot record a taskwait dependence: %s", ss_strerror(rc));
    ssi_task_submit(w, t);
    return SS_OK;
}

SSI_API int ss_in_final(void)
{
    ssi_worker_t *w = ssi_self;
    return w && w->current && ssi_task_in_final(w->current);
}

SSI_API int ss_num_workers(void)
{
    int rc = ssi_ensure_started();
    return rc == SS_OK ? ssi_rt.nworkers : rc;
}

SSI_API int ss_worker_id(void)
{
    int rc = ssi_ensure_started();
    if (rc != SS_OK)
        return rc;
    return ssi_self ? ssi_self->id : SS_ENOTWORKER;
}

/* ---- generated-code ABI ------------------------------------------------- */

/* Generated code cannot be told that a task could not be made. */
static _Noreturn __attribute__((cold, noinline)) void
fatal_create(const ss_task_type_t *type, const char *why)
{
    fprintf(stderr, "ss: fatal: task '%s' (%s:%u): %s\n",
            type->label ? type->label : "(unlabelled)", type->file, type->line, why);
    abort();
}

SSI_API ss_task_t ss_abi_task_create(ss_task_type_t *type, size_t args_size,
                                     unsigned max_deps, unsigned flags, void **args)
{
    int rc;
    ssi_worker_t *w = caller(&rc);
    if (!w)
        fatal_create(type, ss_strerror(rc));
    ssi_task_type_register(type);
    ssi_task_t *t = ssi_task_create(w, type, args_size, max_deps, flags);
    if (!t)
        fatal_create(type, "out of memory creating it");
    *args = t->args;
    return (ss_task_t)t;
}

SSI_API void ss_abi_task_depend(ss_task_t task, ss_dep_type_t type,
                                const void *base, unsigned ndims,
                                const ss_dim_t *dims)
{
    ssi_task_t *t = (ssi_task_t *)task;
    ssi_region_t r;
    ss_dim_t scratch[SS_MAX_DIMS];
    int e = ssi_region_make(&r, base, ndims, dims, scratch);
    if (e == SSI_REGION_EMPTY)
        return;
    if (e == SSI_REGION_BAD)
        ssi_fatal(t, "malformed dependence region (a section outside its array?)");
    int rc = ssi_task_add_dep(t, type, &r);
    if (rc != SS_OK)
        ssi_fatal(t, "cannot record a dependence: %s", ss_strerror(rc));
}

/* Dimensions (innermost first, as ss_dim_t wants) of array sections given
 * as (extent, lower, length) per dimension, outermost first. */
static unsigned section_dims(ssi_task_t *t, size_t elem, unsigned ndims,
                             const size_t *sec, ss_dim_t *dims)
{
    if (ndims == 0 || ndims > SS_MAX_DIMS)
        ssi_fatal(t, "a dependence with %u array sections (at most %d)", ndims,
                  SS_MAX_DIMS);
    for (unsigned j = 0; j < ndims; j++) {
        size_t ext = sec[3 * j], lo = sec[3 * j + 1], len = sec[3 * j + 2];
        if (ext == 0) /* a pointer: bounded by the section */
            ext = lo + len;
        size_t scale = j == ndims - 1 ? elem : 1;
        dims[ndims - 1 - j] = (ss_dim_t){ext * scale, lo * scale, (lo + len) * scale};
    }
    return ndims;
}

/* The common dependence of generated code (a variable, a whole shaped
 * array): contiguous by construction, so no region is built. The checks
 * are ssi_region_make's for one full dimension. */
SSI_API void ss_abi_dep_object(ss_task_t task, ss_dep_type_t type,
                               const void *addr, size_t size)
{
    ssi_task_t *t = (ssi_task_t *)task;
    uintptr_t lo = (uintptr_t)addr, hi;
    if (SSI_UNLIKELY(!size))
        return;
    if (SSI_UNLIKELY(__builtin_add_overflow(lo, size, &hi)))
        ssi_fatal(t, "malformed dependence region (a section outside its array?)");
    int rc = ssi_task_add_range(t, type, lo, hi);
    if (SSI_UNLIKELY(rc != SS_OK))
        ssi_fatal(t, "cannot record a dependence: %s", ss_strerror(rc));
}

SSI_API void ss_abi_dep_sections(ss_task_t task, ss_dep_type_t type,
                                 const void *base, size_t elem, unsigned ndims,
                                 const size_t *sec)
{
    ss_dim_t dims[SS_MAX_DIMS];
    ndims = section_dims((ssi_task_t *)task, elem, ndims, sec, dims);
    ss_abi_task_depend(task, type, base, ndims, dims);
}

/* #pragma oss release on one region of the running task. */
static void release(const void *base, unsigned ndims, const ss_dim_t *dims)
{
    ssi_worker_t *w = ssi_self;
    ssi_task_t *t = w ? w->current : NULL;
    if (!t || !t->parent || !t->ndeps)
        return; /* the implicit task, or nothing registered */
    /* The task's own children may still use the region: wait for them. */
    ss_dep_t dep = {SS_DEP_INOUT, base, ndims, dims};
    ss_taskwait_on(1, &dep);
    ssi_region_t r;
    ss_dim_t scratch[SS_MAX_DIMS];
    if (ssi_region_make(&r, base, ndims, dims, scratch) != SSI_REGION_OK)
        return;
    ssi_task_t *ready = NULL;
    ssi_deps_release_region(&w->pool, t->parent->domain, t, &r, &ready);
    if (ready) /* stealable at once: this worker is still busy with t */
        ssi_sched_push(w, ready, 0);
}

SSI_API void ss_abi_release_object(const void *addr, size_t size)
{
    ss_dim_t d = {size, 0, size};
    release(addr, 1, &d);
}

SSI_API void ss_abi_release_sections(const void *base, size_t elem,
                                     unsigned ndims, const size_t *sec)
{
    ss_dim_t dims[SS_MAX_DIMS];
    ndims = section_dims(ssi_self ? ssi_self->current : NULL, elem, ndims, sec, dims);
    release(base, ndims, dims);
}

/* The worker spawning a task of `type` when the runtime is not running
 * yet, the type is not registered or the caller is no worker: start,
 * register, or stop the program (as ss_abi_task_create does). */
static __attribute__((cold, noinline)) ssi_worker_t *spawn_caller(ss_task_type_t *type)
{
    int rc;
    ssi_worker_t *w = caller(&rc);
    if (!w)
        fatal_create(type, ss_strerror(rc));
    ssi_task_type_register(type);
    return w;
}

SSI_API void ss_abi_spawn(ss_task_type_t *type, void *args, size_t args_size,
                          unsigned max_deps, unsigned flags, int priority,
                          void (*deps)(ss_task_t task, void *args))
{
    ssi_worker_t *w = ssi_self;
    if (SSI_UNLIKELY(!ssi_running() || !w ||
                     !__atomic_load_n(&type->registered, __ATOMIC_ACQUIRE)))
        w = spawn_caller(type);
    /* In a final context the serial version runs in place, unless the type
     * has versions or a failure policy, which need the task. */
    if (!type->impl && !type->on_failure && !(type->time_out > 0) && w->current &&
        ssi_task_in_final(w->current)) {
        type->run(args);
        return;
    }
    /* The arguments are copied as the block is made (no clearing first). */
    ssi_task_t *t = ssi_task_spawn(w, type, args, args_size, max_deps, flags);
    if (SSI_UNLIKELY(!t))
        fatal_create(type, "out of memory creating it");
    if (deps)
        deps((ss_task_t)t, t->args);
    if (priority)
        t->priority = priority;
    ss_abi_task_submit((ss_task_t)t);
}

SSI_API void ss_abi_dep_file(ss_task_t task, ss_dep_type_t type, const char *path)
{
    ssi_task_t *t = (ssi_task_t *)task;
    int rc = ssi_task_add_file_dep(t, type, path);
    if (rc != SS_OK)
        ssi_fatal(t, "file dependence on '%s': %s", path ? path : "(null)",
                  rc == SS_EINVAL && (!path || !*path) ? "empty path" : ss_strerror(rc));
}

SSI_API void ss_abi_task_set_priority(ss_task_t task, int priority)
{
    ((ssi_task_t *)task)->priority = priority;
}

SSI_API void ss_abi_task_submit(ss_task_t task)
{
    ssi_task_t *t = (ssi_task_t *)task;
    if (SSI_UNLIKELY(t->type->impl) && ssi_hetero_submit(t) != SS_OK) {
        /* The message is out; stop as a failed program does. */
        fflush(NULL);
        _exit(EXIT_FAILURE);
    }
    ssi_task_submit(ssi_self, t);
}

SSI_API void ss_abi_taskwait(void)
{
    ssi_taskwait(ssi_self);
}

SSI_API int ss_abi_in_final(void)
{
    return ss_in_final();
}
