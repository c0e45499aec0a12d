/* resources.c - what tasks may hold while they run: cores (a task with
 * computing_units N holds N - 1 workers besides its own), memory (a
 * budget), GPUs (one task at a time each); the static check of constraints
 * against the machine; and the tasks parked until something is released.
 *
 * Owner of all state here: this file. Budgets are atomics; the gang and the
 * parked list have their own locks. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "device/cuda.h"
#include "fail/fail.h"
#include "hetero/hetero.h"
#include "hw/topology.h"
#include "sched/sched.h"
#include "worker/worker.h"

#define SSI_MAX_GPUS 16

static struct {
    uint64_t budget;           /* bytes for memory_size */
    _Atomic uint64_t mem_free;
    atomic_int gpu_busy[SSI_MAX_GPUS];
    atomic_uint gen;           /* bumped by every release */
    ssi_lock_t park_lock;
    ssi_task_t *parked;
} res;

/* The multi-core task being started: its leader waits until `need` other
 * workers joined; they stay out of work until `seq` moves. */
static struct {
    ssi_lock_t lock;
    ssi_task_t *task;
    int need, joined;
    atomic_uint seq;
} gang;

void ssi_resources_init(void)
{
    uint64_t mem = ssi_rt.cfg.memory_mb ? (uint64_t)ssi_rt.cfg.memory_mb << 20
                                        : ssi_machine.memory;
    res.budget = mem;
    atomic_store(&res.mem_free, mem);
    for (int i = 0; i < SSI_MAX_GPUS; i++)
        atomic_store(&res.gpu_busy[i], 0);
    res.parked = NULL;
    atomic_fetch_and(&ssi_attention, ~SSI_ATTN_GANG);
    gang.task = NULL;
}

static uint64_t gb_bytes(double gb)
{
    return gb > 0 ? (uint64_t)(gb * 1073741824.0 + 0.5) : 0;
}

/* Is every comma-separated word of `want` in the comma-separated `have`? */
static int features_met(const char *want, const char *have, char *missing, size_t cap)
{
    const char *p = want;
    while (*p) {
        while (*p == ',' || *p == ' ')
            p++;
        size_t n = strcspn(p, ", ");
        if (!n)
            break;
        int found = 0;
        for (const char *h = have; *h && !found;) {
            while (*h == ',' || *h == ' ')
                h++;
            size_t m = strcspn(h, ", ");
            found = m == n && !strncmp(h, p, n);
            h += m;
        }
        if (!found) {
            snprintf(missing, cap, "%.*s", (int)n, p);
            return 0;
        }
        p += n;
    }
    return 1;
}

static int contains_nocase(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (!strncasecmp(hay, needle, n))
            return 1;
    return !n;
}

#define FAIL(...)                                                             \
    do {                                                                      \
        if (why)                                                              \
            snprintf(why, cap, __VA_ARGS__);                                  \
        return 0;                                                             \
    } while (0)

int ssi_resources_possible(const ss_constraints_t *c, ss_device_t device,
                           char *why, size_t cap)
{
    const ssi_machine_t *m = &ssi_machine;
    if (device == SS_DEVICE_CUDA && ssi_cuda_count() == 0)
        FAIL("needs a CUDA device; this machine has none (%s)", ssi_cuda_why_none());
    if (c->computing_units > (unsigned)ssi_rt.nworkers)
        FAIL("needs computing_units(%u); the runtime has %d workers on %d cores "
             "(%d reserved)", c->computing_units, ssi_rt.nworkers, m->cores, m->reserved);
    if (gb_bytes(c->memory_size) > res.budget)
        FAIL("needs memory_size(%g GB); the memory budget is %.3g GB", c->memory_size,
             res.budget / 1073741824.0);
    if (c->processor_architecture && strcmp(c->processor_architecture, m->arch))
        FAIL("needs processor_architecture(\"%s\"); this machine is %s",
             c->processor_architecture, m->arch);
    if (c->processor_type) {
        const char *have = device == SS_DEVICE_CUDA ? "GPU" : "CPU";
        if (strcasecmp(c->processor_type, have))
            FAIL("needs processor_type(\"%s\"); a %s version runs on a %s",
                 c->processor_type, device == SS_DEVICE_CUDA ? "cuda" : "smp", have);
    }
    if (c->processor_name && !contains_nocase(m->cpu_model, c->processor_name))
        FAIL("needs processor_name(\"%s\"); the processor is %s", c->processor_name,
             m->cpu_model);
    if (c->processor_speed > 0 && m->ghz > 0 && c->processor_speed > m->ghz + 1e-9)
        FAIL("needs processor_speed(%g GHz); the processor runs at %.2f GHz",
             c->processor_speed, m->ghz);
    if (c->processor_speed > 0 && m->ghz <= 0)
        FAIL("needs processor_speed(%g GHz); this machine does not tell its speed",
             c->processor_speed);
    char missing[128];
    if (c->app_software && !features_met(c->app_software, ssi_rt.cfg.features, missing,
                                         sizeof missing))
        FAIL("needs app_software \"%s\"; SS_FEATURES is \"%s\"", missing,
             ssi_rt.cfg.features);
    if (why && cap)
        why[0] = 0;
    return 1;
}

