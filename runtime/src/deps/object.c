/* object.c - a dependence domain's region objects: the hash table that
 * finds identical regions, the links between overlapping objects (found
 * through the domain's space when an object is made), and the idle list of
 * objects kept for reuse. Everything here runs under the domain lock. */
#include "deps/object.h"

#include <stdlib.h>
#include <string.h>

#include "task/task.h"

static inline unsigned hash(const ssi_region_t *r, unsigned nbuckets)
{
    return ssi_obj_hash(r) & (nbuckets - 1);
}

static void rehash(ssi_domain_t *d)
{
    unsigned n = d->nbuckets * 4;
    ssi_obj_t **b = calloc(n, sizeof *b);
    if (!b)
        return; /* keep the longer chains */
    for (unsigned i = 0; i < d->nbuckets; i++)
        for (ssi_obj_t *o = d->buckets[i], *next; o; o = next) {
            next = o->hnext;
            unsigned h = hash(&o->region, n);
            o->hnext = b[h];
            b[h] = o;
        }
    free(d->buckets);
    d->buckets = b;
    d->nbuckets = n;
}

typedef struct {
    ssi_pool_t *pool;
    ssi_obj_t *self;
    ssi_task_t *task; /* named if memory runs out */
} link_ctx_t;

static uintptr_t near_of(const ssi_nlink_t *l)
{
    return (uintptr_t)l->obj | l->ro;
}

/* Refill o->near from its links (nover <= SSI_NEAR). */
static void near_fill(ssi_obj_t *o)
{
    unsigned k = 0;
    for (ssi_nlink_t *l = o->nbrs; l; l = l->next)
        o->near[k++] = near_of(l);
}

static void nlink_push(ssi_obj_t *o, ssi_nlink_t *l)
{
    l->prev = NULL;
    l->next = o->nbrs;
    if (o->nbrs)
        o->nbrs->prev = l;
    o->nbrs = l;
    if (++o->nover <= SSI_NEAR)
        o->near[o->nover - 1] = near_of(l);
}

static void nlink_unlink(ssi_obj_t *o, ssi_nlink_t *l)
{
    if (l->prev) l->prev->next = l->next; else o->nbrs = l->next;
    if (l->next) l->next->prev = l->prev;
    if (--o->nover <= SSI_NEAR)
        near_fill(o);
}

/* A candidate of the space for a new object: link the two if they overlap. */
static void link_overlap(ssi_inode_t *n, void *ctx_)
{
    link_ctx_t *c = ctx_;
    ssi_obj_t *x = (ssi_obj_t *)((char *)n - offsetof(ssi_obj_t, node)), *o = c->self;
    if (x == o || !ssi_region_overlap(&x->region, &o->region))
        return;
    ssi_nlink_t *a = ssi_pool_alloc(c->pool, sizeof *a);
    ssi_nlink_t *b = a ? ssi_pool_alloc(c->pool, sizeof *b) : NULL;
    if (!b)
        ssi_fatal(c->task, "out of memory registering a dependence");
    a->obj = x;
    b->obj = o;
    a->twin = b;
    b->twin = a;
    a->ro = !x->written;
    b->ro = !o->written;
    nlink_push(o, a);
    nlink_push(x, b);
}

/* o is written (or poisoned) for the first time: its neighbours' links to
 * it stop recording it read-only. */
void ssi_obj_written(ssi_obj_t *o)
{
    o->written = 1;
    for (ssi_nlink_t *l = o->nbrs; l; l = l->next) {
        ssi_obj_t *x = l->obj;
        l->twin->ro = 0;
        for (unsigned k = 0; k < x->nover && k < SSI_NEAR; k++)
            if (x->near[k] == ((uintptr_t)o | 1))
                x->near[k] = (uintptr_t)o;
    }
}

static void unlink_all(ssi_pool_t *pool, ssi_obj_t *o)
{
    for (ssi_nlink_t *l = o->nbrs, *next; l; l = next) {
        next = l->next;
        nlink_unlink(l->obj, l->twin);
        ssi_pool_free(pool, l->twin, sizeof *l->twin);
        ssi_pool_free(pool, l, sizeof *l);
    }
    o->nbrs = NULL;
    o->nover = 0;
}

