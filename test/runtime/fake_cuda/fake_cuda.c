/* fake_cuda.c - a fake CUDA driver for tests: built as libcuda.so.1 in a
 * folder of its own, it is what the runtime's dlopen("libcuda.so.1") finds
 * when a test puts that folder in LD_LIBRARY_PATH, so the runtime's CUDA
 * module runs its whole GPU path on a machine without a GPU.
 *
 * Only the entry points device/cuda.c uses exist, with the driver's
 * checks that catch a misuse: a call needs a current context; copies and
 * kernels may only touch live device allocations (a kernel touching
 * anything else makes the context fail with CUDA_ERROR_ILLEGAL_ADDRESS, as
 * a GPU does, reported by the calls that follow); streams and allocations
 * must be live; block and grid sizes within a GPU's limits. "Device"
 * memory is host memory from aligned_alloc(256), and work runs at once, in
 * the calling thread. Modules are fat binaries (nvcc -fatbin); a kernel is
 * found when the module holds a section ".text.NAME" (C linkage) and the
 * fake knows how to run NAME: the kernels of test/runtime/cuda_saxpy.cu.
 *
 * Environment: FAKE_CUDA_INIT=N makes cuInit return error N;
 * FAKE_CUDA_DEVICES=N gives N devices (default 1, at most 8). */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_cuda.h"

#define API __attribute__((visibility("default")))

enum {
    SUCCESS = 0,
    INVALID_VALUE = 1,
    OUT_OF_MEMORY = 2,
    NOT_INITIALIZED = 3,
    NO_DEVICE = 100,
    INVALID_DEVICE = 101,
    INVALID_IMAGE = 200,
    INVALID_CONTEXT = 201,
    INVALID_HANDLE = 400,
    NOT_FOUND = 500,
    ILLEGAL_ADDRESS = 700
};

#define MAX_DEVICES 8
#define MAX_ALLOCS 4096

typedef struct ctx {
    int dev, refs;
    int failed; /* sticky error of a kernel */
} ctx_t;

typedef struct module {
    ctx_t *ctx; /* first, as in stream_t (new_object) */
    const unsigned char *image;
    size_t size;
} module_t;

typedef struct stream {
    ctx_t *ctx;
    unsigned magic;
} stream_t;

#define STREAM_MAGIC 0x57eau

typedef struct kernel kernel_t;

static struct {
    pthread_mutex_t lock;
    int inited, ndev;
    ctx_t ctx[MAX_DEVICES];
    struct {
        uintptr_t p;
        size_t n;
        ctx_t *ctx;
    } alloc[MAX_ALLOCS];
    int nalloc;
    long stats[FAKE_NSTATS];
} fake = {.lock = PTHREAD_MUTEX_INITIALIZER};

static _Thread_local ctx_t *current;

API void fake_cuda_stats(long out[FAKE_NSTATS])
{
    pthread_mutex_lock(&fake.lock);
    memcpy(out, fake.stats, sizeof fake.stats);
    pthread_mutex_unlock(&fake.lock);
}

/* Every call but cuInit and cuGetErrorName: under the lock, initialised,
 * with a working current context when `need_ctx`. */
static int enter(int need_ctx)
{
    pthread_mutex_lock(&fake.lock);
    if (!fake.inited)
        return NOT_INITIALIZED;
    if (need_ctx && (!current || current->refs == 0))
        return INVALID_CONTEXT;
    if (need_ctx && current->failed)
        return current->failed;
    return SUCCESS;
}

static int leave(int rc)
{
    pthread_mutex_unlock(&fake.lock);
    return rc;
}

/* A new module or stream of the current context (both start with their
 * context), counted in stats[stat]. */
static int new_object(void **out, size_t size, int stat)
{
    ctx_t **o = malloc(size);
    if (!o)
        return OUT_OF_MEMORY;
    *o = current;
    fake.stats[stat]++;
    *out = o;
    return SUCCESS;
}

API int cuInit(unsigned flags)
{
    const char *e = getenv("FAKE_CUDA_INIT");
    if (e && atoi(e))
        return atoi(e);
    if (flags)
        return INVALID_VALUE;
    pthread_mutex_lock(&fake.lock);
    const char *n = getenv("FAKE_CUDA_DEVICES");
    fake.ndev = n ? atoi(n) : 1;
    if (fake.ndev < 0 || fake.ndev > MAX_DEVICES)
        fake.ndev = MAX_DEVICES;
    for (int i = 0; i < MAX_DEVICES; i++)
        fake.ctx[i].dev = i;
    fake.inited = 1;
    return leave(SUCCESS);
}

