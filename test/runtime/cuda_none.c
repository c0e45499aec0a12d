/* cuda_none: the CUDA module on any machine, GPU or not (white-box: linked
 * with ssrt_static for the reason string and ssi_cuda_run).
 *
 * Without a GPU (or without libcuda.so.1), ss_cuda_devices() is 0, before
 * ss_init, from several threads at once and after ss_finalize, and the
 * reason is one non-empty line; with one, the count is positive and the
 * reason empty. Either way, the calls made inside a CUDA launcher abort
 * with one clear line when made outside one, and running a task on a
 * device that does not exist names the task and the device.
 *
 * With SS_FAKE_CUDA_DIR (set by ctest: the folder of the fake libcuda.so.1
 * of fake_cuda/), children on the fake driver check the other reasons
 * (cuInit failing, no device) and a count of several devices. */
#include "rt_test.h"

#include <pthread.h>
#include <signal.h>

#include "device/cuda.h"
#include "ss_abi.h"

enum { NTHREADS = 4 };

static atomic_int go;

static void *count_from_thread(void *p)
{
    while (!atomic_load(&go))
        ;
    *(int *)p = ss_cuda_devices();
    return NULL;
}

static void launcher(void *p)
{
    (void)p;
    RT_FAIL("the launcher ran on a device that does not exist");
}

static ss_task_type_t no_device_type = SS_TASK_TYPE("no_device", launcher);

static void child(const char *mode)
{
    if (!strcmp(mode, "ptr")) {
        int x;
        ss_abi_cuda_ptr(&x);
    } else if (!strcmp(mode, "launch")) {
        size_t g = 1, l = 1;
        ss_abi_cuda_launch("k", 1, &g, &l, 0, NULL);
    } else if (!strcmp(mode, "module")) {
        ss_abi_cuda_module(NULL, 0, "empty.cu");
    } else if (!strcmp(mode, "why")) {
        printf("%d|%s\n", ss_cuda_devices(), ssi_cuda_why_none());
        exit(0);
    } else if (!strcmp(mode, "device")) {
        ssi_task_t *t = calloc(1, sizeof *t);
        RT_CHECK(t, "out of memory");
        t->type = &no_device_type;
        ssi_cuda_run(t, ss_cuda_devices(), launcher);
    }
    printf("%s: no fatal error\n", mode);
    exit(0);
}

static void expect_fatal(const char *mode, const char *text)
{
    rt_child_t c;
    rt_run_child(mode, NULL, &c);
    RT_CHECK(c.status == 128 + SIGABRT, "%s: status %d, want abort; stderr: %s",
             mode, c.status, c.err);
    RT_CHECK(!strncmp(c.err, "ss: fatal: ", 11) && strstr(c.err, text),
             "%s: stderr lacks \"ss: fatal: ... %s\": %s", mode, text, c.err);
    const char *nl = strchr(c.err, '\n');
    RT_CHECK(nl && nl[1] == 0, "%s: not one line: %s", mode, c.err);
}

/* On the fake driver with FAKE_CUDA_INIT / FAKE_CUDA_DEVICES = `setting`:
 * the count and reason are `want` ("count|reason"). */
static void expect_fake(const char *dir, const char *setting, const char *want)
{
    char path[1024];
    snprintf(path, sizeof path, "LD_LIBRARY_PATH=%s", dir);
    const char *env[] = {path, "FAKE_CUDA_INIT", "FAKE_CUDA_DEVICES", setting, NULL};
    rt_child_t c;
    rt_run_child("why", env, &c);
    char line[256];
    snprintf(line, sizeof line, "%s\n", want);
    RT_CHECK(c.status == 0 && !strcmp(c.out, line),
             "fake driver with %s: status %d, said '%s', want '%s'; stderr: %s",
             setting, c.status, c.out, want, c.err);
}

int main(void)
{
    const char *mode = getenv("RT_CHILD");
    if (mode)
        child(mode);

    /* First question from several threads at once, before ss_init. */
    pthread_t th[NTHREADS];
    int got[NTHREADS];
    for (int i = 0; i < NTHREADS; i++)
        RT_CHECK(!pthread_create(&th[i], NULL, count_from_thread, &got[i]),
                 "pthread_create");
    atomic_store(&go, 1);
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(th[i], NULL);
    int n = ss_cuda_devices();
    for (int i = 0; i < NTHREADS; i++)
        RT_CHECK(got[i] == n, "thread %d counted %d CUDA devices, main %d", i,
                 got[i], n);

    const char *why = ssi_cuda_why_none();
    if (n > 0) {
        printf("GPU present: %d CUDA device(s)\n", n);
        RT_CHECK(why[0] == 0, "devices found, yet a reason for none: %s", why);
    } else {
        printf("no CUDA device: %s\n", why);
        RT_CHECK(n == 0, "negative device count %d", n);
        RT_CHECK(why[0] && !strchr(why, '\n'), "reason not one non-empty line: '%s'",
                 why);
    }

    expect_fatal("ptr", "ss_abi_cuda_ptr called outside the launcher of a CUDA task");
    expect_fatal("launch",
                 "ss_abi_cuda_launch called outside the launcher of a CUDA task");
    expect_fatal("module", "CUDA module empty.cu: empty image");
    char text[160];
    snprintf(text, sizeof text, "task 'no_device' (%s:%u): CUDA device %d does not exist",
             no_device_type.file, no_device_type.line, n);
    expect_fatal("device", text);

    const char *fake = getenv("SS_FAKE_CUDA_DIR");
    if (fake) {
        expect_fake(fake, "FAKE_CUDA_INIT=100", "0|cuInit: CUDA_ERROR_NO_DEVICE");
        expect_fake(fake, "FAKE_CUDA_DEVICES=0", "0|no CUDA device");
        expect_fake(fake, "FAKE_CUDA_DEVICES=3", "3|");
    }

    /* The runtime does not need a GPU, and the count outlives it. */
    RT_OK(ss_init());
    RT_CHECK(ss_cuda_devices() == n, "count changed after ss_init");
    RT_OK(ss_finalize());
    ssi_cuda_fini();
    ssi_cuda_fini();
    RT_CHECK(ss_cuda_devices() == n, "count changed after ss_finalize");
    puts("ok");
    return 0;
}
