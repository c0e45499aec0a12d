/* proc.c - argument vectors, child processes and the temporary directory of
 * the ssc driver. */
#include "proc.h"

#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

void ssc_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("ssc: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void *xrealloc(void *p, size_t size)
{
    p = realloc(p, size);
    if (!p) {
        ssc_error("out of memory");
        exit(1);
    }
    return p;
}

static char *vxasprintf(const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int len = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    char *s = xrealloc(NULL, (size_t)len + 1);
    vsnprintf(s, (size_t)len + 1, fmt, ap);
    return s;
}

char *xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = vxasprintf(fmt, ap);
    va_end(ap);
    return s;
}

void vec_push(vec_t *vec, const char *s)
{
    if (vec->n + 2 > vec->cap) {
        vec->cap = vec->cap ? 2 * vec->cap : 16;
        vec->v = xrealloc(vec->v, vec->cap * sizeof *vec->v);
    }
    vec->v[vec->n++] = (char *)s;
    vec->v[vec->n] = NULL;
}

void vec_pushv(vec_t *vec, const vec_t *other)
{
    for (size_t i = 0; i < other->n; i++)
        vec_push(vec, other->v[i]);
}

void vec_pushf(vec_t *vec, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vec_push(vec, vxasprintf(fmt, ap));
    va_end(ap);
}

/* Quote only what a shell would misread, so -v output stays readable. */
static void print_word(const char *s)
{
    if (*s && !s[strcspn(s, " \t\n\"'\\$`*?[]{}()<>|&;#~!")]) {
        fputs(s, stderr);
        return;
    }
    fputc('\'', stderr);
    for (; *s; s++) {
        if (*s == '\'')
            fputs("'\\''", stderr);
        else
            fputc(*s, stderr);
    }
    fputc('\'', stderr);
}

void print_command(char *const argv[])
{
    for (size_t i = 0; argv[i]; i++) {
        if (i)
            fputc(' ', stderr);
        print_word(argv[i]);
    }
    fputc('\n', stderr);
}

int run_command(char *const argv[], int verbose)
{
    if (verbose)
        print_command(argv);
    fflush(NULL);
    pid_t pid;
    int err = posix_spawnp(&pid, argv[0], NULL, NULL, argv, environ);
    if (err) {
        ssc_error("cannot run '%s': %s", argv[0], strerror(err));
        return 1;
    }
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            ssc_error("waiting for '%s': %s", argv[0], strerror(errno));
            return 1;
        }
    }
    if (WIFSIGNALED(status)) {
        ssc_error("'%s' terminated by signal %d (%s)", argv[0],
                  WTERMSIG(status), strsignal(WTERMSIG(status)));
        return 128 + WTERMSIG(status);
    }
    int code = WEXITSTATUS(status);
    if (code)
        ssc_error("'%s' failed with exit code %d", argv[0], code);
    return code;
}

/* The temporary directory and the files made in it. Owned by the main
 * thread; the signal handler only reads it, and every update finishes
 * before the path is handed out, so a handler sees a consistent list. */
static struct {
    char *dir;
    char **files;
    volatile sig_atomic_t nfiles;
    size_t cap;
} temp;

static void temp_cleanup(void)
{
    for (sig_atomic_t i = 0; i < temp.nfiles; i++)
        unlink(temp.files[i]);
    if (temp.dir)
        rmdir(temp.dir);
}

static void on_signal(int sig)
{
    temp_cleanup();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void temp_init(void)
{
    const char *base = getenv("TMPDIR");
    if (!base || !*base)
        base = "/tmp";
    char *dir = xasprintf("%s/ssc-XXXXXX", base);
    if (!mkdtemp(dir)) {
        ssc_error("cannot create a temporary directory in '%s': %s", base,
                  strerror(errno));
        exit(1);
    }
    temp.dir = dir;
    atexit(temp_cleanup);
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa = {.sa_handler = on_signal};
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
}

char *temp_path(const char *name)
{
    if (!temp.dir)
        temp_init();
    if ((size_t)temp.nfiles == temp.cap) {
        size_t cap = temp.cap ? 2 * temp.cap : 8;
        /* Grow into a fresh array so a handler never sees a freed one. */
        char **files = xrealloc(NULL, cap * sizeof *files);
        if (temp.cap)
            memcpy(files, temp.files, temp.cap * sizeof *files);
        temp.files = files;
        temp.cap = cap;
    }
    char *path = xasprintf("%s/%s", temp.dir, name);
    temp.files[temp.nfiles] = path;
    temp.nfiles = temp.nfiles + 1;
    return path;
}
