/* exec_argv: a binary task passes arguments containing spaces, quotes,
 * $(), ;, backslashes and newlines to its program intact: no shell runs.
 * The program is this test itself (RT_CHILD=argv), which writes its argv
 * to stdout, redirected to a file, hex-encoded; the parent compares byte
 * for byte. The template puts one value inside a longer word. */
#include "rt_test.h"
#include "rt_trace.h"
#include "ss_abi.h"

static const char *const values[] = {
    "two words", "it's \"quoted\"", "$(touch /tmp/ss-pwned) `id`", "a; rm -rf /tmp/x",
    "line1\nline2\n", "back\\slash\ttab", "", "*.c ~ ? [a]"};
static const char *const names[] = {"a", "b", "c", "d", "e", "f", "g", "h"};
#define NV 8

static const char *out_path;

static void body(void *p)
{
    (void)p;
    ss_exec_t o = {.out = out_path};
    ss_abi_exec("/proc/self/exe", "{a} {b} {c} {d} {e} {f} {g} --h={h} {{literal}}", NV,
                names, values, &o);
}

static ss_task_type_t bin = {.label = "echo-argv", .file = __FILE__, .line = __LINE__,
                             .run = body};

static void hex(FILE *f, const char *s)
{
    for (; *s; s++)
        fprintf(f, "%02x", (unsigned char)*s);
    fputc('\n', f);
}

int main(int argc, char **argv)
{
    const char *mode = getenv("RT_CHILD");
    if (mode && !strcmp(mode, "argv")) {
        for (int i = 1; i < argc; i++)
            hex(stdout, argv[i]);
        return 0;
    }
    setenv("RT_CHILD", "argv", 1); /* what the program sees */
    const char *dir = rt_tmpdir();
    static char path[4200];
    snprintf(path, sizeof path, "%s/argv.txt", dir);
    out_path = path;
    rt_need_workers(2);
    rt_spawn(&bin, NULL, 0, 0, NULL, 0);
    RT_OK(ss_taskwait());
    char *got = rt_read_file(path, NULL);
    RT_CHECK(got, "the program wrote nothing");
    char want[4096];
    FILE *f = fmemopen(want, sizeof want, "w");
    for (int i = 0; i < 7; i++)
        hex(f, values[i]);
    char h[64];
    snprintf(h, sizeof h, "--h=%s", values[7]);
    hex(f, h);
    hex(f, "{literal}");
    fclose(f);
    RT_CHECK(!strcmp(got, want), "argv differs:\ngot:\n%s\nwant:\n%s", got, want);
    RT_CHECK(access("/tmp/ss-pwned", F_OK) != 0, "a shell ran the $() argument");
    free(got);
    rt_rmdir(dir);
    RT_OK(ss_finalize());
    return 0;
}
