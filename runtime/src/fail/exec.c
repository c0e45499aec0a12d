/* exec.c - external programs run by task bodies (binary and MPI tasks):
 * posix_spawn without a shell, a process group per program, redirections,
 * a working directory, the wait with the task's time-out, and the
 * template expansion of ss_abi_exec. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/lock.h"
#include "core/runtime.h"
#include "fail/fail.h"
#include "ss_abi.h"
#include "worker/worker.h"

extern char **environ;

/* Running programs, so that a failing program can kill them. Owner: this
 * file; guarded by `lock`. */
#define MAX_RUNNING 1024
static struct {
    ssi_lock_t lock;
    pid_t pid[MAX_RUNNING];
} running;

static void track(pid_t pid, int on)
{
    ssi_lock(&running.lock);
    for (int i = 0; i < MAX_RUNNING; i++)
        if (on ? running.pid[i] == 0 : running.pid[i] == pid) {
            running.pid[i] = on ? pid : 0;
            break;
        }
    ssi_unlock(&running.lock);
}

void ssi_exec_kill_all(void)
{
    ssi_lock(&running.lock);
    for (int i = 0; i < MAX_RUNNING; i++)
        if (running.pid[i])
            kill(-running.pid[i], SIGKILL);
    ssi_unlock(&running.lock);
}

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Wait for pid until deadline_ns (0: none). Returns the wait status, or -1
 * when the deadline passed (the group is then killed and reaped). Sleeps
 * in poll() on a pidfd (Linux 5.3+), else in short naps. */
static int wait_child(pid_t pid, uint64_t deadline_ns)
{
    int fd = (int)syscall(SYS_pidfd_open, pid, 0), st = 0;
    for (unsigned n = 0;; n++) {
        pid_t r = waitpid(pid, &st, WNOHANG);
        if (r == pid || (r < 0 && errno != EINTR))
            break;
        uint64_t now = now_ns();
        if (deadline_ns && now >= deadline_ns) {
            kill(-pid, SIGKILL);
            while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
                ;
            st = -1;
            break;
        }
        long ms = deadline_ns ? (long)((deadline_ns - now) / 1000000u) + 1 : 1000;
        if (fd >= 0) {
            struct pollfd p = {fd, POLLIN, 0};
            poll(&p, 1, ms > 1000 ? 1000 : (int)ms);
        } else {
            struct timespec ts = {0, n < 100 ? 1000000 : 10000000};
            nanosleep(&ts, NULL);
        }
    }
    if (fd >= 0)
        close(fd);
    return st;
}

static int redirect(posix_spawn_file_actions_t *fa, int fd, const char *path, int flags)
{
    return path ? posix_spawn_file_actions_addopen(fa, fd, path, flags, 0644) : 0;
}

