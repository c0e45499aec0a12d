/* object.h - a dependence domain's region objects (deps/object.c), for
 * deps.c: finding, making, idling and freeing them. Everything here runs
 * under the domain lock. */
#ifndef SSI_DEPS_OBJECT_H
#define SSI_DEPS_OBJECT_H

#include "deps/deps.h"

/* The hash of a region, before masking with the number of buckets (so
 * that it can be computed before taking the lock). */
static inline unsigned ssi_obj_hash(const ssi_region_t *r)
{
    return ssi_deps_hash(r->lo, r->hi);
}

/* The object of exactly region r (hf: ssi_obj_hash(r)), or NULL. */
static inline ssi_obj_t *ssi_obj_lookup(ssi_domain_t *d, const ssi_region_t *r, unsigned hf)
{
    for (ssi_obj_t *o = d->buckets[hf & (d->nbuckets - 1)]; o; o = o->hnext)
        if (ssi_region_same(&o->region, r))
            return o;
    return NULL;
}

/* Take idle o off the idle list: it is used again. */
static inline void ssi_obj_idle_unlink(ssi_domain_t *d, ssi_obj_t *o)
{
    if (o->iprev) o->iprev->inext = o->inext; else d->idle_head = o->inext;
    if (o->inext) o->inext->iprev = o->iprev; else d->idle_tail = o->iprev;
    o->iprev = o->inext = NULL;
    d->nidle--;
}

/* A new object for a's region, in the hash table and the space, linked to
 * the objects it overlaps. */
ssi_obj_t *ssi_obj_new(ssi_pool_t *pool, ssi_domain_t *d, ssi_access_t *a);
/* Unlink and free o (idle or just done). */
void ssi_obj_free(ssi_pool_t *pool, ssi_domain_t *d, ssi_obj_t *o);
/* o's last epoch is done: keep it idle for reuse, or free it. */
void ssi_obj_idle(ssi_pool_t *pool, ssi_domain_t *d, ssi_obj_t *o);
/* o is written (or poisoned) for the first time. */
void ssi_obj_written(ssi_obj_t *o);

#endif
