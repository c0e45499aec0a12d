/* resume_workflow: a workflow of 52 binary tasks chaining files through
 * standard tools (sh, sleep, tr, sort, cat, md5sum) runs in parallel, is
 * killed (SIGKILL) half-way, and a rerun with SS_RESUME=1 and the same
 * SS_RESUME_LOG skips what was done and ends with the same final output as
 * an uninterrupted run. Tasks 0-24 upcase chunk i (slowly), 25-49 sort it,
 * 50 concatenates the sorted chunks, 51 checksums the result. */
#include "rt_test.h"
#include "rt_trace.h"

#include <signal.h>

#define CHUNKS 25

static const char *dir;

static void run_prog(const char *const *argv, const char *in, const char *out)
{
    ss_exec_t e = {.argv = argv, .in = in, .out = out};
    ss_exec(&e);
}

typedef struct {
    int i;
} targ_t;

static void path(char *buf, size_t cap, const char *what, int i)
{
    if (i < 0)
        snprintf(buf, cap, "%s/%s", dir, what);
    else
        snprintf(buf, cap, "%s/%s.%02d", dir, what, i);
}

static void upcase(void *p)
{
    char in[4300], out[4300];
    path(in, sizeof in, "chunk", ((targ_t *)p)->i);
    path(out, sizeof out, "upper", ((targ_t *)p)->i);
    const char *argv[] = {"sh", "-c", "sleep 0.1; tr a-z A-Z", NULL};
    run_prog(argv, in, out);
}

static void sort_chunk(void *p)
{
    char in[4300], out[4300];
    path(in, sizeof in, "upper", ((targ_t *)p)->i);
    path(out, sizeof out, "sorted", ((targ_t *)p)->i);
    const char *argv[] = {"sort", "-o", out, in, NULL};
    run_prog(argv, NULL, NULL);
}

static void concat(void *p)
{
    (void)p;
    const char *argv[CHUNKS + 2] = {"cat"};
    static char names[CHUNKS][4300];
    for (int i = 0; i < CHUNKS; i++) {
        path(names[i], sizeof names[i], "sorted", i);
        argv[i + 1] = names[i];
    }
    char out[4300];
    path(out, sizeof out, "all", -1);
    run_prog(argv, NULL, out);
}

static void checksum(void *p)
{
    (void)p;
    char in[4300], out[4300];
    path(in, sizeof in, "all", -1);
    path(out, sizeof out, "final", -1);
    const char *argv[] = {"md5sum", NULL};
    run_prog(argv, in, out);
}

static ss_task_type_t t_up = {.label = "upcase", .file = "wf.c", .line = 1, .run = upcase};
static ss_task_type_t t_sort = {.label = "sort", .file = "wf.c", .line = 2, .run = sort_chunk};
static ss_task_type_t t_cat = {.label = "cat", .file = "wf.c", .line = 3, .run = concat};
static ss_task_type_t t_sum = {.label = "md5sum", .file = "wf.c", .line = 4, .run = checksum};

static void task(ss_task_type_t *ty, int i, const char *in, int in_i, const char *out,
                 int out_i)
{
    ss_task_t t;
    void *a;
    RT_OK(ss_task_create(ty, sizeof(targ_t), CHUNKS + 1, 0, &t, &a));
    ((targ_t *)a)->i = i;
    char p[4300];
    if (in_i == -2) {
        for (int k = 0; k < CHUNKS; k++) {
            path(p, sizeof p, in, k);
            RT_OK(ss_task_depend_file(t, SS_DEP_IN, p));
        }
    } else {
        path(p, sizeof p, in, in_i);
        RT_OK(ss_task_depend_file(t, SS_DEP_IN, p));
    }
    path(p, sizeof p, out, out_i);
    RT_OK(ss_task_depend_file(t, SS_DEP_OUT, p));
    RT_OK(ss_task_submit(t));
}

static int child(void)
{
    dir = getenv("RT_DIR");
    for (int i = 0; i < CHUNKS; i++)
        task(&t_up, i, "chunk", i, "upper", i);
    for (int i = 0; i < CHUNKS; i++)
        task(&t_sort, i, "upper", i, "sorted", i);
    task(&t_cat, 0, "sorted", -2, "all", -1);
    task(&t_sum, 0, "all", -1, "final", -1);
    RT_OK(ss_taskwait());
    RT_OK(ss_finalize());
    return 0;
}