_Static_assert(offsetof(ssi_obj_t, near) == 64,
               "an object's registration fields fill its first cache line");
_Static_assert(sizeof(ssi_obj_t) <= 192, "an object fits the 192-byte pool class");

ssi_obj_t *ssi_obj_new(ssi_pool_t *pool, ssi_domain_t *d, ssi_access_t *a)
{
    ssi_obj_t *o = ssi_pool_alloc(pool, sizeof *o);
    if (!o)
        ssi_fatal(a->task, "out of memory registering a dependence");
    memset(o, 0, sizeof *o);
    o->region = a->region;
    unsigned nb = ssi_region_dims_bytes(&a->region);
    if (nb) {
        o->region.dims = ssi_pool_alloc(pool, nb);
        if (!o->region.dims)
            ssi_fatal(a->task, "out of memory registering a dependence");
        memcpy(o->region.dims, a->region.dims, nb);
    }
    int alone = ssi_space_empty(&d->space);
    ssi_space_insert(&d->space, pool, &o->node, &o->region);
    if (!alone) {
        link_ctx_t ctx = {pool, o, a->task};
        ssi_space_query_node(&d->space, &o->node, link_overlap, &ctx);
    }
    unsigned h = hash(&o->region, d->nbuckets);
    o->hnext = d->buckets[h];
    d->buckets[h] = o;
    if (++d->count > d->nbuckets * 2)
        rehash(d);
    return o;
}

void ssi_obj_free(ssi_pool_t *pool, ssi_domain_t *d, ssi_obj_t *o)
{
    ssi_obj_t **pp = &d->buckets[hash(&o->region, d->nbuckets)];
    while (*pp != o)
        pp = &(*pp)->hnext;
    *pp = o->hnext;
    d->count--;
    unlink_all(pool, o);
    ssi_space_remove(&d->space, pool, &o->node);
    if (o->region.dims)
        ssi_pool_free(pool, o->region.dims, ssi_region_dims_bytes(&o->region));
    ssi_pool_free(pool, o, sizeof *o);
}


/* Whether an idle object is kept for reuse. One that overlaps nothing
 * costs nothing while idle. One with a few neighbours, each with few
 * neighbours itself, is kept too: a stencil's blocks and halos (heat: a
 * block overlaps its 4 halos, a halo its block) recur every sweep, and
 * freeing them made each sweep unlink, remove, insert, query and link
 * every object again. An object with many neighbours, or next to one, is
 * freed: idle, it would lengthen the neighbour walk of a busy region. A
 * poisoned object is always kept: it cancels later accesses. */
static int obj_keep(const ssi_obj_t *o)
{
    if (!o->nover || o->poisoned)
        return 1;
    if (o->nover > SSI_NEAR)
        return 0;
    for (unsigned k = 0; k < o->nover; k++)
        if (((const ssi_obj_t *)(o->near[k] & ~(uintptr_t)1))->nover > SSI_KEEP_FANOUT)
            return 0;
    return 1;
}

/* o's last epoch is done: keep it for reuse if obj_keep says so, freeing
 * the oldest idle object past the bound. */
void ssi_obj_idle(ssi_pool_t *pool, ssi_domain_t *d, ssi_obj_t *o)
{
    if (!obj_keep(o)) {
        ssi_obj_free(pool, d, o);
        return;
    }
    o->last = NULL;
    o->inext = NULL;
    o->iprev = d->idle_tail;
    if (d->idle_tail) d->idle_tail->inext = o; else d->idle_head = o;
    d->idle_tail = o;
    if (++d->nidle > SSI_DOMAIN_IDLE_MAX && !d->idle_head->poisoned) {
        ssi_obj_t *old = d->idle_head;
        ssi_obj_idle_unlink(d, old);
        ssi_obj_free(pool, d, old);
    }
}
