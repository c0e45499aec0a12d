/* version.c - versions of task types: registration (by type or by the
 * function name of `implements`), the per-task check at submission, and the
 * choice of a version when a task runs. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "device/cuda.h"
#include "hetero/hetero.h"
#include "sched/sched.h"
#include "worker/worker.h"

/* Versions registered before their type: by function name (generated code)
 * or by type (ss_task_type_add_version). Owner: this file; guarded by
 * reg_lock. */
typedef struct reg {
    const char *func;
    ss_task_type_t *type;
    ss_task_version_t *v;
    struct reg *next;
} reg_t;

static pthread_mutex_t reg_lock = PTHREAD_MUTEX_INITIALIZER;
static reg_t *regs, **regs_tail = &regs;
static ssi_tinfo_t *tinfos; /* all, newest first; guarded by reg_lock */

static int add_reg(const char *func, ss_task_type_t *type, ss_task_version_t *v)
{
    reg_t *r = malloc(sizeof *r);
    if (!r)
        return SS_ENOMEM;
    *r = (reg_t){func, type, v, NULL};
    *regs_tail = r;
    regs_tail = &r->next;
    return SS_OK;
}

SSI_API void ss_abi_version_register(const char *func, ss_task_version_t *version)
{
    pthread_mutex_lock(&reg_lock);
    if (add_reg(func, NULL, version) != SS_OK) {
        fprintf(stderr, "ss: fatal: out of memory registering version '%s' of '%s'\n",
                version->name, func);
        abort();
    }
    pthread_mutex_unlock(&reg_lock);
}

ssi_tinfo_t *ssi_tinfo_list(void)
{
    pthread_mutex_lock(&reg_lock);
    ssi_tinfo_t *t = tinfos;
    pthread_mutex_unlock(&reg_lock);
    return t;
}

static int has_name(const ssi_tinfo_t *ti, const char *name)
{
    for (unsigned i = 0; i < ti->nver; i++)
        if (!strcmp(ti->ver[i].name, name))
            return 1;
    return 0;
}

static void add_ver(ssi_tinfo_t *ti, const char *name, ss_device_t dev,
                    void (*run)(void *), ss_constraints_fn cons)
{
    if (ti->nver == SSI_MAX_VERSIONS || has_name(ti, name))
        return;
    ssi_ver_t *v = &ti->ver[ti->nver++];
    v->name = name;
    v->device = dev;
    v->run = run;
    v->constraints = cons;
}

static int is_hetero(const ssi_tinfo_t *ti)
{
    if (ti->nver > 1)
        return 1;
    return ti->nver == 1 && (ti->ver[0].device != SS_DEVICE_SMP || ti->ver[0].constraints);
}

static void set_hx_size(ssi_tinfo_t *ti)
{
    size_t n = sizeof(ssi_hx_t) + ti->nver * sizeof(ss_constraints_t);
    ti->hx_size = (unsigned)((n + 15) & ~(size_t)15);
}

/* Called under reg_lock. */
static void build(ss_task_type_t *type)
{
    ssi_tinfo_t *ti = calloc(1, sizeof *ti);
    if (!ti) {
        fprintf(stderr, "ss: fatal: out of memory registering task type '%s'\n",
                type->label ? type->label : "(unlabelled)");
        abort();
    }
    ti->type = type;
    if (type->run || type->device != SS_DEVICE_SMP) {
        const char *n = type->func ? type->func : type->label ? type->label : "task";
        add_ver(ti, n, type->device, type->run, type->constraints);
    }
    for (reg_t *r = regs; r; r = r->next)
        if (r->type == type || (!r->type && type->func && !strcmp(r->func, type->func)))
            add_ver(ti, r->v->name, r->v->device, r->v->run, r->v->constraints);
    if (!is_hetero(ti)) {
        free(ti);
        return;
    }
    set_hx_size(ti);
    ssi_model_apply(ti);
    ti->next = tinfos;
    tinfos = ti;
    type->impl = ti;
}

void ssi_hetero_type_init(ss_task_type_t *type)
{
    pthread_mutex_lock(&reg_lock);
    build(type);
    pthread_mutex_unlock(&reg_lock);
}

SSI_API int ss_task_type_add_version(ss_task_type_t *type, ss_task_version_t *version)
{
    if (!type || !version || !version->name || !version->run ||
        (version->device != SS_DEVICE_SMP && version->device != SS_DEVICE_CUDA))
        return SS_EINVAL;
    int rc = SS_OK;
    pthread_mutex_lock(&reg_lock);
    ssi_tinfo_t *ti = type->impl;
    for (reg_t *r = regs; r; r = r->next)
        if (r->type == type && !strcmp(r->v->name, version->name))
            rc = SS_EINVAL;
    if (ti && has_name(ti, version->name))
        rc = SS_EINVAL;
    if (rc == SS_OK)
        rc = add_reg(NULL, type, version);
    if (rc == SS_OK && __atomic_load_n(&type->registered, __ATOMIC_ACQUIRE)) {
        if (ti) { /* no task of it yet (documented): grow in place */
            add_ver(ti, version->name, version->device, version->run,
                    version->constraints);
            set_hx_size(ti);
        } else {
            build(type);
        }
    }
    pthread_mutex_unlock(&reg_lock);
    return rc;
}

/* ---- submission ---------------------------------------------------------- */

static unsigned bucket_of(const ssi_task_t *t)
{
    uint64_t bytes = 0;
    for (unsigned i = 0; i < t->ndeps; i++)
        bytes += t->acc[i].region.hi - t->acc[i].region.lo;
    unsigned b = bytes ? 64 - (unsigned)__builtin_clzll(bytes) : 0;
    return b < SSI_BUCKETS ? b : SSI_BUCKETS - 1;
}

