/* SS_TRACE=paraver writes PREFIX.prv, PREFIX.pcf and PREFIX.row, and they
 * agree: the .prv header's CPUs and threads match the .row levels and the
 * number of workers; every record is well formed, on a known CPU and
 * thread, within the header's duration, in time order; every state and
 * event type is defined in the .pcf, and so is every value of the "task
 * type" event; the state intervals of a thread do not overlap; every task
 * appears (its number is the value of the task-number event). SS_TRACE=both
 * writes the JSON file as well. */
#include "rt_trace.h"

static atomic_int x;
static void work(void *p) { (void)p; atomic_fetch_add(&x, 1); rt_sleep_us(50); }
static ss_task_type_t red = SS_TASK_TYPE("red", work);
static ss_task_type_t green = SS_TASK_TYPE("green", work);

enum { NRED = 20, NGREEN = 12, NTASKS = NRED + NGREEN, NWORKERS = 2 };

static int child(void)
{
    static int chain;
    ss_dim_t dim;
    ss_dep_t d = rt_dep_bytes(SS_DEP_INOUT, &chain, sizeof chain, &dim);
    for (int i = 0; i < NRED; i++)
        rt_spawn(&red, NULL, 0, 0, NULL, 0);
    for (int i = 0; i < NGREEN; i++)
        rt_spawn(&green, NULL, 0, 1, &d, 0);
    RT_OK(ss_taskwait());
    return ss_finalize() == SS_OK && atomic_load(&x) == NTASKS ? 0 : 3;
}

/* ---- .pcf ------------------------------------------------------------- */

#define MAXDEF 64
typedef struct {
    long states[MAXDEF];
    int nstates;
    long types[MAXDEF];
    int ntypes;
    long values[MAXDEF][MAXDEF]; /* per type; -1 ends */
    char value_names[MAXDEF][MAXDEF][64];
    int nvalues[MAXDEF];
    int has_values[MAXDEF];
} pcf_t;

static void parse_pcf(const char *text, pcf_t *p)
{
    memset(p, 0, sizeof *p);
    enum { NONE, STATES, ETYPE, VALUES } sec = NONE;
    char line[512];
    while (*text) {
        size_t n = strcspn(text, "\n");
        snprintf(line, sizeof line, "%.*s", (int)n, text);
        text += n + (text[n] == '\n');
        if (!line[0]) {
            sec = NONE;
            continue;
        }
        if (!strcmp(line, "STATES")) { sec = STATES; continue; }
        if (!strcmp(line, "EVENT_TYPE")) { sec = ETYPE; continue; }
        if (!strcmp(line, "VALUES")) {
            RT_CHECK(p->ntypes, ".pcf: VALUES before any EVENT_TYPE");
            p->has_values[p->ntypes - 1] = 1;
            sec = VALUES;
            continue;
        }
        long a, b;
        char name[128];
        if (sec == STATES) {
            RT_CHECK(sscanf(line, "%ld %127[^\n]", &a, name) == 2 && p->nstates < MAXDEF,
                     ".pcf: bad STATES line '%s'", line);
            p->states[p->nstates++] = a;
        } else if (sec == ETYPE) {
            RT_CHECK(sscanf(line, "%ld %ld %127[^\n]", &a, &b, name) == 3 &&
                         p->ntypes < MAXDEF,
                     ".pcf: bad EVENT_TYPE line '%s'", line);
            p->types[p->ntypes++] = b;
        } else if (sec == VALUES) {
            int t = p->ntypes - 1;
            RT_CHECK(sscanf(line, "%ld %63[^\n]", &a, name) == 2 && p->nvalues[t] < MAXDEF,
                     ".pcf: bad VALUES line '%s'", line);
            p->values[t][p->nvalues[t]] = a;
            snprintf(p->value_names[t][p->nvalues[t]++], 64, "%.63s", name);
        }
    }
}

static int pcf_type(const pcf_t *p, long type)
{
    for (int i = 0; i < p->ntypes; i++)
        if (p->types[i] == type)
            return i;
    return -1;
}

static const char *pcf_value(const pcf_t *p, int t, long v)
{
    for (int i = 0; i < p->nvalues[t]; i++)
        if (p->values[t][i] == v)
            return p->value_names[t][i];
    return NULL;
}