static void make_input(const char *d)
{
    for (int i = 0; i < CHUNKS; i++) {
        char p[4300];
        snprintf(p, sizeof p, "%s/chunk.%02d", d, i);
        FILE *f = fopen(p, "w");
        RT_CHECK(f, "create %s", p);
        for (int k = 0; k < 40; k++)
            fprintf(f, "word %d of chunk %d: %c%c%c\n", (k * 37 + i * 11) % 40, i,
                    'a' + (k * 7 + i) % 26, 'a' + (k * 3) % 26, 'a' + i % 26);
        fclose(f);
    }
}

static int lines(const char *p)
{
    char *t = rt_read_file(p, NULL);
    int n = 0;
    for (const char *s = t; s && *s; s++)
        n += *s == '\n';
    free(t);
    return n;
}

/* Start the workflow in d as a child; kill it after `kill_at` logged tasks
 * (0: let it finish). Returns its wait status. */
static int run_workflow(const char *d, int resume, int kill_at, char *stats, size_t cap)
{
    char log[4300];
    snprintf(log, sizeof log, "%s/resume.log", d);
    int pe[2];
    RT_CHECK(pipe(pe) == 0, "pipe");
    pid_t pid = fork();
    RT_CHECK(pid >= 0, "fork");
    if (pid == 0) {
        dup2(pe[1], 2);
        close(pe[0]);
        close(pe[1]);
        setenv("RT_CHILD", "run", 1);
        setenv("RT_DIR", d, 1);
        setenv("SS_RESUME_LOG", log, 1);
        setenv("SS_RESUME", resume ? "1" : "0", 1);
        setenv("SS_NUM_THREADS", "2", 1);
        setenv("SS_STATS", "1", 1);
        execl("/proc/self/exe", "rt_child", (char *)NULL);
        _exit(127);
    }
    close(pe[1]);
    if (kill_at) {
        double t0 = rt_now();
        while (lines(log) < kill_at && rt_now() - t0 < 60)
            rt_sleep_us(2000);
        kill(pid, SIGKILL);
    }
    size_t n = 0;
    ssize_t k;
    while (n + 1 < cap && (k = read(pe[0], stats + n, cap - 1 - n)) > 0)
        n += (size_t)k;
    stats[n] = 0;
    close(pe[0]);
    int st;
    waitpid(pid, &st, 0);
    return st;
}

int main(void)
{
    if (getenv("RT_CHILD"))
        return child();
    if (!rt_have_program("md5sum") || !rt_have_program("sort"))
        rt_skip("coreutils missing");
    char *clean = strdup(rt_tmpdir()), *broken = strdup(rt_tmpdir());
    make_input(clean);
    make_input(broken);
    char err[65536];
    int st = run_workflow(clean, 0, 0, err, sizeof err);
    RT_CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "clean run failed:\n%s", err);
    st = run_workflow(broken, 0, 15, err, sizeof err);
    RT_CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL, "the run was not killed half-way");
    char p[4300];
    snprintf(p, sizeof p, "%s/resume.log", broken);
    int done = lines(p);
    RT_CHECK(done >= 15 && done < 52, "%d tasks logged before the kill", done);
    snprintf(p, sizeof p, "%s/final", broken);
    RT_CHECK(access(p, F_OK) != 0, "the killed run got to the end");
    st = run_workflow(broken, 1, 0, err, sizeof err);
    RT_CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "resumed run failed:\n%s", err);
    char want[64];
    snprintf(want, sizeof want, "skipped as up to date %d\n", done);
    RT_CHECK(strstr(err, want), "the resumed run did not skip the %d logged tasks:\n%s", done,
             err);
    char a[4300], b[4300];
    snprintf(a, sizeof a, "%s/final", clean);
    snprintf(b, sizeof b, "%s/final", broken);
    char *fa = rt_read_file(a, NULL), *fb = rt_read_file(b, NULL);
    RT_CHECK(fa && fb && !strcmp(fa, fb), "final outputs differ:\n%s\n%s", fa, fb);
    free(fa);
    free(fb);
    rt_rmdir(clean);
    rt_rmdir(broken);
    free(clean);
    free(broken);
    return 0;
}
