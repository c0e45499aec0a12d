/* cuda.c - CUDA GPUs through the CUDA driver API, loaded at run time (see
 * cuda.h and docs/cuda.md).
 *
 * No cuda.h: the few driver types and entry points used are declared here,
 * and libcuda.so.1 is opened with dlopen on the first question about GPUs.
 *
 * Per device: the primary context (retained on the first CUDA task run on
 * it), the registered modules loaded into it (the ones registered since the
 * last task are loaded by the next), a cache of kernels by name and a pool
 * of idle streams. A CUDA task takes a stream from the pool and does all its
 * work on it (copies in, kernels, copies out), so tasks on different workers
 * overlap on the GPU. One mutex guards all of it: it is taken a few times
 * per task, never around device work. */
#include "device/cuda.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deps/deps.h"
#include "device/cuda_map.h"
#include "ss_abi.h"
#include "worker/worker.h"

/* ---- the driver API (declared here: CUDA need not be installed) -------- */

typedef int cu_result;                /* CUresult; 0 is CUDA_SUCCESS */
typedef int cu_device;                /* CUdevice */
typedef struct cu_ctx_st *cu_ctx;     /* CUcontext */
typedef struct cu_mod_st *cu_module;  /* CUmodule */
typedef struct cu_func_st *cu_func;   /* CUfunction */
typedef struct cu_stream_st *cu_stream; /* CUstream */
typedef unsigned long long cu_dptr;   /* CUdeviceptr (64-bit) */

enum {
    CU_SUCCESS = 0,
    CU_ERROR_NOT_FOUND = 500,
    CU_STREAM_NON_BLOCKING = 1 /* no implicit sync with the NULL stream */
};

/* The entry points, each with the symbol it is loaded from: the _v2 names
 * are the ones cuda.h maps the plain names to (64-bit sizes and pointers). */
#define SSI_CU_SYMBOLS(X)                                                     \
    X(init, "cuInit")                                                         \
    X(get_error_name, "cuGetErrorName")                                       \
    X(device_get_count, "cuDeviceGetCount")                                   \
    X(device_get, "cuDeviceGet")                                              \
    X(primary_retain, "cuDevicePrimaryCtxRetain")                             \
    X(primary_release, "cuDevicePrimaryCtxRelease_v2")                        \
    X(ctx_set_current, "cuCtxSetCurrent")                                     \
    X(module_load_data, "cuModuleLoadData")                                   \
    X(module_unload, "cuModuleUnload")                                        \
    X(module_get_function, "cuModuleGetFunction")                             \
    X(mem_alloc, "cuMemAlloc_v2")                                             \
    X(mem_free, "cuMemFree_v2")                                               \
    X(memcpy_htod, "cuMemcpyHtoDAsync_v2")                                    \
    X(memcpy_dtoh, "cuMemcpyDtoHAsync_v2")                                    \
    X(stream_create, "cuStreamCreate")                                        \
    X(stream_destroy, "cuStreamDestroy_v2")                                   \
    X(stream_synchronize, "cuStreamSynchronize")                              \
    X(launch_kernel, "cuLaunchKernel")

static struct {
    cu_result (*init)(unsigned flags);
    cu_result (*get_error_name)(cu_result rc, const char **name);
    cu_result (*device_get_count)(int *count);
    cu_result (*device_get)(cu_device *dev, int ordinal);
    cu_result (*primary_retain)(cu_ctx *ctx, cu_device dev);
    cu_result (*primary_release)(cu_device dev);
    cu_result (*ctx_set_current)(cu_ctx ctx);
    cu_result (*module_load_data)(cu_module *mod, const void *image);
    cu_result (*module_unload)(cu_module mod);
    cu_result (*module_get_function)(cu_func *f, cu_module mod, const char *name);
    cu_result (*mem_alloc)(cu_dptr *p, size_t bytes);
    cu_result (*mem_free)(cu_dptr p);
    cu_result (*memcpy_htod)(cu_dptr dst, const void *src, size_t bytes,
                             cu_stream s);
    cu_result (*memcpy_dtoh)(void *dst, cu_dptr src, size_t bytes, cu_stream s);
    cu_result (*stream_create)(cu_stream *s, unsigned flags);
    cu_result (*stream_destroy)(cu_stream s);
    cu_result (*stream_synchronize)(cu_stream s);
    cu_result (*launch_kernel)(cu_func f, unsigned gx, unsigned gy, unsigned gz,
                               unsigned bx, unsigned by, unsigned bz,
                               unsigned shared_bytes, cu_stream s,
                               void **params, void **extra);
} cu;

