/* space_shim.h - plain-C view of deps/space.h for the space unit test.
 * The shim owns an array of nodes addressed by index, each with its own
 * region, and a zeroed pool. */
#ifndef SPACE_SHIM_H
#define SPACE_SHIM_H

#include <stddef.h>
#include <stdint.h>

#include "ss.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Drop the space and (re)allocate `n` nodes, none inserted. 0 on success. */
int shim_space_reset(unsigned n);
/* Give node i the region (base, ndims, dims) and insert it. 0 on success,
 * -1 for a region ssi_region_make rejects or finds empty. */
int shim_space_insert(unsigned i, uintptr_t base, unsigned ndims, const ss_dim_t *dims);
void shim_space_remove(unsigned i);
/* Indices of the nodes the space proposes for region (base, ndims, dims),
 * in visit order; returns how many were visited (the first `max` are
 * written), or -1 for a bad region. */
long shim_space_query(uintptr_t base, unsigned ndims, const ss_dim_t *dims,
                      unsigned *out, unsigned max);
/* The same for node i's own region (ssi_space_query_node); i must be in. */
long shim_space_query_node(unsigned i, unsigned *out, unsigned max);
/* Does node i's region overlap (base, ndims, dims)? (exact test) */
int shim_space_overlap(unsigned i, uintptr_t base, unsigned ndims, const ss_dim_t *dims);
/* Nodes in the treap / in a grid (placement, for the tests' shape checks). */
unsigned shim_space_in_treap(void);
unsigned shim_space_in_grid(void);
/* Set the query counter (to test its wrap-around). */
void shim_space_set_stamp(uint32_t stamp);

#ifdef __cplusplus
}
#endif
#endif
