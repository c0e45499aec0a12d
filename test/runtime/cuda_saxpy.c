/* cuda_saxpy: CUDA tasks on a GPU, real or fake (skips, exit 77, without
 * one).
 *
 * The kernels (cuda_saxpy.cu) are compiled by nvcc -fatbin at build time,
 * embedded as a byte array (cuda_saxpy_fatbin.c, generated) and registered
 * from a constructor, as ssc does for a .cu unit. White-box (linked with
 * ssrt_static): tasks built by hand run through ssi_cuda_run, checking
 * merged buffers, strided regions copied back exactly, pointer translation
 * and the fatal errors; then the same kernel through the public API, as a
 * task type whose device is SS_DEVICE_CUDA.
 *
 * ctest runs it twice: as is (a real GPU, else skipped) and with the fake
 * driver of fake_cuda/ first in LD_LIBRARY_PATH, which runs the kernels on
 * the CPU and counts what the runtime allocates and copies; on the fake the
 * test also checks those counts. Built without nvcc (SS_TEST_FAKE_FATBIN),
 * the image is a stand-in that only the fake driver accepts. */
#include "rt_test.h"

#include <dlfcn.h>
#include <signal.h>

#include "deps/deps.h"
#include "device/cuda.h"
#include "fake_cuda/fake_cuda.h"
#include "ss_abi.h"

extern const unsigned char cuda_saxpy_fatbin[];
extern const size_t cuda_saxpy_fatbin_size;

__attribute__((constructor)) static void register_module(void)
{
    ss_abi_cuda_module(cuda_saxpy_fatbin, cuda_saxpy_fatbin_size, "cuda_saxpy.cu");
}

/* The fake driver's counters, when it is the libcuda.so.1 loaded. */
static fake_cuda_stats_fn fake_stats;

static void find_fake(void)
{
    void *lib = dlopen("libcuda.so.1", RTLD_NOW | RTLD_NOLOAD);
    void *sym = lib ? dlsym(lib, "fake_cuda_stats") : NULL;
    memcpy(&fake_stats, &sym, sizeof sym);
    if (lib)
        dlclose(lib);
}

static long fake_count(int which)
{
    long st[FAKE_NSTATS];
    fake_stats(st);
    return st[which];
}

/* On the fake driver: the bytes copied each way since the last call, and
 * nothing left allocated. */
static void expect_copies(const char *what, long htod, long dtoh)
{
    static long last_htod, last_dtoh;
    if (!fake_stats)
        return;
    long h = fake_count(FAKE_HTOD_BYTES), d = fake_count(FAKE_DTOH_BYTES);
    RT_CHECK(h - last_htod == htod && d - last_dtoh == dtoh,
             "%s: copied %ld bytes in and %ld out, want %ld and %ld", what,
             h - last_htod, d - last_dtoh, htod, dtoh);
    RT_CHECK(fake_count(FAKE_ALLOCS_LIVE) == 0, "%s: %ld device buffers left",
             what, fake_count(FAKE_ALLOCS_LIVE));
    last_htod = h;
    last_dtoh = d;
}

/* ---- tasks built by hand ----------------------------------------------- */

enum { MAX_DEPS = 4 };

typedef struct {
    ssi_task_t *t;
    ss_dim_t dims[MAX_DEPS][SS_MAX_DIMS]; /* the regions' dims live here */
} hand_task_t;

static void hand_init(hand_task_t *h, ss_task_type_t *type, void *args)
{
    h->t = calloc(1, sizeof *h->t + MAX_DEPS * sizeof(ssi_access_t));
    RT_CHECK(h->t, "out of memory");
    h->t->type = type;
    h->t->args = args;
    h->t->max_deps = MAX_DEPS;
}

/* A dependence of class cls (SSI_EP_READ for in, SSI_EP_WRITE for out and
 * inout: deps/deps.h) on a region given as for ss_task_depend. */
static void hand_dep(hand_task_t *h, unsigned cls, const void *base,
                     unsigned ndims, const ss_dim_t *dims)
{
    ssi_task_t *t = h->t;
    RT_CHECK(t->ndeps < MAX_DEPS, "too many dependences");
    ssi_access_t *a = &t->acc[t->ndeps];
    RT_CHECK(ssi_region_make(&a->region, base, ndims, dims, h->dims[t->ndeps]) ==
                 SSI_REGION_OK, "bad region");
    a->type = (uint8_t)cls;
    t->ndeps++;
}

