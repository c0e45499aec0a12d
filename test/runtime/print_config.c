/* ss_print_config and SS_PRINT_CONFIG=1 print every setting, one per line,
 * as NAME=value, to stderr, with the effective values; nothing is printed at
 * start without SS_PRINT_CONFIG=1. Each case runs in a child process (this
 * program again, via /proc/self/exe) because settings are read once. */
#include "rt_test.h"

static const char *const names[] = {"SS_NUM_THREADS", "SS_BIND", "SS_THROTTLE_TASKS",
                                    "SS_QUEUE_LIMIT", "SS_SPIN_US", "SS_STACK_KIB",
                                    "SS_PRINT_CONFIG", "SS_TRACE", "SS_TRACE_FILE",
                                    "SS_GRAPH", "SS_GRAPH_LIMIT", "SS_STATS"};
#define NNAMES (sizeof names / sizeof names[0])

static int child(const char *mode)
{
    if (ss_init() != SS_OK)
        return 3;
    if (!strcmp(mode, "call"))
        ss_print_config();
    printf("workers=%d\n", ss_num_workers());
    return ss_finalize() == SS_OK ? 0 : 4;
}

/* The value printed for `name` (the text after "NAME=" up to blank/end). */
static const char *value_of(const char *err, const char *name, char *val, size_t cap)
{
    char prefix[64], line[512];
    snprintf(prefix, sizeof prefix, "%s=", name);
    if (!rt_line_starting(err, prefix, line, sizeof line))
        return NULL;
    const char *v = line + strlen(prefix);
    size_t n = strcspn(v, " \t#");
    if (n >= cap)
        n = cap - 1;
    memcpy(val, v, n);
    val[n] = 0;
    return val;
}

/* Base environment: none of the settings inherited from ours. */
static void base_env(const char **env, int *n)
{
    for (unsigned i = 0; i < NNAMES; i++)
        env[(*n)++] = names[i];
}

static void check_all_names(const rt_child_t *c, const char *what)
{
    for (unsigned i = 0; i < NNAMES; i++) {
        char prefix[64];
        snprintf(prefix, sizeof prefix, "%s=", names[i]);
        int n = 0;
        for (const char *s = c->err; (s = strstr(s, prefix)); s++)
            if (s == c->err || s[-1] == '\n')
                n++;
        if (n != 1)
            RT_FAIL("%s: %d lines start with '%s' (want 1); stderr was:\n%s", what, n,
                    prefix, c->err);
    }
}

int main(void)
{
    const char *mode = getenv("RT_CHILD");
    if (mode)
        return child(mode);

    static rt_child_t c;
    const char *env[32];
    int n;

    /* SS_PRINT_CONFIG=1 with some values set. */
    n = 0;
    base_env(env, &n);
    const char *set[][2] = {{"SS_NUM_THREADS", "3"}, {"SS_QUEUE_LIMIT", "77"},
                            {"SS_SPIN_US", "5"}, {"SS_THROTTLE_TASKS", "5000"},
                            {"SS_STACK_KIB", "1024"}, {"SS_BIND", "0"},
                            {"SS_PRINT_CONFIG", "1"}};
    char assign[7][64];
    for (int i = 0; i < 7; i++) {
        snprintf(assign[i], sizeof assign[i], "%s=%s", set[i][0], set[i][1]);
        env[n++] = assign[i];
    }
    env[n] = NULL;
    rt_run_child("start", env, &c);
    RT_CHECK(c.status == 0, "child exited with %d; stderr:\n%s", c.status, c.err);
    check_all_names(&c, "SS_PRINT_CONFIG=1");
    for (int i = 0; i < 7; i++) {
        char val[64];
        if (!value_of(c.err, set[i][0], val, sizeof val) || strcmp(val, set[i][1]))
            RT_FAIL("SS_PRINT_CONFIG=1: %s printed as '%s', want '%s'; stderr:\n%s",
                    set[i][0], value_of(c.err, set[i][0], val, sizeof val) ? val : "(none)",
                    set[i][1], c.err);
    }
    RT_CHECK(strstr(c.out, "workers=3"), "child stdout: %s", c.out);

    /* Without SS_PRINT_CONFIG, or with 0: nothing at start. */
    for (int k = 0; k < 2; k++) {
        n = 0;
        base_env(env, &n);
        if (k)
            env[n++] = "SS_PRINT_CONFIG=0";
        env[n] = NULL;
        rt_run_child("start", env, &c);
        RT_CHECK(c.status == 0, "child exited with %d", c.status);
        RT_CHECK(c.err[0] == 0, "%s: stderr not empty:\n%s",
                 k ? "SS_PRINT_CONFIG=0" : "no SS_PRINT_CONFIG", c.err);
    }

    /* Every setting documented in docs/config.md is printed, with its
     * documented default (when the docs are reachable: under ctest). */
    {
        static char dnames[RT_MAX_SETTINGS][64], ddefs[RT_MAX_SETTINGS][64];
        int nd = rt_doc_settings(dnames, ddefs, RT_MAX_SETTINGS);
        if (nd >= 0) {
            RT_CHECK(nd >= (int)NNAMES, "docs/config.md lists %d settings", nd);
            n = 0;
            for (int i = 0; i < nd; i++)
                env[n++] = dnames[i];
            env[n] = NULL;
            rt_run_child("call", env, &c);
            RT_CHECK(c.status == 0, "child exited with %d", c.status);
            for (int i = 0; i < nd; i++) {
                char val[64];
                if (!value_of(c.err, dnames[i], val, sizeof val))
                    RT_FAIL("documented setting %s is not printed; stderr:\n%s",
                            dnames[i], c.err);
                if (strcmp(val, ddefs[i]))
                    RT_FAIL("%s printed as %s, documented default %s", dnames[i], val,
                            ddefs[i]);
            }
        }
    }

    /* ss_print_config() called explicitly: every setting, defaults. */
    n = 0;
    base_env(env, &n);
    env[n] = NULL;
    rt_run_child("call", env, &c);
    RT_CHECK(c.status == 0, "child exited with %d", c.status);
    check_all_names(&c, "ss_print_config()");
    char val[64];
    RT_CHECK(value_of(c.err, "SS_PRINT_CONFIG", val, sizeof val) && !strcmp(val, "0"),
             "SS_PRINT_CONFIG printed as '%s' when unset", val);
    /* Each line is a setting or a comment. */
    for (const char *s = c.err; *s;) {
        const char *nl = strchr(s, '\n');
        if (strncmp(s, "SS_", 3) && *s != '#')
            RT_FAIL("ss_print_config printed an unexpected line: %.*s",
                    (int)(nl ? nl - s : (long)strlen(s)), s);
        s = nl ? nl + 1 : s + strlen(s);
    }
    return 0;
}
