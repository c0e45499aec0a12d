/* cuda_map.h - the pure logic of device/cuda.c, apart so that it is unit
 * tested without a GPU: which device buffers a CUDA task needs (its
 * dependence intervals merged), where a host address lands on the device,
 * the contiguous pieces of a strided region, and the launch geometry of an
 * ndrange. Plain C that also compiles as C++ (test/unit/cuda_map_test.cpp
 * includes it directly); no CUDA types. */
#ifndef SSI_CUDA_MAP_H
#define SSI_CUDA_MAP_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "ss.h"

/* Device buffers start SSI_CUDA_ALIGN bytes apart from the host's view of
 * them: a buffer is allocated with (lo % SSI_CUDA_ALIGN) bytes in front, so
 * a device address is congruent to its host address modulo SSI_CUDA_ALIGN
 * (cuMemAlloc returns 256-byte aligned memory) and vector loads that are
 * aligned on the host stay aligned on the device. */
#define SSI_CUDA_ALIGN 256u

/* One device buffer: the union of a task's dependence intervals that
 * overlap or touch. `dev` is the device address of host byte `lo`. */
typedef struct ssi_cuda_span {
    uintptr_t lo, hi;           /* host bytes [lo, hi) */
    unsigned long long alloc;   /* what cuMemAlloc returned (0: none yet) */
    unsigned long long dev;     /* alloc + ssi_cuda_pad(lo) */
    unsigned char strided;      /* a member region is not contiguous */
    unsigned char reads;        /* a member is read-only (not copied back) */
} ssi_cuda_span_t;

/* Bytes in front of a buffer for host address lo (see SSI_CUDA_ALIGN). */
static inline size_t ssi_cuda_pad(uintptr_t lo)
{
    return (size_t)(lo % SSI_CUDA_ALIGN);
}

static inline int ssi_cuda_span_cmp(const void *a, const void *b)
{
    uintptr_t x = ((const ssi_cuda_span_t *)a)->lo;
    uintptr_t y = ((const ssi_cuda_span_t *)b)->lo;
    return x < y ? -1 : x > y;
}

/* Sort s[0..n) by lo and merge, in place, the intervals that overlap or are
 * adjacent; empty ones (lo >= hi) are dropped. Only lo and hi are read;
 * the other fields of the result are zero. Returns the number left. */
static inline size_t ssi_cuda_merge(ssi_cuda_span_t *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i].lo < s[i].hi)
            s[k++] = s[i];
    if (k > 1)
        qsort(s, k, sizeof *s, ssi_cuda_span_cmp);
    size_t m = 0;
    for (size_t i = 0; i < k; i++) {
        if (m > 0 && s[i].lo <= s[m - 1].hi) {
            if (s[i].hi > s[m - 1].hi)
                s[m - 1].hi = s[i].hi;
            continue;
        }
        ssi_cuda_span_t one = {s[i].lo, s[i].hi, 0, 0, 0, 0};
        s[m++] = one;
    }
    return m;
}

/* The span of the sorted, merged s[0..n) holding host byte p, or NULL. */
static inline ssi_cuda_span_t *ssi_cuda_find(ssi_cuda_span_t *s, size_t n,
                                             uintptr_t p)
{
    size_t a = 0, b = n; /* the answer, if any, is in [a, b) */
    while (a < b) {
        size_t mid = a + (b - a) / 2;
        if (p < s[mid].lo)
            b = mid;
        else if (p >= s[mid].hi)
            a = mid + 1;
        else
            return &s[mid];
    }
    return NULL;
}

/* Device address of host byte p (s as for ssi_cuda_find, buffers
 * allocated), or 0 when p lies in no span. */
static inline unsigned long long ssi_cuda_translate(ssi_cuda_span_t *s,
                                                    size_t n, uintptr_t p)
{
    const ssi_cuda_span_t *sp = ssi_cuda_find(s, n, p);
    return sp ? sp->dev + (p - sp->lo) : 0;
}

/* The contiguous pieces of a strided region (deps/region.h's normal form:
 * address of index 0 `base`, `ndims` dims, dims[0] innermost in bytes,
 * outer ones counted in elements of the next inner one), in address order.
 * Every dimension must be non-empty (start < end), as regions kept by tasks
 * are. */
typedef struct ssi_cuda_pieces {
    const ss_dim_t *dims;
    unsigned ndims;
    uintptr_t base;
    size_t stride[SS_MAX_DIMS]; /* bytes per index of each dimension */
    size_t idx[SS_MAX_DIMS];    /* next piece's outer indices (k >= 1) */
    int done;
} ssi_cuda_pieces_t;

static inline void ssi_cuda_pieces_init(ssi_cuda_pieces_t *it, uintptr_t base,
                                        unsigned ndims, const ss_dim_t *dims)
{
    it->dims = dims;
    it->ndims = ndims;
    it->base = base;
    it->done = ndims == 0 || ndims > SS_MAX_DIMS;
    size_t s = 1;
    for (unsigned k = 0; k < ndims && k < SS_MAX_DIMS; k++) {
        it->stride[k] = s;
        it->idx[k] = dims[k].start;
        s *= dims[k].size;
    }
}

/* Store the next piece in [*lo, *lo + *len) and return 1, or return 0 when
 * there is none left. */
static inline int ssi_cuda_pieces_next(ssi_cuda_pieces_t *it, uintptr_t *lo,
                                       size_t *len)
{
    if (it->done)
        return 0;
    uintptr_t a = it->base + it->dims[0].start;
    for (unsigned k = 1; k < it->ndims; k++)
        a += it->idx[k] * it->stride[k];
    *lo = a;
    *len = it->dims[0].end - it->dims[0].start;
    /* Advance the outer indices like an odometer, dimension 1 fastest. */
    unsigned k = 1;
    for (; k < it->ndims; k++) {
        if (++it->idx[k] < it->dims[k].end)
            break;
        it->idx[k] = it->dims[k].start;
    }
    if (k >= it->ndims)
        it->done = 1;
    return 1;
}

/* Result of ssi_cuda_grid. */
enum { SSI_CUDA_GRID_OK = 0, SSI_CUDA_GRID_EMPTY = 1, SSI_CUDA_GRID_BAD = -1 };

/* Launch geometry of an ndrange of ndims (1-3) dimensions: per dimension
 * grid = ceil(global / local) blocks of `local` threads; dimensions past
 * ndims are 1. SSI_CUDA_GRID_EMPTY when some global size is 0 (nothing to
 * launch); SSI_CUDA_GRID_BAD for ndims outside 1-3, a local size of 0, or a
 * value that does not fit in an unsigned int (the driver checks the
 * device's own limits). */
static inline int ssi_cuda_grid(unsigned ndims, const size_t *global,
                                const size_t *local, unsigned grid[3],
                                unsigned block[3])
{
    if (ndims < 1 || ndims > 3)
        return SSI_CUDA_GRID_BAD;
    int empty = 0;
    for (unsigned k = 0; k < 3; k++) {
        grid[k] = block[k] = 1;
        if (k >= ndims)
            continue;
        if (local[k] == 0 || local[k] > UINT_MAX)
            return SSI_CUDA_GRID_BAD;
        size_t g = global[k] / local[k] + (global[k] % local[k] != 0);
        if (g > UINT_MAX)
            return SSI_CUDA_GRID_BAD;
        grid[k] = (unsigned)g;
        block[k] = (unsigned)local[k];
        if (g == 0)
            empty = 1;
    }
    return empty ? SSI_CUDA_GRID_EMPTY : SSI_CUDA_GRID_OK;
}

#endif
