/* pool.h - per-worker block allocator for tasks and dependence records.
 *
 * Blocks come in 64-byte size classes. A worker allocates from and frees to
 * its own lists without atomics. Each class keeps a current list and at
 * most one full batch (SSI_POOL_BATCH blocks, head and tail known); when
 * the current list fills up it becomes the full batch and an older full
 * batch goes to a global per-class overflow (locked), from which empty
 * lists refill before calling malloc. Batches move whole, so no list is
 * ever walked: a worker that frees what another allocates (a creator and a
 * runner) hands blocks over without touching them. Slabs are released at
 * finalize. Larger blocks go straight to malloc. */
#ifndef SSI_POOL_H
#define SSI_POOL_H

#include <stddef.h>

#define SSI_POOL_GRAIN 64
#define SSI_POOL_CLASSES 16 /* blocks up to 1 KiB */
#define SSI_POOL_BATCH 256

typedef struct ssi_pool_block {
    struct ssi_pool_block *next;
    /* In the first block of a batch held by the overflow: */
    struct ssi_pool_block *tail, *next_batch;
    unsigned count;
} ssi_pool_block_t;

typedef struct ssi_pool {
    ssi_pool_block_t *free[SSI_POOL_CLASSES]; /* current list */
    ssi_pool_block_t *tail[SSI_POOL_CLASSES]; /* its last block */
    unsigned nfree[SSI_POOL_CLASSES];          /* its length */
    ssi_pool_block_t *full[SSI_POOL_CLASSES]; /* a full batch, or NULL */
    ssi_pool_block_t *full_tail[SSI_POOL_CLASSES];
} ssi_pool_t;

/* Slow paths (pool.c). */
void *ssi_pool_alloc_slow(ssi_pool_t *pool, size_t size);
void ssi_pool_free_slow(ssi_pool_t *pool, void *block, size_t size);

static inline unsigned ssi_pool_class(size_t size)
{
    return (unsigned)((size - 1) / SSI_POOL_GRAIN);
}

/* A 64-byte aligned block of at least `size` bytes (size > 0), or NULL. */
static inline void *ssi_pool_alloc(ssi_pool_t *pool, size_t size)
{
    unsigned c = ssi_pool_class(size);
    if (__builtin_expect(c < SSI_POOL_CLASSES, 1)) {
        ssi_pool_block_t *b = pool->free[c];
        if (__builtin_expect(b != NULL, 1)) {
            ssi_pool_block_t *n = b->next;
            pool->free[c] = n;
            pool->nfree[c]--;
            /* The next block of the list is likely another worker's
             * recently freed one: start fetching it now (up to 4 lines;
             * touching n itself would wait for the first). */
            const char *p = (const char *)n;
            __builtin_prefetch(p, 1);
            if (c >= 1)
                __builtin_prefetch(p + 64, 1);
            if (c >= 2)
                __builtin_prefetch(p + 128, 1);
            if (c >= 3)
                __builtin_prefetch(p + 192, 1);
            return b;
        }
    }
    return ssi_pool_alloc_slow(pool, size);
}

/* Return a block obtained from any worker's pool with the same size. */
static inline void ssi_pool_free(ssi_pool_t *pool, void *block, size_t size)
{
    unsigned c = ssi_pool_class(size);
    if (__builtin_expect(c < SSI_POOL_CLASSES && pool->nfree[c] + 1 < SSI_POOL_BATCH &&
                             pool->free[c] != NULL, 1)) {
        ssi_pool_block_t *b = block;
        b->next = pool->free[c];
        pool->free[c] = b;
        pool->nfree[c]++;
        return;
    }
    ssi_pool_free_slow(pool, block, size);
}

/* Give every block of `pool` back to the overflow lists. */
void ssi_pool_drain(ssi_pool_t *pool);

/* Release all slabs (finalize, no worker running). */
void ssi_pool_release_all(void);

#endif
