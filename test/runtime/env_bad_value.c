/* A bad value in an SS_* environment variable (not a number, out of the
 * range of docs/config.md, not a boolean) prints exactly one warning line on
 * stderr naming the variable and the value, and the setting keeps its
 * default (same printed value and same number of workers as with the
 * variable unset). Good values in every documented syntax (decimal, 0x hex,
 * leading-0 octal, on/off/yes/no in any case) print nothing and take effect.
 * Each case runs in a child process (/proc/self/exe). */
#include "rt_test.h"

static const char *const names[] = {"SS_NUM_THREADS", "SS_BIND", "SS_THROTTLE_TASKS",
                                    "SS_QUEUE_LIMIT", "SS_SPIN_US", "SS_STACK_KIB",
                                    "SS_PRINT_CONFIG", "SS_TRACE", "SS_TRACE_FILE",
                                    "SS_GRAPH", "SS_GRAPH_LIMIT", "SS_STATS"};
#define NNAMES (sizeof names / sizeof names[0])

static int child(void)
{
    if (ss_init() != SS_OK)
        return 3;
    printf("workers=%d\n", ss_num_workers());
    ss_print_config();
    return ss_finalize() == SS_OK ? 0 : 4;
}

/* Lines of stderr that are neither settings (SS_...) nor comments (#). */
static int other_lines(const char *err, char *first, size_t cap)
{
    int n = 0;
    first[0] = 0;
    for (const char *s = err; *s;) {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        if (len && strncmp(s, "SS_", 3) && *s != '#') {
            if (!n++) {
                size_t k = len < cap - 1 ? len : cap - 1;
                memcpy(first, s, k);
                first[k] = 0;
            }
        }
        s += len + (nl ? 1 : 0);
    }
    return n;
}

static const char *setting_line(const char *err, const char *name, char *buf, size_t cap)
{
    char prefix[64];
    snprintf(prefix, sizeof prefix, "%s=", name);
    return rt_line_starting(err, prefix, buf, cap);
}

static void run(const char *const *assigns, int nassign, rt_child_t *c)
{
    const char *env[32];
    int n = 0;
    for (unsigned i = 0; i < NNAMES; i++)
        env[n++] = names[i]; /* unset what we inherited */
    for (int i = 0; i < nassign; i++)
        env[n++] = assigns[i];
    env[n] = NULL;
    rt_run_child("child", env, c);
    if (c->status != 0)
        RT_FAIL("child with %s exited with %d; stderr:\n%s",
                nassign ? assigns[0] : "(nothing)", c->status, c->err);
}

int main(void)
{
    if (getenv("RT_CHILD"))
        return child();

    static rt_child_t ref, c;
    char line[512], refline[512];
    run(NULL, 0, &ref);
    RT_CHECK(other_lines(ref.err, line, sizeof line) == 0,
             "warnings with no variable set: %s", line);

    const char *bad[][2] = {
        {"SS_NUM_THREADS", "abc"}, {"SS_NUM_THREADS", "-1"}, {"SS_NUM_THREADS", "99999999"},
        {"SS_NUM_THREADS", "4x"},  {"SS_BIND", "maybe"},     {"SS_BIND", "2"},
        {"SS_QUEUE_LIMIT", "0x"},  {"SS_QUEUE_LIMIT", "0"},  {"SS_SPIN_US", "1e3"},
        {"SS_STACK_KIB", "12abc"}, {"SS_THROTTLE_TASKS", "-5"},
        {"SS_PRINT_CONFIG", "please"}, {"SS_TRACE", "xml"},    {"SS_TRACE_FILE", ""},
        {"SS_GRAPH_LIMIT", "-1"},      {"SS_STATS", "2"},
    };
    for (unsigned i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char assign[128];
        snprintf(assign, sizeof assign, "%s=%s", bad[i][0], bad[i][1]);
        const char *a[1] = {assign};
        run(a, 1, &c);
        int k = other_lines(c.err, line, sizeof line);
        if (k != 1)
            RT_FAIL("%s: %d warning lines, want exactly 1; stderr:\n%s", assign, k, c.err);
        RT_CHECK(strstr(line, bad[i][0]) && strstr(line, bad[i][1]),
                 "%s: the warning does not name the variable and the value: %s",
                 assign, line);
        /* The default is kept. */
        if (!setting_line(c.err, bad[i][0], line, sizeof line) ||
            !setting_line(ref.err, bad[i][0], refline, sizeof refline) ||
            strcmp(line, refline))
            RT_FAIL("%s: setting printed as '%s', default is '%s'", assign, line, refline);
        RT_CHECK(!strcmp(c.out, ref.out), "%s: stdout '%s', with the default '%s'",
                 assign, c.out, ref.out);
    }

    /* Two bad variables: two warnings, one each. */
    {
        const char *a[2] = {"SS_SPIN_US=fast", "SS_BIND=perhaps"};
        run(a, 2, &c);
        int k = other_lines(c.err, line, sizeof line);
        RT_CHECK(k == 2, "two bad variables: %d warning lines; stderr:\n%s", k, c.err);
        RT_CHECK(rt_count_lines(c.err, "fast") == 1 && rt_count_lines(c.err, "perhaps") == 1,
                 "two bad variables: stderr:\n%s", c.err);
    }

    /* Good values: no warning, and they take effect. */
    {
        const char *a[5] = {"SS_NUM_THREADS=2", "SS_BIND=off", "SS_SPIN_US=010",
                            "SS_QUEUE_LIMIT=0x10", "SS_PRINT_CONFIG=No"};
        run(a, 5, &c);
        int k = other_lines(c.err, line, sizeof line);
        RT_CHECK(k == 0, "good values printed a warning: %s", line);
        RT_CHECK(strstr(c.out, "workers=2"), "SS_NUM_THREADS=2: stdout %s", c.out);
        RT_CHECK(setting_line(c.err, "SS_QUEUE_LIMIT", line, sizeof line) &&
                     !strncmp(line, "SS_QUEUE_LIMIT=16", 17) &&
                     (line[17] == 0 || line[17] == ' '),
                 "SS_QUEUE_LIMIT=0x10 printed as %s", line);
        RT_CHECK(setting_line(c.err, "SS_SPIN_US", line, sizeof line) &&
                     !strncmp(line, "SS_SPIN_US=8", 12) && (line[12] == 0 || line[12] == ' '),
                 "SS_SPIN_US=010 (octal) printed as %s", line);
        RT_CHECK(setting_line(c.err, "SS_BIND", line, sizeof line) &&
                     !strncmp(line, "SS_BIND=0", 9) && (line[9] == 0 || line[9] == ' '),
                 "SS_BIND=off printed as %s", line);
    }
    return 0;
}
