/* itree.h - intrusive interval treap: byte intervals [lo, hi) ordered by
 * (lo, node address), each subtree annotated with its largest hi, so that
 * all intervals overlapping a query are found in O(log n + k). */
#ifndef SSI_ITREE_H
#define SSI_ITREE_H

#include <stdint.h>

typedef struct ssi_inode {
    uintptr_t lo, hi, maxhi;
    uint32_t prio;
    struct ssi_inode *l, *r;
} ssi_inode_t;

void ssi_itree_insert(ssi_inode_t **root, ssi_inode_t *n);
void ssi_itree_remove(ssi_inode_t **root, ssi_inode_t *n);

/* Call fn on every node overlapping [lo, hi). fn must not modify the tree. */
typedef void (*ssi_ivisit_fn)(ssi_inode_t *n, void *ctx);
void ssi_itree_query(ssi_inode_t *root, uintptr_t lo, uintptr_t hi,
                     ssi_ivisit_fn fn, void *ctx);

#endif
