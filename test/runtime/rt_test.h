/* rt_test.h - helpers shared by the test/runtime programs (header only: every
 * .c in this folder is its own test, so everything here is static inline).
 *
 * Conventions: exit 0 = pass, 77 = skip, anything else = fail. Nothing here
 * measures time against a threshold; clocks are only used to bound waits that
 * would otherwise hang when the runtime is wrong.
 */
#ifndef RT_TEST_H
#define RT_TEST_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ss.h"

#define RT_SKIP 77

/* ---- failing --------------------------------------------------------- */

__attribute__((format(printf, 3, 4), noreturn)) static inline void
rt_fail_at(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s:%d: FAIL: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    fflush(stderr);
    _exit(1); /* not exit(): no atexit finalize racing with running tasks */
}

#define RT_FAIL(...) rt_fail_at(__FILE__, __LINE__, __VA_ARGS__)

/* RT_CHECK(cond, fmt, args...): fail with the message unless cond. */
#define RT_CHECK(cond, ...)                                                   \
    do {                                                                      \
        if (!(cond))                                                          \
            RT_FAIL(__VA_ARGS__);                                             \
    } while (0)

/* A call that must return SS_OK. */
#define RT_OK(call)                                                           \
    do {                                                                      \
        int rc_ = (call);                                                     \
        if (rc_ != SS_OK)                                                     \
            RT_FAIL("%s returned %d (%s), want SS_OK", #call, rc_,            \
                    ss_strerror(rc_));                                        \
    } while (0)

