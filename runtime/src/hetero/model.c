/* model.c - the history-based performance model of versions: the mean time
 * per (task type, version, data-size bucket), its persistence between runs
 * (SS_PERF_MODEL) and the versions' statistics at exit.
 *
 * File format, one line per known cell, tab-separated:
 *   <type key, hex> <bucket> <samples> <mean ns> <version name>
 * after a first line "# ss performance model 1". Lines of types that do not
 * appear in a run are kept when the file is saved again. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "hetero/hetero.h"

/* Cells loaded from the file. Owner: this file; written at start (before
 * workers run), read at type registration under version.c's lock. */
typedef struct saved {
    uint64_t key;
    unsigned bucket;
    uint32_t n;
    double mean_ns;
    int used;
    struct saved *next;
    char name[];
} saved_t;

static saved_t *saved;

#define MODEL_HEADER "# ss performance model 1"

void ssi_model_load(void)
{
    const char *path = ssi_rt.cfg.perf_model;
    if (!*path)
        return;
    FILE *f = fopen(path, "r");
    if (!f)
        return; /* first run: nothing yet */
    char line[512];
    unsigned lineno = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\n")] = 0;
        if (line[0] == '#' || !line[0])
            continue;
        uint64_t key;
        unsigned bucket, n;
        double mean;
        int off = 0;
        if (sscanf(line, "%" SCNx64 "\t%u\t%u\t%lf\t%n", &key, &bucket, &n, &mean, &off) != 4 ||
            !off || bucket >= SSI_BUCKETS || !line[off] || mean < 0) {
            if (!bad++)
                fprintf(stderr, "ss: warning: %s:%u: not a performance model line; "
                        "ignoring such lines\n", path, lineno);
            continue;
        }
        size_t len = strlen(line + off) + 1;
        saved_t *s = malloc(sizeof *s + len);
        if (!s)
            break;
        *s = (saved_t){key, bucket, n, mean, 0, saved};
        memcpy(s->name, line + off, len);
        saved = s;
    }
    fclose(f);
}

void ssi_model_apply(ssi_tinfo_t *ti)
{
    for (saved_t *s = saved; s; s = s->next) {
        if (s->key != ti->type->key)
            continue;
        for (unsigned v = 0; v < ti->nver; v++)
            if (!strcmp(ti->ver[v].name, s->name)) {
                ssi_cell_t *c = &ti->model[v][s->bucket];
                c->n = c->started = s->n;
                c->mean_ns = s->mean_ns;
                s->used = 1;
            }
    }
}

void ssi_model_add(ssi_tinfo_t *ti, unsigned v, unsigned bucket, double ns)
{
    ssi_lock(&ti->lock);
    ssi_cell_t *c = &ti->model[v][bucket];
    c->n++;
    /* A running mean that turns into an exponential average, so the model
     * follows a machine whose speed changes. */
    c->mean_ns += (ns - c->mean_ns) / (c->n < 32 ? c->n : 32);
    ssi_unlock(&ti->lock);
}

static void save(void)
{
    const char *path = ssi_rt.cfg.perf_model;
    if (!*path)
        return;
    char tmp[SSI_CFG_STR_MAX + 8];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f) {
        fprintf(stderr, "ss: warning: cannot write the performance model %s\n", tmp);
        return;
    }
    fprintf(f, "%s\n", MODEL_HEADER);
    for (ssi_tinfo_t *ti = ssi_tinfo_list(); ti; ti = ti->next)
        for (unsigned v = 0; v < ti->nver; v++)
            for (unsigned b = 0; b < SSI_BUCKETS; b++) {
                const ssi_cell_t *c = &ti->model[v][b];
                if (c->n)
                    fprintf(f, "%" PRIx64 "\t%u\t%u\t%.1f\t%s\n", ti->type->key, b, c->n,
                            c->mean_ns, ti->ver[v].name);
            }
    for (saved_t *s = saved; s; s = s->next)
        if (!s->used)
            fprintf(f, "%" PRIx64 "\t%u\t%u\t%.1f\t%s\n", s->key, s->bucket, s->n,
                    s->mean_ns, s->name);
    int bad = ferror(f);
    bad |= fclose(f);
    if (bad || rename(tmp, path))
        fprintf(stderr, "ss: warning: cannot write the performance model %s\n", path);
}

void ssi_model_fini(void)
{
    save();
    while (saved) {
        saved_t *s = saved;
        saved = s->next;
        free(s);
    }
}

void ssi_hetero_stats(FILE *out)
{
    ssi_tinfo_t *list = ssi_tinfo_list();
    if (!list) {
        fprintf(out, "ss: stats: versions: no task type has more than one version\n");
        return;
    }
    fprintf(out, "ss: stats: versions (task type, version, device, runs, mean time):\n");
    for (ssi_tinfo_t *ti = list; ti; ti = ti->next)
        for (unsigned v = 0; v < ti->nver; v++) {
            const ssi_ver_t *ver = &ti->ver[v];
            unsigned long runs = atomic_load(&ver->runs), ns = atomic_load(&ver->ns);
            const char *label = ti->type->label ? ti->type->label : "(unlabelled)";
            if (runs)
                fprintf(out, "ss: stats:   %-20s %-20s %-4s %8lu runs  %12.1f us\n", label,
                        ver->name, ver->device == SS_DEVICE_CUDA ? "cuda" : "smp", runs,
                        ns / 1e3 / runs);
            else
                fprintf(out, "ss: stats:   %-20s %-20s %-4s %8lu runs\n", label, ver->name,
                        ver->device == SS_DEVICE_CUDA ? "cuda" : "smp", runs);
        }
}