/* Resolve every entry point; returns the name of a missing one, or NULL. */
static const char *load_symbols(void *lib)
{
    void *sym;
#define SSI_CU_LOAD(field, name)                                              \
    if (!(sym = dlsym(lib, name)))                                            \
        return name;                                                          \
    memcpy(&cu.field, &sym, sizeof sym);
    SSI_CU_SYMBOLS(SSI_CU_LOAD)
#undef SSI_CU_LOAD
    return NULL;
}

/* ---- state -------------------------------------------------------------- */

typedef struct kernel {
    struct kernel *next;
    cu_func f;
    char name[];
} kernel_t;

#define KERNEL_BUCKETS 64

typedef struct gpu {
    cu_device dev;
    cu_ctx ctx;            /* retained primary context; NULL until used */
    cu_module *mods;       /* the first `nloaded` registered modules, loaded */
    size_t nloaded;
    cu_stream *idle;       /* streams not used by a running task */
    size_t nidle, cap_idle;
    kernel_t *kernels[KERNEL_BUCKETS];
} gpu_t;

typedef struct module {
    const void *image;
    size_t size;
    const char *unit;
} module_t;

static struct {
    pthread_once_t once;
    pthread_mutex_t lock; /* mods and everything in gpus */
    int count;            /* usable devices; set once */
    char why[256];        /* why count is 0 */
    gpu_t *gpus;
    module_t *mods;       /* registered modules, in order */
    size_t nmods, cap_mods;
} cuda = {PTHREAD_ONCE_INIT, PTHREAD_MUTEX_INITIALIZER, 0, "", NULL, NULL, 0, 0};

/* The CUDA task whose launcher runs on this thread (NULL outside one). */
typedef struct cuda_task {
    ssi_task_t *t;
    gpu_t *gpu;
    cu_stream stream;
    ssi_cuda_span_t *spans; /* device buffers, sorted by host address */
    size_t nspans;
    const char *kernel;     /* the last one launched, for error messages */
} cuda_task_t;

static _Thread_local cuda_task_t *ssi_cuda_cur
    __attribute__((tls_model("initial-exec")));

/* ---- errors ------------------------------------------------------------- */

static const char *error_name(cu_result rc, char buf[32])
{
    const char *s = NULL;
    if (cu.get_error_name && cu.get_error_name(rc, &s) == CU_SUCCESS && s)
        return s;
    snprintf(buf, 32, "CUDA error %d", rc);
    return buf;
}

/* Abort naming the task, the call and the CUDA error unless rc is success.
 * A kernel's failure surfaces in a later call: `kernel` (may be NULL) names
 * the last one the task launched. */
static void check(const ssi_task_t *t, cu_result rc, const char *call,
                  const char *kernel)
{
    if (SSI_LIKELY(rc == CU_SUCCESS))
        return;
    char buf[32];
    if (kernel)
        ssi_fatal(t, "%s: %s (after CUDA kernel '%s')", call,
                  error_name(rc, buf), kernel);
    ssi_fatal(t, "%s: %s", call, error_name(rc, buf));
}

_Noreturn static void out_of_memory(const ssi_task_t *t, const char *what)
{
    ssi_fatal(t, "out of memory (%s)", what);
}

/* ---- devices ------------------------------------------------------------ */

__attribute__((format(printf, 1, 2))) static void why(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cuda.why, sizeof cuda.why, fmt, ap);
    va_end(ap);
}