/* ---- .row ------------------------------------------------------------- */

/* The SIZE of "LEVEL <level> SIZE n", checking that n names follow. */
static int row_level(const char *text, const char *level)
{
    char key[64];
    snprintf(key, sizeof key, "LEVEL %s SIZE ", level);
    const char *s = strstr(text, key);
    RT_CHECK(s, ".row has no '%s'", key);
    int n = atoi(s + strlen(key));
    s = strchr(s, '\n');
    for (int i = 0; i < n; i++) {
        RT_CHECK(s && s[1] && s[1] != '\n', ".row: %s level has fewer than %d names",
                 level, n);
        s = strchr(s + 1, '\n');
    }
    return n;
}

/* ---- .prv ------------------------------------------------------------- */

static int split(char *line, long long *f, int max)
{
    int n = 0;
    for (char *tok = strtok(line, ":"); tok; tok = strtok(NULL, ":")) {
        char *end;
        RT_CHECK(n < max, ".prv: too many fields");
        f[n++] = strtoll(tok, &end, 10);
        RT_CHECK(*end == 0 && end != tok, ".prv: field '%s' is not a number", tok);
    }
    return n;
}

static void check_prv(char *text, const pcf_t *pcf, int nthreads)
{
    char date[64];
    unsigned long long dur;
    int nodes, cpus, appl, tasks, threads, node;
    char *nl = strchr(text, '\n');
    RT_CHECK(nl, ".prv has no records");
    *nl = 0;
    RT_CHECK(sscanf(text, "#Paraver (%63[^)]):%llu_ns:%d(%d):%d:%d(%d:%d)", date, &dur,
                    &nodes, &cpus, &appl, &tasks, &threads, &node) == 8,
             ".prv header '%s' is not #Paraver (date):DURATION_ns:1(CPUS):1:1(THREADS:1)",
             text);
    RT_CHECK(nodes == 1 && cpus == nthreads && appl == 1 && tasks == 1 &&
                 threads == nthreads && node == 1,
             ".prv header '%s' does not describe 1 node of %d CPUs and 1 task of %d "
             "threads", text, nthreads, nthreads);
    int tt = pcf_type(pcf, 90000001), ti = pcf_type(pcf, 90000002);
    RT_CHECK(tt >= 0 && ti >= 0 && pcf->has_values[tt],
             ".pcf lacks the task type (with values) or task number event types");
    long long prev = 0, last_end[64] = {0};
    int seen[NTASKS + 1] = {0}, nstates = 0, nevents = 0, red_seen = 0, green_seen = 0;
    char *line = nl + 1;
    for (int ln = 2; *line; ln++) {
        nl = strchr(line, '\n');
        RT_CHECK(nl, ".prv:%d: no newline at the end", ln);
        *nl = 0;
        long long f[32];
        int n = split(line, f, 32);
        RT_CHECK(n >= 6, ".prv:%d: %d fields", ln, n);
        RT_CHECK(f[1] >= 1 && f[1] <= cpus && f[2] == 1 && f[3] == 1 && f[4] >= 1 &&
                     f[4] <= threads,
                 ".prv:%d: cpu %lld appl %lld task %lld thread %lld", ln, f[1], f[2],
                 f[3], f[4]);
        RT_CHECK(f[5] >= prev, ".prv:%d: time %lld before the previous record's %lld", ln,
                 f[5], prev);
        prev = f[5];
        RT_CHECK(f[5] >= 0 && (unsigned long long)f[5] <= dur,
                 ".prv:%d: time %lld outside the duration %llu", ln, f[5], dur);
        if (f[0] == 1) {
            RT_CHECK(n == 8, ".prv:%d: a state record has %d fields, want 8", ln, n);
            RT_CHECK(f[5] < f[6] && (unsigned long long)f[6] <= dur,
                     ".prv:%d: state [%lld, %lld) outside (0, %llu]", ln, f[5], f[6], dur);
            int known = 0;
            for (int i = 0; i < pcf->nstates; i++)
                known |= pcf->states[i] == f[7];
            RT_CHECK(known, ".prv:%d: state %lld is not in the .pcf", ln, f[7]);
            RT_CHECK(f[5] >= last_end[f[4]], ".prv:%d: thread %lld's states overlap", ln,
                     f[4]);
            last_end[f[4]] = f[6];
            nstates++;
        } else {
            RT_CHECK(f[0] == 2 && n % 2 == 0, ".prv:%d: record type %lld with %d fields",
                     ln, f[0], n);
            for (int k = 6; k < n; k += 2) {
                int t = pcf_type(pcf, f[k]);
                RT_CHECK(t >= 0, ".prv:%d: event type %lld is not in the .pcf", ln, f[k]);
                if (pcf->has_values[t]) {
                    const char *name = pcf_value(pcf, t, f[k + 1]);
                    RT_CHECK(name, ".prv:%d: value %lld of event type %lld is not in the "
                             ".pcf", ln, f[k + 1], f[k]);
                    red_seen |= !strcmp(name, "red");
                    green_seen |= !strcmp(name, "green");
                }
                if (t == ti && f[k + 1]) {
                    RT_CHECK(f[k + 1] >= 1 && f[k + 1] <= NTASKS,
                             ".prv:%d: task number %lld", ln, f[k + 1]);
                    seen[f[k + 1]] = 1;
                }
            }
            nevents++;
        }
        line = nl + 1;
    }
    RT_CHECK(nstates > 0 && nevents > 0, ".prv: %d states, %d events", nstates, nevents);
    for (int i = 1; i <= NTASKS; i++)
        RT_CHECK(seen[i], ".prv: task %d never appears in a task-number event", i);
    RT_CHECK(red_seen && green_seen, ".prv: the task types red and green never appear");
}

