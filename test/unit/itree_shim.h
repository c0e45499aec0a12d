/* itree_shim.h - plain-C view of deps/itree.h for the itree unit test.
 * The shim owns an array of nodes addressed by index. */
#ifndef ITREE_SHIM_H
#define ITREE_SHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Drop the tree and (re)allocate `n` nodes, none in the tree. 0 on success. */
int shim_itree_reset(unsigned n);
/* Give node i the interval [lo, hi) and insert it. */
void shim_itree_insert(unsigned i, uintptr_t lo, uintptr_t hi);
void shim_itree_remove(unsigned i);
/* Indices of the nodes overlapping [lo, hi), in visit order; returns how
 * many were visited (only the first `max` are written). */
unsigned shim_itree_query(uintptr_t lo, uintptr_t hi, unsigned *out, unsigned max);
/* Check the treap invariants (order by (lo, address), heap on prio, maxhi
 * of every subtree). Returns the node count, or -1 if broken. */
long shim_itree_check(void);

#ifdef __cplusplus
}
#endif
#endif
