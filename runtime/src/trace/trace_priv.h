/* trace_priv.h - what the files of trace/ share: the per-worker record
 * buffers, the record types, and the writers called at finalize. Not for
 * the rest of the runtime (which uses trace.h). */
#ifndef SSI_TRACE_PRIV_H
#define SSI_TRACE_PRIV_H

#include <stdint.h>
#include <stdio.h>

#include "trace/trace.h"

/* A growable array of fixed-size records in 64 KiB chunks, owned by one
 * worker: push never moves what it returned before and takes no lock. */
typedef struct ssi_tchunk {
    struct ssi_tchunk *next;
    size_t n;
    uint64_t data[]; /* records, 8-byte aligned */
} ssi_tchunk_t;

typedef struct ssi_tvec {
    ssi_tchunk_t *head, *tail;
    size_t count;  /* records pushed */
    size_t lost;   /* records dropped because malloc failed */
    unsigned size; /* bytes per record, a multiple of 8 */
    unsigned cap;  /* records per chunk */
} ssi_tvec_t;

void ssi_tvec_init(ssi_tvec_t *v, unsigned size);
void ssi_tvec_free(ssi_tvec_t *v);
void *ssi_tvec_grow(ssi_tvec_t *v); /* push into a new chunk */

/* Room for one more record, or NULL (counted in lost) without memory. */
static inline void *ssi_tvec_push(ssi_tvec_t *v)
{
    ssi_tchunk_t *c = v->tail;
    if (SSI_LIKELY(c && c->n < v->cap)) {
        v->count++;
        return (char *)c->data + c->n++ * v->size;
    }
    return ssi_tvec_grow(v);
}

/* Copy every record, in push order, to dst (count * size bytes). */
void ssi_tvec_copy(const ssi_tvec_t *v, void *dst);

/* One interval of a worker's timeline: a task body (type != NULL) or an
 * idle stretch (type == NULL, id 0). Absolute CLOCK_MONOTONIC ns. Tasks
 * run inside a taskwait nest inside the waiting task's interval, and idle
 * stretches of that taskwait too: the intervals of one worker nest. */
typedef struct ssi_tev {
    uint64_t t0, t1;
    uint64_t id;
    const ss_task_type_t *type;
} ssi_tev_t;

/* Worker i's intervals sorted by start, an outer one before those it
 * contains (malloc'd, *n of them; NULL without memory). */
ssi_tev_t *ssi_trace_sorted_events(int i, size_t *n);

/* A task of the graph and a dependence edge, by trace id. */
typedef struct ssi_tnode {
    uint64_t id;
    const ss_task_type_t *type;
} ssi_tnode_t;

typedef struct ssi_tedge {
    uint64_t pred, succ;
} ssi_tedge_t;

/* Tasks run and their own time (nested tasks and idle waits excluded),
 * per task type, indexed by the type's id. */
typedef struct ssi_tstat {
    const ss_task_type_t *type;
    uint64_t count, self_ns;
} ssi_tstat_t;

/* A trace id is the creating worker's index above SSI_TRACE_SEQ_BITS and
 * its creation count below: unique without a shared counter. */
#define SSI_TRACE_SEQ_BITS 40
#define SSI_TRACE_MAX_DEPTH 64

typedef struct ssi_trace_worker {
    ssi_tvec_t events; /* ssi_tev_t */
    ssi_tvec_t nodes;  /* ssi_tnode_t */
    ssi_tvec_t edges;  /* ssi_tedge_t */
    uint64_t created;  /* tasks created by this worker (ids given) */
    uint64_t begin_ns, end_ns; /* the worker's life */
    uint64_t idle_since;       /* 0: not idle */
    unsigned depth;            /* task bodies running on this worker */
    /* nested[d]: time of the tasks and idle waits inside the body running
     * at depth d (clamped to SSI_TRACE_MAX_DEPTH - 1) */
    uint64_t nested[SSI_TRACE_MAX_DEPTH];
    uint64_t tasks, busy_ns, idle_ns, idle_in_task_ns;
    ssi_tstat_t *stat;
    unsigned nstat;
    unsigned long peak_pending;
    uint64_t phase_ticks[SSI_PH_COUNT], phase_count[SSI_PH_COUNT];
} __attribute__((aligned(64))) ssi_trace_worker_t;

/* Dense task number (1, 2, ...) of a trace id: worker 0's tasks first, in
 * creation order, then worker 1's, and so on. Valid during ssi_trace_fini. */
uint64_t ssi_trace_number(uint64_t id);
uint64_t ssi_trace_total_tasks(void); /* the largest number */

/* Worker i's life split into task bodies (idle waits inside them
 * excluded), idle, and the rest (the runtime; on worker 0 also the main
 * program's own code), in ns. */
void ssi_trace_worker_times(int i, uint64_t *task, uint64_t *idle, uint64_t *rest);

/* The name shown for a task type: its label, else "file:line". */
const char *ssi_trace_label(const ss_task_type_t *type, char *buf, size_t cap);

/* Fast number formatting for the writers (fprintf is most of their time):
 * the decimal digits of v, or ns as microseconds with three decimals
 * ("12.345"), written at p; return the end (no NUL). */
char *ssi_fmt_u64(char *p, uint64_t v);
char *ssi_fmt_us(char *p, uint64_t ns);

/* Writers (0 on success; a failure prints a warning naming the file). */
int ssi_trace_write_json(const char *path);
int ssi_trace_write_paraver(const char *prefix);
int ssi_trace_write_graph(const char *path, long limit);
void ssi_trace_print_stats(FILE *out);
void ssi_trace_print_phases(FILE *out);
void ssi_phases_start(void);

/* Open a file for writing with a large buffer, or warn and return NULL;
 * close it, warning on a write error (returns 0 or -1). */
FILE *ssi_trace_open(const char *path);
int ssi_trace_close(FILE *f, const char *path);

#endif
