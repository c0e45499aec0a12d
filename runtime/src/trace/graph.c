/* graph.c - the task graph: dependence edges recorded as the dependence
 * engine releases accesses, written at finalize as Graphviz DOT (one node
 * per task, or one per label past SS_GRAPH_LIMIT tasks), and rendered with
 * `dot` when SS_GRAPH names an .svg, .png or .pdf file. */
#include "trace/trace_priv.h"

#include <errno.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "deps/deps.h"

extern char **environ;

/* ---- recording (under the domain lock) ---------------------------------- */

static void add_edge(ssi_trace_worker_t *tw, uint64_t pred, ssi_task_t *succ)
{
    ssi_tedge_t *e = ssi_tvec_push(&tw->edges);
    if (e) {
        e->pred = pred;
        e->succ = *ssi_trace_id_slot(succ);
    }
}

/* The tasks that wait for e to be done are those in its xdone list, and
 * the members of the next epoch (and of the same-class epochs that inherit
 * its start, see deps.h) still waiting to start, with the accesses of other
 * objects waiting on those (xsat). A member releasing is one of the things
 * each of them waits for: one edge each. This reads the epoch chain as
 * epoch_done and epoch_msat in deps.c walk it; keep the two in step. */
void ssi_trace_graph_release(ssi_task_t *pred, struct ssi_epoch *e)
{
    ssi_worker_t *w = ssi_self;
    if (!w)
        return;
    ssi_trace_worker_t *tw = &ssi_trace.w[w->id];
    uint64_t id = *ssi_trace_id_slot(pred);
    for (ssi_edge_t *x = e->xdone; x; x = x->next)
        add_edge(tw, id, x->task);
    for (ssi_epoch_t *f = e->next; f && !f->msat;) {
        for (ssi_access_t *a = f->waiters; a; a = a->next)
            add_edge(tw, id, a->task);
        for (ssi_edge_t *x = f->xsat; x; x = x->next)
            add_edge(tw, id, x->task);
        ssi_epoch_t *g = f->next;
        f = g && g->cls == f->cls && (g->cls == SSI_EP_READ || g->cls == SSI_EP_SET)
                ? g : NULL;
    }
}

/* ---- gathering ---------------------------------------------------------- */

typedef struct graph {
    uint64_t ntasks;
    const ss_task_type_t **type; /* by task number - 1; NULL if unknown */
    ssi_tedge_t *edge;           /* task numbers, sorted, unique */
    size_t nedges;
} graph_t;

static int by_edge(const void *a_, const void *b_)
{
    const ssi_tedge_t *a = a_, *b = b_;
    if (a->pred != b->pred)
        return a->pred < b->pred ? -1 : 1;
    return a->succ < b->succ ? -1 : a->succ > b->succ;
}

static int gather(graph_t *g)
{
    g->ntasks = ssi_trace_total_tasks();
    size_t ne = 0;
    for (int i = 0; i < ssi_trace.nworkers; i++)
        ne += ssi_trace.w[i].edges.count - ssi_trace.w[i].edges.lost;
    g->type = calloc(g->ntasks ? g->ntasks : 1, sizeof *g->type);
    g->edge = malloc((ne ? ne : 1) * sizeof *g->edge);
    if (!g->type || !g->edge)
        return -1;
    for (int i = 0; i < ssi_trace.nworkers; i++) {
        const ssi_tvec_t *v = &ssi_trace.w[i].nodes;
        for (ssi_tchunk_t *c = v->head; c; c = c->next)
            for (size_t k = 0; k < c->n; k++) {
                const ssi_tnode_t *n = (const ssi_tnode_t *)c->data + k;
                uint64_t num = ssi_trace_number(n->id);
                if (num >= 1 && num <= g->ntasks)
                    g->type[num - 1] = n->type;
            }
    }
    size_t k = 0;
    for (int i = 0; i < ssi_trace.nworkers; i++) {
        ssi_tvec_copy(&ssi_trace.w[i].edges, g->edge + k);
        k += ssi_trace.w[i].edges.count - ssi_trace.w[i].edges.lost;
    }
    for (size_t j = 0; j < k; j++) {
        g->edge[j].pred = ssi_trace_number(g->edge[j].pred);
        g->edge[j].succ = ssi_trace_number(g->edge[j].succ);
    }
    qsort(g->edge, k, sizeof *g->edge, by_edge);
    size_t u = 0;
    for (size_t j = 0; j < k; j++)
        if (!u || by_edge(&g->edge[u - 1], &g->edge[j]))
            g->edge[u++] = g->edge[j];
    g->nedges = u;
    return 0;
}

/* ---- DOT ---------------------------------------------------------------- */

static const char *const palette[] = {
    "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
    "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f"};
#define NPALETTE (sizeof palette / sizeof palette[0])

/* s inside a DOT string literal: quotes and backslashes escaped. */
static void put_dot_escaped(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', f);
        fputc(*s == '\n' ? ' ' : *s, f);
    }
}

static void put_header(FILE *f)
{
    fputs("digraph tasks {\n"
          "  graph [fontname=\"Helvetica\"];\n"
          "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n"
          "  edge [color=\"#555555\", fontname=\"Helvetica\"];\n", f);
}

