/* region_shim.c - thin C wrapper of deps/region.h (C11 atomics-free, but kept
 * behind a shim like every subsystem). */
#include "region_shim.h"

#include <string.h>

#include "deps/region.h"

int shim_region_ok(void) { return SSI_REGION_OK; }
int shim_region_empty(void) { return SSI_REGION_EMPTY; }
int shim_region_bad(void) { return SSI_REGION_BAD; }

int shim_region_make(uintptr_t base, unsigned ndims, const ss_dim_t *dims,
                     shim_region_t *out)
{
    ssi_region_t r;
    ss_dim_t scratch[SS_MAX_DIMS];
    memset(&r, 0, sizeof r);
    int rc = ssi_region_make(&r, (const void *)base, ndims, dims, scratch);
    if (out) {
        memset(out, 0, sizeof *out);
        if (rc == SSI_REGION_OK) {
            out->lo = r.lo;
            out->hi = r.hi;
            out->base = r.base;
            out->ndims = r.ndims;
            out->contiguous = r.dims == NULL;
            if (r.dims)
                memcpy(out->dims, r.dims, r.ndims * sizeof *r.dims);
        }
    }
    return rc;
}

typedef bool (*pred2_fn)(const ssi_region_t *, const ssi_region_t *);

static int pred2(pred2_fn fn, uintptr_t base_a, unsigned na, const ss_dim_t *da,
                 uintptr_t base_b, unsigned nb, const ss_dim_t *db)
{
    ssi_region_t a, b;
    ss_dim_t sa[SS_MAX_DIMS], sb[SS_MAX_DIMS];
    if (ssi_region_make(&a, (const void *)base_a, na, da, sa) != SSI_REGION_OK ||
        ssi_region_make(&b, (const void *)base_b, nb, db, sb) != SSI_REGION_OK)
        return -2;
    return fn(&a, &b) ? 1 : 0;
}

int shim_region_overlap(uintptr_t base_a, unsigned na, const ss_dim_t *da,
                        uintptr_t base_b, unsigned nb, const ss_dim_t *db)
{
    return pred2(ssi_region_overlap, base_a, na, da, base_b, nb, db);
}

int shim_region_equal(uintptr_t base_a, unsigned na, const ss_dim_t *da,
                      uintptr_t base_b, unsigned nb, const ss_dim_t *db)
{
    return pred2(ssi_region_equal, base_a, na, da, base_b, nb, db);
}

int shim_region_hits(uintptr_t base, unsigned n, const ss_dim_t *d,
                     uintptr_t lo, uintptr_t hi)
{
    ssi_region_t r;
    ss_dim_t s[SS_MAX_DIMS];
    if (ssi_region_make(&r, (const void *)base, n, d, s) != SSI_REGION_OK)
        return -2;
    return ssi_region_hits(&r, lo, hi) ? 1 : 0;
}
