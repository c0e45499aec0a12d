/* region.c - normalisation and exact overlap tests of regions. */
#include "deps/region.h"

#include <string.h>

/* Malformed (SSI_REGION_BAD) wins over empty wherever the two are. */
static int check_dims(unsigned ndims, const ss_dim_t *dims)
{
    bool empty = false;
    for (unsigned k = 0; k < ndims; k++) {
        if (dims[k].start > dims[k].end || dims[k].end > dims[k].size)
            return SSI_REGION_BAD;
        empty |= dims[k].start == dims[k].end;
    }
    return empty ? SSI_REGION_EMPTY : SSI_REGION_OK;
}

/* The full inner dimensions dims[0..f) are folded into dims[f] on the fly
 * (scale s, their product) instead of copying and shifting the dims: most
 * regions (whole objects, rows, slabs) come out contiguous and then no dim
 * is written at all. Every product and sum is checked: a region must not
 * wrap. */
int ssi_region_make(ssi_region_t *r, const void *base, unsigned ndims,
                    const ss_dim_t *dims, ss_dim_t d[SS_MAX_DIMS])
{
    if (ndims == 0 || ndims > SS_MAX_DIMS || !dims)
        return SSI_REGION_BAD;
    int e = check_dims(ndims, dims);
    if (e != SSI_REGION_OK)
        return e;
    unsigned f = 0;
    size_t s = 1, fsize;
    while (f + 1 < ndims && dims[f].start == 0 && dims[f].end == dims[f].size)
        if (__builtin_mul_overflow(s, dims[f++].size, &s))
            return SSI_REGION_BAD;
    if (__builtin_mul_overflow(dims[f].size, s, &fsize))
        return SSI_REGION_BAD;
    /* Bounding box of the folded dims; contiguous when every dimension
     * above the folded one has extent 1. */
    uintptr_t b = (uintptr_t)base, lo = dims[f].start * s, last = dims[f].end * s - 1;
    size_t stride = fsize;
    bool contiguous = true;
    for (unsigned k = f + 1; k < ndims; k++) {
        size_t a, z;
        if (dims[k].end - dims[k].start != 1)
            contiguous = false;
        if (__builtin_mul_overflow(dims[k].start, stride, &a) ||
            __builtin_add_overflow(lo, a, &lo) ||
            __builtin_mul_overflow(dims[k].end - 1, stride, &z) ||
            __builtin_add_overflow(last, z, &last))
            return SSI_REGION_BAD;
        if (k + 1 < ndims && __builtin_mul_overflow(stride, dims[k].size, &stride))
            return SSI_REGION_BAD;
    }
    if (b + last < b || b + last + 1 == 0)
        return SSI_REGION_BAD;
    r->lo = b + lo;
    r->hi = b + last + 1;
    r->base = b;
    if (contiguous) {
        r->ndims = 1;
        r->dims = NULL;
        return SSI_REGION_OK;
    }
    d[0] = (ss_dim_t){fsize, dims[f].start * s, dims[f].end * s};
    for (unsigned k = f + 1; k < ndims; k++)
        d[k - f] = dims[k];
    r->ndims = ndims - f;
    r->dims = d;
    return SSI_REGION_OK;
}

bool ssi_region_equal(const ssi_region_t *a, const ssi_region_t *b)
{
    if (a->lo != b->lo || a->hi != b->hi)
        return false;
    if (!a->dims || !b->dims)
        return !a->dims && !b->dims;
    return a->base == b->base && a->ndims == b->ndims &&
           !memcmp(a->dims, b->dims, a->ndims * sizeof *a->dims);
}

/* Visit every contiguous chunk of r that intersects [lo, hi), dimension k
 * and below, with `off` the address of index 0 at level k; stops early when
 * `fn` returns true. `inner_lo/inner_hi` are the bounding offsets of the
 * dimensions below k. */
typedef bool (*chunk_fn)(uintptr_t clo, uintptr_t chi, const void *ctx);

