/* resume.c - file outputs of tasks: up-to-date checks (SS_RESUME, make-
 * style), the completion log (SS_RESUME_LOG) that lets an interrupted
 * workflow continue where it stopped, and the treatment of the outputs of
 * failed tasks (renamed aside, or created empty under `ignore`).
 *
 * A task's identity in the log: a hash of its type's key and of the kind
 * and path of each of its file dependences, as 16 hex digits per line.
 * Lines are appended with one write() each as tasks finish, so a killed
 * program leaves only whole lines behind (a torn last line never matches). */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/runtime.h"
#include "deps/deps.h"
#include "deps/files.h"
#include "fail/fail.h"

/* Owner: this file. `done` is read-only after init; the log fd is written
 * with single appends (atomic with O_APPEND). */
static struct {
    uint64_t *done; /* sorted identities read from the log */
    size_t ndone;
    int fd;
} rs = {NULL, 0, -1};

static int is_output(const ssi_access_t *a)
{
    return a->file && a->type != SSI_EP_READ;
}

static uint64_t identity(const ssi_task_t *t)
{
    uint64_t h = t->type->key ^ 0xcbf29ce484222325ULL;
    for (unsigned i = 0; i < t->ndeps; i++) {
        if (!t->acc[i].file)
            continue;
        h = (h ^ t->acc[i].type) * 0x100000001b3ULL;
        for (const char *p = ssi_file_path(&t->acc[i]); *p; p++)
            h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
        h = (h ^ 0xff) * 0x100000001b3ULL;
    }
    return h;
}

static int cmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

void ssi_resume_init(void)
{
    const char *path = ssi_rt.cfg.resume_log;
    if (!*path)
        return;
    if (ssi_rt.cfg.resume) {
        FILE *f = fopen(path, "r");
        char line[64];
        size_t cap = 0;
        while (f && fgets(line, sizeof line, f)) {
            uint64_t id;
            char end;
            if (sscanf(line, "%16" SCNx64 "%c", &id, &end) != 2 || end != '\n')
                continue; /* torn or foreign line */
            if (rs.ndone == cap) {
                cap = cap ? 2 * cap : 256;
                uint64_t *d = realloc(rs.done, cap * sizeof *d);
                if (!d)
                    break;
                rs.done = d;
            }
            rs.done[rs.ndone++] = id;
        }
        if (f)
            fclose(f);
        qsort(rs.done, rs.ndone, sizeof *rs.done, cmp);
    }
    rs.fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (rs.fd < 0)
        fprintf(stderr, "ss: warning: cannot open the resume log %s: %s\n", path,
                strerror(errno));
}

void ssi_resume_fini(void)
{
    if (rs.fd >= 0)
        close(rs.fd);
    rs.fd = -1;
    free(rs.done);
    rs.done = NULL;
    rs.ndone = 0;
}

static int mtime(const char *path, struct timespec *ts)
{
    struct stat st;
    if (stat(path, &st))
        return -1;
    *ts = st.st_mtim;
    return 0;
}

static int older(const struct timespec *a, const struct timespec *b)
{
    return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

int ssi_resume_skip(const ssi_task_t *t)
{
    struct timespec newest_in = {0, 0}, oldest_out = {0, 0}, ts;
    int outputs = 0;
    for (unsigned i = 0; i < t->ndeps; i++) {
        const ssi_access_t *a = &t->acc[i];
        if (!a->file)
            continue;
        if (mtime(ssi_file_path(a), &ts))
            return 0; /* an output is missing (or an input: let it fail) */
        if (is_output(a)) {
            if (!outputs++ || older(&ts, &oldest_out))
                oldest_out = ts;
        } else if (older(&newest_in, &ts)) {
            newest_in = ts;
        }
    }
    if (!outputs || older(&oldest_out, &newest_in))
        return 0;
    if (rs.fd < 0 && !*ssi_rt.cfg.resume_log)
        return 1; /* make-style only */
    uint64_t id = identity(t);
    return bsearch(&id, rs.done, rs.ndone, sizeof id, cmp) != NULL;
}

void ssi_resume_done(const ssi_task_t *t)
{
    if (rs.fd < 0)
        return;
    int outputs = 0;
    for (unsigned i = 0; i < t->ndeps; i++)
        outputs += is_output(&t->acc[i]);
    if (!outputs)
        return;
    char line[24];
    int n = snprintf(line, sizeof line, "%016" PRIx64 "\n", identity(t));
    if (write(rs.fd, line, (size_t)n) != n)
        fprintf(stderr, "ss: warning: cannot append to the resume log %s\n",
                ssi_rt.cfg.resume_log);
}

unsigned ssi_outputs_aside(const ssi_task_t *t)
{
    unsigned n = 0;
    for (unsigned i = 0; i < t->ndeps; i++) {
        if (!is_output(&t->acc[i]))
            continue;
        const char *p = ssi_file_path(&t->acc[i]);
        char aside[4200];
        snprintf(aside, sizeof aside, "%s.failed", p);
        if (!access(p, F_OK) && !rename(p, aside))
            n++;
    }
    return n;
}

void ssi_outputs_create_empty(const ssi_task_t *t)
{
    for (unsigned i = 0; i < t->ndeps; i++) {
        if (!is_output(&t->acc[i]))
            continue;
        int fd = open(ssi_file_path(&t->acc[i]), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                      0644);
        if (fd >= 0)
            close(fd);
    }
}