static void init_once(void)
{
    const char *lib_name = "libcuda.so.1";
    dlerror();
    void *lib = dlopen(lib_name, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        const char *e = dlerror();
        if (!e)
            e = "cannot be opened";
        if (!strncmp(e, lib_name, strlen(lib_name)))
            why("%s", e); /* dlerror's text names the library already */
        else
            why("%s: %s", lib_name, e);
        return;
    }
    const char *missing = load_symbols(lib);
    if (missing) {
        why("%s: no symbol %s", lib_name, missing);
        memset(&cu, 0, sizeof cu);
        dlclose(lib);
        return;
    }
    /* From here on the library stays loaded (the driver may have started
     * threads of its own). */
    char buf[32];
    cu_result rc = cu.init(0);
    if (rc != CU_SUCCESS) {
        why("cuInit: %s", error_name(rc, buf));
        return;
    }
    int n = 0;
    if ((rc = cu.device_get_count(&n)) != CU_SUCCESS) {
        why("cuDeviceGetCount: %s", error_name(rc, buf));
        return;
    }
    if (n <= 0) {
        why("no CUDA device");
        return;
    }
    gpu_t *g = calloc((size_t)n, sizeof *g);
    if (!g) {
        why("out of memory");
        return;
    }
    for (int i = 0; i < n; i++) {
        if ((rc = cu.device_get(&g[i].dev, i)) != CU_SUCCESS) {
            why("cuDeviceGet(%d): %s", i, error_name(rc, buf));
            free(g);
            return;
        }
    }
    cuda.gpus = g;
    cuda.count = n;
}

int ssi_cuda_count(void)
{
    pthread_once(&cuda.once, init_once);
    return cuda.count;
}

const char *ssi_cuda_why_none(void)
{
    return ssi_cuda_count() ? "" : cuda.why;
}

SSI_API int ss_cuda_devices(void)
{
    return ssi_cuda_count();
}

/* ---- modules and kernels ------------------------------------------------ */

SSI_API void ss_abi_cuda_module(const void *image, size_t size, const char *unit)
{
    if (!unit)
        unit = "(unnamed CUDA unit)";
    if (!image || size == 0)
        ssi_fatal(NULL, "CUDA module %s: empty image", unit);
    pthread_mutex_lock(&cuda.lock);
    if (cuda.nmods == cuda.cap_mods) {
        size_t cap = cuda.cap_mods ? 2 * cuda.cap_mods : 8;
        module_t *v = realloc(cuda.mods, cap * sizeof *v);
        if (!v)
            ssi_fatal(NULL, "CUDA module %s: out of memory", unit);
        cuda.mods = v;
        cuda.cap_mods = cap;
    }
    cuda.mods[cuda.nmods++] = (module_t){image, size, unit};
    pthread_mutex_unlock(&cuda.lock);
}

/* Load the modules registered since the last call into g's context, which
 * is current on this thread. Under cuda.lock. */
static void load_modules(const ssi_task_t *t, gpu_t *g)
{
    if (g->nloaded == cuda.nmods)
        return;
    cu_module *v = realloc(g->mods, cuda.nmods * sizeof *v);
    if (!v)
        out_of_memory(t, "loading CUDA modules");
    g->mods = v;
    for (; g->nloaded < cuda.nmods; g->nloaded++) {
        const module_t *m = &cuda.mods[g->nloaded];
        cu_result rc = cu.module_load_data(&v[g->nloaded], m->image);
        if (rc != CU_SUCCESS) {
            char call[160];
            snprintf(call, sizeof call, "cuModuleLoadData(%s)", m->unit);
            check(t, rc, call, NULL);
        }
    }
}

static unsigned name_hash(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h % KERNEL_BUCKETS;
}

_Noreturn static void kernel_not_found(const ssi_task_t *t, const char *name)
{
    if (cuda.nmods == 0)
        ssi_fatal(t, "CUDA kernel '%s': no CUDA module is registered", name);
    char units[200] = "";
    size_t len = 0;
    for (size_t i = 0; i < cuda.nmods && len < sizeof units; i++)
        len += (size_t)snprintf(units + len, sizeof units - len, "%s%s",
                                i ? ", " : "", cuda.mods[i].unit);
    ssi_fatal(t, "CUDA kernel '%s' is in none of the registered modules (%s); "
                 "a kernel needs C linkage (extern \"C\")", name, units);
}

