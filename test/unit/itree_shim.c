/* itree_shim.c - thin C wrapper of deps/itree.h. */
#include "itree_shim.h"

#include <stdlib.h>

#include "deps/itree.h"

static ssi_inode_t *nodes;
static unsigned nnodes;
static ssi_inode_t *root;

int shim_itree_reset(unsigned n)
{
    free(nodes);
    root = NULL;
    nnodes = n;
    nodes = calloc(n ? n : 1, sizeof *nodes);
    return nodes ? 0 : -1;
}

void shim_itree_insert(unsigned i, uintptr_t lo, uintptr_t hi)
{
    nodes[i].lo = lo;
    nodes[i].hi = hi;
    ssi_itree_insert(&root, &nodes[i]);
}

void shim_itree_remove(unsigned i)
{
    ssi_itree_remove(&root, &nodes[i]);
}

typedef struct {
    unsigned *out, max, n;
} collect_t;

static void collect(ssi_inode_t *n, void *ctx_)
{
    collect_t *c = ctx_;
    if (c->n < c->max)
        c->out[c->n] = (unsigned)(n - nodes);
    c->n++;
}

unsigned shim_itree_query(uintptr_t lo, uintptr_t hi, unsigned *out, unsigned max)
{
    collect_t c = {out, max, 0};
    ssi_itree_query(root, lo, hi, collect, &c);
    return c.n;
}

static int before(const ssi_inode_t *a, const ssi_inode_t *b)
{
    return a->lo < b->lo || (a->lo == b->lo && (uintptr_t)a < (uintptr_t)b);
}

/* Count of the subtree, or -1; *lo_b / *hi_b bound the keys allowed. */
static long check(const ssi_inode_t *t, const ssi_inode_t *min, const ssi_inode_t *max,
                  unsigned depth)
{
    if (!t)
        return 0;
    if (depth > nnodes || t < nodes || t >= nodes + nnodes)
        return -1; /* cycle or foreign node */
    if ((min && !before(min, t)) || (max && !before(t, max)))
        return -1;
    uintptr_t m = t->hi;
    if (t->l) {
        if (t->l->prio > t->prio)
            return -1;
        if (t->l->maxhi > m)
            m = t->l->maxhi;
    }
    if (t->r) {
        if (t->r->prio > t->prio)
            return -1;
        if (t->r->maxhi > m)
            m = t->r->maxhi;
    }
    if (t->maxhi != m)
        return -1;
    long a = check(t->l, min, t, depth + 1);
    long b = check(t->r, t, max, depth + 1);
    if (a < 0 || b < 0)
        return -1;
    return a + b + 1;
}

long shim_itree_check(void)
{
    return check(root, NULL, NULL, 0);
}
