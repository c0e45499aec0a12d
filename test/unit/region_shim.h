/* region_shim.h - plain-C view of deps/region.h for the region unit test. */
#ifndef REGION_SHIM_H
#define REGION_SHIM_H

#include <stddef.h>
#include <stdint.h>

#include "ss.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A normalised region, copied out of ssi_region_t. */
typedef struct shim_region {
    uintptr_t lo, hi, base;
    unsigned ndims;
    int contiguous;           /* dims == NULL */
    ss_dim_t dims[SS_MAX_DIMS]; /* valid when !contiguous */
} shim_region_t;

/* ssi_region_make: returns SSI_REGION_OK (0), _EMPTY (1) or _BAD (-1). */
int shim_region_make(uintptr_t base, unsigned ndims, const ss_dim_t *dims,
                     shim_region_t *out);

/* The three predicates on regions built from (base, ndims, dims). Each
 * returns 0/1, or -2 when one of the inputs does not make an OK region. */
int shim_region_overlap(uintptr_t base_a, unsigned na, const ss_dim_t *da,
                        uintptr_t base_b, unsigned nb, const ss_dim_t *db);
int shim_region_equal(uintptr_t base_a, unsigned na, const ss_dim_t *da,
                      uintptr_t base_b, unsigned nb, const ss_dim_t *db);
int shim_region_hits(uintptr_t base, unsigned n, const ss_dim_t *d,
                     uintptr_t lo, uintptr_t hi);

/* SSI_REGION_* values, for the C++ side. */
int shim_region_ok(void);
int shim_region_empty(void);
int shim_region_bad(void);

#ifdef __cplusplus
}
#endif
#endif
