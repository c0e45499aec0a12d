/* SS_TRACE=json writes PREFIX.json at finalize: it parses as JSON (checked
 * by a strict parser here, and by python3's json module when there is one)
 * and holds exactly one complete ("X", cat "task") event per task, named by
 * the task's label ("file:line" for a type without one), with the task id,
 * label and source location in args, on a worker's tid; nothing else is
 * written. The traced program runs in a child process (settings are read
 * once per process). */
#include "rt_trace.h"

#include <ctype.h>

/* ---- the traced program -------------------------------------------------- */

static atomic_int x;

static void work(void *p) { (void)p; atomic_fetch_add(&x, 1); }

static ss_task_type_t alpha = SS_TASK_TYPE("alpha", work);
static ss_task_type_t beta = SS_TASK_TYPE("beta", work);
static ss_task_type_t inner = SS_TASK_TYPE("inner", work);
static const unsigned nolabel_line = __LINE__ + 1;
static ss_task_type_t nolabel = SS_TASK_TYPE(NULL, work);

static void outer_body(void *p)
{
    (void)p;
    for (int i = 0; i < 5; i++)
        rt_spawn(&inner, NULL, 0, 0, NULL, 0);
    RT_OK(ss_taskwait());
}
static ss_task_type_t outer = SS_TASK_TYPE("outer", outer_body);

enum { NALPHA = 20, NBETA = 10, NINNER = 5, NNOLABEL = 3 };
#define NTASKS (NALPHA + NBETA + 1 + NINNER + NNOLABEL)

static int child(void)
{
    static int chain;
    ss_dim_t dim;
    ss_dep_t d = rt_dep_bytes(SS_DEP_INOUT, &chain, sizeof chain, &dim);
    for (int i = 0; i < NALPHA; i++)
        rt_spawn(&alpha, NULL, 0, 0, NULL, 0);
    for (int i = 0; i < NBETA; i++)
        rt_spawn(&beta, NULL, 0, 1, &d, 0);
    rt_spawn(&outer, NULL, 0, 0, NULL, 0);
    for (int i = 0; i < NNOLABEL; i++)
        rt_spawn(&nolabel, NULL, 0, 0, NULL, 0);
    RT_OK(ss_taskwait());
    return ss_finalize() == SS_OK && atomic_load(&x) == NTASKS - 1 ? 0 : 3;
}

/* ---- a strict JSON parser (RFC 8259) ------------------------------------- */

typedef struct jv {
    char kind; /* o(bject) a(rray) s(tring) n(umber) t f z(null) */
    char *str;
    double num;
    size_t n;
    char **keys;
    struct jv **items;
} jv_t;

typedef struct {
    const char *s, *start;
} jp_t;

static void jfail(jp_t *p, const char *what)
{
    RT_FAIL("JSON: %s at byte %ld: '%.30s'", what, (long)(p->s - p->start), p->s);
}

static void ws(jp_t *p)
{
    while (*p->s == ' ' || *p->s == '\t' || *p->s == '\n' || *p->s == '\r')
        p->s++;
}

static jv_t *jnew(char kind)
{
    jv_t *v = calloc(1, sizeof *v);
    if (!v)
        RT_FAIL("out of memory");
    v->kind = kind;
    return v;
}

static char *jstring(jp_t *p)
{
    if (*p->s != '"')
        jfail(p, "string expected");
    p->s++;
    size_t cap = 64, n = 0;
    char *out = malloc(cap);
    for (;;) {
        unsigned char c = (unsigned char)*p->s++;
        if (c == '"')
            break;
        if (c < 0x20)
            jfail(p, "control character in a string");
        if (c == '\\') {
            char e = *p->s++;
            switch (e) {
            case '"': case '\\': case '/': c = (unsigned char)e; break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 't': c = '\t'; break;
            case 'u':
                for (int i = 0; i < 4; i++)
                    if (!isxdigit((unsigned char)p->s[i]))
                        jfail(p, "bad \\u escape");
                c = (unsigned char)strtol((char[]){p->s[0], p->s[1], p->s[2], p->s[3], 0},
                                          NULL, 16);
                p->s += 4;
                break;
            default: jfail(p, "bad escape");
            }
        }
        if (n + 2 > cap)
            out = realloc(out, cap *= 2);
        out[n++] = (char)c;
    }
    out[n] = 0;
    return out;
}

static jv_t *jvalue(jp_t *p);

