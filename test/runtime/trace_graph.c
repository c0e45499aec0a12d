/* SS_GRAPH=FILE.dot writes the task graph of the run at finalize: one node
 * per task labelled by its type's label, one edge per dependence the
 * runtime enforced. For the diamond A out(x); B in(x) out(y); C in(x)
 * out(z); D in(y) in(z) (A held until all four are submitted, so that every
 * dependence makes a task wait) the graph is exactly A->B, A->C, B->D,
 * C->D; a task P with a child Q gets no P->Q edge (nesting is not a
 * dependence), and an independent task E is a node without edges. Past
 * SS_GRAPH_LIMIT tasks the graph has one node per label with its task
 * count and one edge per pair of labels with the number of edges. With
 * SS_GRAPH=FILE.svg the DOT goes to FILE.dot and Graphviz renders FILE.svg
 * (checked when `dot` is installed). */
#include "rt_trace.h"

static atomic_int gate;

static void hold(void *p)
{
    (void)p;
    RT_CHECK(rt_wait_flag(&gate), "the gate was never opened");
}
static void work(void *p) { (void)p; }

static ss_task_type_t a_type = SS_TASK_TYPE("A", hold);
static ss_task_type_t b_type = SS_TASK_TYPE("B", work);
static ss_task_type_t c_type = SS_TASK_TYPE("C", work);
static ss_task_type_t d_type = SS_TASK_TYPE("D", work);
static ss_task_type_t e_type = SS_TASK_TYPE("E", work);
static ss_task_type_t q_type = SS_TASK_TYPE("Q", work);

static void parent_body(void *p)
{
    (void)p;
    rt_spawn(&q_type, NULL, 0, 0, NULL, 0);
    RT_OK(ss_taskwait());
}
static ss_task_type_t p_type = SS_TASK_TYPE("P", parent_body);

static ss_task_type_t gate_type = SS_TASK_TYPE("gate", hold);
static ss_task_type_t step_type = SS_TASK_TYPE("step", work);
static ss_task_type_t read_type = SS_TASK_TYPE("read", work);

enum { NSTEPS = 12, NREADS = 3 };

static int child(const char *mode)
{
    static int x, y, z;
    ss_dim_t dims[2];
    if (!strcmp(mode, "diamond")) {
        ss_dep_t a[1] = {rt_dep_bytes(SS_DEP_OUT, &x, sizeof x, &dims[0])};
        rt_spawn(&a_type, NULL, 0, 1, a, 0);
        ss_dep_t b[2] = {rt_dep_bytes(SS_DEP_IN, &x, sizeof x, &dims[0]),
                         rt_dep_bytes(SS_DEP_OUT, &y, sizeof y, &dims[1])};
        rt_spawn(&b_type, NULL, 0, 2, b, 0);
        ss_dep_t c[2] = {rt_dep_bytes(SS_DEP_IN, &x, sizeof x, &dims[0]),
                         rt_dep_bytes(SS_DEP_OUT, &z, sizeof z, &dims[1])};
        rt_spawn(&c_type, NULL, 0, 2, c, 0);
        ss_dep_t d[2] = {rt_dep_bytes(SS_DEP_IN, &y, sizeof y, &dims[0]),
                         rt_dep_bytes(SS_DEP_IN, &z, sizeof z, &dims[1])};
        rt_spawn(&d_type, NULL, 0, 2, d, 0);
        rt_spawn(&e_type, NULL, 0, 0, NULL, 0);
        rt_spawn(&p_type, NULL, 0, 0, NULL, 0);
    } else { /* chain: gate, NSTEPS steps inout(x), NREADS readers in(x) */
        ss_dep_t d = rt_dep_bytes(SS_DEP_INOUT, &x, sizeof x, &dims[0]);
        rt_spawn(&gate_type, NULL, 0, 1, &d, 0);
        for (int i = 0; i < NSTEPS; i++)
            rt_spawn(&step_type, NULL, 0, 1, &d, 0);
        d.type = SS_DEP_IN;
        for (int i = 0; i < NREADS; i++)
            rt_spawn(&read_type, NULL, 0, 1, &d, 0);
    }
    atomic_store(&gate, 1);
    RT_OK(ss_taskwait());
    return ss_finalize() == SS_OK ? 0 : 3;
}