/* ---- gangs --------------------------------------------------------------- */

/* Become the leader of a gang of `units` workers for t: 0 if another gang
 * is forming or running. Waits for the helpers. */
static int gang_lead(ssi_task_t *t, unsigned units)
{
    ssi_lock(&gang.lock);
    if (gang.task) {
        ssi_unlock(&gang.lock);
        return 0;
    }
    gang.task = t;
    gang.need = (int)units - 1;
    gang.joined = 0;
    atomic_fetch_or(&ssi_attention, SSI_ATTN_GANG);
    ssi_unlock(&gang.lock);
    ssi_sched_wake_all();
    for (unsigned n = 0;; n++) {
        ssi_lock(&gang.lock);
        int done = gang.joined >= gang.need;
        if (done)
            atomic_fetch_and(&ssi_attention, ~SSI_ATTN_GANG);
        ssi_unlock(&gang.lock);
        if (done)
            return 1;
        ssi_backoff(n);
    }
}

static void gang_end(void)
{
    ssi_lock(&gang.lock);
    gang.task = NULL;
    atomic_fetch_add(&gang.seq, 1);
    ssi_unlock(&gang.lock);
}

void ssi_gang_join(ssi_worker_t *w)
{
    ssi_lock(&gang.lock);
    if (!gang.task || gang.joined >= gang.need) {
        ssi_unlock(&gang.lock);
        return;
    }
    gang.joined++;
    unsigned seq = atomic_load(&gang.seq);
    ssi_unlock(&gang.lock);
    /* Lent: no work of our own until the gang's task is done. */
    for (unsigned n = 0; atomic_load(&gang.seq) == seq && !ssi_sched_stopping(); n++) {
        if (atomic_load_explicit(&ssi_attention, memory_order_relaxed) & SSI_ATTN_FAILING)
            ssi_fail_park(w);
        ssi_backoff(n);
    }
}

/* ---- take and give ------------------------------------------------------- */

static int take_memory(uint64_t need)
{
    uint64_t f = atomic_load(&res.mem_free);
    while (f >= need)
        if (atomic_compare_exchange_weak(&res.mem_free, &f, f - need))
            return 1;
    return 0;
}

static int take_gpu(void)
{
    int n = ssi_cuda_count();
    for (int i = 0; i < n && i < SSI_MAX_GPUS; i++) {
        int z = 0;
        if (atomic_compare_exchange_strong(&res.gpu_busy[i], &z, 1))
            return i;
    }
    return -1;
}

int ssi_resources_take(ssi_worker_t *w, ssi_task_t *t, const ss_constraints_t *c,
                       ss_device_t device, int *gpu)
{
    (void)w;
    uint64_t mem = gb_bytes(c->memory_size);
    *gpu = -1;
    if (mem && !take_memory(mem))
        return 0;
    if (device == SS_DEVICE_CUDA && (*gpu = take_gpu()) < 0) {
        if (mem)
            atomic_fetch_add(&res.mem_free, mem);
        return 0;
    }
    if (c->computing_units > 1 && !gang_lead(t, c->computing_units)) {
        if (mem)
            atomic_fetch_add(&res.mem_free, mem);
        if (*gpu >= 0)
            atomic_store(&res.gpu_busy[*gpu], 0);
        *gpu = -1;
        return 0;
    }
    return 1;
}

unsigned ssi_resources_gen(void)
{
    return atomic_load(&res.gen);
}

static void unpark(ssi_worker_t *w)
{
    ssi_lock(&res.park_lock);
    ssi_task_t *list = res.parked;
    res.parked = NULL;
    ssi_unlock(&res.park_lock);
    if (list)
        ssi_sched_push(w, list, 0);
}

void ssi_resources_give(ssi_worker_t *w, const ss_constraints_t *c,
                        ss_device_t device, int gpu)
{
    uint64_t mem = gb_bytes(c->memory_size);
    int released = 0;
    if (mem) {
        atomic_fetch_add(&res.mem_free, mem);
        released = 1;
    }
    if (device == SS_DEVICE_CUDA && gpu >= 0) {
        atomic_store(&res.gpu_busy[gpu], 0);
        released = 1;
    }
    if (c->computing_units > 1) {
        gang_end();
        released = 1;
    }
    if (released) {
        atomic_fetch_add(&res.gen, 1);
        unpark(w);
    }
}

void ssi_resources_park(ssi_worker_t *w, ssi_task_t *t, unsigned gen)
{
    ssi_lock(&res.park_lock);
    t->qnext = res.parked;
    res.parked = t;
    ssi_unlock(&res.park_lock);
    /* A release between the failed take and the park found nothing to
     * wake: look again. */
    if (atomic_load(&res.gen) != gen)
        unpark(w);
}