static void hand_bytes(hand_task_t *h, unsigned cls, const void *p, size_t len)
{
    ss_dim_t d = {len, 0, len};
    hand_dep(h, cls, p, 1, &d);
}

/* ---- saxpy --------------------------------------------------------------- */

typedef struct {
    unsigned long long n;
    float a;
    const float *x;
    float *y;
    size_t local;
} saxpy_args_t;

static void saxpy_launcher(void *p)
{
    saxpy_args_t *s = p;
    const float *x = ss_abi_cuda_ptr(s->x);
    float *y = ss_abi_cuda_ptr(s->y);
    RT_CHECK(ss_abi_cuda_ptr(NULL) == NULL, "ss_abi_cuda_ptr(NULL) is not NULL");
    RT_CHECK((uintptr_t)y % 256 == (uintptr_t)s->y % 256,
             "device address %p of host %p: not congruent modulo 256",
             (void *)y, (void *)s->y);
    void *params[] = {&s->n, &s->a, &x, &y};
    size_t global = s->n;
    ss_abi_cuda_launch("saxpy", 1, &global, &s->local, 0, params);
}

static ss_task_type_t saxpy_type = SS_TASK_TYPE("saxpy", saxpy_launcher);

/* Small integers: every result is exact in float, FMA or not. */
static float x_at(size_t i) { return (float)(i % 1000); }
static float y_at(size_t i) { return (float)(i % 777); }

static void check_saxpy(const float *y, size_t n, float a, int times,
                        const char *what)
{
    for (size_t i = 0; i < n; i++) {
        float want = y_at(i) + (float)times * a * x_at(i);
        RT_CHECK(y[i] == want, "%s: y[%zu] = %g, want %g", what, i, y[i], want);
    }
}

/* x in, y inout, separate arrays; y starts 4 bytes past an aligned
 * address (the translation keeps addresses congruent modulo 256). */
static void test_saxpy_hand(void)
{
    const size_t n = 100003;
    float *x = malloc(n * sizeof *x), *ybuf = malloc((n + 1) * sizeof *ybuf);
    RT_CHECK(x && ybuf, "out of memory");
    float *y = ybuf + 1;
    for (size_t i = 0; i < n; i++) {
        x[i] = x_at(i);
        y[i] = y_at(i);
    }
    saxpy_args_t args = {n, 3.0f, x, y, 128};
    hand_task_t h;
    hand_init(&h, &saxpy_type, &args);
    hand_bytes(&h, SSI_EP_READ, x, n * sizeof *x);
    hand_bytes(&h, SSI_EP_WRITE, y, n * sizeof *y);
    ssi_cuda_run(h.t, 0, saxpy_launcher);
    check_saxpy(y, n, 3.0f, 1, "saxpy");
    expect_copies("saxpy", 2 * n * sizeof(float), n * sizeof(float));
    for (size_t i = 0; i < n; i++)
        RT_CHECK(x[i] == x_at(i), "saxpy changed its input x[%zu]", i);
    free(h.t);
    free(x);
    free(ybuf);
}

/* x and y adjacent in one array: one merged device buffer. */
static void test_saxpy_adjacent(void)
{
    const size_t n = 4099;
    float *buf = malloc(2 * n * sizeof *buf);
    RT_CHECK(buf, "out of memory");
    float *x = buf, *y = buf + n;
    for (size_t i = 0; i < n; i++) {
        x[i] = x_at(i);
        y[i] = y_at(i);
    }
    saxpy_args_t args = {n, -2.0f, x, y, 64};
    hand_task_t h;
    hand_init(&h, &saxpy_type, &args);
    hand_bytes(&h, SSI_EP_WRITE, y, n * sizeof *y);
    hand_bytes(&h, SSI_EP_READ, x, n * sizeof *x);
    ssi_cuda_run(h.t, 0, saxpy_launcher);
    check_saxpy(y, n, -2.0f, 1, "adjacent saxpy");
    /* One buffer for both, copied in whole; y alone is copied back. */
    expect_copies("adjacent saxpy", 2 * n * sizeof(float), n * sizeof(float));
    for (size_t i = 0; i < n; i++)
        RT_CHECK(x[i] == x_at(i), "adjacent saxpy changed its input x[%zu]", i);
    free(h.t);
    free(buf);
}

/* ---- a block of a matrix: a strided region ------------------------------- */

enum { ROWS = 64, COLS = 96, R0 = 8, R1 = 40, C0 = 16, C1 = 48 };

typedef struct {
    double (*m)[COLS];
} block_args_t;

