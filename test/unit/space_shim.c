/* space_shim.c - thin C wrapper of deps/space.h. */
#include "space_shim.h"

#include <stdlib.h>
#include <string.h>

#include "deps/space.h"

typedef struct {
    ssi_snode_t node; /* first: the space hands out &node.in */
    ssi_region_t region;
    ss_dim_t dims[SS_MAX_DIMS];
    int in;
} item_t;

static item_t *items;
static unsigned nitems;
static ssi_space_t space;
static ssi_pool_t pool;

int shim_space_reset(unsigned n)
{
    for (unsigned i = 0; i < nitems; i++)
        if (items[i].in)
            ssi_space_remove(&space, &pool, &items[i].node);
    ssi_space_fini(&space);
    memset(&space, 0, sizeof space);
    free(items);
    nitems = n;
    items = calloc(n ? n : 1, sizeof *items);
    return items ? 0 : -1;
}

static int make(ssi_region_t *r, ss_dim_t *keep, uintptr_t base, unsigned ndims,
                const ss_dim_t *dims)
{
    ss_dim_t scratch[SS_MAX_DIMS];
    if (ssi_region_make(r, (const void *)base, ndims, dims, scratch) != SSI_REGION_OK)
        return -1;
    if (r->dims) {
        memcpy(keep, r->dims, r->ndims * sizeof *keep);
        r->dims = keep;
    }
    return 0;
}

int shim_space_insert(unsigned i, uintptr_t base, unsigned ndims, const ss_dim_t *dims)
{
    item_t *it = &items[i];
    if (make(&it->region, it->dims, base, ndims, dims))
        return -1;
    ssi_space_insert(&space, &pool, &it->node, &it->region);
    it->in = 1;
    return 0;
}

void shim_space_remove(unsigned i)
{
    ssi_space_remove(&space, &pool, &items[i].node);
    items[i].in = 0;
}

typedef struct {
    unsigned *out, max, n;
} collect_t;

static void collect(ssi_inode_t *n, void *ctx_)
{
    collect_t *c = ctx_;
    if (c->n < c->max)
        c->out[c->n] = (unsigned)((item_t *)n - items);
    c->n++;
}

long shim_space_query(uintptr_t base, unsigned ndims, const ss_dim_t *dims,
                      unsigned *out, unsigned max)
{
    ssi_region_t r;
    ss_dim_t keep[SS_MAX_DIMS];
    if (make(&r, keep, base, ndims, dims))
        return -1;
    collect_t c = {out, max, 0};
    ssi_space_query(&space, &r, collect, &c);
    return c.n;
}

long shim_space_query_node(unsigned i, unsigned *out, unsigned max)
{
    collect_t c = {out, max, 0};
    ssi_space_query_node(&space, &items[i].node, collect, &c);
    return c.n;
}

int shim_space_overlap(unsigned i, uintptr_t base, unsigned ndims, const ss_dim_t *dims)
{
    ssi_region_t r;
    ss_dim_t keep[SS_MAX_DIMS];
    if (make(&r, keep, base, ndims, dims))
        return -1;
    return ssi_region_overlap(&items[i].region, &r);
}

unsigned shim_space_in_treap(void)
{
    unsigned n = 0;
    for (unsigned i = 0; i < nitems; i++)
        n += items[i].in && items[i].node.fam < 0;
    return n;
}

unsigned shim_space_in_grid(void)
{
    unsigned n = 0;
    for (unsigned i = 0; i < nitems; i++)
        n += items[i].in && items[i].node.fam >= 0;
    return n;
}

void shim_space_set_stamp(uint32_t stamp)
{
    space.stamp = stamp;
}
