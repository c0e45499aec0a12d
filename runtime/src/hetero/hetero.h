/* hetero.h - task types with several versions, devices and constraints.
 *
 * A type is "heterogeneous" when it has more than one version, a version on
 * a device other than SMP, or constraints; type->impl then points to its
 * ssi_tinfo_t and each of its tasks carries an ssi_hx_t (constraints per
 * version, evaluated when the task is submitted). Plain types pay one test
 * of type->impl when a task is created, submitted and run.
 *
 * When a worker is about to run a heterogeneous task it picks a version:
 * among the versions whose constraints this machine can ever satisfy and
 * that can run now (a free GPU, room in the memory budget, the cores of a
 * multi-core task), one not yet calibrated for the task's data-size bucket
 * (fewest samples first), else the one with the smallest mean time. When
 * none can run now the task is parked until resources are released. */
#ifndef SSI_HETERO_H
#define SSI_HETERO_H

#include <stdio.h>

#include "core/lock.h"
#include "task/task.h"

#define SSI_MAX_VERSIONS 8
#define SSI_BUCKETS 48 /* data size buckets: floor(log2(bytes)) + 1 */

struct ssi_worker;

typedef struct ssi_cell {
    uint32_t started; /* runs started (calibration counts these) */
    uint32_t n;      /* samples: runs finished */
    double mean_ns;  /* mean; an exponential average past 32 samples */
} ssi_cell_t;

typedef struct ssi_ver {
    const char *name;
    ss_device_t device;
    void (*run)(void *args);
    ss_constraints_fn constraints;
    atomic_ulong runs, ns; /* stats */
} ssi_ver_t;

/* Owner: hetero/version.c; immutable after creation except the model and
 * counters (guarded by `lock` / atomic). */
typedef struct ssi_tinfo {
    ss_task_type_t *type;
    unsigned nver;
    ssi_ver_t ver[SSI_MAX_VERSIONS];
    unsigned hx_size;  /* bytes of each task's ssi_hx_t, rounded to 16 */
    ssi_lock_t lock; /* model */
    ssi_cell_t model[SSI_MAX_VERSIONS][SSI_BUCKETS];
    struct ssi_tinfo *next; /* all tinfos, for stats and saving */
} ssi_tinfo_t;

/* Per task, right before its argument block. */
typedef struct ssi_hx {
    uint8_t eligible;  /* versions this machine can ever run (bit mask) */
    uint8_t bucket;
    int8_t chosen;     /* -1 until picked */
    int8_t gpu;        /* the GPU held, or -1 */
    ss_constraints_t c[]; /* per version */
} ssi_hx_t;

/* Bytes reserved for the ssi_hx_t of tasks of `type` (0 for plain types),
 * a multiple of 16. */
static inline size_t ssi_hx_size(const ss_task_type_t *type)
{
    return type->impl ? ((const ssi_tinfo_t *)type->impl)->hx_size : 0;
}

static inline ssi_hx_t *ssi_task_hx(const ssi_task_t *t)
{
    return (ssi_hx_t *)((char *)t->args - ssi_hx_size(t->type));
}

/* At type registration: attach versions registered for type->func and
 * decide whether the type is heterogeneous (sets type->impl). */
void ssi_hetero_type_init(ss_task_type_t *type);

/* Before the dependences of t are registered: evaluate the constraints of
 * every version and check that at least one can ever run here. Returns
 * SS_OK, or SS_ECONSTRAINT after printing one line naming the task, the
 * unmet constraints and what the machine has. */
int ssi_hetero_submit(ssi_task_t *t);

/* Run a ready heterogeneous task on w: pick a version, hold its resources,
 * run it, release them. A task that cannot run now is parked (it runs
 * later, from the worker that frees the resources) unless it must run here
 * (undeferred or included), in which case w runs other work meanwhile. */
void ssi_hetero_run(struct ssi_worker *w, ssi_task_t *t);

/* ---- resources (hetero/resources.c) ------------------------------------ */

/* Set budgets from the machine and the settings (at start). */
void ssi_resources_init(void);

/* Can the constraints ever be met for a version on `device`? If not and
 * `why` is given, writes what fails and what the machine has. */
int ssi_resources_possible(const ss_constraints_t *c, ss_device_t device,
                           char *why, size_t cap);

/* Try to hold now what one run needs: memory, a GPU (-> *gpu), and for
 * computing_units > 1 the other workers (gang). 1 if held; 0 if not now. */
int ssi_resources_take(struct ssi_worker *w, ssi_task_t *t,
                       const ss_constraints_t *c, ss_device_t device, int *gpu);
void ssi_resources_give(struct ssi_worker *w, const ss_constraints_t *c,
                        ss_device_t device, int gpu);

/* Park t until resources are released (gen: ssi_resources_gen() read
 * before the failed take). */
unsigned ssi_resources_gen(void);
void ssi_resources_park(struct ssi_worker *w, ssi_task_t *t, unsigned gen);

/* A multi-core task waits for helpers (SSI_ATTN_GANG in ssi_attention):
 * lend the calling worker until that task is done. */
void ssi_gang_join(struct ssi_worker *w);

/* ---- model (hetero/model.c) -------------------------------------------- */

void ssi_model_load(void);                  /* SS_PERF_MODEL, at start */
void ssi_model_apply(ssi_tinfo_t *ti);      /* loaded history of a new type */
void ssi_model_add(ssi_tinfo_t *ti, unsigned v, unsigned bucket, double ns);
void ssi_model_fini(void);                  /* save, free */
void ssi_hetero_stats(FILE *out);           /* versions ran, mean times */
ssi_tinfo_t *ssi_tinfo_list(void);

#endif
