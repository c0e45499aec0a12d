/* pool.c - per-worker size-class lists with a locked global overflow of
 * whole batches (see pool.h). */
#include "worker/pool.h"

#include <stdlib.h>

#include "core/lock.h"

#define SLAB_BLOCKS 64

typedef ssi_pool_block_t block_t;
typedef struct slab { struct slab *next; } slab_t;

/* Global overflow (a stack of batches per class) and slab list. Owner:
 * this file; guarded by `lock`. */
static struct {
    ssi_lock_t lock;
    block_t *batches[SSI_POOL_CLASSES];
    slab_t *slabs;
} overflow;

/* Hand the list head..tail (n blocks) to the overflow. */
static void spill(unsigned c, block_t *head, block_t *tail, unsigned n)
{
    head->tail = tail;
    head->count = n;
    ssi_lock(&overflow.lock);
    head->next_batch = overflow.batches[c];
    overflow.batches[c] = head;
    ssi_unlock(&overflow.lock);
}

/* The current list of class c is empty: fill it. */
static int refill(ssi_pool_t *pool, unsigned c)
{
    if (pool->full[c]) {
        pool->free[c] = pool->full[c];
        pool->tail[c] = pool->full_tail[c];
        pool->nfree[c] = SSI_POOL_BATCH;
        pool->full[c] = NULL;
        return 0;
    }
    ssi_lock(&overflow.lock);
    block_t *b = overflow.batches[c];
    if (b)
        overflow.batches[c] = b->next_batch;
    ssi_unlock(&overflow.lock);
    if (b) {
        pool->free[c] = b;
        pool->tail[c] = b->tail;
        pool->nfree[c] = b->count;
        return 0;
    }

    size_t bsize = (size_t)(c + 1) * SSI_POOL_GRAIN;
    char *mem = aligned_alloc(SSI_POOL_GRAIN, SSI_POOL_GRAIN + bsize * SLAB_BLOCKS);
    if (!mem)
        return -1;
    slab_t *s = (slab_t *)mem;
    ssi_lock(&overflow.lock);
    s->next = overflow.slabs;
    overflow.slabs = s;
    ssi_unlock(&overflow.lock);
    block_t *head = NULL;
    for (unsigned i = SLAB_BLOCKS; i-- > 0;) {
        block_t *blk = (block_t *)(mem + SSI_POOL_GRAIN + i * bsize);
        blk->next = head;
        head = blk;
    }
    pool->free[c] = head;
    pool->tail[c] = (block_t *)(mem + SSI_POOL_GRAIN + (SLAB_BLOCKS - 1) * bsize);
    pool->nfree[c] = SLAB_BLOCKS;
    return 0;
}

void *ssi_pool_alloc_slow(ssi_pool_t *pool, size_t size)
{
    unsigned c = ssi_pool_class(size);
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

void ssi_pool_free_slow(ssi_pool_t *pool, void *block, size_t size)
{
    unsigned c = ssi_pool_class(size);
    if (c >= SSI_POOL_CLASSES) {
        free(block);
        return;
    }
    block_t *b = block;
    if (!pool->free[c]) {
        b->next = NULL;
        pool->free[c] = pool->tail[c] = b;
        pool->nfree[c] = 1;
    } else {
        b->next = pool->free[c];
        pool->free[c] = b;
        pool->nfree[c]++;
    }
    if (pool->nfree[c] < SSI_POOL_BATCH)
        return;
    /* The current list is a full batch: keep it as such; an older one
     * goes to the overflow. */
    if (pool->full[c])
        spill(c, pool->full[c], pool->full_tail[c], SSI_POOL_BATCH);
    pool->full[c] = pool->free[c];
    pool->full_tail[c] = pool->tail[c];
    pool->free[c] = pool->tail[c] = NULL;
    pool->nfree[c] = 0;
}

void ssi_pool_drain(ssi_pool_t *pool)
{
    for (unsigned c = 0; c < SSI_POOL_CLASSES; c++) {
        if (pool->free[c])
            spill(c, pool->free[c], pool->tail[c], pool->nfree[c]);
        if (pool->full[c])
            spill(c, pool->full[c], pool->full_tail[c], SSI_POOL_BATCH);
        pool->free[c] = pool->tail[c] = pool->full[c] = pool->full_tail[c] = NULL;
        pool->nfree[c] = 0;
    }
}

void ssi_pool_release_all(void)
{
    ssi_lock(&overflow.lock);
    slab_t *s = overflow.slabs;
    overflow.slabs = NULL;
    for (unsigned c = 0; c < SSI_POOL_CLASSES; c++)
        overflow.batches[c] = NULL;
    ssi_unlock(&overflow.lock);
    while (s) {
        slab_t *next = s->next;
        free(s);
        s = next;
    }
}
