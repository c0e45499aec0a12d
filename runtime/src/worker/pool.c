/* pool.c - per-worker size-class free lists with a locked global overflow. */
#include "worker/pool.h"

#include <stdlib.h>

#include "core/lock.h"

#define SLAB_BLOCKS 64
#define HIGH_WATER 1024
#define BATCH 512

typedef struct block { struct block *next; } block_t;
typedef struct slab { struct slab *next; } slab_t;

/* Global overflow and slab list. Owner: this file; guarded by `lock`. */
static struct {
    ssi_lock_t lock;
    block_t *free[SSI_POOL_CLASSES];
    unsigned nfree[SSI_POOL_CLASSES];
    slab_t *slabs;
} overflow;

static unsigned size_class(size_t size)
{
    return (unsigned)((size + SSI_POOL_GRAIN - 1) / SSI_POOL_GRAIN) - 1;
}

static int refill(ssi_pool_t *pool, unsigned c)
{
    ssi_lock(&overflow.lock);
    if (overflow.nfree[c]) {
        /* Take up to BATCH blocks. */
        block_t *head = overflow.free[c], *tail = head;
        unsigned n = 1;
        while (n < BATCH && tail->next) {
            tail = tail->next;
            n++;
        }
        overflow.free[c] = tail->next;
        overflow.nfree[c] -= n;
        ssi_unlock(&overflow.lock);
        tail->next = pool->free[c];
        pool->free[c] = head;
        pool->nfree[c] += n;
        return 0;
    }
    ssi_unlock(&overflow.lock);

    size_t bsize = (size_t)(c + 1) * SSI_POOL_GRAIN;
    char *mem = aligned_alloc(SSI_POOL_GRAIN, SSI_POOL_GRAIN + bsize * SLAB_BLOCKS);
    if (!mem)
        return -1;
    slab_t *s = (slab_t *)mem;
    ssi_lock(&overflow.lock);
    s->next = overflow.slabs;
    overflow.slabs = s;
    ssi_unlock(&overflow.lock);
    for (unsigned i = 0; i < SLAB_BLOCKS; i++) {
        block_t *b = (block_t *)(mem + SSI_POOL_GRAIN + i * bsize);
        b->next = pool->free[c];
        pool->free[c] = b;
    }
    pool->nfree[c] += SLAB_BLOCKS;
    return 0;
}

void *ssi_pool_alloc(ssi_pool_t *pool, size_t size)
{
    unsigned c = size_class(size);
    if (c >= SSI_POOL_CLASSES)
        return aligned_alloc(SSI_POOL_GRAIN,
                             (size + SSI_POOL_GRAIN - 1) & ~(size_t)(SSI_POOL_GRAIN - 1));
    if (!pool->free[c] && refill(pool, c))
        return NULL;
    block_t *b = pool->free[c];
    pool->free[c] = b->next;
    pool->nfree[c]--;
    return b;
}

static void spill(ssi_pool_t *pool, unsigned c, unsigned n)
{
    block_t *head = pool->free[c], *tail = head;
    for (unsigned i = 1; i < n; i++)
        tail = tail->next;
    pool->free[c] = tail->next;
    pool->nfree[c] -= n;
    ssi_lock(&overflow.lock);
    tail->next = overflow.free[c];
    overflow.free[c] = head;
    overflow.nfree[c] += n;
    ssi_unlock(&overflow.lock);
}

void ssi_pool_free(ssi_pool_t *pool, void *block, size_t size)
{
    unsigned c = size_class(size);
    if (c >= SSI_POOL_CLASSES) {
        free(block);
        return;
    }
    block_t *b = block;
    b->next = pool->free[c];
    pool->free[c] = b;
    if (++pool->nfree[c] > HIGH_WATER)
        spill(pool, c, BATCH);
}

void ssi_pool_drain(ssi_pool_t *pool)
{
    for (unsigned c = 0; c < SSI_POOL_CLASSES; c++)
        if (pool->nfree[c])
            spill(pool, c, pool->nfree[c]);
}

void ssi_pool_release_all(void)
{
    ssi_lock(&overflow.lock);
    slab_t *s = overflow.slabs;
    overflow.slabs = NULL;
    for (unsigned c = 0; c < SSI_POOL_CLASSES; c++) {
        overflow.free[c] = NULL;
        overflow.nfree[c] = 0;
    }
    ssi_unlock(&overflow.lock);
    while (s) {
        slab_t *next = s->next;
        free(s);
        s = next;
    }
}
