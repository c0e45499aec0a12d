/* region.h - dependence regions as explicit data.
 *
 * A region is a base address plus, per dimension, (size, start, end) with
 * dims[0] innermost and in bytes (ss_dim_t). ssi_region_make normalises it:
 * full inner dimensions are folded into the next one and a region that turns
 * out contiguous is kept as the byte interval [lo, hi) alone (dims == NULL).
 * Every region keeps its bounding interval [lo, hi). Overlap tests are exact
 * for any pair of shapes. */
#ifndef SSI_REGION_H
#define SSI_REGION_H

#include <stdbool.h>
#include <stdint.h>

#include "ss.h"

typedef struct ssi_region {
    uintptr_t lo, hi;   /* bounding bytes, hi exclusive */
    uintptr_t base;     /* address of index 0 (non-contiguous only) */
    ss_dim_t *dims;     /* NULL when contiguous; else `ndims` dims, owned by
                           the record holding the region */
    uint32_t ndims;
} ssi_region_t;

/* Result of ssi_region_make. */
enum { SSI_REGION_OK = 0, SSI_REGION_EMPTY = 1, SSI_REGION_BAD = -1 };

/* Normalise (base, ndims, dims) into *r. When the region is not contiguous
 * its collapsed dims are written to `scratch` (SS_MAX_DIMS entries) and
 * r->dims points there: copy them with ssi_region_copy_dims before keeping
 * the region. Returns SSI_REGION_BAD for ndims 0 or > SS_MAX_DIMS, a
 * dimension with start > end or end > size, or an address overflow. */
int ssi_region_make(ssi_region_t *r, const void *base, unsigned ndims,
                    const ss_dim_t *dims, ss_dim_t scratch[SS_MAX_DIMS]);

/* Same set of bytes described the same way (identical normal form). */
bool ssi_region_equal(const ssi_region_t *a, const ssi_region_t *b);

/* ssi_region_equal with the common case (same interval, both
 * contiguous) inline. */
static inline bool ssi_region_same(const ssi_region_t *a, const ssi_region_t *b)
{
    if (a->lo != b->lo || a->hi != b->hi)
        return false;
    if (!a->dims && !b->dims)
        return true;
    return ssi_region_equal(a, b);
}

/* ssi_region_overlap for regions whose bounds intersect. */
bool ssi_region_overlap_within(const ssi_region_t *a, const ssi_region_t *b);

/* At least one byte in common. The bounds test is inline: most pairs that
 * callers test (a task's own accesses, a query's candidates) are apart. */
static inline bool ssi_region_overlap(const ssi_region_t *a, const ssi_region_t *b)
{
    if (a->hi <= b->lo || b->hi <= a->lo)
        return false;
    return ssi_region_overlap_within(a, b);
}

/* Does the region contain a byte of [lo, hi)? */
bool ssi_region_hits(const ssi_region_t *r, uintptr_t lo, uintptr_t hi);

/* Bytes of storage needed for the dims of r (0 when contiguous). */
static inline unsigned ssi_region_dims_bytes(const ssi_region_t *r)
{
    return r->dims ? r->ndims * (unsigned)sizeof(ss_dim_t) : 0;
}

#endif
