/* space.c - the treap plus one grid per 2-D family (see space.h). */
#include "deps/space.h"

#include <stdlib.h>

/* Families per domain; 2-D regions of further arrays go to the treap. */
#define SSI_SPACE_FAMS 8
/* A member covering more cells than this goes to the treap instead (a
 * whole-matrix region, say): it is one candidate there, not many entries. */
#define SSI_SPACE_MAX_CELLS 64

typedef struct ssi_gfam {
    uintptr_t base;
    size_t pitch;          /* bytes per row */
    int64_t ch, cw;        /* cell rows, cell bytes */
    int64_t orow, ocol;    /* cells start at rows orow + k ch, bytes ocol + k cw */
    uintptr_t slo, shi;    /* span: bounding bytes of its members */
    ssi_snode_t *members;
    unsigned nmembers;
} ssi_gfam_t;

typedef struct ssi_gentry {
    ssi_snode_t *node;
    struct ssi_gentry *next;
} ssi_gentry_t;

typedef struct ssi_gcell {
    int64_t cr, cc;
    int32_t fam;
    ssi_gentry_t *list;
    struct ssi_gcell *next;
} ssi_gcell_t;

/* A rectangle of a family: rows [r0, r1), bytes of a row [c0, c1). */
typedef struct {
    int64_t r0, r1, c0, c1;
} rect_t;