static void block_launcher(void *p)
{
    block_args_t *b = p;
    /* A task running meanwhile writes bytes inside the block's bounding
     * interval but outside the block: the copy back must keep them. */
    b->m[R0 + 1][0] = 42.0;
    b->m[R1 - 1][C1] = 43.0;
    double *blk = ss_abi_cuda_ptr(&b->m[R0][C0]);
    unsigned long long ld = COLS, rows = R1 - R0, cols = C1 - C0;
    double v = 1000.0;
    void *params[] = {&blk, &ld, &rows, &cols, &v};
    size_t global[2] = {C1 - C0, R1 - R0}, local[2] = {16, 8};
    ss_abi_cuda_launch("fill_block", 2, global, local, 0, params);
    size_t none[2] = {0, 4};
    ss_abi_cuda_launch("fill_block", 2, none, local, 0, params); /* no-op */
}

static ss_task_type_t block_type = SS_TASK_TYPE("fill_block", block_launcher);

static void test_block(void)
{
    double (*m)[COLS] = malloc(sizeof(double[ROWS][COLS]));
    RT_CHECK(m, "out of memory");
    for (int r = 0; r < ROWS; r++)
        for (int c = 0; c < COLS; c++)
            m[r][c] = -1.0;
    block_args_t args = {m};
    hand_task_t h;
    hand_init(&h, &block_type, &args);
    ss_dim_t d[2] = {{COLS * sizeof(double), C0 * sizeof(double), C1 * sizeof(double)},
                     {ROWS, R0, R1}};
    hand_dep(&h, SSI_EP_WRITE, m, 2, d);
    RT_CHECK(h.t->acc[0].region.dims, "the block should be a strided region");
    ssi_cuda_run(h.t, 0, block_launcher);
    /* Only the block's own rows travel, both ways. */
    size_t bytes = (R1 - R0) * (C1 - C0) * sizeof(double);
    expect_copies("block", bytes, bytes);
    for (int r = 0; r < ROWS; r++) {
        for (int c = 0; c < COLS; c++) {
            double want = -1.0;
            if (r >= R0 && r < R1 && c >= C0 && c < C1)
                want = 1000.0 + (r - R0) * (C1 - C0) + (c - C0);
            else if (r == R0 + 1 && c == 0)
                want = 42.0;
            else if (r == R1 - 1 && c == C1)
                want = 43.0;
            RT_CHECK(m[r][c] == want, "m[%d][%d] = %g, want %g", r, c, m[r][c], want);
        }
    }
    free(h.t);
    free(m);
}

/* ---- fatal errors, in a child -------------------------------------------- */

static float stray_x[16], stray_y[16];

static void stray_launcher(void *p)
{
    (void)p;
    ss_abi_cuda_ptr(&stray_y[3]); /* y is not a dependence */
}

static void nokernel_launcher(void *p)
{
    (void)p;
    size_t g = 1, l = 1;
    ss_abi_cuda_launch("no_such_kernel", 1, &g, &l, 0, NULL);
}

static void ndrange_launcher(void *p)
{
    (void)p;
    size_t g[2] = {100, 100}, l[2] = {10, 0};
    ss_abi_cuda_launch("saxpy", 2, g, l, 0, NULL);
}

/* A kernel given an address that is no device memory. */
static void illegal_launcher(void *p)
{
    (void)p;
    unsigned long long n = 16;
    float a = 1.0f, *x = ss_abi_cuda_ptr(stray_x), *y = (float *)16;
    void *params[] = {&n, &a, &x, &y};
    size_t g = n, l = 16;
    ss_abi_cuda_launch("saxpy", 1, &g, &l, 0, params);
}

static const struct {
    const char *mode;
    ss_task_type_t type;
    const char *text; /* in the message */
} fatal_cases[] = {
    {"stray", SS_TASK_TYPE("stray", stray_launcher),
     "is not in a dependence of this CUDA task"},
    {"nokernel", SS_TASK_TYPE("nokernel", nokernel_launcher),
     "CUDA kernel 'no_such_kernel' is in none of the registered modules "
     "(cuda_saxpy.cu); a kernel needs C linkage"},
    {"ndrange", SS_TASK_TYPE("ndrange", ndrange_launcher),
     "CUDA kernel 'saxpy': invalid ndrange (2 dimensions: 100/10 x 100/0"},
    {"illegal", SS_TASK_TYPE("illegal", illegal_launcher),
     "CUDA_ERROR_ILLEGAL_ADDRESS (after CUDA kernel 'saxpy')"},
};
enum { NFATAL = sizeof fatal_cases / sizeof fatal_cases[0] };

