/* pool.h - per-worker block allocator for tasks and dependence records.
 *
 * Blocks come in 64-byte size classes. A worker allocates from and frees to
 * its own lists without atomics; a list that grows past a high-water mark
 * hands a batch to a global per-class overflow (locked), from which empty
 * lists refill before calling malloc. Slabs are released at finalize.
 * Larger blocks go straight to malloc. */
#ifndef SSI_POOL_H
#define SSI_POOL_H

#include <stddef.h>

#define SSI_POOL_GRAIN 64
#define SSI_POOL_CLASSES 16 /* blocks up to 1 KiB */

typedef struct ssi_pool {
    void *free[SSI_POOL_CLASSES];
    unsigned nfree[SSI_POOL_CLASSES];
} ssi_pool_t;

/* A 64-byte aligned block of at least `size` bytes, or NULL. */
void *ssi_pool_alloc(ssi_pool_t *pool, size_t size);

/* Return a block obtained from any worker's pool with the same size. */
void ssi_pool_free(ssi_pool_t *pool, void *block, size_t size);

/* Give every block of `pool` back to the overflow lists. */
void ssi_pool_drain(ssi_pool_t *pool);

/* Release all slabs (finalize, no worker running). */
void ssi_pool_release_all(void);

#endif