/* ---- reading DOT --------------------------------------------------------- */

#define MAXN 64
typedef struct {
    char id[MAXN][16], label[MAXN][64];
    int n;
    int from[MAXN * 4], to[MAXN * 4];
    char elabel[MAXN * 4][16];
    int ne;
} dot_t;

static int node_index(const dot_t *g, const char *id)
{
    for (int i = 0; i < g->n; i++)
        if (!strcmp(g->id[i], id))
            return i;
    return -1;
}

/* The value of attribute `key` in a "[...]" list, unescaped ("\n" stays
 * as the two characters). */
static int attr(const char *attrs, const char *key, char *out, size_t cap)
{
    char pat[32];
    snprintf(pat, sizeof pat, "%s=\"", key);
    const char *s = attrs;
    while ((s = strstr(s, pat)) && s > attrs && s[-1] != '[' && s[-1] != ' ')
        s++;
    if (!s)
        return 0;
    s += strlen(pat);
    size_t n = 0;
    for (; *s && *s != '"' && n + 1 < cap; s++) {
        if (*s == '\\' && s[1] == '"')
            s++;
        out[n++] = *s;
    }
    out[n] = 0;
    return 1;
}

/* Statements "ID [label=...];" and "ID -> ID [...];" of our writer. */
static void parse_dot(const char *text, dot_t *g)
{
    memset(g, 0, sizeof *g);
    RT_CHECK(!strncmp(text, "digraph", 7), "the graph does not start with 'digraph':\n%.200s",
             text);
    char line[1024];
    while (*text) {
        size_t n = strcspn(text, "\n");
        snprintf(line, sizeof line, "%.*s", (int)n, text);
        text += n + (text[n] == '\n');
        char a[16], b[16];
        const char *br = strchr(line, '[');
        if (sscanf(line, " %15[a-z0-9] -> %15[a-z0-9]", a, b) == 2) {
            int i = node_index(g, a), j = node_index(g, b);
            RT_CHECK(i >= 0 && j >= 0, "edge '%s' between undeclared nodes", line);
            RT_CHECK(g->ne < MAXN * 4, "too many edges");
            g->from[g->ne] = i;
            g->to[g->ne] = j;
            if (!br || !attr(br, "label", g->elabel[g->ne], sizeof g->elabel[0]))
                g->elabel[g->ne][0] = 0;
            g->ne++;
        } else if (sscanf(line, " %15[a-z0-9] [", a) == 1 && br && strcmp(a, "node") &&
                   strcmp(a, "edge") && strcmp(a, "graph")) {
            RT_CHECK(g->n < MAXN && node_index(g, a) < 0, "node '%s' again or too many", a);
            snprintf(g->id[g->n], sizeof g->id[0], "%s", a);
            RT_CHECK(attr(br, "label", g->label[g->n], sizeof g->label[0]),
                     "node without a label: %s", line);
            g->n++;
        }
    }
}

/* The edges as sorted "FROM->TO[:LABEL]" strings joined by spaces. */
static void edge_list(const dot_t *g, char *out, size_t cap)
{
    char items[MAXN * 4][160];
    for (int e = 0; e < g->ne; e++)
        snprintf(items[e], sizeof items[e], "%s->%s%s%s", g->label[g->from[e]],
                 g->label[g->to[e]], g->elabel[e][0] ? ":" : "", g->elabel[e]);
    qsort(items, (size_t)g->ne, sizeof items[0], (int (*)(const void *, const void *))strcmp);
    out[0] = 0;
    for (int e = 0; e < g->ne; e++)
        snprintf(out + strlen(out), cap - strlen(out), "%s%s", e ? " " : "", items[e]);
}

static void node_list(const dot_t *g, char *out, size_t cap)
{
    char items[MAXN][64];
    for (int i = 0; i < g->n; i++)
        snprintf(items[i], sizeof items[i], "%s", g->label[i]);
    qsort(items, (size_t)g->n, sizeof items[0], (int (*)(const void *, const void *))strcmp);
    out[0] = 0;
    for (int i = 0; i < g->n; i++)
        snprintf(out + strlen(out), cap - strlen(out), "%s%s", i ? " " : "", items[i]);
}