/* The kernel called `name` in g's context (current on this thread). */
static cu_func find_kernel(const ssi_task_t *t, gpu_t *g, const char *name)
{
    unsigned h = name_hash(name);
    pthread_mutex_lock(&cuda.lock);
    for (kernel_t *k = g->kernels[h]; k; k = k->next) {
        if (!strcmp(k->name, name)) {
            cu_func f = k->f;
            pthread_mutex_unlock(&cuda.lock);
            return f;
        }
    }
    load_modules(t, g);
    cu_func f = NULL;
    for (size_t i = 0; i < g->nloaded && !f; i++) {
        cu_result rc = cu.module_get_function(&f, g->mods[i], name);
        if (rc == CU_ERROR_NOT_FOUND)
            f = NULL;
        else
            check(t, rc, "cuModuleGetFunction", NULL);
    }
    if (!f)
        kernel_not_found(t, name);
    size_t len = strlen(name) + 1;
    kernel_t *k = malloc(sizeof *k + len);
    if (!k)
        out_of_memory(t, "caching a CUDA kernel");
    k->f = f;
    memcpy(k->name, name, len);
    k->next = g->kernels[h];
    g->kernels[h] = k;
    pthread_mutex_unlock(&cuda.lock);
    return f;
}

/* ---- streams ------------------------------------------------------------ */

/* Make g's primary context current on this thread (retaining it
 * first), load the modules registered since the last task, and take an idle
 * stream of it. */
static cu_stream gpu_acquire(const ssi_task_t *t, gpu_t *g)
{
    cu_stream s;
    pthread_mutex_lock(&cuda.lock);
    if (!g->ctx)
        check(t, cu.primary_retain(&g->ctx, g->dev), "cuDevicePrimaryCtxRetain",
              NULL);
    check(t, cu.ctx_set_current(g->ctx), "cuCtxSetCurrent", NULL);
    load_modules(t, g);
    if (g->nidle)
        s = g->idle[--g->nidle];
    else
        check(t, cu.stream_create(&s, CU_STREAM_NON_BLOCKING), "cuStreamCreate",
              NULL);
    pthread_mutex_unlock(&cuda.lock);
    return s;
}

static void gpu_release(gpu_t *g, cu_stream s)
{
    pthread_mutex_lock(&cuda.lock);
    if (g->nidle == g->cap_idle) {
        size_t cap = g->cap_idle ? 2 * g->cap_idle : 8;
        cu_stream *v = realloc(g->idle, cap * sizeof *v);
        if (!v) {
            cu.stream_destroy(s);
            pthread_mutex_unlock(&cuda.lock);
            return;
        }
        g->idle = v;
        g->cap_idle = cap;
    }
    g->idle[g->nidle++] = s;
    pthread_mutex_unlock(&cuda.lock);
}

/* ---- running a CUDA task ------------------------------------------------ */

enum { TO_DEVICE, TO_HOST };

static void copy(cuda_task_t *ct, const ssi_cuda_span_t *sp, uintptr_t lo,
                 size_t len, int dir)
{
    cu_dptr d = sp->dev + (lo - sp->lo);
    if (dir == TO_DEVICE)
        check(ct->t, cu.memcpy_htod(d, (const void *)lo, len, ct->stream),
              "cuMemcpyHtoDAsync", ct->kernel);
    else
        check(ct->t, cu.memcpy_dtoh((void *)lo, d, len, ct->stream),
              "cuMemcpyDtoHAsync", ct->kernel);
}

/* The buffer holding access a; NULL only for an empty region, which tasks
 * do not keep. */
static ssi_cuda_span_t *span_of(const cuda_task_t *ct, const ssi_access_t *a)
{
    return ssi_cuda_find(ct->spans, ct->nspans, a->region.lo);
}

/* Copy exactly the bytes of access a (its contiguous pieces), of buffer sp. */
static void copy_access(cuda_task_t *ct, const ssi_cuda_span_t *sp,
                        const ssi_access_t *a, int dir)
{
    const ssi_region_t *r = &a->region;
    if (!r->dims) {
        copy(ct, sp, r->lo, r->hi - r->lo, dir);
        return;
    }
    ssi_cuda_pieces_t it;
    uintptr_t lo;
    size_t len;
    ssi_cuda_pieces_init(&it, r->base, r->ndims, r->dims);
    while (ssi_cuda_pieces_next(&it, &lo, &len))
        copy(ct, sp, lo, len, dir);
}

