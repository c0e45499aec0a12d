/* paraver.c - the timeline as a Paraver trace: PREFIX.prv (records),
 * PREFIX.pcf (names of states, event types and values) and PREFIX.row
 * (names of CPUs, the node and threads). One node with one CPU per worker,
 * one application with one task of N threads (thread i+1 = worker i).
 * Format: see docs/tracing.md and the sources it cites. */
#include "trace/trace_priv.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* States (the numbers Extrae uses for idle, running and runtime work). */
enum { ST_IDLE = 0, ST_RUNNING = 1, ST_RUNTIME = 7 };

/* Event types: the running task's type (value = type id + 1, 0 = none)
 * and its number (the task id of the JSON file, 0 = none). */
#define EV_TASK_TYPE 90000001
#define EV_TASK_ID 90000002

typedef struct prv_rec {
    uint64_t time, end;  /* state: [time, end); event: time */
    uint64_t type_value, id_value;
    uint64_t seq;        /* emission order: breaks ties in time */
    int thread;          /* 1-based */
    int state;           /* -1: an event record */
} prv_rec_t;

typedef struct recs {
    prv_rec_t *r;
    size_t n, cap;
} recs_t;

static int add(recs_t *rs, prv_rec_t rec)
{
    if (rs->n == rs->cap) {
        size_t cap = rs->cap ? rs->cap * 2 : 4096;
        prv_rec_t *r = realloc(rs->r, cap * sizeof *r);
        if (!r)
            return -1;
        rs->r = r;
        rs->cap = cap;
    }
    rec.seq = rs->n;
    rs->r[rs->n++] = rec;
    return 0;
}