static char *must_read(const char *prefix, const char *ext, const rt_child_t *c)
{
    char path[4300];
    snprintf(path, sizeof path, "%s.%s", prefix, ext);
    char *text = rt_read_file(path, NULL);
    RT_CHECK(text, "no %s was written; stderr:\n%s", path, c->err);
    return text;
}

static void run(const char *mode, const char *dir, int want_files)
{
    char prefix[4200], assign[4300], trace[64], threads[64];
    snprintf(prefix, sizeof prefix, "%s/%s", dir, mode);
    snprintf(assign, sizeof assign, "SS_TRACE_FILE=%s", prefix);
    snprintf(trace, sizeof trace, "SS_TRACE=%s", mode);
    snprintf(threads, sizeof threads, "SS_NUM_THREADS=%d", NWORKERS);
    const char *env[] = {RT_TRACE_UNSET, trace, assign, threads, NULL};
    static rt_child_t c;
    rt_run_child("trace", env, &c);
    RT_CHECK(c.status == 0, "SS_TRACE=%s: child exited with %d; stderr:\n%s", mode,
             c.status, c.err);
    char *prv = must_read(prefix, "prv", &c), *pcf_text = must_read(prefix, "pcf", &c),
         *row = must_read(prefix, "row", &c);
    static pcf_t pcf;
    parse_pcf(pcf_text, &pcf);
    RT_CHECK(row_level(row, "THREAD") == NWORKERS && row_level(row, "CPU") == NWORKERS &&
                 row_level(row, "NODE") == 1,
             ".row levels do not describe %d threads on %d CPUs of 1 node:\n%s", NWORKERS,
             NWORKERS, row);
    check_prv(prv, &pcf, NWORKERS);
    free(prv);
    free(pcf_text);
    free(row);
    RT_CHECK(rt_dir_entries(dir, NULL, 0) == want_files,
             "SS_TRACE=%s: %d files in %s, want %d", mode, rt_dir_entries(dir, NULL, 0),
             dir, want_files);
}

int main(void)
{
    if (getenv("RT_CHILD"))
        return child();
    const char *dir = rt_tmpdir();
    run("paraver", dir, 3);
    run("both", dir, 3 + 4); /* both.json too */
    char path[4300];
    snprintf(path, sizeof path, "%s/both.json", dir);
    RT_CHECK(rt_file_exists(path), "SS_TRACE=both wrote no %s", path);
    rt_rmdir(dir);
    return 0;
}
