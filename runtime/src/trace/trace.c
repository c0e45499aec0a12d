/* trace.c - the trace subsystem's state: settings to features, per-worker
 * record buffers, the out-of-line halves of the hooks, and finalize, which
 * hands the records to the writers (json.c, paraver.c, graph.c, stats.c). */
#include "trace/trace_priv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

ssi_trace_global_t ssi_trace;

/* Task numbers: base[w] + creation count. Owner: ssi_trace_fini. */
static uint64_t *number_base;
static uint64_t number_total;

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* ---- record buffers ----------------------------------------------------- */

#define CHUNK_BYTES (64u * 1024u)

void ssi_tvec_init(ssi_tvec_t *v, unsigned size)
{
    memset(v, 0, sizeof *v);
    v->size = size;
    v->cap = (unsigned)((CHUNK_BYTES - sizeof(ssi_tchunk_t)) / size);
}

void *ssi_tvec_grow(ssi_tvec_t *v)
{
    ssi_tchunk_t *c = malloc(CHUNK_BYTES);
    if (!c) {
        v->lost++;
        return NULL;
    }
    c->next = NULL;
    c->n = 1;
    if (v->tail)
        v->tail->next = c;
    else
        v->head = c;
    v->tail = c;
    v->count++;
    return c->data;
}

void ssi_tvec_copy(const ssi_tvec_t *v, void *dst)
{
    char *d = dst;
    for (ssi_tchunk_t *c = v->head; c; c = c->next) {
        memcpy(d, c->data, c->n * v->size);
        d += c->n * v->size;
    }
}