static const char *dev_name(ss_device_t d)
{
    return d == SS_DEVICE_CUDA ? "cuda" : "smp";
}

int ssi_hetero_submit(ssi_task_t *t)
{
    ssi_tinfo_t *ti = t->type->impl;
    ssi_hx_t *hx = ssi_task_hx(t);
    hx->eligible = 0;
    hx->chosen = -1;
    hx->gpu = -1;
    hx->bucket = (uint8_t)bucket_of(t);
    for (unsigned v = 0; v < ti->nver; v++) {
        memset(&hx->c[v], 0, sizeof hx->c[v]);
        if (ti->ver[v].constraints)
            ti->ver[v].constraints(t->args, &hx->c[v]);
        if (ssi_resources_possible(&hx->c[v], ti->ver[v].device, NULL, 0))
            hx->eligible |= (uint8_t)(1u << v);
    }
    if (hx->eligible)
        return SS_OK;
    char msg[1024];
    size_t len = 0;
    for (unsigned v = 0; v < ti->nver && len < sizeof msg; v++) {
        char why[256];
        ssi_resources_possible(&hx->c[v], ti->ver[v].device, why, sizeof why);
        len += (size_t)snprintf(msg + len, sizeof msg - len, "%sversion '%s' (%s): %s",
                                v ? "; " : "", ti->ver[v].name,
                                dev_name(ti->ver[v].device), why);
    }
    const ss_task_type_t *ty = t->type;
    fprintf(stderr, "ss: error: task '%s' (%s:%u): no version can run on this machine: %s\n",
            ty->label ? ty->label : "(unlabelled)", ty->file ? ty->file : "?",
            ty->line, msg);
    return SS_ECONSTRAINT;
}

/* ---- choice and run ------------------------------------------------------ */

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* The preferred eligible version outside `skip`: the one with the fewest
 * runs started while some are still calibrating (a start counts at once, so
 * concurrent tasks spread over the versions), else the one with the
 * smallest mean time, else (means not known yet) the least started. -1 if
 * none is left. Called under ti->lock. */
static int pick(ssi_tinfo_t *ti, const ssi_hx_t *hx, unsigned skip)
{
    unsigned calib = (unsigned)ssi_rt.cfg.calibration;
    int explore = -1, fast = -1, any = -1;
    for (unsigned v = 0; v < ti->nver; v++) {
        if (!(hx->eligible & (1u << v)) || (skip & (1u << v)))
            continue;
        const ssi_cell_t *c = &ti->model[v][hx->bucket];
        if (c->started < calib &&
            (explore < 0 || c->started < ti->model[explore][hx->bucket].started))
            explore = (int)v;
        if (c->n && (fast < 0 || c->mean_ns < ti->model[fast][hx->bucket].mean_ns))
            fast = (int)v;
        if (any < 0 || c->started < ti->model[any][hx->bucket].started)
            any = (int)v;
    }
    return explore >= 0 ? explore : fast >= 0 ? fast : any;
}

/* Pick and hold a version for t; 1 on success. */
static int choose(ssi_worker_t *w, ssi_task_t *t)
{
    ssi_tinfo_t *ti = t->type->impl;
    ssi_hx_t *hx = ssi_task_hx(t);
    unsigned skip = 0;
    for (;;) {
        ssi_lock(&ti->lock);
        int v = pick(ti, hx, skip);
        ssi_unlock(&ti->lock);
        if (v < 0)
            return 0;
        int gpu = -1;
        if (ssi_resources_take(w, t, &hx->c[v], ti->ver[v].device, &gpu)) {
            ssi_lock(&ti->lock);
            ti->model[v][hx->bucket].started++;
            ssi_unlock(&ti->lock);
            hx->chosen = (int8_t)v;
            hx->gpu = (int8_t)gpu;
            return 1;
        }
        skip |= 1u << v;
    }
}

void ssi_hetero_run(ssi_worker_t *w, ssi_task_t *t)
{
    unsigned gen = ssi_resources_gen();
    if (!choose(w, t)) {
        if (!(t->flags & (SS_TASK_UNDEFERRED | SSI_TASK_INCLUDED))) {
            ssi_resources_park(w, t, gen);
            return;
        }
        /* Must run here: run other work until resources free up. */
        for (unsigned idle = 0; !choose(w, t);) {
            ssi_task_t *o = ssi_sched_get(w);
            if (o) {
                ssi_task_run(w, o);
                idle = 0;
            } else {
                ssi_worker_flush(w);
                ssi_backoff(idle++);
            }
        }
    }
    ssi_tinfo_t *ti = t->type->impl;
    ssi_hx_t *hx = ssi_task_hx(t);
    unsigned v = (unsigned)hx->chosen, bucket = hx->bucket;
    int gpu = hx->gpu;
    ss_constraints_t c = hx->c[v]; /* t may be freed by the run */
    ssi_ver_t *ver = &ti->ver[v];
    uint64_t t0 = now_ns();
    ssi_task_run_version(w, t, ver->run, ver->device == SS_DEVICE_CUDA ? gpu : -1);
    uint64_t ns = now_ns() - t0;
    ssi_resources_give(w, &c, ver->device, gpu);
    atomic_fetch_add_explicit(&ver->runs, 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&ver->ns, ns, memory_order_relaxed);
    ssi_model_add(ti, v, bucket, (double)ns);
}