/* ---- the checks ------------------------------------------------------------ */

static char *run(const char *mode, const char *file, const char *limit, rt_child_t *c)
{
    char assign[4300], lim[64];
    snprintf(assign, sizeof assign, "SS_GRAPH=%s", file);
    snprintf(lim, sizeof lim, "SS_GRAPH_LIMIT=%s", limit);
    const char *env[] = {RT_TRACE_UNSET, assign, lim, "SS_NUM_THREADS=2", NULL};
    rt_run_child(mode, env, c);
    RT_CHECK(c->status == 0, "%s: child exited with %d; stderr:\n%s", mode, c->status,
             c->err);
    return NULL;
}

static void expect(const char *what, const char *got, const char *want, const char *dot)
{
    RT_CHECK(!strcmp(got, want), "%s:\n  got  %s\n  want %s\nthe graph:\n%s", what, got,
             want, dot);
}

int main(void)
{
    const char *mode = getenv("RT_CHILD");
    if (mode)
        return child(mode);
    const char *dir = rt_tmpdir();
    static rt_child_t c;
    static dot_t g;
    char path[4300], got[8192];

    /* The diamond, one node per task. */
    snprintf(path, sizeof path, "%s/diamond.dot", dir);
    run("diamond", path, "1000", &c);
    char *dot = rt_read_file(path, NULL);
    RT_CHECK(dot, "SS_GRAPH=%s wrote nothing; stderr:\n%s", path, c.err);
    parse_dot(dot, &g);
    node_list(&g, got, sizeof got);
    expect("diamond nodes", got, "A B C D E P Q", dot);
    edge_list(&g, got, sizeof got);
    expect("diamond edges", got, "A->B A->C B->D C->D", dot);
    RT_CHECK(rt_dir_entries(dir, NULL, 0) == 1, "SS_GRAPH=%s wrote other files too", path);
    free(dot);

    /* Past the limit: one node per label. */
    snprintf(path, sizeof path, "%s/chain.dot", dir);
    run("chain", path, "5", &c);
    dot = rt_read_file(path, NULL);
    RT_CHECK(dot, "SS_GRAPH=%s wrote nothing; stderr:\n%s", path, c.err);
    parse_dot(dot, &g);
    node_list(&g, got, sizeof got);
    expect("collapsed nodes", got, "gate\\n1 task read\\n3 tasks step\\n12 tasks", dot);
    edge_list(&g, got, sizeof got);
    expect("collapsed edges", got,
           "gate\\n1 task->step\\n12 tasks:1 step\\n12 tasks->read\\n3 tasks:3 "
           "step\\n12 tasks->step\\n12 tasks:11",
           dot);
    free(dot);

    /* The same under the limit: every task. */
    run("chain", path, "0", &c);
    dot = rt_read_file(path, NULL);
    parse_dot(dot, &g);
    RT_CHECK(g.n == 1 + NSTEPS + NREADS && g.ne == 1 + (NSTEPS - 1) + NREADS,
             "SS_GRAPH_LIMIT=0: %d nodes and %d edges, want %d and %d:\n%s", g.n, g.ne,
             1 + NSTEPS + NREADS, 1 + (NSTEPS - 1) + NREADS, dot);
    free(dot);

    /* Rendered by Graphviz. */
    snprintf(path, sizeof path, "%s/diamond.svg", dir);
    run("diamond", path, "1000", &c);
    char dotpath[4300];
    snprintf(dotpath, sizeof dotpath, "%s/diamond.dot", dir);
    RT_CHECK(rt_file_exists(dotpath), "SS_GRAPH=%s did not write %s", path, dotpath);
    if (rt_have_program("dot")) {
        char *svg = rt_read_file(path, NULL);
        RT_CHECK(svg && strstr(svg, "<svg"), "SS_GRAPH=%s: no SVG rendered; stderr:\n%s",
                 path, c.err);
        free(svg);
    } else {
        RT_CHECK(strstr(c.err, "graphviz"), "no dot, and no warning about it:\n%s", c.err);
    }
    rt_rmdir(dir);
    return 0;
}