/* In: every byte of every region. A span whose regions are all contiguous
 * is exactly their union: one copy. A span with a strided region also
 * holds bytes of no region, which may belong to tasks running now: only
 * the regions' own bytes are copied. */
static void copy_in(cuda_task_t *ct)
{
    for (size_t i = 0; i < ct->nspans; i++) {
        const ssi_cuda_span_t *sp = &ct->spans[i];
        if (!sp->strided)
            copy(ct, sp, sp->lo, sp->hi - sp->lo, TO_DEVICE);
    }
    for (unsigned i = 0; i < ct->t->ndeps; i++) {
        const ssi_access_t *a = &ct->t->acc[i];
        const ssi_cuda_span_t *sp = span_of(ct, a);
        if (sp && sp->strided)
            copy_access(ct, sp, a, TO_DEVICE);
    }
}

/* Out: the bytes of every region but the read-only (`in`) ones. */
static void copy_out(cuda_task_t *ct)
{
    for (size_t i = 0; i < ct->nspans; i++) {
        const ssi_cuda_span_t *sp = &ct->spans[i];
        if (!sp->strided && !sp->reads)
            copy(ct, sp, sp->lo, sp->hi - sp->lo, TO_HOST);
    }
    for (unsigned i = 0; i < ct->t->ndeps; i++) {
        const ssi_access_t *a = &ct->t->acc[i];
        const ssi_cuda_span_t *sp = span_of(ct, a);
        if (sp && a->type != SSI_EP_READ && (sp->strided || sp->reads))
            copy_access(ct, sp, a, TO_HOST);
    }
}

void ssi_cuda_run(ssi_task_t *t, int dev, void (*launcher)(void *))
{
    int n = ssi_cuda_count();
    if (dev < 0 || dev >= n)
        ssi_fatal(t, "CUDA device %d does not exist (%d found%s%s)", dev, n,
                  n ? "" : ": ", ssi_cuda_why_none());
    gpu_t *g = &cuda.gpus[dev];

    /* One buffer per group of overlapping or touching regions. */
    ssi_cuda_span_t small[16], *s = small;
    if (t->ndeps > 16 && !(s = malloc(t->ndeps * sizeof *s)))
        out_of_memory(t, "CUDA buffers");
    for (unsigned i = 0; i < t->ndeps; i++) {
        s[i].lo = t->acc[i].region.lo;
        s[i].hi = t->acc[i].region.hi;
    }
    cuda_task_t ct = {t, g, NULL, s, ssi_cuda_merge(s, t->ndeps), NULL};
    for (unsigned i = 0; i < t->ndeps; i++) {
        const ssi_access_t *a = &t->acc[i];
        ssi_cuda_span_t *sp = span_of(&ct, a);
        if (!sp)
            continue;
        sp->strided |= a->region.dims != NULL;
        sp->reads |= a->type == SSI_EP_READ;
    }
    const size_t m = ct.nspans;

    ct.stream = gpu_acquire(t, g);
    for (size_t i = 0; i < m; i++) {
        size_t pad = ssi_cuda_pad(s[i].lo);
        check(t, cu.mem_alloc(&s[i].alloc, pad + (s[i].hi - s[i].lo)),
              "cuMemAlloc", NULL);
        s[i].dev = s[i].alloc + pad;
    }
    copy_in(&ct);

    cuda_task_t *outer = ssi_cuda_cur; /* the launcher may wait, and run
                                          another CUDA task on this thread */
    ssi_cuda_cur = &ct;
    if (launcher)
        launcher(t->args);
    ssi_cuda_cur = outer; /* (a CUDA task run meanwhile made g current again) */

    copy_out(&ct);
    check(t, cu.stream_synchronize(ct.stream), "cuStreamSynchronize", ct.kernel);
    for (size_t i = 0; i < m; i++)
        check(t, cu.mem_free(s[i].alloc), "cuMemFree", ct.kernel);
    gpu_release(g, ct.stream);
    if (s != small)
        free(s);
    if (outer)
        check(outer->t, cu.ctx_set_current(outer->gpu->ctx), "cuCtxSetCurrent",
              NULL);
}