void ssi_tvec_free(ssi_tvec_t *v)
{
    for (ssi_tchunk_t *c = v->head, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    v->head = v->tail = NULL;
    v->count = 0;
}

/* ---- hooks -------------------------------------------------------------- */

static ssi_trace_worker_t *me(ssi_worker_t *w)
{
    return &ssi_trace.w[w->id];
}

void ssi_trace_created_slow(ssi_worker_t *w, ssi_task_t *t)
{
    ssi_trace_worker_t *tw = me(w);
    unsigned mask = ssi_trace.mask;
    if (mask & SSI_TR_IDS) {
        uint64_t id = ((uint64_t)w->id << SSI_TRACE_SEQ_BITS) | ++tw->created;
        *ssi_trace_id_slot(t) = id;
        ssi_tnode_t *n;
        if ((mask & SSI_TR_GRAPH) && (n = ssi_tvec_push(&tw->nodes))) {
            n->id = id;
            n->type = t->type;
        }
    }
    if (mask & SSI_TR_STATS) {
        unsigned long p = ssi_pending_tasks();
        if (p > tw->peak_pending)
            tw->peak_pending = p;
    }
}

static unsigned depth_slot(unsigned depth)
{
    return depth < SSI_TRACE_MAX_DEPTH ? depth : SSI_TRACE_MAX_DEPTH - 1;
}

static void close_idle(ssi_trace_worker_t *tw, uint64_t t)
{
    uint64_t d = t - tw->idle_since;
    tw->idle_ns += d;
    if (tw->depth) {
        tw->idle_in_task_ns += d;
        tw->nested[depth_slot(tw->depth)] += d;
    }
    ssi_tev_t *e;
    if ((ssi_trace.mask & SSI_TR_TIMELINE) && (e = ssi_tvec_push(&tw->events))) {
        e->t0 = tw->idle_since;
        e->t1 = t;
        e->id = 0;
        e->type = NULL;
    }
    tw->idle_since = 0;
}

uint64_t ssi_trace_task_begin(ssi_worker_t *w)
{
    ssi_trace_worker_t *tw = me(w);
    uint64_t t = now_ns();
    if (tw->idle_since)
        close_idle(tw, t);
    tw->nested[depth_slot(++tw->depth)] = 0;
    return t;
}

static void stat_add(ssi_trace_worker_t *tw, const ss_task_type_t *type, uint64_t ns)
{
    uint32_t id = type->id;
    if (id >= tw->nstat) {
        unsigned n = tw->nstat ? tw->nstat : 16;
        while (n <= id)
            n *= 2;
        ssi_tstat_t *s = realloc(tw->stat, n * sizeof *s);
        if (!s)
            return; /* the statistics miss this task */
        memset(s + tw->nstat, 0, (n - tw->nstat) * sizeof *s);
        tw->stat = s;
        tw->nstat = n;
    }
    tw->stat[id].type = type;
    tw->stat[id].count++;
    tw->stat[id].self_ns += ns;
}

void ssi_trace_task_end(ssi_worker_t *w, ssi_task_t *t, uint64_t t0)
{
    ssi_trace_worker_t *tw = me(w);
    uint64_t t1 = now_ns(), d = t1 - t0;
    uint64_t self = d - tw->nested[depth_slot(tw->depth)];
    if (--tw->depth)
        tw->nested[depth_slot(tw->depth)] += d;
    else
        tw->busy_ns += d;
    tw->tasks++;
    ssi_tev_t *e;
    if ((ssi_trace.mask & SSI_TR_TIMELINE) && (e = ssi_tvec_push(&tw->events))) {
        e->t0 = t0;
        e->t1 = t1;
        e->id = *ssi_trace_id_slot(t);
        e->type = t->type;
    }
    if (ssi_trace.mask & SSI_TR_STATS)
        stat_add(tw, t->type, self);
}

void ssi_trace_idle_slow(ssi_worker_t *w)
{
    ssi_trace_worker_t *tw = me(w);
    if (!tw->idle_since)
        tw->idle_since = now_ns();
}

void ssi_trace_idle_end_slow(ssi_worker_t *w)
{
    ssi_trace_worker_t *tw = me(w);
    if (tw->idle_since)
        close_idle(tw, now_ns());
}

void ssi_trace_worker_begin_slow(ssi_worker_t *w)
{
    me(w)->begin_ns = now_ns();
}

void ssi_trace_worker_end_slow(ssi_worker_t *w)
{
    ssi_trace_worker_t *tw = me(w);
    uint64_t t = now_ns();
    if (tw->idle_since)
        close_idle(tw, t);
    tw->end_ns = t;
}

/* ---- start and finalize ------------------------------------------------- */

void ssi_trace_init(int nworkers)
{
    const ssi_config_t *cfg = &ssi_rt.cfg;
    unsigned mask = 0;
    if (cfg->trace != SSI_TRACE_OFF)
        mask |= SSI_TR_TIMELINE;
    if (cfg->graph[0])
        mask |= SSI_TR_GRAPH;
    if (cfg->stats)
        mask |= SSI_TR_STATS;
    if (cfg->profile)
        mask |= SSI_TR_PHASES;
    if (!mask)
        return;
#ifdef SSI_TRACE_DISABLED
    fprintf(stderr, "ss: warning: SS_TRACE, SS_GRAPH, SS_STATS and SS_PROFILE have no effect: "
            "this libssrt was built with SS_TRACE_HOOKS=OFF\n");
    return;
#endif
    ssi_trace_worker_t *w = aligned_alloc(64, (size_t)nworkers * sizeof *w);
    if (!w) {
        fprintf(stderr, "ss: warning: out of memory starting the trace; "
                "tracing is off\n");
        return;
    }
    memset(w, 0, (size_t)nworkers * sizeof *w);
    for (int i = 0; i < nworkers; i++) {
        ssi_tvec_init(&w[i].events, sizeof(ssi_tev_t));
        ssi_tvec_init(&w[i].nodes, sizeof(ssi_tnode_t));
        ssi_tvec_init(&w[i].edges, sizeof(ssi_tedge_t));
    }
    ssi_trace.w = w;
    ssi_trace.nworkers = nworkers;
    ssi_trace.origin_ns = now_ns();
    if (mask & SSI_TR_PHASES)
        ssi_phases_start();
    w[0].begin_ns = ssi_trace.origin_ns;
    ssi_trace.mask = mask;
}

uint64_t ssi_trace_number(uint64_t id)
{
    uint64_t wid = id >> SSI_TRACE_SEQ_BITS;
    uint64_t seq = id & ((UINT64_C(1) << SSI_TRACE_SEQ_BITS) - 1);
    return wid < (uint64_t)ssi_trace.nworkers ? number_base[wid] + seq : 0;
}

uint64_t ssi_trace_total_tasks(void)
{
    return number_total;
}

void ssi_trace_worker_times(int i, uint64_t *task, uint64_t *idle, uint64_t *rest)
{
    const ssi_trace_worker_t *tw = &ssi_trace.w[i];
    uint64_t life = tw->end_ns > tw->begin_ns ? tw->end_ns - tw->begin_ns : 0;
    *task = tw->busy_ns - tw->idle_in_task_ns;
    *idle = tw->idle_ns;
    *rest = life > *task + *idle ? life - *task - *idle : 0;
}

static int by_start(const void *a_, const void *b_)
{
    const ssi_tev_t *a = a_, *b = b_;
    if (a->t0 != b->t0)
        return a->t0 < b->t0 ? -1 : 1;
    return a->t1 > b->t1 ? -1 : a->t1 < b->t1;
}

ssi_tev_t *ssi_trace_sorted_events(int i, size_t *n)
{
    const ssi_tvec_t *v = &ssi_trace.w[i].events;
    *n = v->count - v->lost;
    ssi_tev_t *ev = malloc((*n ? *n : 1) * sizeof *ev);
    if (ev) {
        ssi_tvec_copy(v, ev);
        qsort(ev, *n, sizeof *ev, by_start);
    }
    return ev;
}

const char *ssi_trace_label(const ss_task_type_t *type, char *buf, size_t cap)
{
    if (!type)
        return "?";
    if (type->label && *type->label)
        return type->label;
    snprintf(buf, cap, "%s:%u", type->file ? type->file : "?", type->line);
    return buf;
}

char *ssi_fmt_u64(char *p, uint64_t v)
{
    char tmp[24];
    int n = 0;
    do
        tmp[n++] = (char)('0' + v % 10);
    while (v /= 10);
    while (n)
        *p++ = tmp[--n];
    return p;
}

char *ssi_fmt_us(char *p, uint64_t ns)
{
    p = ssi_fmt_u64(p, ns / 1000);
    unsigned frac = (unsigned)(ns % 1000);
    p[0] = '.';
    p[1] = (char)('0' + frac / 100);
    p[2] = (char)('0' + frac / 10 % 10);
    p[3] = (char)('0' + frac % 10);
    return p + 4;
}

FILE *ssi_trace_open(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "ss: warning: cannot write %s: %s\n", path, strerror(errno));
        return NULL;
    }
    setvbuf(f, NULL, _IOFBF, 1 << 20);
    return f;
}