API int cuGetErrorName(int rc, const char **name)
{
    static const struct {
        int rc;
        const char *name;
    } names[] = {{SUCCESS, "CUDA_SUCCESS"},
                 {INVALID_VALUE, "CUDA_ERROR_INVALID_VALUE"},
                 {OUT_OF_MEMORY, "CUDA_ERROR_OUT_OF_MEMORY"},
                 {NOT_INITIALIZED, "CUDA_ERROR_NOT_INITIALIZED"},
                 {NO_DEVICE, "CUDA_ERROR_NO_DEVICE"},
                 {INVALID_DEVICE, "CUDA_ERROR_INVALID_DEVICE"},
                 {INVALID_IMAGE, "CUDA_ERROR_INVALID_IMAGE"},
                 {INVALID_CONTEXT, "CUDA_ERROR_INVALID_CONTEXT"},
                 {INVALID_HANDLE, "CUDA_ERROR_INVALID_HANDLE"},
                 {NOT_FOUND, "CUDA_ERROR_NOT_FOUND"},
                 {ILLEGAL_ADDRESS, "CUDA_ERROR_ILLEGAL_ADDRESS"}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (names[i].rc == rc) {
            *name = names[i].name;
            return SUCCESS;
        }
    }
    *name = NULL;
    return INVALID_VALUE;
}

API int cuDeviceGetCount(int *n)
{
    int rc = enter(0);
    if (rc == SUCCESS)
        *n = fake.ndev;
    return leave(rc);
}

API int cuDeviceGet(int *dev, int ordinal)
{
    int rc = enter(0);
    if (rc == SUCCESS && (ordinal < 0 || ordinal >= fake.ndev))
        rc = INVALID_DEVICE;
    if (rc == SUCCESS)
        *dev = ordinal;
    return leave(rc);
}

API int cuDevicePrimaryCtxRetain(ctx_t **c, int dev)
{
    int rc = enter(0);
    if (rc == SUCCESS && (dev < 0 || dev >= fake.ndev))
        rc = INVALID_DEVICE;
    if (rc == SUCCESS) {
        *c = &fake.ctx[dev];
        fake.ctx[dev].refs++;
        fake.stats[FAKE_CTX_REFS]++;
    }
    return leave(rc);
}

API int cuDevicePrimaryCtxRelease_v2(int dev)
{
    int rc = enter(0);
    if (rc == SUCCESS && (dev < 0 || dev >= fake.ndev))
        rc = INVALID_DEVICE;
    if (rc == SUCCESS && fake.ctx[dev].refs == 0)
        rc = INVALID_CONTEXT;
    if (rc == SUCCESS) {
        fake.ctx[dev].refs--;
        fake.stats[FAKE_CTX_REFS]--;
    }
    return leave(rc);
}

API int cuCtxSetCurrent(ctx_t *c)
{
    int rc = enter(0);
    if (rc == SUCCESS && c && c->refs == 0)
        rc = INVALID_CONTEXT;
    if (rc == SUCCESS)
        current = c;
    return leave(rc);
}

/* ---- modules ------------------------------------------------------------- */

/* A fat binary starts with magic 0xba55ed50, a 16-bit version, a 16-bit
 * header size and the 64-bit size of what follows the header. */
static size_t fatbin_size(const unsigned char *p)
{
    uint32_t magic;
    uint16_t header;
    uint64_t body;
    memcpy(&magic, p, 4);
    memcpy(&header, p + 6, 2);
    memcpy(&body, p + 8, 8);
    if (magic != 0xba55ed50u || header < 16 || body > (1u << 30))
        return 0;
    return header + body;
}

API int cuModuleLoadData(module_t **m, const void *image)
{
    int rc = enter(1);
    size_t size = 0;
    if (rc == SUCCESS && (!image || ((uintptr_t)image % 8) ||
                          !(size = fatbin_size(image))))
        rc = INVALID_IMAGE;
    if (rc == SUCCESS)
        rc = new_object((void **)m, sizeof **m, FAKE_MODULES_LIVE);
    if (rc == SUCCESS) {
        (*m)->image = image;
        (*m)->size = size;
    }
    return leave(rc);
}

API int cuModuleUnload(module_t *m)
{
    int rc = enter(1);
    if (rc == SUCCESS && (!m || m->ctx != current))
        rc = INVALID_HANDLE;
    if (rc == SUCCESS) {
        free(m);
        fake.stats[FAKE_MODULES_LIVE]--;
    }
    return leave(rc);
}