static int64_t floordiv(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static int is_2d(const ssi_region_t *r)
{
    return r->dims && r->ndims == 2;
}

static int in_family(const ssi_gfam_t *f, const ssi_region_t *r)
{
    return r->base == f->base && r->dims[0].size == f->pitch;
}

static rect_t rect_2d(const ssi_region_t *r)
{
    return (rect_t){(int64_t)r->dims[1].start, (int64_t)r->dims[1].end,
                    (int64_t)r->dims[0].start, (int64_t)r->dims[0].end};
}

/* The rows and bytes of f that [lo, hi) (inside f's span) touches: exact
 * for a piece of one row, whole rows otherwise. */
static rect_t rect_bytes(const ssi_gfam_t *f, uintptr_t lo, uintptr_t hi)
{
    int64_t p = (int64_t)f->pitch;
    int64_t r0 = (int64_t)((lo - f->base) / f->pitch);
    int64_t r1 = (int64_t)((hi - 1 - f->base) / f->pitch);
    if (r0 == r1) {
        int64_t c0 = (int64_t)(lo - f->base) - r0 * p;
        return (rect_t){r0, r0 + 1, c0, c0 + (int64_t)(hi - lo)};
    }
    return (rect_t){r0, r1 + 1, 0, p};
}

static void cells_of(const ssi_gfam_t *f, rect_t q, int64_t *cr0, int64_t *cr1,
                     int64_t *cc0, int64_t *cc1)
{
    *cr0 = floordiv(q.r0 - f->orow, f->ch);
    *cr1 = floordiv(q.r1 - 1 - f->orow, f->ch);
    *cc0 = floordiv(q.c0 - f->ocol, f->cw);
    *cc1 = floordiv(q.c1 - 1 - f->ocol, f->cw);
}

/* ---- cells -------------------------------------------------------------- */

static unsigned cell_hash(int32_t fam, int64_t cr, int64_t cc, unsigned nbuckets)
{
    uint64_t h = (uint64_t)cr * 0x9E3779B97F4A7C15ULL ^
                 (uint64_t)cc * 0xC2B2AE3D27D4EB4FULL ^ (uint64_t)fam;
    return (unsigned)(h >> 40) & (nbuckets - 1);
}

static ssi_gcell_t **cell_slot(ssi_space_t *s, int32_t fam, int64_t cr, int64_t cc)
{
    ssi_gcell_t **pp = &s->cells[cell_hash(fam, cr, cc, s->nbuckets)];
    while (*pp && ((*pp)->cr != cr || (*pp)->cc != cc || (*pp)->fam != fam))
        pp = &(*pp)->next;
    return pp;
}

static void cells_grow(ssi_space_t *s)
{
    unsigned n = s->nbuckets ? s->nbuckets * 4 : 64;
    ssi_gcell_t **b = calloc(n, sizeof *b);
    if (!b)
        return; /* longer chains */
    for (unsigned i = 0; i < s->nbuckets; i++)
        for (ssi_gcell_t *c = s->cells[i], *next; c; c = next) {
            next = c->next;
            unsigned h = cell_hash(c->fam, c->cr, c->cc, n);
            c->next = b[h];
            b[h] = c;
        }
    free(s->cells);
    s->cells = b;
    s->nbuckets = n;
}

/* The cell n now is in, or NULL when out of memory. */
static ssi_gcell_t *cell_add(ssi_space_t *s, ssi_pool_t *pool, ssi_snode_t *n,
                             int64_t cr, int64_t cc)
{
    if (s->ncells >= s->nbuckets * 2)
        cells_grow(s);
    if (!s->nbuckets)
        return NULL;
    ssi_gentry_t *e = ssi_pool_alloc(pool, sizeof *e);
    if (!e)
        return NULL;
    ssi_gcell_t **pp = cell_slot(s, n->fam, cr, cc);
    if (!*pp) {
        ssi_gcell_t *c = ssi_pool_alloc(pool, sizeof *c);
        if (!c) {
            ssi_pool_free(pool, e, sizeof *e);
            return NULL;
        }
        c->cr = cr;
        c->cc = cc;
        c->fam = n->fam;
        c->list = NULL;
        c->next = NULL;
        *pp = c;
        s->ncells++;
    }
    e->node = n;
    e->next = (*pp)->list;
    (*pp)->list = e;
    return *pp;
}

static void cell_del(ssi_space_t *s, ssi_pool_t *pool, ssi_snode_t *n, int64_t cr,
                     int64_t cc)
{
    ssi_gcell_t **pp = cell_slot(s, n->fam, cr, cc), *c = *pp;
    if (!c)
        return; /* never added (a failed insertion being undone) */
    ssi_gentry_t **ep = &c->list;
    while (*ep && (*ep)->node != n)
        ep = &(*ep)->next;
    if (!*ep)
        return;
    ssi_gentry_t *e = *ep;
    *ep = e->next;
    ssi_pool_free(pool, e, sizeof *e);
    if (!c->list) {
        *pp = c->next;
        ssi_pool_free(pool, c, sizeof *c);
        s->ncells--;
    }
}

/* ---- members ------------------------------------------------------------ */

static void cells_del(ssi_space_t *s, ssi_pool_t *pool, ssi_snode_t *n)
{
    n->cell = NULL;
    for (int64_t r = n->cr0; r <= n->cr1; r++)
        for (int64_t c = n->cc0; c <= n->cc1; c++)
            cell_del(s, pool, n, r, c);
}

static void treap_add(ssi_space_t *s, ssi_snode_t *n)
{
    n->fam = -1;
    n->in.lo = n->region->lo;
    n->in.hi = n->region->hi;
    ssi_itree_insert(&s->tree, &n->in);
}

/* n->fam set, n not listed: list it in the cells of rectangle q, or put it
 * in the treap when that takes too many cells or memory runs out. */
static void grid_add(ssi_space_t *s, ssi_pool_t *pool, ssi_snode_t *n, rect_t q)
{
    ssi_gfam_t *f = &s->fams[n->fam];
    int64_t cr0, cr1, cc0, cc1;
    cells_of(f, q, &cr0, &cr1, &cc0, &cc1);
    /* Kept as int32 (an object fits three lines): a member beyond that
     * range of cells goes to the treap, as one over too many cells. */
    if (cr0 < INT32_MIN || cr1 > INT32_MAX || cc0 < INT32_MIN || cc1 > INT32_MAX ||
        cr1 - cr0 >= SSI_SPACE_MAX_CELLS || cc1 - cc0 >= SSI_SPACE_MAX_CELLS ||
        (cr1 - cr0 + 1) * (cc1 - cc0 + 1) > SSI_SPACE_MAX_CELLS) {
        treap_add(s, n);
        return;
    }
    n->cr0 = (int32_t)cr0;
    n->cr1 = (int32_t)cr1;
    n->cc0 = (int32_t)cc0;
    n->cc1 = (int32_t)cc1;
    ssi_gcell_t *last = NULL;
    for (int64_t r = n->cr0; r <= n->cr1; r++)
        for (int64_t c = n->cc0; c <= n->cc1; c++)
            if (!(last = cell_add(s, pool, n, r, c))) {
                cells_del(s, pool, n);
                treap_add(s, n);
                return;
            }
    n->cell = n->cr0 == n->cr1 && n->cc0 == n->cc1 ? last : NULL;
    n->fprev = NULL;
    n->fnext = f->members;
    if (f->members)
        f->members->fprev = n;
    f->members = n;
    f->nmembers++;
}

static void member_unlink(ssi_gfam_t *f, ssi_snode_t *n)
{
    if (n->fprev) n->fprev->fnext = n->fnext; else f->members = n->fnext;
    if (n->fnext) n->fnext->fprev = n->fprev;
    f->nmembers--;
}

static rect_t member_rect(const ssi_gfam_t *f, const ssi_snode_t *n)
{
    return is_2d(n->region) && in_family(f, n->region)
               ? rect_2d(n->region)
               : rect_bytes(f, n->region->lo, n->region->hi);
}

/* Cells as large as q at least (growing at least twofold, so that a family
 * is rebuilt a few times at most), aligned on q; every member re-listed. */
static void fam_regrid(ssi_space_t *s, ssi_pool_t *pool, int32_t fi, rect_t q)
{
    ssi_gfam_t *f = &s->fams[fi];
    ssi_snode_t *list = f->members;
    for (ssi_snode_t *m = list; m; m = m->fnext)
        cells_del(s, pool, m);
    f->members = NULL;
    f->nmembers = 0;
    if (q.r1 - q.r0 > f->ch) {
        f->ch = q.r1 - q.r0 > 2 * f->ch ? q.r1 - q.r0 : 2 * f->ch;
        f->orow = q.r0 % f->ch;
    }
    if (q.c1 - q.c0 > f->cw) {
        f->cw = q.c1 - q.c0 > 2 * f->cw ? q.c1 - q.c0 : 2 * f->cw;
        f->ocol = q.c0 % f->cw;
    }
    for (ssi_snode_t *m = list, *next; m; m = next) {
        next = m->fnext;
        grid_add(s, pool, m, member_rect(f, m));
    }
}

/* The family of 2-D region r, created if there is room; -1 if none. */
static int32_t family_2d(ssi_space_t *s, const ssi_region_t *r, rect_t q)
{
    for (unsigned i = 0; i < s->nfams; i++)
        if (in_family(&s->fams[i], r))
            return (int32_t)i;
    if (!s->fams && !(s->fams = calloc(SSI_SPACE_FAMS, sizeof *s->fams)))
        return -1;
    if (s->nfams == SSI_SPACE_FAMS)
        return -1;
    ssi_gfam_t *f = &s->fams[s->nfams];
    f->base = r->base;
    f->pitch = r->dims[0].size;
    f->ch = q.r1 - q.r0;
    f->cw = q.c1 - q.c0;
    f->orow = q.r0 % f->ch;
    f->ocol = q.c0 % f->cw;
    f->slo = r->lo;
    f->shi = r->hi;
    f->members = NULL;
    f->nmembers = 0;
    return (int32_t)s->nfams++;
}

/* The family for contiguous [lo, hi): one whose span, widened by a band
 * of cells on either side, holds it within one row (so that the edge rows
 * just outside a wavefront's blocks join, but not rows of other arrays far
 * away). The span then grows to hold it. */
static int32_t family_row(ssi_space_t *s, uintptr_t lo, uintptr_t hi)
{
    for (unsigned i = 0; i < s->nfams; i++) {
        ssi_gfam_t *f = &s->fams[i];
        uintptr_t band = (uintptr_t)f->ch * f->pitch;
        if (lo >= f->base && lo + band >= f->slo && hi <= f->shi + band &&
            (lo - f->base) / f->pitch == (hi - 1 - f->base) / f->pitch) {
            if (lo < f->slo)
                f->slo = lo;
            if (hi > f->shi)
                f->shi = hi;
            return (int32_t)i;
        }
    }
    return -1;
}

void ssi_space_insert(ssi_space_t *s, ssi_pool_t *pool, ssi_snode_t *n,
                      const ssi_region_t *r)
{
    n->region = r;
    n->stamp = 0; /* queries use 1 and up */
    if (is_2d(r)) {
        rect_t q = rect_2d(r);
        int32_t fi = family_2d(s, r, q);
        if (fi < 0) {
            treap_add(s, n);
            return;
        }
        ssi_gfam_t *f = &s->fams[fi];
        if (q.r1 - q.r0 > f->ch || q.c1 - q.c0 > f->cw)
            fam_regrid(s, pool, fi, q);
        if (r->lo < f->slo)
            f->slo = r->lo;
        if (r->hi > f->shi)
            f->shi = r->hi;
        n->fam = fi;
        grid_add(s, pool, n, q);
        return;
    }
    int32_t fi = r->dims ? -1 : family_row(s, r->lo, r->hi);
    if (fi < 0) {
        treap_add(s, n);
        return;
    }
    n->fam = fi;
    grid_add(s, pool, n, rect_bytes(&s->fams[fi], r->lo, r->hi));
}

void ssi_space_remove(ssi_space_t *s, ssi_pool_t *pool, ssi_snode_t *n)
{
    if (n->fam < 0) {
        ssi_itree_remove(&s->tree, &n->in);
        return;
    }
    cells_del(s, pool, n);
    member_unlink(&s->fams[n->fam], n);
}

/* ---- queries ------------------------------------------------------------ */

static void visit(ssi_space_t *s, ssi_snode_t *n, ssi_ivisit_fn fn, void *ctx)
{
    if (n->stamp == s->stamp)
        return;
    n->stamp = s->stamp;
    fn(&n->in, ctx);
}

static void visit_cells(ssi_space_t *s, int32_t fi, int64_t cr0, int64_t cr1,
                        int64_t cc0, int64_t cc1, ssi_ivisit_fn fn, void *ctx)
{
    for (int64_t cr = cr0; cr <= cr1; cr++)
        for (int64_t cc = cc0; cc <= cc1; cc++) {
            ssi_gcell_t *c = *cell_slot(s, fi, cr, cc);
            for (ssi_gentry_t *e = c ? c->list : NULL; e; e = e->next)
                visit(s, e->node, fn, ctx);
        }
}

static void query_family(ssi_space_t *s, int32_t fi, const ssi_region_t *r,
                         ssi_ivisit_fn fn, void *ctx)
{
    ssi_gfam_t *f = &s->fams[fi];
    rect_t q;
    if (is_2d(r) && in_family(f, r)) {
        q = rect_2d(r);
    } else {
        uintptr_t lo = r->lo > f->slo ? r->lo : f->slo;
        uintptr_t hi = r->hi < f->shi ? r->hi : f->shi;
        q = rect_bytes(f, lo, hi);
    }
    int64_t cr0, cr1, cc0, cc1;
    cells_of(f, q, &cr0, &cr1, &cc0, &cc1);
    /* Compared as doubles: a huge rectangle must not overflow. */
    if ((double)(cr1 - cr0 + 1) * (double)(cc1 - cc0 + 1) > (double)f->nmembers) {
        for (ssi_snode_t *m = f->members; m; m = m->fnext)
            visit(s, m, fn, ctx);
        return;
    }
    visit_cells(s, fi, cr0, cr1, cc0, cc1, fn, ctx);
}

static void stamp_next(ssi_space_t *s)
{
    if (++s->stamp == 0) {
        /* Wrapped: no member may hold a stamp a later query takes. */
        for (unsigned i = 0; i < s->nfams; i++)
            for (ssi_snode_t *m = s->fams[i].members; m; m = m->fnext)
                m->stamp = 0;
        s->stamp = 1;
    }
}

static int meets_family(const ssi_space_t *s, unsigned i, const ssi_region_t *r)
{
    const ssi_gfam_t *f = &s->fams[i];
    return f->nmembers && r->lo < f->shi && f->slo < r->hi;
}

void ssi_space_query(ssi_space_t *s, const ssi_region_t *r, ssi_ivisit_fn fn,
                     void *ctx)
{
    if (s->tree)
        ssi_itree_query(s->tree, r->lo, r->hi, fn, ctx);
    if (!s->ncells)
        return;
    stamp_next(s);
    for (unsigned i = 0; i < s->nfams; i++)
        if (meets_family(s, i, r))
            query_family(s, (int32_t)i, r, fn, ctx);
}

void ssi_space_query_node(ssi_space_t *s, ssi_snode_t *n, ssi_ivisit_fn fn, void *ctx)
{
    if (n->fam < 0) {
        ssi_space_query(s, n->region, fn, ctx);
        return;
    }
    const ssi_region_t *r = n->region;
    if (s->tree)
        ssi_itree_query(s->tree, r->lo, r->hi, fn, ctx);
    stamp_next(s);
    for (unsigned i = 0; i < s->nfams; i++) {
        if ((int32_t)i != n->fam) {
            if (meets_family(s, i, r))
                query_family(s, (int32_t)i, r, fn, ctx);
        } else if (n->cell) {
            for (ssi_gentry_t *e = n->cell->list; e; e = e->next)
                visit(s, e->node, fn, ctx);
        } else {
            visit_cells(s, n->fam, n->cr0, n->cr1, n->cc0, n->cc1, fn, ctx);
        }
    }
}

void ssi_space_fini(ssi_space_t *s)
{
    free(s->fams);
    free(s->cells);
    s->fams = NULL;
    s->cells = NULL;
    s->nfams = s->ncells = s->nbuckets = 0;
}