static void jpush(jv_t *v, char *key, jv_t *item)
{
    v->items = realloc(v->items, (v->n + 1) * sizeof *v->items);
    v->keys = realloc(v->keys, (v->n + 1) * sizeof *v->keys);
    v->items[v->n] = item;
    v->keys[v->n++] = key;
}

static jv_t *jcompound(jp_t *p, char open, char close)
{
    jv_t *v = jnew(open == '{' ? 'o' : 'a');
    p->s++;
    ws(p);
    if (*p->s == close) {
        p->s++;
        return v;
    }
    for (;;) {
        ws(p);
        char *key = NULL;
        if (open == '{') {
            key = jstring(p);
            ws(p);
            if (*p->s++ != ':')
                jfail(p, "':' expected");
        }
        jpush(v, key, jvalue(p));
        ws(p);
        if (*p->s == ',') {
            p->s++;
            continue;
        }
        if (*p->s++ != close)
            jfail(p, "',' or end expected");
        return v;
    }
}

static jv_t *jvalue(jp_t *p)
{
    ws(p);
    const char *s = p->s;
    if (*s == '{')
        return jcompound(p, '{', '}');
    if (*s == '[')
        return jcompound(p, '[', ']');
    if (*s == '"') {
        jv_t *v = jnew('s');
        v->str = jstring(p);
        return v;
    }
    static const char *const words[] = {"true", "false", "null"};
    for (int i = 0; i < 3; i++)
        if (!strncmp(s, words[i], strlen(words[i]))) {
            p->s += strlen(words[i]);
            return jnew("tfz"[i]);
        }
    /* -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
    const char *q = s;
    if (*q == '-')
        q++;
    if (*q == '0')
        q++;
    else if (*q >= '1' && *q <= '9')
        while (isdigit((unsigned char)*q))
            q++;
    else
        jfail(p, "value expected");
    if (*q == '.') {
        if (!isdigit((unsigned char)*++q))
            jfail(p, "digit expected after '.'");
        while (isdigit((unsigned char)*q))
            q++;
    }
    if (*q == 'e' || *q == 'E') {
        q++;
        if (*q == '+' || *q == '-')
            q++;
        if (!isdigit((unsigned char)*q))
            jfail(p, "exponent expected");
        while (isdigit((unsigned char)*q))
            q++;
    }
    jv_t *v = jnew('n');
    v->num = strtod(s, NULL);
    p->s = q;
    return v;
}

static jv_t *jparse(const char *text)
{
    jp_t p = {text, text};
    jv_t *v = jvalue(&p);
    ws(&p);
    if (*p.s)
        jfail(&p, "trailing text");
    return v;
}

static void jfree(jv_t *v)
{
    for (size_t i = 0; i < v->n; i++) {
        jfree(v->items[i]);
        free(v->keys[i]);
    }
    free(v->items);
    free(v->keys);
    free(v->str);
    free(v);
}

static jv_t *jget(const jv_t *o, const char *key)
{
    if (!o || o->kind != 'o')
        return NULL;
    for (size_t i = 0; i < o->n; i++)
        if (!strcmp(o->keys[i], key))
            return o->items[i];
    return NULL;
}

static const char *jstr(const jv_t *o, const char *key)
{
    jv_t *v = jget(o, key);
    return v && v->kind == 's' ? v->str : NULL;
}

static int jnum(const jv_t *o, const char *key, double *out)
{
    jv_t *v = jget(o, key);
    if (!v || v->kind != 'n')
        return 0;
    *out = v->num;
    return 1;
}

/* ---- the checks -------------------------------------------------------- */

static void check_parser(void)
{
    const char *good[] = {"{}", "[1, -2.5e3, \"a\\u0041\\n\", true, false, null, {\"k\": []}]"};
    for (int i = 0; i < 2; i++)
        jfree(jparse(good[i]));
    jv_t *v = jparse("{\"a\": [0.5, \"x\\\"y\"]}");
    RT_CHECK(jget(v, "a")->n == 2 && !strcmp(jget(v, "a")->items[1]->str, "x\"y"),
             "the JSON parser of this test is wrong");
    jfree(v);
}

int main(void)
{
    if (getenv("RT_CHILD"))
        return child();
    check_parser();

    const char *dir = rt_tmpdir();
    char prefix[4200], file[4300], assign[4300];
    snprintf(prefix, sizeof prefix, "%s/run", dir);
    snprintf(assign, sizeof assign, "SS_TRACE_FILE=%s", prefix);
    const char *env[] = {RT_TRACE_UNSET, "SS_TRACE=json", assign, "SS_NUM_THREADS=2",
                         NULL};
    static rt_child_t c;
    rt_run_child("trace", env, &c);
    RT_CHECK(c.status == 0, "child exited with %d; stderr:\n%s", c.status, c.err);

    snprintf(file, sizeof file, "%s.json", prefix);
    char *text = rt_read_file(file, NULL);
    RT_CHECK(text, "SS_TRACE=json wrote no %s; stderr:\n%s", file, c.err);
    RT_CHECK(rt_dir_entries(dir, NULL, 0) == 1, "SS_TRACE=json wrote more than %s", file);

    jv_t *root = jparse(text);
    jv_t *events = jget(root, "traceEvents");
    RT_CHECK(events && events->kind == 'a', "no traceEvents array");

    int seen[NTASKS + 1] = {0};
    int by_label[5] = {0}; /* alpha beta outer inner nolabel */
    const char *labels[5] = {"alpha", "beta", "outer", "inner", NULL};
    char nolabel_name[256];
    snprintf(nolabel_name, sizeof nolabel_name, "%s:%u", __FILE__, nolabel_line);
    labels[4] = nolabel_name;
    int ntask = 0;
    for (size_t i = 0; i < events->n; i++) {
        jv_t *e = events->items[i];
        const char *ph = jstr(e, "ph"), *cat = jstr(e, "cat"), *name = jstr(e, "name");
        RT_CHECK(ph && name, "event %zu without ph or name", i);
        double ts, dur, tid, id;
        if (strcmp(ph, "X")) {
            RT_CHECK(!strcmp(ph, "M"), "event %zu has ph '%s'", i, ph);
            continue;
        }
        RT_CHECK(jnum(e, "ts", &ts) && ts >= 0 && jnum(e, "dur", &dur) && dur >= 0 &&
                     jnum(e, "tid", &tid) && (tid == 0 || tid == 1) && jget(e, "pid"),
                 "event %zu (%s): bad ts, dur, pid or tid", i, name);
        RT_CHECK(cat && (!strcmp(cat, "task") || !strcmp(cat, "idle")),
                 "event %zu: cat '%s'", i, cat ? cat : "(none)");
        if (strcmp(cat, "task"))
            continue;
        ntask++;
        jv_t *args = jget(e, "args");
        RT_CHECK(jnum(args, "id", &id) && id >= 1 && id <= NTASKS && id == (int)id,
                 "task event %zu: bad args.id", i);
        RT_CHECK(!seen[(int)id]++, "task id %d has two events", (int)id);
        const char *label = jstr(args, "label"), *loc = jstr(args, "location");
        RT_CHECK(label && !strcmp(label, name), "task %d: args.label '%s', name '%s'",
                 (int)id, label ? label : "(none)", name);
        int k = 0;
        while (k < 5 && strcmp(labels[k], name))
            k++;
        RT_CHECK(k < 5, "task %d has the unknown name '%s'", (int)id, name);
        by_label[k]++;
        const ss_task_type_t *types[5] = {&alpha, &beta, &outer, &inner, &nolabel};
        char want[256];
        snprintf(want, sizeof want, "%s:%u", __FILE__, types[k]->line);
        RT_CHECK(loc && !strcmp(loc, want), "task %d (%s): location '%s', want '%s'",
                 (int)id, name, loc ? loc : "(none)", want);
    }
    RT_CHECK(ntask == NTASKS, "%d task events, want one per task = %d", ntask, NTASKS);
    const int want[5] = {NALPHA, NBETA, 1, NINNER, NNOLABEL};
    for (int k = 0; k < 5; k++)
        RT_CHECK(by_label[k] == want[k], "%d events named '%s', want %d", by_label[k],
                 labels[k], want[k]);

    /* A second opinion on the syntax, where python3 is installed. */
    if (rt_have_program("python3")) {
        char cmd[9000];
        snprintf(cmd, sizeof cmd,
                 "python3 -c 'import json,sys; json.load(open(sys.argv[1]))' '%s'", file);
        RT_CHECK(system(cmd) == 0, "python3's json module rejects %s", file);
    }
    jfree(root);
    free(text);
    rt_rmdir(dir);
    return 0;
}
