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

/* A JSON string literal (RFC 8259 escapes). */
static void put_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p < 0x20)
            fprintf(f, "\\u%04x", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

static double us(uint64_t ns)
{
    return (double)ns / 1000.0;
}

static void put_event(FILE *f, int pid, int tid, const ssi_tev_t *e)
{
    uint64_t origin = ssi_trace.origin_ns;
    char buf[64];
    if (!e->type) {
        fprintf(f, ",\n{\"name\":\"idle\",\"cat\":\"idle\",\"ph\":\"X\",\"ts\":%.3f,"
                "\"dur\":%.3f,\"pid\":%d,\"tid\":%d}",
                us(e->t0 - origin), us(e->t1 - e->t0), pid, tid);
        return;
    }
    const char *label = ssi_trace_label(e->type, buf, sizeof buf);
    fputs(",\n{\"name\":", f);
    put_string(f, label);
    fprintf(f, ",\"cat\":\"task\",\"ph\":\"X\",\"ts\":%.3f,\"dur\":%.3f,\"pid\":%d,"
            "\"tid\":%d,\"args\":{\"id\":%llu,\"label\":",
            us(e->t0 - origin), us(e->t1 - e->t0), pid, tid,
            (unsigned long long)ssi_trace_number(e->id));
    put_string(f, label);
    fputs(",\"location\":", f);
    char loc[512];
    snprintf(loc, sizeof loc, "%s:%u", e->type->file ? e->type->file : "?",
             e->type->line);
    put_string(f, loc);
    fputs("}}", f);
}

static void put_worker_summary(FILE *f, int i)
{
    uint64_t busy, idle, other;
    ssi_trace_worker_times(i, &busy, &idle, &other);
    fprintf(f, "%s\n{\"worker\":%d,\"tasks\":%llu,\"task_us\":%.3f,\"idle_us\":%.3f,"
            "\"runtime_us\":%.3f}",
            i ? "," : "", i, (unsigned long long)ssi_trace.w[i].tasks, us(busy),
            us(idle), us(other));
}

int ssi_trace_write_json(const char *path)
{
    FILE *f = ssi_trace_open(path);
    if (!f)
        return -1;
    int pid = (int)getpid();
    fputs("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n", f);
    fprintf(f, "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":%d,\"args\":{\"name\":",
            pid);
    put_string(f, program_invocation_short_name);
    fputs("}}", f);
    for (int i = 0; i < ssi_trace.nworkers; i++) {
        fprintf(f, ",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":%d,\"tid\":%d,"
                "\"args\":{\"name\":\"worker %d%s\"}}",
                pid, i, i, i ? "" : " (main)");
        fprintf(f, ",\n{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":%d,"
                "\"tid\":%d,\"args\":{\"sort_index\":%d}}", pid, i, i);
    }
    int err = 0;
    for (int i = 0; i < ssi_trace.nworkers; i++) {
        size_t n;
        ssi_tev_t *ev = ssi_trace_sorted_events(i, &n);
        err |= !ev;
        for (size_t k = 0; ev && k < n; k++)
            put_event(f, pid, i, &ev[k]);
        free(ev);
    }
    if (err)
        fprintf(stderr, "ss: warning: out of memory: %s misses events\n", path);
    fputs("\n],\n\"otherData\":{\"runtime\":\"ss\",\"workers\":[", f);
    for (int i = 0; i < ssi_trace.nworkers; i++)
        put_worker_summary(f, i);
    fputs("\n]}}\n", f);
    return ssi_trace_close(f, path);
}