/* ---- memory --------------------------------------------------------------- */

/* The allocation of the current context holding [p, p + n), or -1. */
static int find_alloc(uintptr_t p, size_t n)
{
    for (int i = 0; i < fake.nalloc; i++)
        if (fake.alloc[i].ctx == current && p >= fake.alloc[i].p &&
            n <= fake.alloc[i].n && p - fake.alloc[i].p <= fake.alloc[i].n - n)
            return i;
    return -1;
}

API int cuMemAlloc_v2(unsigned long long *d, size_t n)
{
    int rc = enter(1);
    void *p = NULL;
    if (rc == SUCCESS && n == 0)
        rc = INVALID_VALUE;
    if (rc == SUCCESS && (fake.nalloc == MAX_ALLOCS ||
                          !(p = aligned_alloc(256, (n + 255) / 256 * 256))))
        rc = OUT_OF_MEMORY;
    if (rc == SUCCESS) {
        fake.alloc[fake.nalloc].p = (uintptr_t)p;
        fake.alloc[fake.nalloc].n = n;
        fake.alloc[fake.nalloc].ctx = current;
        fake.nalloc++;
        *d = (uintptr_t)p;
        fake.stats[FAKE_ALLOCS_LIVE]++;
    }
    return leave(rc);
}

API int cuMemFree_v2(unsigned long long d)
{
    int rc = enter(1);
    int i = -1;
    if (rc == SUCCESS && ((i = find_alloc(d, 0)) < 0 || fake.alloc[i].p != d))
        rc = INVALID_VALUE;
    if (rc == SUCCESS) {
        free((void *)fake.alloc[i].p);
        fake.alloc[i] = fake.alloc[--fake.nalloc];
        fake.stats[FAKE_ALLOCS_LIVE]--;
    }
    return leave(rc);
}

static int check_stream(stream_t *s)
{
    if (!s || s->magic != STREAM_MAGIC || s->ctx != current)
        return INVALID_HANDLE;
    return SUCCESS;
}

/* A copy between host and device memory: the device side, d, must lie in
 * a live allocation. Bytes counted in stats[stat]. */
static int copy(void *dst, const void *src, unsigned long long d, size_t n,
                stream_t *s, int stat)
{
    int rc = enter(1);
    if (rc == SUCCESS)
        rc = check_stream(s);
    if (rc == SUCCESS && (!dst || !src || find_alloc(d, n) < 0))
        rc = INVALID_VALUE;
    if (rc == SUCCESS) {
        memcpy(dst, src, n);
        fake.stats[stat] += (long)n;
    }
    return leave(rc);
}

API int cuMemcpyHtoDAsync_v2(unsigned long long d, const void *h, size_t n,
                             stream_t *s)
{
    return copy((void *)(uintptr_t)d, h, d, n, s, FAKE_HTOD_BYTES);
}

API int cuMemcpyDtoHAsync_v2(void *h, unsigned long long d, size_t n,
                             stream_t *s)
{
    return copy(h, (const void *)(uintptr_t)d, d, n, s, FAKE_DTOH_BYTES);
}

/* ---- streams -------------------------------------------------------------- */

API int cuStreamCreate(stream_t **s, unsigned flags)
{
    int rc = enter(1);
    if (rc == SUCCESS && flags > 1)
        rc = INVALID_VALUE;
    if (rc == SUCCESS)
        rc = new_object((void **)s, sizeof **s, FAKE_STREAMS_LIVE);
    if (rc == SUCCESS)
        (*s)->magic = STREAM_MAGIC;
    return leave(rc);
}

API int cuStreamDestroy_v2(stream_t *s)
{
    int rc = enter(1);
    if (rc == SUCCESS)
        rc = check_stream(s);
    if (rc == SUCCESS) {
        s->magic = 0;
        free(s);
        fake.stats[FAKE_STREAMS_LIVE]--;
    }
    return leave(rc);
}

API int cuStreamSynchronize(stream_t *s)
{
    int rc = enter(1);
    if (rc == SUCCESS)
        rc = check_stream(s);
    return leave(rc);
}

/* ---- kernels -------------------------------------------------------------- */

typedef struct dim3 {
    unsigned x, y, z;
} dim3_t;

/* One thread of a kernel: blockIdx, blockDim, threadIdx and the kernel
 * parameters (kernelParams: pointers to each argument). */