/* A call that must return exactly `want`. */
#define RT_EXPECT(call, want)                                                 \
    do {                                                                      \
        int rc_ = (call), want_ = (want);                                     \
        if (rc_ != want_)                                                     \
            RT_FAIL("%s returned %d (%s), want %s = %d", #call, rc_,          \
                    ss_strerror(rc_), #want, want_);                          \
    } while (0)

__attribute__((noreturn)) static inline void rt_skip(const char *why)
{
    fprintf(stderr, "SKIP: %s\n", why);
    exit(RT_SKIP);
}

/* ---- environment ----------------------------------------------------- */

/* SS_TEST_SCALE (a factor in (0, 1], default 1) shrinks the big loops, e.g.
 * under sanitizers. Never returns less than `min`. */
static inline long rt_scaled(long n, long min)
{
    const char *s = getenv("SS_TEST_SCALE");
    double f = s && *s ? strtod(s, NULL) : 1.0;
    if (!(f > 0.0))
        f = 1.0;
    long v = (long)((double)n * f);
    return v < min ? min : v;
}

/* Must be called before the first runtime call: ask for at least `n`
 * workers (SS_NUM_THREADS=n unless the environment already sets it), start
 * the runtime, and skip (77) if fewer than n workers exist. */
static inline int rt_need_workers(int n)
{
    if (!getenv("SS_NUM_THREADS")) {
        char buf[16];
        snprintf(buf, sizeof buf, "%d", n);
        setenv("SS_NUM_THREADS", buf, 1);
    }
    RT_OK(ss_init());
    int w = ss_num_workers();
    if (w < n) {
        char msg[96];
        snprintf(msg, sizeof msg, "needs %d workers, runtime has %d", n, w);
        rt_skip(msg);
    }
    return w;
}

/* ---- time (only to bound waits) -------------------------------------- */

static inline double rt_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static inline void rt_sleep_us(long us)
{
    struct timespec ts = {us / 1000000, (us % 1000000) * 1000};
    while (nanosleep(&ts, &ts) && errno == EINTR)
        ;
}

/* How long a task waits for something that must happen if the runtime is
 * right before it declares failure (seconds). Generous: a failure costs this
 * much, a pass costs nothing. */
#define RT_WAIT_LIMIT 10.0

/* Wait until *flag != 0, at most RT_WAIT_LIMIT seconds; 1 if it happened. */
static inline int rt_wait_flag(atomic_int *flag)
{
    double t0 = rt_now();
    for (unsigned i = 0; !atomic_load(flag); i++) {
        if ((i & 255) == 255 && rt_now() - t0 > RT_WAIT_LIMIT)
            return atomic_load(flag) != 0;
        sched_yield();
    }
    return 1;
}

/* ---- tasks ------------------------------------------------------------ */

/* Create a task with a copy of `args` (may be NULL), dependences deps[0..n)
 * (ss_dep_t: type, base, ndims, dims), flags and priority; submit it. */
static inline void rt_spawn_p(ss_task_type_t *type, const void *args,
                              size_t size, unsigned ndeps, const ss_dep_t *deps,
                              unsigned flags, int prio)
{
    ss_task_t t;
    void *a = NULL;
    RT_OK(ss_task_create(type, size, ndeps, flags, &t, size ? &a : NULL));
    if (size)
        memcpy(a, args, size);
    for (unsigned i = 0; i < ndeps; i++)
        RT_OK(ss_task_depend(t, deps[i].type, deps[i].base, deps[i].ndims,
                             deps[i].dims));
    if (prio)
        RT_OK(ss_task_set_priority(t, prio));
    RT_OK(ss_task_submit(t));
}

static inline void rt_spawn(ss_task_type_t *type, const void *args, size_t size,
                            unsigned ndeps, const ss_dep_t *deps, unsigned flags)
{
    rt_spawn_p(type, args, size, ndeps, deps, flags, 0);
}

/* A 1-D dependence on the bytes [addr, addr + len), as an ss_dep_t. The dims
 * live in `dim`, which must outlive the use. */
static inline ss_dep_t rt_dep_bytes(ss_dep_type_t type, const void *addr,
                                    size_t len, ss_dim_t *dim)
{
    dim->size = len;
    dim->start = 0;
    dim->end = len;
    ss_dep_t d = {type, addr, 1, dim};
    return d;
}

__attribute__((unused)) static const char *const rt_dep_names[] = {"?", "in", "out", "inout",
                                           "inoutset", "mutexinoutset"};

static inline const char *rt_dep_name(ss_dep_type_t t)
{
    return t >= 1 && t <= 5 ? rt_dep_names[t] : "?";
}

/* ---- probes: tasks that record when they started and finished ---------

   A probe records a ticket from one global sequence when it starts and when
   it ends, so that "a finished before b started" is exact for the run that
   happened: end[a] < start[b]. A probe may sleep in between (widening the
   window a missing dependence would open), and may rendezvous with a
   partner: it announces that it started and waits (bounded) until the
   partner started too, which can only succeed if both run at the same
   time. Run probes with ss_taskwait between experiments; call
   rt_probes_reset first. */

#define RT_MAX_PROBES 4096

typedef struct {
    int id;
    int partner;      /* probe to rendezvous with, or -1 */
    long delay_us;    /* sleep between start and end */
} rt_probe_args_t;

#define RT_UNUSED __attribute__((unused))
RT_UNUSED static atomic_long rt_seq;
RT_UNUSED static atomic_long rt_start[RT_MAX_PROBES], rt_end[RT_MAX_PROBES];
RT_UNUSED static atomic_int rt_started[RT_MAX_PROBES];
RT_UNUSED static atomic_int rt_met[RT_MAX_PROBES]; /* 1 met, -1 timed out */
RT_UNUSED static atomic_int rt_inside;             /* probes between start/end */
RT_UNUSED static atomic_int rt_max_inside;

static inline void rt_probes_reset(void)
{
    for (int i = 0; i < RT_MAX_PROBES; i++) {
        atomic_store(&rt_start[i], 0);
        atomic_store(&rt_end[i], 0);
        atomic_store(&rt_started[i], 0);
        atomic_store(&rt_met[i], 0);
    }
    atomic_store(&rt_inside, 0);
    atomic_store(&rt_max_inside, 0);
}

RT_UNUSED static void rt_probe_body(void *p)
{
    const rt_probe_args_t *a = p;
    atomic_store(&rt_start[a->id], atomic_fetch_add(&rt_seq, 1) + 1);
    int in = atomic_fetch_add(&rt_inside, 1) + 1;
    for (int m = atomic_load(&rt_max_inside); in > m;)
        if (atomic_compare_exchange_weak(&rt_max_inside, &m, in))
            break;
    atomic_store(&rt_started[a->id], 1);
    if (a->partner >= 0)
        atomic_store(&rt_met[a->id],
                     rt_wait_flag(&rt_started[a->partner]) ? 1 : -1);
    if (a->delay_us)
        rt_sleep_us(a->delay_us);
    atomic_fetch_sub(&rt_inside, 1);
    atomic_store(&rt_end[a->id], atomic_fetch_add(&rt_seq, 1) + 1);
}

RT_UNUSED static ss_task_type_t rt_probe_type = SS_TASK_TYPE("probe", rt_probe_body);

static inline void rt_probe_spawn(int id, int partner, long delay_us,
                                  unsigned ndeps, const ss_dep_t *deps)
{
    rt_probe_args_t a = {id, partner, delay_us};
    rt_spawn(&rt_probe_type, &a, sizeof a, ndeps, deps, 0);
}

/* 1-D convenience: one dependence of `type` on [addr, addr + len). */
static inline void rt_probe1(int id, int partner, long delay_us,
                             ss_dep_type_t type, const void *addr, size_t len)
{
    ss_dim_t dim;
    ss_dep_t d = rt_dep_bytes(type, addr, len, &dim);
    rt_probe_spawn(id, partner, delay_us, 1, &d);
}

/* Probe a finished before probe b started (call after a taskwait). */
static inline int rt_probe_before(int a, int b)
{
    long ea = atomic_load(&rt_end[a]), sb = atomic_load(&rt_start[b]);
    return ea && sb && ea < sb;
}

/* Probes a and b ran at overlapping times (both met their partner). */
static inline int rt_probe_met(int a)
{
    return atomic_load(&rt_met[a]) == 1;
}

/* Probes a and b did not overlap in time (either order). */
static inline int rt_probe_disjoint(int a, int b)
{
    return rt_probe_before(a, b) || rt_probe_before(b, a);
}

#define RT_CHECK_BEFORE(a, b, what)                                           \
    do {                                                                      \
        if (!rt_probe_before((a), (b)))                                       \
            RT_FAIL("%s: probe %d (start %ld end %ld) must finish before "   \
                    "probe %d (start %ld end %ld) starts",                   \
                    (what), (a), atomic_load(&rt_start[a]),                   \
                    atomic_load(&rt_end[a]), (b), atomic_load(&rt_start[b]),  \
                    atomic_load(&rt_end[b]));                                 \
    } while (0)

#define RT_CHECK_CONCURRENT(a, b, what)                                       \
    do {                                                                      \
        if (!rt_probe_met(a) || !rt_probe_met(b))                             \
            RT_FAIL("%s: probes %d and %d must be able to run at the same "  \
                    "time but did not meet within %.0f s (met %d/%d)",        \
                    (what), (a), (b), RT_WAIT_LIMIT, atomic_load(&rt_met[a]), \
                    atomic_load(&rt_met[b]));                                 \
    } while (0)

/* ---- expected overlaps, computed by brute force ------------------------ */

/* Mark in `map` (one byte per byte of [lo, lo + len)) every byte of the region
 * (base, ndims, dims) - the OmpSs-2 convention of ss_dim_t: dims[0] in bytes,
 * outer dimensions in elements of the next inner one. */
static inline void rt_mark_region(unsigned char *map, uintptr_t lo, size_t len,
                                  const void *base, unsigned ndims,
                                  const ss_dim_t *dims)
{
    size_t stride[SS_MAX_DIMS], idx[SS_MAX_DIMS];
    size_t s = 1;
    for (unsigned k = 0; k < ndims; k++) {
        stride[k] = s;
        s *= dims[k].size;
        idx[k] = dims[k].start;
        if (dims[k].start >= dims[k].end)
            return; /* empty */
    }
    for (;;) {
        uintptr_t off = (uintptr_t)base;
        for (unsigned k = 0; k < ndims; k++)
            off += idx[k] * stride[k];
        if (off < lo || off >= lo + len)
            RT_FAIL("test bug: region byte outside the marked buffer");
        map[off - lo] = 1;
        unsigned k = 0;
        while (k < ndims && ++idx[k] == dims[k].end) {
            idx[k] = dims[k].start;
            k++;
        }
        if (k == ndims)
            return;
    }
}

/* Do two dependences share a byte of the buffer [lo, lo + len)? */
static inline int rt_deps_overlap(const ss_dep_t *a, const ss_dep_t *b,
                                  const void *lo, size_t len)
{
    unsigned char *ma = calloc(len, 1), *mb = calloc(len, 1);
    if (!ma || !mb)
        RT_FAIL("out of memory");
    rt_mark_region(ma, (uintptr_t)lo, len, a->base, a->ndims, a->dims);
    rt_mark_region(mb, (uintptr_t)lo, len, b->base, b->ndims, b->dims);
    int hit = 0;
    for (size_t i = 0; i < len && !hit; i++)
        hit = ma[i] && mb[i];
    free(ma);
    free(mb);
    return hit;
}

/* Two dependences conflict (must be ordered) when they share a byte and are
 * not both in or both inoutset; both mutexinoutset: exclusive, any order. */
enum { RT_CONCURRENT, RT_ORDERED, RT_EXCLUSIVE };

static inline int rt_relation(const ss_dep_t *a, const ss_dep_t *b,
                              const void *lo, size_t len)
{
    if (!rt_deps_overlap(a, b, lo, len))
        return RT_CONCURRENT;
    if (a->type == b->type &&
        (a->type == SS_DEP_IN || a->type == SS_DEP_INOUTSET))
        return RT_CONCURRENT;
    if (a->type == b->type && a->type == SS_DEP_MUTEXINOUTSET)
        return RT_EXCLUSIVE;
    return RT_ORDERED;
}

/* Probe a with dependence `da`, then probe b with `db` (both siblings in the
 * calling task's domain), wait, and check what `want` says: RT_ORDERED (a
 * finished before b started), RT_CONCURRENT (they met: needs 2 workers),
 * RT_EXCLUSIVE (no overlap in time). Probe ids 0 and 1 are used. */
#define RT_ORDER_DELAY_US 3000

static inline void rt_check_pair(const ss_dep_t *da, const ss_dep_t *db, int want,
                                 const char *what)
{
    rt_probes_reset();
    if (want == RT_CONCURRENT) {
        rt_probe_spawn(0, 1, 0, 1, da);
        rt_probe_spawn(1, 0, 0, 1, db);
    } else {
        rt_probe_spawn(0, -1, RT_ORDER_DELAY_US, 1, da);
        rt_probe_spawn(1, -1, RT_ORDER_DELAY_US, 1, db);
    }
    RT_OK(ss_taskwait());
    char label[256];
    snprintf(label, sizeof label, "%s (%s then %s)", what, rt_dep_name(da->type),
             rt_dep_name(db->type));
    if (want == RT_CONCURRENT)
        RT_CHECK_CONCURRENT(0, 1, label);
    else if (want == RT_ORDERED)
        RT_CHECK_BEFORE(0, 1, label);
    else if (!rt_probe_disjoint(0, 1))
        RT_FAIL("%s: probes overlapped in time (starts %ld %ld, ends %ld %ld)",
                label, atomic_load(&rt_start[0]), atomic_load(&rt_start[1]),
                atomic_load(&rt_end[0]), atomic_load(&rt_end[1]));
}

/* rt_check_pair with the expected relation computed by brute force over the
 * buffer [lo, lo + len); `expect` (or -1) states what the author expects, as a
 * check of the test itself. */
static inline void rt_check_pair_auto(const ss_dep_t *da, const ss_dep_t *db,
                                      const void *lo, size_t len, int expect,
                                      const char *what)
{
    int want = rt_relation(da, db, lo, len);
    if (expect >= 0 && want != expect)
        RT_FAIL("test bug: %s: computed relation %d, author expected %d", what,
                want, expect);
    rt_check_pair(da, db, want, what);
}

/* ---- child processes (settings are read once per process) ------------- */

typedef struct {
    int status;   /* exit code, or 128 + signal */
    char out[16384], err[16384];
} rt_child_t;

/* Read two pipes to their ends at once (a child may fill either first);
 * keep at most cap - 1 bytes of each, NUL-terminated. */
static inline void rt_read_two(int fd1, char *buf1, int fd2, char *buf2, size_t cap)
{
    struct pollfd p[2] = {{fd1, POLLIN, 0}, {fd2, POLLIN, 0}};
    char *buf[2] = {buf1, buf2};
    size_t n[2] = {0, 0};
    int open_ = 2;
    while (open_) {
        if (poll(p, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            RT_FAIL("poll: %s", strerror(errno));
        }
        for (int i = 0; i < 2; i++) {
            if (p[i].fd < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char tmp[4096];
            ssize_t k = read(p[i].fd, tmp, sizeof tmp);
            if (k < 0 && errno == EINTR)
                continue;
            if (k <= 0) {
                p[i].fd = -1;
                open_--;
                continue;
            }
            size_t keep = (size_t)k < cap - 1 - n[i] ? (size_t)k : cap - 1 - n[i];
            memcpy(buf[i] + n[i], tmp, keep);
            n[i] += keep;
        }
    }
    buf1[n[0]] = 0;
    buf2[n[1]] = 0;
}

/* Run this same program again (/proc/self/exe) with RT_CHILD=mode and the
 * extra environment `env` ("NAME=value" strings, NULL-terminated; a "NAME"
 * without '=' removes it); capture its stdout and stderr. */
static inline void rt_run_child(const char *mode, const char *const *env,
                                rt_child_t *c)
{
    int po[2], pe[2];
    if (pipe(po) || pipe(pe))
        RT_FAIL("pipe: %s", strerror(errno));
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0)
        RT_FAIL("fork: %s", strerror(errno));
    if (pid == 0) {
        dup2(po[1], 1);
        dup2(pe[1], 2);
        close(po[0]); close(po[1]); close(pe[0]); close(pe[1]);
        setenv("RT_CHILD", mode, 1);
        for (; env && *env; env++) {
            const char *eq = strchr(*env, '=');
            if (!eq) {
                unsetenv(*env);
                continue;
            }
            char name[128];
            size_t n = (size_t)(eq - *env);
            if (n >= sizeof name)
                _exit(126);
            memcpy(name, *env, n);
            name[n] = 0;
            setenv(name, eq + 1, 1);
        }
        char *argv[] = {(char *)"rt_child", NULL};
        execv("/proc/self/exe", argv);
        _exit(127);
    }
    close(po[1]);
    close(pe[1]);
    rt_read_two(po[0], c->out, pe[0], c->err, sizeof c->out);
    close(po[0]);
    close(pe[0]);
    int st;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    c->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* The settings documented in $SS_DOCS_DIR/config.md (ctest sets
 * SS_DOCS_DIR): rows "| `NAME` | type | `default` | ...". Fills up to max
 * names/defaults (static storage) and returns how many, or -1 when the file
 * is not available (SS_DOCS_DIR unset, e.g. when run by hand). */
#define RT_MAX_SETTINGS 64
static inline int rt_doc_settings(char names[][64], char defaults[][64], int max)
{
    const char *dir = getenv("SS_DOCS_DIR");
    if (!dir || !*dir)
        return -1;
    char path[4096];
    snprintf(path, sizeof path, "%s/config.md", dir);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[1024];
    int n = 0;
    while (n < max && fgets(line, sizeof line, f)) {
        if (strncmp(line, "| `SS_", 6))
            continue;
        /* cells: 1 name, 2 type, 3 default */
        char cell[4][256];
        int k = 0;
        const char *p = line + 1;
        while (k < 4 && *p) {
            const char *bar = strchr(p, '|');
            if (!bar)
                break;
            size_t len = (size_t)(bar - p);
            /* trim blanks and backticks */
            while (len && (*p == ' ' || *p == '`')) { p++; len--; }
            while (len && (p[len - 1] == ' ' || p[len - 1] == '`')) len--;
            if (len >= sizeof cell[k])
                len = sizeof cell[k] - 1;
            memcpy(cell[k], p, len);
            cell[k][len] = 0;
            k++;
            p = bar + 1;
        }
        if (k < 3)
            continue;
        memcpy(names[n], cell[0], 63);
        names[n][63] = 0;
        memcpy(defaults[n], cell[2], 63);
        defaults[n][63] = 0;
        n++;
    }
    fclose(f);
    return n;
}

/* Number of lines of `text` that contain `needle` (NULL: all lines). */
static inline int rt_count_lines(const char *text, const char *needle)
{
    int n = 0;
    while (*text) {
        const char *nl = strchr(text, '\n');
        size_t len = nl ? (size_t)(nl - text) : strlen(text);
        if (!needle) {
            n++;
        } else {
            size_t k = strlen(needle);
            for (size_t i = 0; i + k <= len; i++)
                if (!memcmp(text + i, needle, k)) {
                    n++;
                    break;
                }
        }
        text += len + (nl ? 1 : 0);
    }
    return n;
}

/* The line of `text` starting with `prefix` (copied into buf), or NULL. */
static inline const char *rt_line_starting(const char *text, const char *prefix,
                                           char *buf, size_t cap)
{
    size_t k = strlen(prefix);
    while (*text) {
        const char *nl = strchr(text, '\n');
        size_t len = nl ? (size_t)(nl - text) : strlen(text);
        if (len >= k && !memcmp(text, prefix, k)) {
            if (len >= cap)
                len = cap - 1;
            memcpy(buf, text, len);
            buf[len] = 0;
            return buf;
        }
        text += len + (nl ? 1 : 0);
    }
    return NULL;
}

#endif /* RT_TEST_H */
