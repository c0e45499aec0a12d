/* itree.c - treap insert, remove and overlap query. */
#include "deps/itree.h"

#include <stddef.h>

static uintptr_t maxhi(const ssi_inode_t *n)
{
    return n ? n->maxhi : 0;
}

static void fix(ssi_inode_t *n)
{
    uintptr_t m = n->hi, a = maxhi(n->l), b = maxhi(n->r);
    if (a > m) m = a;
    if (b > m) m = b;
    n->maxhi = m;
}

static int less(const ssi_inode_t *a, const ssi_inode_t *b)
{
    return a->lo < b->lo || (a->lo == b->lo && (uintptr_t)a < (uintptr_t)b);
}

static ssi_inode_t *rot_right(ssi_inode_t *n)
{
    ssi_inode_t *l = n->l;
    n->l = l->r;
    l->r = n;
    fix(n);
    fix(l);
    return l;
}

static ssi_inode_t *rot_left(ssi_inode_t *n)
{
    ssi_inode_t *r = n->r;
    n->r = r->l;
    r->l = n;
    fix(n);
    fix(r);
    return r;
}

static ssi_inode_t *insert(ssi_inode_t *t, ssi_inode_t *n)
{
    if (!t)
        return n;
    if (less(n, t)) {
        t->l = insert(t->l, n);
        if (t->l->prio > t->prio)
            return rot_right(t);
    } else {
        t->r = insert(t->r, n);
        if (t->r->prio > t->prio)
            return rot_left(t);
    }
    fix(t);
    return t;
}

void ssi_itree_insert(ssi_inode_t **root, ssi_inode_t *n)
{
    /* Priority from the node address (xorshift-multiply mix). */
    uint64_t x = (uint64_t)(uintptr_t)n;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    n->prio = (uint32_t)x;
    n->l = n->r = NULL;
    n->maxhi = n->hi;
    *root = insert(*root, n);
}

static ssi_inode_t *merge(ssi_inode_t *a, ssi_inode_t *b)
{
    if (!a)
        return b;
    if (!b)
        return a;
    if (a->prio > b->prio) {
        a->r = merge(a->r, b);
        fix(a);
        return a;
    }
    b->l = merge(a, b->l);
    fix(b);
    return b;
}

static ssi_inode_t *remove_node(ssi_inode_t *t, ssi_inode_t *n)
{
    if (!t)
        return NULL;
    if (t == n)
        return merge(t->l, t->r);
    if (less(n, t))
        t->l = remove_node(t->l, n);
    else
        t->r = remove_node(t->r, n);
    fix(t);
    return t;
}

void ssi_itree_remove(ssi_inode_t **root, ssi_inode_t *n)
{
    *root = remove_node(*root, n);
}

void ssi_itree_query(ssi_inode_t *t, uintptr_t lo, uintptr_t hi,
                     ssi_ivisit_fn fn, void *ctx)
{
    while (t && t->maxhi > lo) {
        ssi_itree_query(t->l, lo, hi, fn, ctx);
        if (t->lo >= hi)
            return; /* t and its right subtree start at or after hi */
        if (t->hi > lo)
            fn(t, ctx);
        t = t->r;
    }
}
