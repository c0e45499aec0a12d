/* space.h - the spatial index of a dependence domain: the objects whose
 * regions may overlap a given region.
 *
 * Objects go in the interval treap (itree.h) by their bounding interval.
 * That is exact for contiguous regions but not for 2-D blocks of a
 * row-major array: a block's bounding interval spans whole rows, so every
 * block of its band of rows is a candidate (64 blocks per band in the heat
 * benchmark: ~300 exact tests per query). Two-dimensional regions are kept
 * instead in a grid per family (base address, row pitch): the array is cut
 * into cells of ch rows by cw bytes, aligned on a member, and each member
 * is listed in every cell its rectangle covers. A contiguous region that
 * lies within one row of a family's span joins its grid too (the edges of
 * blocks). A query walks the treap over its bounding interval and, in each
 * family whose span it meets, the cells of its rectangle there (or the
 * family's members, when they are fewer than the cells). The index only
 * proposes candidates, each once per query; callers test them exactly.
 * Owner: the domain (deps.c), under its lock. */
#ifndef SSI_SPACE_H
#define SSI_SPACE_H

#include <stddef.h>
#include <stdint.h>

#include "deps/itree.h"
#include "deps/region.h"
#include "worker/pool.h"

typedef struct ssi_snode {
    /* First: a query hands out &in. A node is in the treap or in a grid,
     * never both, so their fields share the space. */
    union {
        ssi_inode_t in;                  /* fam < 0: in the treap */
        struct {                         /* fam >= 0: in a family's grid */
            int32_t cr0, cr1, cc0, cc1;  /* cells covered, inclusive */
            struct ssi_gcell *cell;      /* the one cell covered, or NULL */
            struct ssi_snode *fprev, *fnext; /* the family's members */
        };
    };
    const ssi_region_t *region;      /* owned by the caller, stable */
    uint32_t stamp;                  /* last query that proposed it */
    int32_t fam;                     /* family, or -1: in the treap */
} ssi_snode_t;

struct ssi_gfam;
struct ssi_gcell;

typedef struct ssi_space {
    ssi_inode_t *tree;
    struct ssi_gfam *fams; /* NULL until the first 2-D region */
    unsigned nfams;
    struct ssi_gcell **cells;
    unsigned ncells, nbuckets;
    uint32_t stamp;
} ssi_space_t;

/* A zeroed ssi_space_t is an empty space. */
void ssi_space_insert(ssi_space_t *s, ssi_pool_t *pool, ssi_snode_t *n,
                      const ssi_region_t *r);
void ssi_space_remove(ssi_space_t *s, ssi_pool_t *pool, ssi_snode_t *n);
/* Call fn once on every node that may overlap r (&node->in, as the treap
 * does). fn must not change the space. */
void ssi_space_query(ssi_space_t *s, const ssi_region_t *r, ssi_ivisit_fn fn,
                     void *ctx);
/* The same for the region of n, which is in the space: its own cells are
 * known, nothing is hashed. n itself may be proposed. */
void ssi_space_query_node(ssi_space_t *s, ssi_snode_t *n, ssi_ivisit_fn fn, void *ctx);
static inline int ssi_space_empty(const ssi_space_t *s)
{
    return !s->tree && !s->ncells;
}
/* Free what an empty space still holds. */
void ssi_space_fini(ssi_space_t *s);

#endif