static void write_tasks(FILE *f, const graph_t *g)
{
    char buf[512];
    for (uint64_t i = 0; i < g->ntasks; i++) {
        const ss_task_type_t *t = g->type[i];
        fprintf(f, "  t%llu [label=\"", (unsigned long long)i + 1);
        put_dot_escaped(f, ssi_trace_label(t, buf, sizeof buf));
        fprintf(f, "\", fillcolor=\"%s\"];\n", t ? palette[t->id % NPALETTE] : "white");
    }
    for (size_t j = 0; j < g->nedges; j++)
        fprintf(f, "  t%llu -> t%llu;\n", (unsigned long long)g->edge[j].pred,
                (unsigned long long)g->edge[j].succ);
}

/* Collapsed: one node per distinct label, "label\nN tasks"; one edge per
 * pair of labels with the number of task edges between them. */
typedef struct group {
    const char *label;
    const ss_task_type_t *first;
    uint64_t count;
} group_t;

static int group_of(group_t *gr, unsigned *ngr, const char *label)
{
    for (unsigned i = 0; i < *ngr; i++)
        if (!strcmp(gr[i].label, label))
            return (int)i;
    return -1;
}

static int write_collapsed(FILE *f, const graph_t *g, long limit)
{
    /* Labels of types without a label are built in a buffer per task:
     * keep copies. */
    unsigned cap = 16, ngr = 0;
    group_t *gr = malloc(cap * sizeof *gr);
    unsigned *of = malloc((g->ntasks ? g->ntasks : 1) * sizeof *of);
    uint64_t *agg = NULL;
    int rc = -1;
    if (!gr || !of)
        goto out;
    char buf[512];
    for (uint64_t i = 0; i < g->ntasks; i++) {
        const char *l = ssi_trace_label(g->type[i], buf, sizeof buf);
        int k = group_of(gr, &ngr, l);
        if (k < 0) {
            if (ngr == cap) {
                group_t *m = realloc(gr, 2 * cap * sizeof *gr);
                if (!m)
                    goto out;
                gr = m;
                cap *= 2;
            }
            char *copy = strdup(l);
            if (!copy)
                goto out;
            gr[ngr] = (group_t){copy, g->type[i], 0};
            k = (int)ngr++;
        }
        gr[k].count++;
        of[i] = (unsigned)k;
    }
    size_t npairs = (size_t)ngr * ngr;
    agg = calloc(npairs ? npairs : 1, sizeof *agg);
    if (!agg)
        goto out;
    for (size_t j = 0; j < g->nedges; j++)
        agg[(size_t)of[g->edge[j].pred - 1] * ngr + of[g->edge[j].succ - 1]]++;
    fprintf(f, "  label=\"%llu tasks, collapsed by label (SS_GRAPH_LIMIT=%ld)\";\n",
            (unsigned long long)g->ntasks, limit);
    for (unsigned i = 0; i < ngr; i++) {
        fprintf(f, "  l%u [label=\"", i);
        put_dot_escaped(f, gr[i].label);
        fprintf(f, "\\n%llu task%s\", fillcolor=\"%s\"];\n",
                (unsigned long long)gr[i].count, gr[i].count == 1 ? "" : "s",
                gr[i].first ? palette[gr[i].first->id % NPALETTE] : "white");
    }
    for (unsigned a = 0; a < ngr; a++)
        for (unsigned b = 0; b < ngr; b++)
            if (agg[(size_t)a * ngr + b])
                fprintf(f, "  l%u -> l%u [label=\"%llu\"];\n", a, b,
                        (unsigned long long)agg[(size_t)a * ngr + b]);
    rc = 0;
out:
    for (unsigned i = 0; gr && i < ngr; i++)
        free((char *)gr[i].label);
    free(gr);
    free(of);
    free(agg);
    return rc;
}

/* ---- rendering ---------------------------------------------------------- */

/* The Graphviz output format named by path's extension, or NULL. */
static const char *render_format(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return NULL;
    static const char *const formats[] = {"svg", "png", "pdf"};
    for (unsigned i = 0; i < 3; i++)
        if (!strcmp(dot + 1, formats[i]))
            return formats[i];
    return NULL;
}

static void render(const char *dot_path, const char *out, const char *format)
{
    char flag[16];
    snprintf(flag, sizeof flag, "-T%s", format);
    char *argv[] = {"dot", flag, "-o", (char *)out, (char *)dot_path, NULL};
    pid_t pid;
    int rc = posix_spawnp(&pid, "dot", NULL, NULL, argv, environ);
    int status = 0;
    if (rc == 0)
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
    if (rc != 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fprintf(stderr, "ss: warning: SS_GRAPH=%s: could not run Graphviz's dot "
                "(is graphviz installed?); the graph is in %s\n", out, dot_path);
}

int ssi_trace_write_graph(const char *path, long limit)
{
    const char *format = render_format(path);
    char dot_path[SSI_CFG_STR_MAX + 8];
    if (format)
        snprintf(dot_path, sizeof dot_path, "%.*s.dot",
                 (int)(strrchr(path, '.') - path), path);
    else
        snprintf(dot_path, sizeof dot_path, "%s", path);
    graph_t g = {0};
    int rc = gather(&g);
    FILE *f = rc ? NULL : ssi_trace_open(dot_path);
    if (f) {
        put_header(f);
        if (limit > 0 && g.ntasks > (uint64_t)limit)
            rc = write_collapsed(f, &g, limit);
        else
            write_tasks(f, &g);
        fputs("}\n", f);
        rc |= ssi_trace_close(f, dot_path);
    } else if (rc) {
        fprintf(stderr, "ss: warning: out of memory writing %s\n", dot_path);
    } else {
        rc = -1;
    }
    free(g.type);
    free(g.edge);
    if (rc == 0 && format)
        render(dot_path, path, format);
    return rc;
}
