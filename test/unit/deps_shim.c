/* deps_shim.c - drives deps/deps.c directly: fake task blocks, one domain,
 * the ready lists linked through t->qnext. No worker threads, no runtime
 * start: ssi_self points at a zeroed static worker whose pool is used for
 * dims and engine records. */
#include "deps_shim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deps/deps.h"
#include "deps/region.h"
#include "task/task.h"
#include "worker/worker.h"

static ssi_worker_t it;
static ss_task_type_t shim_type = {.label = "deps-shim", .file = __FILE__, .line = __LINE__};

static ssi_domain_t *domain;
static ssi_task_t **tasks;
static int *state;
static unsigned ntasks, cap;
static unsigned errors;
static char last_error[256];

static void error(const char *fmt, int a, int b)
{
    errors++;
    snprintf(last_error, sizeof last_error, fmt, a, b);
}

static void free_task(ssi_task_t *t)
{
    for (unsigned i = 0; i < t->ndeps; i++)
        if (t->acc[i].region.dims)
            ssi_pool_free(&it.pool, t->acc[i].region.dims,
                          ssi_region_dims_bytes(&t->acc[i].region));
    free(t);
}

void shim_deps_reset(void)
{
    ssi_self = &it;
    for (unsigned i = 0; i < ntasks; i++)
        if (tasks[i])
            free_task(tasks[i]);
    free(tasks);
    free(state);
    tasks = NULL;
    state = NULL;
    ntasks = cap = 0;
    errors = 0;
    last_error[0] = 0;
    ssi_domain_destroy(&it.pool, domain);
    domain = ssi_domain_create();
    if (!domain) {
        fprintf(stderr, "deps_shim: out of memory\n");
        abort();
    }
}

static int index_of(ssi_task_t *t)
{
    return (int)(intptr_t)t->args;
}

int shim_new_task(unsigned max_deps)
{
    if (!domain)
        shim_deps_reset();
    if (ntasks == cap) {
        cap = cap ? cap * 2 : 64;
        tasks = realloc(tasks, cap * sizeof *tasks);
        state = realloc(state, cap * sizeof *state);
        if (!tasks || !state)
            abort();
    }
    ssi_task_t *t = calloc(1, sizeof(ssi_task_t) + max_deps * sizeof(ssi_access_t));
    if (!t)
        abort();
    atomic_init(&t->preds, 1);
    atomic_init(&t->alive, 1);
    t->flags = 0;
    t->type = &shim_type;
    t->max_deps = (uint16_t)max_deps;
    t->args = (void *)(intptr_t)ntasks; /* the shim's index */
    tasks[ntasks] = t;
    state[ntasks] = SHIM_CREATED;
    return (int)ntasks++;
}

int shim_add_dep(int task, ss_dep_type_t type, const void *base, unsigned ndims,
                 const ss_dim_t *dims)
{
    ssi_region_t r;
    ss_dim_t scratch[SS_MAX_DIMS];
    switch (ssi_region_make(&r, base, ndims, dims, scratch)) {
    case SSI_REGION_EMPTY: return 1;
    case SSI_REGION_BAD: return -1;
    default: break;
    }
    return ssi_task_add_dep(tasks[task], type, &r) == SS_OK ? 0 : -2;
}

int shim_add_dep_bytes(int task, ss_dep_type_t type, const void *addr, size_t len)
{
    ss_dim_t d = {len, 0, len};
    return shim_add_dep(task, type, addr, 1, &d);
}

/* Walk a ready list; mark its tasks READY; copy indices to out. */
static int take_ready(ssi_task_t *ready, int *out, int max)
{
    int n = 0;
    for (ssi_task_t *t = ready; t; t = t->qnext) {
        int i = index_of(t);
        if (i < 0 || (unsigned)i >= ntasks || tasks[i] != t) {
            error("ready list holds an unknown task (%d)", i, 0);
            break;
        }
        if (state[i] != SHIM_WAITING)
            error("task %d made ready in state %d", i, state[i]);
        if (atomic_load(&t->preds) != 0)
            error("task %d ready with preds %d", i, atomic_load(&t->preds));
        state[i] = SHIM_READY;
        if (out && n < max)
            out[n] = i;
        n++;
        if ((unsigned)n > ntasks) {
            error("ready list cycles (%d entries)", n, 0);
            break;
        }
    }
    return n;
}

int shim_submit(int task)
{
    ssi_task_t *t = tasks[task], *ready = NULL;
    if (state[task] != SHIM_CREATED)
        return -1;
    state[task] = SHIM_WAITING;
    ssi_deps_submit(&it.pool, domain, t, &ready);
    int self = 0;
    for (ssi_task_t *r = ready; r; r = r->qnext)
        if (r != t)
            error("submit of %d readied another task (%d)", task, index_of(r));
        else
            self = 1;
    take_ready(ready, NULL, 0);
    return self;
}

int shim_complete(int task, int *out, int max)
{
    ssi_task_t *t = tasks[task], *ready = NULL;
    if (!t || state[task] != SHIM_READY)
        return -1;
    ssi_deps_release(&it.pool, domain, t, &ready);
    state[task] = SHIM_DONE;
    tasks[task] = NULL;
    int n = take_ready(ready, out, max);
    free_task(t);
    return n;
}

int shim_state(int task) { return state[task]; }
unsigned shim_ntasks(void) { return ntasks; }

int shim_preds(int task)
{
    return tasks[task] ? atomic_load(&tasks[task]->preds) : -1;
}

unsigned shim_objects(void) { return ssi_domain_objects(domain); }
unsigned shim_stored(void) { return ssi_domain_stored(&it.pool, domain); }
unsigned shim_lazy(void) { return ssi_domain_lazy(domain); }
unsigned shim_errors(void) { return errors; }
const char *shim_last_error(void) { return last_error; }