static void child(const char *mode)
{
    for (int i = 0; i < NFATAL; i++) {
        if (strcmp(mode, fatal_cases[i].mode))
            continue;
        hand_task_t h;
        ss_task_type_t type = fatal_cases[i].type;
        hand_init(&h, &type, NULL);
        hand_bytes(&h, SSI_EP_WRITE, stray_x, sizeof stray_x);
        ssi_cuda_run(h.t, 0, type.run);
    }
    printf("%s: no fatal error\n", mode);
    exit(0);
}

static void expect_fatal(const char *mode, const char *label, const char *text)
{
    rt_child_t c;
    rt_run_child(mode, NULL, &c);
    RT_CHECK(c.status == 128 + SIGABRT, "%s: status %d, want abort; stderr: %s",
             mode, c.status, c.err);
    char head[128];
    snprintf(head, sizeof head, "ss: fatal: task '%s' (", label);
    RT_CHECK(strstr(c.err, head) && strstr(c.err, text),
             "%s: stderr lacks \"%s\" ... \"%s\": %s", mode, head, text, c.err);
    RT_CHECK(!strchr(c.err, '\n') || strchr(c.err, '\n')[1] == 0,
             "%s: more than one line: %s", mode, c.err);
}

/* ---- the public API -------------------------------------------------------- */

static ss_task_type_t api_type = {.label = "saxpy_api", .file = __FILE__,
                                  .line = __LINE__, .run = saxpy_launcher,
                                  .device = SS_DEVICE_CUDA};

/* Chunks of y, each updated `rounds` times by a chain of CUDA tasks. */
static void test_api(void)
{
    const size_t n = 1 << 18, chunk = 1 << 14;
    const int rounds = 3;
    float *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
    RT_CHECK(x && y, "out of memory");
    for (size_t i = 0; i < n; i++) {
        x[i] = x_at(i);
        y[i] = y_at(i);
    }
    RT_OK(ss_init());
    for (int r = 0; r < rounds; r++) {
        for (size_t lo = 0; lo < n; lo += chunk) {
            saxpy_args_t a = {chunk, 0.5f, x + lo, y + lo, 256};
            ss_dim_t dx, dy;
            ss_dep_t deps[2] = {rt_dep_bytes(SS_DEP_IN, x + lo, chunk * sizeof *x, &dx),
                                rt_dep_bytes(SS_DEP_INOUT, y + lo, chunk * sizeof *y, &dy)};
            rt_spawn(&api_type, &a, sizeof a, 2, deps, 0);
        }
    }
    RT_OK(ss_taskwait());
    check_saxpy(y, n, 0.5f, rounds, "tasks of a CUDA type");
    RT_OK(ss_finalize());
    free(x);
    free(y);
}

int main(void)
{
    const char *mode = getenv("RT_CHILD");
    int n = ss_cuda_devices();
    if (n == 0) {
        const char *why = ssi_cuda_why_none();
        RT_CHECK(why[0], "no CUDA device and no reason given");
        rt_skip(why);
    }
    find_fake();
#ifdef SS_TEST_FAKE_FATBIN
    if (!fake_stats)
        rt_skip("built without nvcc: no kernels for a real GPU");
#endif
    if (mode)
        child(mode);
    printf("%d CUDA device(s)%s\n", n, fake_stats ? " (fake driver)" : "");
    test_saxpy_hand();
    test_saxpy_adjacent();
    test_block();
    for (int i = 0; i < NFATAL; i++)
        expect_fatal(fatal_cases[i].mode, fatal_cases[i].type.label,
                     fatal_cases[i].text);
    test_api();
    ssi_cuda_fini();
    if (fake_stats) {
        RT_CHECK(fake_count(FAKE_CTX_REFS) == 0 && fake_count(FAKE_MODULES_LIVE) == 0 &&
                     fake_count(FAKE_STREAMS_LIVE) == 0 &&
                     fake_count(FAKE_ALLOCS_LIVE) == 0,
                 "left after ssi_cuda_fini: %ld context references, %ld modules, "
                 "%ld streams, %ld buffers",
                 fake_count(FAKE_CTX_REFS), fake_count(FAKE_MODULES_LIVE),
                 fake_count(FAKE_STREAMS_LIVE), fake_count(FAKE_ALLOCS_LIVE));
        RT_CHECK(fake_count(FAKE_LAUNCHES) > 0, "no kernel launched");
    }
    puts("ok");
    return 0;
}
