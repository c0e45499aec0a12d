/* 3-D regions (3 ss_dim_t) on a 16x16x16 cube of floats: overlapping boxes
 * are ordered, disjoint boxes (also with interleaved byte ranges) are not,
 * planes against crossing lines, and 3-D sections against 2-D and 1-D views
 * of the same memory. Expected relations checked by brute force too; then
 * random box pairs. Needs 2 workers. */
#include "rt_test.h"

#define N 16
static float C[N][N][N];
static ss_dim_t dimpool[4096];
static unsigned ndim;

static ss_dim_t *dims(unsigned n)
{
    if (ndim + n > 4096)
        ndim = 0;
    ss_dim_t *d = &dimpool[ndim];
    ndim += n;
    return d;
}

/* Box z [z0,z1) x y [y0,y1) x x [x0,x1). */
static ss_dep_t box(ss_dep_type_t t, size_t z0, size_t z1, size_t y0, size_t y1,
                    size_t x0, size_t x1)
{
    ss_dim_t *d = dims(3);
    d[0] = (ss_dim_t){N * sizeof(float), x0 * sizeof(float), x1 * sizeof(float)};
    d[1] = (ss_dim_t){N, y0, y1};
    d[2] = (ss_dim_t){N, z0, z1};
    return (ss_dep_t){t, C, 3, d};
}

/* The cube as a 256x16 matrix: rows [r0,r1) x cols [c0,c1). */
static ss_dep_t flat(ss_dep_type_t t, size_t r0, size_t r1, size_t c0, size_t c1)
{
    ss_dim_t *d = dims(2);
    d[0] = (ss_dim_t){N * sizeof(float), c0 * sizeof(float), c1 * sizeof(float)};
    d[1] = (ss_dim_t){N * N, r0, r1};
    return (ss_dep_t){t, C, 2, d};
}

static ss_dep_t bytes(ss_dep_type_t t, size_t off, size_t len)
{
    ss_dim_t *d = dims(1);
    d[0] = (ss_dim_t){len, 0, len};
    return (ss_dep_t){t, (char *)C + off, 1, d};
}

static void pair(ss_dep_t a, ss_dep_t b, int expect, const char *what)
{
    rt_check_pair_auto(&a, &b, C, sizeof C, expect, what);
}

int main(void)
{
    rt_need_workers(2);
    const ss_dep_type_t W = SS_DEP_INOUT, R = SS_DEP_IN;
    const int O = RT_ORDERED, K = RT_CONCURRENT;
    const size_t el = sizeof(float), row = N * el, plane = N * row;
    for (int rep = 0; rep < 2; rep++) {
        pair(box(W, 0, 4, 0, 4, 0, 4), box(R, 2, 6, 2, 6, 2, 6), O, "overlapping boxes");
        pair(box(W, 0, 4, 0, 4, 0, 4), box(R, 3, 4, 3, 4, 3, 4), O, "box and its corner");
        pair(box(W, 0, 4, 0, 4, 0, 4), box(R, 0, 4, 0, 4, 4, 8), K, "boxes apart in x");
        pair(box(W, 0, 4, 0, 4, 0, 4), box(R, 0, 4, 4, 8, 0, 4), K, "boxes apart in y");
        pair(box(W, 0, 4, 0, 4, 0, 4), box(R, 4, 8, 0, 4, 0, 4), K, "boxes apart in z");
        pair(box(W, 0, 8, 0, 8, 0, 8), box(W, 0, 8, 8, 16, 8, 16), K,
             "disjoint boxes with interleaved byte ranges");
        pair(box(R, 0, 4, 0, 4, 0, 4), box(R, 2, 6, 2, 6, 2, 6), K, "overlapping read boxes");
        /* Planes and lines. */
        pair(box(W, 3, 4, 0, N, 0, N), box(R, 0, N, 5, 6, 5, 6), O, "plane z=3, line along z");
        pair(box(W, 0, N, 5, 6, 5, 6), box(R, 0, N, 5, 6, 6, 7), K, "two lines along z");
        pair(box(W, 0, N, 0, N, 7, 8), box(R, 0, N, 9, 10, 0, N), O, "plane x=7, plane y=9");
        pair(box(W, 0, N, 0, N, 7, 8), box(R, 0, N, 0, N, 8, 9), K, "planes x=7 and x=8");
        pair(box(W, 2, 3, 0, N, 0, N), bytes(R, 2 * plane + 5 * row + 3 * el, el), O,
             "plane z=2 and one float in it");
        /* 3-D against a 2-D view (256 rows of 16): row = z * 16 + y. */
        pair(box(W, 1, 2, 4, 8, 2, 6), flat(R, 20, 22, 3, 4), O,
             "box z1 y4-7 x2-5 and rows 20-21 col 3");
        pair(box(W, 1, 2, 4, 8, 2, 6), flat(R, 24, 26, 0, N), K,
             "box z1 y4-7 and rows 24-25 (z1 y8-9)");
        pair(flat(W, 0, 256, 0, 1), box(R, 5, 6, 5, 6, 0, 1), O,
             "column 0 of the flat view and the element (5,5,0)");
        pair(flat(W, 0, 256, 0, 1), box(R, 0, N, 0, N, 1, 2), K,
             "column 0 of the flat view and plane x=1");
        pair(bytes(W, 0, plane), box(R, 0, N, 0, 1, 0, 1), O, "plane z=0 as bytes, line along z");
        pair(bytes(W, plane - el, 2 * el), box(R, 1, 2, 0, 1, 0, 1), O,
             "bytes straddling planes 0/1 and element (1,0,0)");
        pair(bytes(W, plane - el, 2 * el), box(R, 1, 2, 0, 1, 1, 2), K,
             "bytes straddling planes 0/1 and element (1,0,1)");
    }

    unsigned rng = 7;
    const int npairs = (int)rt_scaled(150, 20);
    for (int i = 0; i < npairs; i++) {
        size_t v[12];
        for (int k = 0; k < 12; k++) {
            rng = rng * 1103515245u + 12345u;
            v[k] = (rng >> 8) % (N + 1);
        }
        for (int k = 0; k < 12; k += 2) {
            if (v[k] > v[k + 1]) { size_t t = v[k]; v[k] = v[k + 1]; v[k + 1] = t; }
            if (v[k] == v[k + 1]) { if (v[k + 1] < N) v[k + 1]++; else v[k]--; }
        }
        ss_dep_type_t ta = (rng >> 3) % 3 ? W : R, tb = (rng >> 5) % 3 ? W : R;
        char what[160];
        snprintf(what, sizeof what, "random pair %d: [%zu,%zu)x[%zu,%zu)x[%zu,%zu) and "
                 "[%zu,%zu)x[%zu,%zu)x[%zu,%zu)", i, v[0], v[1], v[2], v[3], v[4], v[5],
                 v[6], v[7], v[8], v[9], v[10], v[11]);
        pair(box(ta, v[0], v[1], v[2], v[3], v[4], v[5]),
             box(tb, v[6], v[7], v[8], v[9], v[10], v[11]), -1, what);
    }
    RT_OK(ss_finalize());
    return 0;
}
