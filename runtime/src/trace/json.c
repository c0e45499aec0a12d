/* json.c - the timeline as Chrome / Perfetto trace-event JSON (the "JSON
 * Object Format" of the Trace Event Format): one "X" (complete) event per
 * task body and per idle stretch, pid = the process, tid = the worker,
 * times in microseconds since the runtime started. Opens in
 * ui.perfetto.dev and chrome://tracing. */
#include "trace/trace_priv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* s as a JSON string literal (RFC 8259 escapes) at p; returns the end.
 * p needs 6 * strlen(s) + 2 bytes. */
static char *put_string(char *p, const char *s)
{
    *p++ = '"';
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if (*c == '"' || *c == '\\') {
            *p++ = '\\';
            *p++ = (char)*c;
        } else if (*c < 0x20) {
            p += sprintf(p, "\\u%04x", *c);
        } else {
            *p++ = (char)*c;
        }
    }
    *p++ = '"';
    return p;
}

/* The parts of a task event that depend only on its type, built once per
 * type: "name":...,"cat":"task","ph":"X" and "label":...,"location":...}} */
typedef struct type_text {
    char *head, *tail;
} type_text_t;

typedef struct cache {
    type_text_t *t;
    uint32_t n;
} cache_t;

static const type_text_t *type_text(cache_t *c, const ss_task_type_t *type)
{
    if (type->id >= c->n) {
        uint32_t n = c->n ? c->n : 16;
        while (n <= type->id)
            n *= 2;
        type_text_t *t = realloc(c->t, n * sizeof *t);
        if (!t)
            return NULL;
        memset(t + c->n, 0, (n - c->n) * sizeof *t);
        c->t = t;
        c->n = n;
    }
    type_text_t *tt = &c->t[type->id];
    if (!tt->head) {
        char label[512], loc[512];
        const char *l = ssi_trace_label(type, label, sizeof label);
        snprintf(loc, sizeof loc, "%s:%u", type->file ? type->file : "?", type->line);
        size_t room = 6 * (2 * strlen(l) + strlen(loc)) + 64;
        char *head = malloc(room), *tail = malloc(room);
        if (!head || !tail) {
            free(head);
            free(tail);
            return NULL;
        }
        char *p = head;
        p = stpcpy(p, "\"name\":");
        p = put_string(p, l);
        strcpy(p, ",\"cat\":\"task\",\"ph\":\"X\"");
        p = stpcpy(tail, "\"label\":");
        p = put_string(p, l);
        p = stpcpy(p, ",\"location\":");
        p = put_string(p, loc);
        strcpy(p, "}}");
        tt->head = head;
        tt->tail = tail;
    }
    return tt;
}

static void put_event(FILE *f, cache_t *c, const char *pidtid, const ssi_tev_t *e)
{
    char buf[128], *p = buf;
    const type_text_t *tt = NULL;
    if (e->type && !(tt = type_text(c, e->type)))
        return; /* out of memory: the event is left out */
    fputs(",\n{", f);
    fputs(tt ? tt->head : "\"name\":\"idle\",\"cat\":\"idle\",\"ph\":\"X\"", f);
    p = stpcpy(p, ",\"ts\":");
    p = ssi_fmt_us(p, e->t0 - ssi_trace.origin_ns);
    p = stpcpy(p, ",\"dur\":");
    p = ssi_fmt_us(p, e->t1 - e->t0);
    p = stpcpy(p, pidtid);
    if (tt) {
        p = stpcpy(p, ",\"args\":{\"id\":");
        p = ssi_fmt_u64(p, ssi_trace_number(e->id));
        *p++ = ',';
    } else {
        *p++ = '}';
    }
    fwrite(buf, 1, (size_t)(p - buf), f);
    if (tt)
        fputs(tt->tail, f);
}

static double us(uint64_t ns)
{
    return (double)ns / 1000.0;
}

static void put_worker_summary(FILE *f, int i)
{
    uint64_t busy, idle, other;
    ssi_trace_worker_times(i, &busy, &idle, &other);
    const ssi_trace_worker_t *tw = &ssi_trace.w[i];
    uint64_t o = ssi_trace.origin_ns;
    fprintf(f, "%s\n{\"worker\":%d,\"start_us\":%.3f,\"end_us\":%.3f,\"tasks\":%llu,"
            "\"task_us\":%.3f,\"idle_us\":%.3f,\"runtime_us\":%.3f}",
            i ? "," : "", i, us(tw->begin_ns > o ? tw->begin_ns - o : 0),
            us(tw->end_ns > o ? tw->end_ns - o : 0), (unsigned long long)tw->tasks,
            us(busy), us(idle), us(other));
}

int ssi_trace_write_json(const char *path)
{
    FILE *f = ssi_trace_open(path);
    if (!f)
        return -1;
    int pid = (int)getpid();
    char name[6 * 256 + 2];
    *put_string(name, program_invocation_short_name) = 0;
    fprintf(f, "{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n"
            "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":%d,\"args\":{\"name\":%s}}",
            pid, name);
    for (int i = 0; i < ssi_trace.nworkers; i++) {
        fprintf(f, ",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":%d,\"tid\":%d,"
                "\"args\":{\"name\":\"worker %d%s\"}}",
                pid, i, i, i ? "" : " (main)");
        fprintf(f, ",\n{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":%d,"
                "\"tid\":%d,\"args\":{\"sort_index\":%d}}", pid, i, i);
    }
    cache_t cache = {0};
    int lost = 0;
    for (int i = 0; i < ssi_trace.nworkers; i++) {
        char pidtid[48];
        snprintf(pidtid, sizeof pidtid, ",\"pid\":%d,\"tid\":%d", pid, i);
        size_t n;
        ssi_tev_t *ev = ssi_trace_sorted_events(i, &n);
        lost |= !ev;
        for (size_t k = 0; ev && k < n; k++)
            put_event(f, &cache, pidtid, &ev[k]);
        free(ev);
    }
    for (uint32_t k = 0; k < cache.n; k++) {
        free(cache.t[k].head);
        free(cache.t[k].tail);
    }
    free(cache.t);
    if (lost)
        fprintf(stderr, "ss: warning: out of memory: %s misses events\n", path);
    fputs("\n],\n\"otherData\":{\"runtime\":\"ss\",\"workers\":[", f);
    for (int i = 0; i < ssi_trace.nworkers; i++)
        put_worker_summary(f, i);
    fputs("\n]}}\n", f);
    return ssi_trace_close(f, path);
}
