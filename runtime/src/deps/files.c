/* files.c - the table of interned paths (file dependences). */
#include "deps/files.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/lock.h"

/* Owner: this file; guarded by `lock`. Records live until finalize. */
typedef struct rec {
    struct rec *next;
    char path[]; /* what a dependence points at */
} rec_t;

#define NBUCKETS 1024

static struct {
    ssi_lock_t lock;
    rec_t *b[NBUCKETS];
} files;

/* Absolute path with "//", "/./" and "/x/../" removed, in a malloc'd
 * buffer. Symbolic links are not followed: the file may not exist yet. */
static char *normalize(const char *path)
{
    size_t cwdlen = 0;
    char *cwd = NULL;
    if (path[0] != '/') {
        cwd = getcwd(NULL, 0);
        if (!cwd)
            return NULL;
        cwdlen = strlen(cwd);
    }
    size_t cap = cwdlen + strlen(path) + 2;
    char *in = malloc(cap), *out = malloc(cap);
    if (!in || !out) {
        free(cwd);
        free(in);
        free(out);
        return NULL;
    }
    snprintf(in, cap, "%s%s%s", cwd ? cwd : "", cwd ? "/" : "", path);
    free(cwd);
    size_t n = 0;
    for (const char *p = in; *p;) {
        while (*p == '/')
            p++;
        size_t len = strcspn(p, "/");
        if (!len)
            break;
        if (len == 1 && p[0] == '.') {
            /* skip */
        } else if (len == 2 && p[0] == '.' && p[1] == '.') {
            while (n > 0 && out[n - 1] != '/')
                n--;
            if (n > 0)
                n--; /* drop the slash too */
        } else {
            out[n++] = '/';
            memcpy(out + n, p, len);
            n += len;
        }
        p += len;
    }
    if (!n)
        out[n++] = '/';
    out[n] = 0;
    free(in);
    return out;
}

static unsigned hash(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    return (unsigned)(h >> 32) & (NBUCKETS - 1);
}

const char *ssi_file_intern(const char *path)
{
    if (!path || !*path)
        return NULL;
    char *norm = normalize(path);
    if (!norm)
        return NULL;
    unsigned h = hash(norm);
    ssi_lock(&files.lock);
    rec_t *r = files.b[h];
    while (r && strcmp(r->path, norm))
        r = r->next;
    if (!r) {
        size_t len = strlen(norm) + 1;
        if ((r = malloc(sizeof *r + len))) {
            memcpy(r->path, norm, len);
            r->next = files.b[h];
            files.b[h] = r;
        }
    }
    ssi_unlock(&files.lock);
    free(norm);
    return r ? r->path : NULL;
}

int ssi_task_add_file_dep(ssi_task_t *t, ss_dep_type_t type, const char *path)
{
    if (!path || !*path)
        return SS_EINVAL;
    const char *p = ssi_file_intern(path);
    if (!p)
        return SS_ENOMEM;
    ssi_region_t r = {(uintptr_t)p, (uintptr_t)p + 1, (uintptr_t)p, NULL, 1};
    int rc = ssi_task_add_dep(t, type, &r);
    if (rc != SS_OK)
        return rc;
    for (unsigned i = 0; i < t->ndeps; i++)
        if (t->acc[i].region.lo == (uintptr_t)p)
            t->acc[i].file = 1;
    t->flags |= SSI_TASK_GUARDED;
    return SS_OK;
}

void ssi_files_fini(void)
{
    ssi_lock(&files.lock);
    for (unsigned i = 0; i < NBUCKETS; i++)
        while (files.b[i]) {
            rec_t *r = files.b[i];
            files.b[i] = r->next;
            free(r);
        }
    ssi_unlock(&files.lock);
}
