/* rt_trace.h - helpers of the trace_* tests (header only, like rt_test.h):
 * a scratch directory, reading a whole file, and the one-line environment
 * setup of a child that traces. */
#ifndef RT_TRACE_H
#define RT_TRACE_H

#include "rt_test.h" /* first: it defines _GNU_SOURCE */

#include <dirent.h>
#include <sys/stat.h>

/* The trace settings a child must not inherit from the test's environment. */
#define RT_TRACE_UNSET "SS_TRACE", "SS_TRACE_FILE", "SS_GRAPH", "SS_GRAPH_LIMIT", "SS_STATS", \
                       "SS_PROFILE"

/* A new empty directory (static storage); removed with rt_rmdir. */
static inline const char *rt_tmpdir(void)
{
    static char path[4096];
    const char *base = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/ss-trace-test-XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(path))
        RT_FAIL("mkdtemp(%s): %s", path, strerror(errno));
    return path;
}

/* Number of entries of dir other than . and ..; the first one's name in
 * first (cap bytes) if any. */
static inline int rt_dir_entries(const char *dir, char *first, size_t cap)
{
    DIR *d = opendir(dir);
    if (!d)
        RT_FAIL("opendir(%s): %s", dir, strerror(errno));
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            if (!n++ && first)
                snprintf(first, cap, "%s", e->d_name);
        }
    closedir(d);
    return n;
}

/* Remove dir and the plain files in it. */
static inline void rt_rmdir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    char path[4096 + 256 + 2];
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
    closedir(d);
    rmdir(dir);
}

/* The whole file, NUL-terminated (malloc'd), or NULL if it does not exist. */
static inline char *rt_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t k;
    while (buf && (k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += k;
        if (n + 1 == cap) {
            char *b = realloc(buf, cap *= 2);
            if (!b)
                free(buf);
            buf = b;
        }
    }
    fclose(f);
    if (!buf)
        RT_FAIL("out of memory reading %s", path);
    buf[n] = 0;
    if (len)
        *len = n;
    return buf;
}

static inline int rt_file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* 1 if `prog` is an executable in $PATH. */
static inline int rt_have_program(const char *prog)
{
    const char *path = getenv("PATH");
    char dir[4096];
    while (path && *path) {
        size_t n = strcspn(path, ":");
        snprintf(dir, sizeof dir, "%.*s/%s", (int)n, path, prog);
        if (n && access(dir, X_OK) == 0)
            return 1;
        path += n + (path[n] == ':');
    }
    return 0;
}

/* Run this program again as a child (RT_CHILD=run) with 2 workers, the one
 * trace setting `setting` ("NAME=value") and RT_DIR naming a new scratch
 * directory, which is returned; fails the test unless the child exits 0. */
static inline const char *rt_trace_child(const char *setting, rt_child_t *c)
{
    const char *dir = rt_tmpdir();
    static char assign[4300];
    snprintf(assign, sizeof assign, "RT_DIR=%s", dir);
    const char *env[] = {RT_TRACE_UNSET, assign, setting, "SS_NUM_THREADS=2", NULL};
    rt_run_child("run", env, c);
    RT_CHECK(c->status == 0, "child exited with %d; stderr:\n%s", c->status, c->err);
    return dir;
}

#endif /* RT_TRACE_H */