int ssi_trace_close(FILE *f, const char *path)
{
    int bad = ferror(f);
    if (fclose(f) || bad) {
        fprintf(stderr, "ss: warning: error writing %s\n", path);
        return -1;
    }
    return 0;
}

static void write_files(void)
{
    const ssi_config_t *cfg = &ssi_rt.cfg;
    unsigned mask = ssi_trace.mask;
    if (mask & SSI_TR_TIMELINE) {
        if (cfg->trace & SSI_TRACE_JSON) {
            char path[SSI_CFG_STR_MAX + 8];
            snprintf(path, sizeof path, "%s.json", cfg->trace_file);
            ssi_trace_write_json(path);
        }
        if (cfg->trace & SSI_TRACE_PARAVER)
            ssi_trace_write_paraver(cfg->trace_file);
    }
    if (mask & SSI_TR_GRAPH)
        ssi_trace_write_graph(cfg->graph, cfg->graph_limit);
    if (mask & SSI_TR_STATS)
        ssi_trace_print_stats(stderr);
    if (mask & SSI_TR_PHASES)
        ssi_trace_print_phases(stderr);
    size_t lost = 0;
    for (int i = 0; i < ssi_trace.nworkers; i++)
        lost += ssi_trace.w[i].events.lost + ssi_trace.w[i].nodes.lost +
                ssi_trace.w[i].edges.lost;
    if (lost)
        fprintf(stderr, "ss: warning: the trace misses %zu records (out of memory)\n",
                lost);
}

void ssi_trace_fini(void)
{
    if (!ssi_trace.mask)
        return;
    ssi_trace_worker_t *w0 = &ssi_trace.w[0];
    uint64_t end = now_ns();
    if (w0->idle_since)
        close_idle(w0, end);
    w0->end_ns = end;
    /* Workers that failed to start have empty buffers. */
    if (ssi_rt.nworkers < ssi_trace.nworkers)
        ssi_trace.nworkers = ssi_rt.nworkers;
    number_base = calloc((size_t)ssi_trace.nworkers, sizeof *number_base);
    if (number_base) {
        number_total = 0;
        for (int i = 0; i < ssi_trace.nworkers; i++) {
            number_base[i] = number_total;
            number_total += ssi_trace.w[i].created;
        }
        write_files();
    } else {
        fprintf(stderr, "ss: warning: out of memory writing the trace\n");
    }
    free(number_base);
    number_base = NULL;
    for (int i = 0; i < ssi_trace.nworkers; i++) {
        ssi_tvec_free(&ssi_trace.w[i].events);
        ssi_tvec_free(&ssi_trace.w[i].nodes);
        ssi_tvec_free(&ssi_trace.w[i].edges);
        free(ssi_trace.w[i].stat);
    }
    free(ssi_trace.w);
    ssi_trace.w = NULL;
    ssi_trace.mask = 0;
}