/* ---- inside the launcher ------------------------------------------------ */

static cuda_task_t *current(const char *call)
{
    cuda_task_t *ct = ssi_cuda_cur;
    if (SSI_UNLIKELY(!ct))
        ssi_fatal(ssi_self ? ssi_self->current : NULL,
                  "%s called outside the launcher of a CUDA task", call);
    return ct;
}

SSI_API void *ss_abi_cuda_ptr(const void *p)
{
    cuda_task_t *ct = current("ss_abi_cuda_ptr");
    if (!p)
        return NULL;
    cu_dptr d = ssi_cuda_translate(ct->spans, ct->nspans, (uintptr_t)p);
    if (SSI_UNLIKELY(!d))
        ssi_fatal(ct->t, "address %p is not in a dependence of this CUDA task",
                  p);
    return (void *)(uintptr_t)d;
}

SSI_API void ss_abi_cuda_launch(const char *name, unsigned ndims,
                                const size_t *global, const size_t *local,
                                size_t shared_bytes, void **params)
{
    cuda_task_t *ct = current("ss_abi_cuda_launch");
    unsigned grid[3], block[3];
    int rc = ssi_cuda_grid(ndims, global, local, grid, block);
    if (rc == SSI_CUDA_GRID_EMPTY)
        return;
    if (rc == SSI_CUDA_GRID_BAD || shared_bytes > UINT_MAX) {
        char geo[160] = "";
        size_t len = 0;
        for (unsigned k = 0; k < ndims && k < 3; k++)
            len += (size_t)snprintf(geo + len, sizeof geo - len, "%s%zu/%zu",
                                    k ? " x " : "", global[k], local[k]);
        ssi_fatal(ct->t, "CUDA kernel '%s': invalid ndrange (%u dimensions%s%s, "
                         "%zu shared bytes): 1-3 dimensions of global/local "
                         "sizes, local > 0",
                  name, ndims, len ? ": " : "", geo, shared_bytes);
    }
    cu_func f = find_kernel(ct->t, ct->gpu, name);
    cu_result r = cu.launch_kernel(f, grid[0], grid[1], grid[2], block[0],
                                   block[1], block[2], (unsigned)shared_bytes,
                                   ct->stream, params, NULL);
    if (r != CU_SUCCESS) {
        char buf[32];
        ssi_fatal(ct->t, "cuLaunchKernel(%s): %s (grid %ux%ux%u, block "
                         "%ux%ux%u, %zu shared bytes)",
                  name, error_name(r, buf), grid[0], grid[1], grid[2], block[0],
                  block[1], block[2], shared_bytes);
    }
    ct->kernel = name;
}

/* ---- finalize ----------------------------------------------------------- */

void ssi_cuda_fini(void)
{
    if (!cuda.gpus)
        return;
    pthread_mutex_lock(&cuda.lock);
    for (int i = 0; i < cuda.count; i++) {
        gpu_t *g = &cuda.gpus[i];
        for (unsigned b = 0; b < KERNEL_BUCKETS; b++) {
            while (g->kernels[b]) {
                kernel_t *k = g->kernels[b];
                g->kernels[b] = k->next;
                free(k);
            }
        }
        if (g->ctx && cu.ctx_set_current(g->ctx) == CU_SUCCESS) {
            for (size_t k = 0; k < g->nidle; k++)
                cu.stream_destroy(g->idle[k]);
            for (size_t k = 0; k < g->nloaded; k++)
                cu.module_unload(g->mods[k]);
            cu.ctx_set_current(NULL);
            cu.primary_release(g->dev);
        }
        free(g->idle);
        free(g->mods);
        g->idle = NULL;
        g->mods = NULL;
        g->nidle = g->cap_idle = g->nloaded = 0;
        g->ctx = NULL;
    }
    pthread_mutex_unlock(&cuda.lock);
}