SSI_API int ss_exec(const ss_exec_t *e)
{
    ssi_worker_t *w = ssi_self;
    if (!e || !e->argv || !e->argv[0])
        return SS_EINVAL;
    if (!w || !w->current || w->current == ssi_rt.root)
        return SS_ESTATE;
    /* argv, behind the MPI runner's options when it is an MPI task */
    size_t n = 0;
    while (e->argv[n])
        n++;
    const char **argv = calloc(n + 8, sizeof *argv);
    if (!argv) {
        ssi_fail_report(w, 127, "out of memory starting '%s'", e->argv[0]);
        return -1;
    }
    char np[16], ppr[32];
    size_t k = 0;
    if (e->mpi_runner) {
        argv[k++] = e->mpi_runner;
        snprintf(np, sizeof np, "%u", e->processes ? e->processes : 1);
        argv[k++] = "-np";
        argv[k++] = np;
        if (e->per_node) {
            snprintf(ppr, sizeof ppr, "ppr:%u:node", e->per_node);
            argv[k++] = "--map-by";
            argv[k++] = ppr;
        }
    }
    for (size_t i = 0; i < n; i++)
        argv[k++] = e->argv[i];
    argv[k] = NULL;

    posix_spawn_file_actions_t fa;
    posix_spawnattr_t at;
    posix_spawn_file_actions_init(&fa);
    posix_spawnattr_init(&at);
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&at, &none);
    posix_spawnattr_setsigdefault(&at, &all);
    posix_spawnattr_setpgroup(&at, 0); /* its own group: a time-out kills all */
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
                                      POSIX_SPAWN_SETSIGDEF);
    int rc = redirect(&fa, 0, e->in, O_RDONLY);
    if (!rc)
        rc = redirect(&fa, 1, e->out, O_WRONLY | O_CREAT | O_TRUNC);
    if (!rc)
        rc = redirect(&fa, 2, e->err, O_WRONLY | O_CREAT | O_TRUNC);
    if (!rc && e->workdir)
        rc = posix_spawn_file_actions_addchdir_np(&fa, e->workdir);
    pid_t pid = 0;
    if (!rc)
        rc = posix_spawnp(&pid, argv[0], &fa, &at, (char *const *)argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    if (rc) {
        ssi_fail_report(w, 127, "cannot start '%s': %s", argv[0], strerror(rc));
        free(argv);
        return -1;
    }
    track(pid, 1);
    int st = wait_child(pid, w->deadline_task == w->current ? w->deadline_ns : 0);
    track(pid, 0);
    int status = -1;
    if (st < 0) {
        ssi_fail_report(w, 124, "'%s' ran past the time-out of %g s; its process group "
                        "was killed", argv[0], w->current->type->time_out);
    } else if (WIFSIGNALED(st)) {
        ssi_fail_report(w, 128 + WTERMSIG(st), "'%s' was killed by signal %d (%s)",
                        argv[0], WTERMSIG(st), strsignal(WTERMSIG(st)));
    } else {
        status = WEXITSTATUS(st);
        if (status && !e->status_ok)
            ssi_fail_report(w, status, "'%s' exited with status %d", argv[0], status);
    }
    free(argv);
    return status;
}

/* ---- templates (ss_abi_exec) --------------------------------------------- */

typedef struct {
    char *buf;
    size_t len, cap;
} str_t;

static int put(str_t *s, const char *p, size_t n)
{
    if (s->len + n + 1 > s->cap) {
        size_t cap = (s->len + n + 1) * 2;
        char *b = realloc(s->buf, cap);
        if (!b)
            return -1;
        s->buf = b;
        s->cap = cap;
    }
    memcpy(s->buf + s->len, p, n);
    s->len += n;
    s->buf[s->len] = 0;
    return 0;
}

SSI_API void ss_abi_exec(const char *binary, const char *tmpl, unsigned n,
                         const char *const *names, const char *const *values,
                         const ss_exec_t *opts)
{
    ssi_worker_t *w = ssi_self;
    const ssi_task_t *t = w ? w->current : NULL;
    /* Words first, then the substitutions inside each word. */
    size_t cap = 2, nw = 1;
    for (const char *p = tmpl ? tmpl : ""; *p; p++)
        cap += *p == ' ' || *p == '\t' || *p == '\n';
    char **argv = calloc(cap + 1, sizeof *argv);
    if (!argv)
        ssi_fatal(t, "out of memory building the arguments of '%s'", binary);
    argv[0] = (char *)binary;
    const char *p = tmpl ? tmpl : "";
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        if (!*p)
            break;
        str_t s = {0};
        while (*p && *p != ' ' && *p != '\t' && *p != '\n') {
            if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
                put(&s, p, 1);
                p += 2;
            } else if (*p == '{') {
                const char *end = p + 1 + strcspn(p + 1, "} \t\n");
                if (*end != '}')
                    end = NULL; /* the name ends within its word */
                size_t len = end ? (size_t)(end - p - 1) : 0;
                unsigned i = 0;
                while (end && i < n && (strlen(names[i]) != len || strncmp(names[i], p + 1, len)))
                    i++;
                if (!end || i == n)
                    ssi_fatal(t, "binary task argument template '%s': unknown parameter "
                              "'%.*s'", tmpl, end ? (int)len : (int)strlen(p + 1), p + 1);
                put(&s, values[i] ? values[i] : "", values[i] ? strlen(values[i]) : 0);
                p = end + 1;
            } else {
                put(&s, p, 1);
                p++;
            }
        }
        argv[nw++] = s.buf ? s.buf : strdup("");
    }
    argv[nw] = NULL;
    ss_exec_t e = opts ? *opts : (ss_exec_t){0};
    e.argv = (const char *const *)argv;
    ss_exec(&e);
    for (size_t i = 1; i < nw; i++)
        free(argv[i]);
    free(argv);
}