static bool walk(const ss_dim_t *d, unsigned k, const size_t *stride,
                 const uintptr_t *inner_lo, const uintptr_t *inner_hi,
                 uintptr_t off, uintptr_t lo, uintptr_t hi, chunk_fn fn,
                 const void *ctx)
{
    if (k == 0) {
        uintptr_t clo = off + d[0].start, chi = off + d[0].end;
        if (clo < hi && lo < chi)
            return fn(clo, chi, ctx);
        return false;
    }
    /* Indices i whose sub-block [off + i*s + ilo, off + i*s + ihi) meets
     * [lo, hi): i*s > lo - off - ihi and i*s < hi - off - ilo. */
    size_t s = stride[k];
    size_t first = d[k].start, end = d[k].end;
    uintptr_t ilo = inner_lo[k], ihi = inner_hi[k];
    if (lo > off + ihi) {
        size_t need = (lo - off - ihi) / s + 1;
        if (need > first)
            first = need;
    }
    if (hi <= off + ilo)
        return false;
    size_t lim = (hi - off - ilo + s - 1) / s;
    if (lim < end)
        end = lim;
    for (size_t i = first; i < end; i++)
        if (walk(d, k - 1, stride, inner_lo, inner_hi, off + i * s, lo, hi, fn, ctx))
            return true;
    return false;
}

typedef struct {
    const ssi_region_t *r;
    size_t stride[SS_MAX_DIMS];
    uintptr_t inner_lo[SS_MAX_DIMS], inner_hi[SS_MAX_DIMS];
} shape_t;

static void shape_init(shape_t *sh, const ssi_region_t *r)
{
    sh->r = r;
    size_t s = 1;
    uintptr_t ilo = 0, ihi = 0;
    for (unsigned k = 0; k < r->ndims; k++) {
        sh->stride[k] = s;
        sh->inner_lo[k] = ilo;
        sh->inner_hi[k] = ihi;
        ilo += r->dims[k].start * s;
        ihi += (r->dims[k].end - 1) * s;
        s *= r->dims[k].size;
    }
    /* inner_hi is exclusive at level 0: the innermost row end. */
    for (unsigned k = 0; k < r->ndims; k++)
        sh->inner_hi[k] += 1;
}

static bool found(uintptr_t clo, uintptr_t chi, const void *ctx)
{
    (void)clo; (void)chi; (void)ctx;
    return true;
}

/* ssi_region_hits for a 2-D region: the first row whose chunk ends past
 * lo is the only candidate. */
static bool hits_2d(const ssi_region_t *r, uintptr_t lo, uintptr_t hi)
{
    const ss_dim_t *d = r->dims;
    size_t pitch = d[0].size;
    uintptr_t first_end = r->base + d[1].start * pitch + d[0].end; /* row start's chunk end */
    size_t row = d[1].start;
    if (lo >= first_end)
        row += (lo - first_end) / pitch + 1;
    return row < d[1].end && r->base + row * pitch + d[0].start < hi;
}

bool ssi_region_hits(const ssi_region_t *r, uintptr_t lo, uintptr_t hi)
{
    if (r->hi <= lo || hi <= r->lo)
        return false;
    if (!r->dims)
        return true;
    if (r->ndims == 2)
        return hits_2d(r, lo, hi);
    shape_t sh;
    shape_init(&sh, r);
    unsigned top = r->ndims - 1;
    return walk(r->dims, top, sh.stride, sh.inner_lo, sh.inner_hi, r->base, lo,
                hi, found, NULL);
}

static bool chunk_hits_other(uintptr_t clo, uintptr_t chi, const void *ctx)
{
    return ssi_region_hits(ctx, clo, chi);
}

bool ssi_region_overlap_within(const ssi_region_t *a, const ssi_region_t *b)
{
    if (!a->dims)
        return ssi_region_hits(b, a->lo, a->hi);
    if (!b->dims)
        return ssi_region_hits(a, b->lo, b->hi);
    if (a->base == b->base && a->ndims == b->ndims) {
        /* The outermost size does not place any byte (ssc passes a
         * section's end there when the array's extent is unknown). */
        bool same_shape = true;
        for (unsigned k = 0; k + 1 < a->ndims; k++)
            same_shape &= a->dims[k].size == b->dims[k].size;
        if (same_shape) {
            for (unsigned k = 0; k < a->ndims; k++)
                if (a->dims[k].end <= b->dims[k].start ||
                    b->dims[k].end <= a->dims[k].start)
                    return false;
            return true;
        }
    }
    /* General case: a chunk of a, inside b's box, that hits b. */
    shape_t sh;
    shape_init(&sh, a);
    uintptr_t lo = a->lo > b->lo ? a->lo : b->lo;
    uintptr_t hi = a->hi < b->hi ? a->hi : b->hi;
    return walk(a->dims, a->ndims - 1, sh.stride, sh.inner_lo, sh.inner_hi,
                a->base, lo, hi, chunk_hits_other, b);
}