static int by_time(const void *a_, const void *b_)
{
    const prv_rec_t *a = a_, *b = b_;
    if (a->time != b->time)
        return a->time < b->time ? -1 : 1;
    if (a->thread != b->thread)
        return a->thread - b->thread;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Per worker: walk its nested intervals with a stack, emitting a state
 * record for each stretch between two boundaries (the innermost interval's
 * state, "runtime" outside all) and an event at each boundary. */
typedef struct walk {
    recs_t *rs;
    int thread;
    uint64_t cur; /* relative ns */
    const ssi_tev_t *stack[SSI_TRACE_MAX_DEPTH * 2];
    int depth, overflow;
    int err;
} walk_t;

static uint64_t rel(uint64_t t)
{
    return t > ssi_trace.origin_ns ? t - ssi_trace.origin_ns : 0;
}

static const ssi_tev_t *top(const walk_t *k)
{
    return k->depth ? k->stack[k->depth - 1] : NULL;
}

static void state_to(walk_t *k, uint64_t t)
{
    if (t <= k->cur)
        return;
    const ssi_tev_t *e = top(k);
    int st = !e ? ST_RUNTIME : e->type ? ST_RUNNING : ST_IDLE;
    k->err |= add(k->rs, (prv_rec_t){k->cur, t, 0, 0, 0, k->thread, st});
    k->cur = t;
}

static void event_now(walk_t *k)
{
    const ssi_tev_t *e = top(k);
    uint64_t tv = e && e->type ? (uint64_t)e->type->id + 1 : 0;
    uint64_t iv = e && e->type ? ssi_trace_number(e->id) : 0;
    k->err |= add(k->rs, (prv_rec_t){k->cur, k->cur, tv, iv, 0, k->thread, -1});
}

static void pop_until(walk_t *k, uint64_t t)
{
    while (k->depth && rel(top(k)->t1) <= t) {
        state_to(k, rel(top(k)->t1));
        k->depth--;
        event_now(k);
    }
}

static int walk_worker(recs_t *rs, int i)
{
    const ssi_trace_worker_t *tw = &ssi_trace.w[i];
    size_t n;
    ssi_tev_t *ev = ssi_trace_sorted_events(i, &n);
    if (!ev)
        return -1;
    walk_t k = {.rs = rs, .thread = i + 1, .cur = rel(tw->begin_ns)};
    for (size_t j = 0; j < n; j++) {
        uint64_t t0 = rel(ev[j].t0);
        pop_until(&k, t0);
        state_to(&k, t0);
        if (k.depth == (int)(sizeof k.stack / sizeof k.stack[0]))
            continue; /* deeper than shown: its parent's state goes on */
        k.stack[k.depth++] = &ev[j];
        event_now(&k);
    }
    pop_until(&k, UINT64_MAX);
    state_to(&k, rel(tw->end_ns));
    free(ev);
    return k.err;
}

static int write_prv(const char *path, const recs_t *rs, uint64_t duration, int n)
{
    FILE *f = ssi_trace_open(path);
    if (!f)
        return -1;
    char date[32];
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(date, sizeof date, "%d/%m/%y at %H:%M", &tm);
    fprintf(f, "#Paraver (%s):%llu_ns:1(%d):1:1(%d:1)\n", date,
            (unsigned long long)duration, n, n);
    /* 1:cpu:appl:task:thread:begin:end:state and
     * 2:cpu:appl:task:thread:time:type:value:type:value, cpu = thread. */
    for (size_t j = 0; j < rs->n; j++) {
        const prv_rec_t *r = &rs->r[j];
        char line[160], *p = line;
        *p++ = r->state >= 0 ? '1' : '2';
        *p++ = ':';
        p = ssi_fmt_u64(p, (uint64_t)r->thread);
        p = stpcpy(p, ":1:1:");
        p = ssi_fmt_u64(p, (uint64_t)r->thread);
        *p++ = ':';
        p = ssi_fmt_u64(p, r->time);
        *p++ = ':';
        if (r->state >= 0) {
            p = ssi_fmt_u64(p, r->end);
            *p++ = ':';
            p = ssi_fmt_u64(p, (uint64_t)r->state);
        } else {
            p = ssi_fmt_u64(p, EV_TASK_TYPE);
            *p++ = ':';
            p = ssi_fmt_u64(p, r->type_value);
            *p++ = ':';
            p = ssi_fmt_u64(p, EV_TASK_ID);
            *p++ = ':';
            p = ssi_fmt_u64(p, r->id_value);
        }
        *p++ = '\n';
        fwrite(line, 1, (size_t)(p - line), f);
    }
    return ssi_trace_close(f, path);
}

/* Every task type that appears, by id (first seen wins). */
static const ss_task_type_t **types_seen(uint32_t *ntypes)
{
    uint32_t n = 0;
    const ss_task_type_t **t = NULL;
    for (int i = 0; i < ssi_trace.nworkers; i++) {
        const ssi_tvec_t *v = &ssi_trace.w[i].events;
        for (ssi_tchunk_t *c = v->head; c; c = c->next)
            for (size_t k = 0; k < c->n; k++) {
                const ss_task_type_t *ty = ((const ssi_tev_t *)c->data)[k].type;
                if (!ty)
                    continue;
                if (ty->id >= n) {
                    uint32_t m = n ? n : 16;
                    while (m <= ty->id)
                        m *= 2;
                    const ss_task_type_t **g = realloc(t, m * sizeof *g);
                    if (!g) {
                        free(t);
                        return NULL;
                    }
                    memset(g + n, 0, (m - n) * sizeof *g);
                    t = g;
                    n = m;
                }
                if (!t[ty->id])
                    t[ty->id] = ty;
            }
    }
    *ntypes = n;
    return t ? t : calloc(1, sizeof *t);
}

static int write_pcf(const char *path)
{
    FILE *f = ssi_trace_open(path);
    if (!f)
        return -1;
    fputs("DEFAULT_OPTIONS\n\n"
          "LEVEL               THREAD\n"
          "UNITS               NANOSEC\n"
          "LOOK_BACK           100\n"
          "SPEED               1\n"
          "FLAG_ICONS          ENABLED\n"
          "NUM_OF_STATE_COLORS 1000\n"
          "YMAX_SCALE          37\n\n\n"
          "DEFAULT_SEMANTIC\n\n"
          "THREAD_FUNC         State As Is\n\n\n", f);
    fprintf(f, "STATES\n%d    Idle\n%d    Running\n%d    Runtime\n\n\n", ST_IDLE,
            ST_RUNNING, ST_RUNTIME);
    fprintf(f, "STATES_COLOR\n%d    {200,200,200}\n%d    {0,130,200}\n"
            "%d    {230,25,75}\n\n\n", ST_IDLE, ST_RUNNING, ST_RUNTIME);
    fprintf(f, "EVENT_TYPE\n0    %d    Task type\nVALUES\n0      End\n", EV_TASK_TYPE);
    uint32_t n = 0;
    const ss_task_type_t **types = types_seen(&n);
    char buf[512];
    for (uint32_t i = 0; types && i < n; i++)
        if (types[i])
            fprintf(f, "%u      %s\n", i + 1, ssi_trace_label(types[i], buf, sizeof buf));
    free(types);
    fprintf(f, "\n\nEVENT_TYPE\n0    %d    Task number\n", EV_TASK_ID);
    return ssi_trace_close(f, path);
}

static int write_row(const char *path, int n)
{
    FILE *f = ssi_trace_open(path);
    if (!f)
        return -1;
    char host[256] = "localhost";
    gethostname(host, sizeof host - 1);
    fprintf(f, "LEVEL CPU SIZE %d\n", n);
    for (int i = 0; i < n; i++)
        fprintf(f, "CPU %d\n", i + 1);
    fprintf(f, "\nLEVEL NODE SIZE 1\n%s\n\nLEVEL THREAD SIZE %d\n", host, n);
    for (int i = 0; i < n; i++)
        fprintf(f, "worker %d%s\n", i, i ? "" : " (main)");
    return ssi_trace_close(f, path);
}

int ssi_trace_write_paraver(const char *prefix)
{
    int n = ssi_trace.nworkers;
    recs_t rs = {0};
    uint64_t duration = 0;
    int err = 0;
    for (int i = 0; i < n && !err; i++) {
        err = walk_worker(&rs, i);
        uint64_t end = rel(ssi_trace.w[i].end_ns);
        if (end > duration)
            duration = end;
    }
    if (err) {
        free(rs.r);
        fprintf(stderr, "ss: warning: out of memory writing %s.prv\n", prefix);
        return -1;
    }
    for (size_t j = 0; j < rs.n; j++)
        if (rs.r[j].end > duration)
            duration = rs.r[j].end;
    qsort(rs.r, rs.n, sizeof *rs.r, by_time);
    char path[SSI_CFG_STR_MAX + 8];
    snprintf(path, sizeof path, "%s.prv", prefix);
    err = write_prv(path, &rs, duration, n);
    free(rs.r);
    snprintf(path, sizeof path, "%s.pcf", prefix);
    err |= write_pcf(path);
    snprintf(path, sizeof path, "%s.row", prefix);
    err |= write_row(path, n);
    return err;
}