typedef void (*thread_fn)(dim3_t bi, dim3_t bd, dim3_t ti, void **params);

struct kernel {
    const char *name;
    thread_fn run;
};

/* A device location of n bytes: a host pointer into a live allocation, or
 * NULL (the context fails with ILLEGAL_ADDRESS). */
static void *dev(uintptr_t p, size_t n)
{
    if (find_alloc(p, n) < 0) {
        current->failed = ILLEGAL_ADDRESS;
        return NULL;
    }
    return (void *)p;
}

static void saxpy(dim3_t bi, dim3_t bd, dim3_t ti, void **params)
{
    unsigned long long n = *(unsigned long long *)params[0];
    float a = *(float *)params[1];
    uintptr_t x = *(uintptr_t *)params[2], y = *(uintptr_t *)params[3];
    unsigned long long i = bi.x * (unsigned long long)bd.x + ti.x;
    if (i >= n)
        return;
    float *xi = dev(x + i * sizeof(float), sizeof(float));
    float *yi = dev(y + i * sizeof(float), sizeof(float));
    if (xi && yi)
        *yi = a * *xi + *yi;
}

static void fill_block(dim3_t bi, dim3_t bd, dim3_t ti, void **params)
{
    uintptr_t blk = *(uintptr_t *)params[0];
    unsigned long long ld = *(unsigned long long *)params[1];
    unsigned long long rows = *(unsigned long long *)params[2];
    unsigned long long cols = *(unsigned long long *)params[3];
    double v = *(double *)params[4];
    unsigned long long c = bi.x * (unsigned long long)bd.x + ti.x;
    unsigned long long r = bi.y * (unsigned long long)bd.y + ti.y;
    if (r >= rows || c >= cols)
        return;
    double *e = dev(blk + (r * ld + c) * sizeof(double), sizeof(double));
    if (e)
        *e = v + (double)(r * cols + c);
}

static kernel_t kernels[] = {{"saxpy", saxpy}, {"fill_block", fill_block}};

/* Does the image hold the section ".text.NAME"? */
static int has_text(const module_t *m, const char *name)
{
    char sec[128];
    size_t len = (size_t)snprintf(sec, sizeof sec, ".text.%s", name) + 1;
    if (len > sizeof sec)
        return 0;
    for (size_t i = 0; i + len <= m->size; i++)
        if (m->image[i] == '.' && !memcmp(m->image + i, sec, len))
            return 1;
    return 0;
}

API int cuModuleGetFunction(kernel_t **f, module_t *m, const char *name)
{
    int rc = enter(1);
    if (rc == SUCCESS && (!m || m->ctx != current))
        rc = INVALID_HANDLE;
    if (rc == SUCCESS && !name)
        rc = INVALID_VALUE;
    if (rc == SUCCESS) {
        rc = NOT_FOUND;
        for (size_t i = 0; i < sizeof kernels / sizeof kernels[0]; i++) {
            if (!strcmp(kernels[i].name, name) && has_text(m, name)) {
                *f = &kernels[i];
                rc = SUCCESS;
            }
        }
    }
    return leave(rc);
}

API int cuLaunchKernel(kernel_t *f, unsigned gx, unsigned gy, unsigned gz,
                       unsigned bx, unsigned by, unsigned bz, unsigned shared,
                       stream_t *s, void **params, void **extra)
{
    int rc = enter(1);
    if (rc == SUCCESS)
        rc = check_stream(s);
    if (rc == SUCCESS &&
        (!f || !params || extra || shared > 48 * 1024 || gx == 0 || gy == 0 ||
         gz == 0 || gx > 0x7fffffffu || gy > 65535 || gz > 65535 || bx == 0 ||
         by == 0 || bz == 0 || bx > 1024 || by > 1024 || bz > 64 ||
         (unsigned long long)bx * by * bz > 1024))
        rc = INVALID_VALUE;
    if (rc == SUCCESS) {
        fake.stats[FAKE_LAUNCHES]++;
        dim3_t bd = {bx, by, bz};
        for (unsigned z = 0; z < gz; z++)
            for (unsigned y = 0; y < gy; y++)
                for (unsigned x = 0; x < gx; x++)
                    for (unsigned k = 0; k < bz; k++)
                        for (unsigned j = 0; j < by; j++)
                            for (unsigned i = 0; i < bx; i++)
                                f->run((dim3_t){x, y, z}, bd, (dim3_t){i, j, k},
                                       params);
    }
    return leave(rc);
}
