/* stats.c - the statistics printed at finalize with SS_STATS=1: tasks and
 * time per label, per-worker task / idle / runtime time, steals and the
 * peak number of pending tasks. */
#include "fail/fail.h"
#include "hetero/hetero.h"
#include "trace/trace_priv.h"

#include <stdlib.h>
#include <string.h>

typedef struct row {
    const char *label;
    uint64_t count, ns;
} row_t;

static int by_time_desc(const void *a_, const void *b_)
{
    const row_t *a = a_, *b = b_;
    if (a->ns != b->ns)
        return a->ns > b->ns ? -1 : 1;
    return strcmp(a->label, b->label);
}

/* Per label (types sharing a label are summed), most time first; the
 * labels are copies, freed by free_rows. */
static row_t *label_rows(unsigned *nrows)
{
    unsigned n = 0, cap = 0;
    row_t *rows = NULL;
    char buf[512];
    for (int i = 0; i < ssi_trace.nworkers; i++) {
        const ssi_trace_worker_t *tw = &ssi_trace.w[i];
        for (unsigned s = 0; s < tw->nstat; s++) {
            const ssi_tstat_t *st = &tw->stat[s];
            if (!st->count)
                continue;
            const char *l = ssi_trace_label(st->type, buf, sizeof buf);
            unsigned k = 0;
            while (k < n && strcmp(rows[k].label, l))
                k++;
            if (k == n) {
                if (n == cap) {
                    row_t *r = realloc(rows, (cap ? 2 * cap : 16) * sizeof *r);
                    if (!r)
                        continue; /* out of memory: the table misses it */
                    rows = r;
                    cap = cap ? 2 * cap : 16;
                }
                char *copy = strdup(l);
                if (!copy)
                    continue;
                rows[n++] = (row_t){copy, 0, 0};
            }
            rows[k].count += st->count;
            rows[k].ns += st->self_ns;
        }
    }
    if (rows)
        qsort(rows, n, sizeof *rows, by_time_desc);
    *nrows = n;
    return rows;
}

static void print_labels(FILE *out)
{
    unsigned n = 0;
    row_t *rows = label_rows(&n);
    uint64_t count = 0, ns = 0;
    for (unsigned i = 0; i < n; i++) {
        count += rows[i].count;
        ns += rows[i].ns;
    }
    fprintf(out, "ss: stats: %-24s %10s %12s %10s %6s\n", "label", "tasks", "time ms",
            "mean us", "share");
    for (unsigned i = 0; i < n; i++)
        fprintf(out, "ss: stats: %-24s %10llu %12.3f %10.3f %5.1f%%\n", rows[i].label,
                (unsigned long long)rows[i].count, rows[i].ns / 1e6,
                rows[i].count ? rows[i].ns / 1e3 / rows[i].count : 0.0,
                ns ? 100.0 * rows[i].ns / ns : 0.0);
    fprintf(out, "ss: stats: %-24s %10llu %12.3f\n", "(all)", (unsigned long long)count,
            ns / 1e6);
    for (unsigned i = 0; i < n; i++)
        free((char *)rows[i].label);
    free(rows);
}

static void print_workers(FILE *out, unsigned long *steals)
{
    fprintf(out, "ss: stats: %-8s %10s %12s %12s %12s %10s\n", "worker", "tasks",
            "task ms", "idle ms", "runtime ms", "steals");
    *steals = 0;
    for (int i = 0; i < ssi_trace.nworkers; i++) {
        uint64_t busy, idle, other;
        ssi_trace_worker_times(i, &busy, &idle, &other);
        unsigned long st = atomic_load_explicit(&ssi_rt.workers[i].steals,
                                                memory_order_relaxed);
        *steals += st;
        fprintf(out, "ss: stats: %-8d %10llu %12.3f %12.3f %12.3f %10lu\n", i,
                (unsigned long long)ssi_trace.w[i].tasks, busy / 1e6, idle / 1e6,
                other / 1e6, st);
    }
}

void ssi_trace_print_stats(FILE *out)
{
    const ssi_trace_worker_t *w0 = &ssi_trace.w[0];
    unsigned long peak = 0, created = 0, steals;
    for (int i = 0; i < ssi_trace.nworkers; i++) {
        if (ssi_trace.w[i].peak_pending > peak)
            peak = ssi_trace.w[i].peak_pending;
        created += atomic_load_explicit(&ssi_rt.workers[i].created, memory_order_relaxed);
    }
    fprintf(out, "ss: stats: %d workers, %.3f s from start to finalize, %lu tasks "
            "created\n", ssi_trace.nworkers, (w0->end_ns - w0->begin_ns) / 1e9, created);
    print_labels(out);
    print_workers(out, &steals);
    fprintf(out, "ss: stats: steals %lu; peak pending tasks %lu (created, not yet "
            "completed; throttling starts past %lu)\n", steals, peak, ssi_rt.throttle);
    ssi_hetero_stats(out);
    ssi_fail_stats(out);
}
