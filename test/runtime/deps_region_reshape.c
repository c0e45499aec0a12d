/* Sections with different row sizes over the same memory (4096 longs seen as
 * 64 rows of 64, 32 rows of 128, 85 rows of 48, and 3-D 16x16x16): whether
 * two sections conflict depends on the bytes they really share, not on their
 * shapes or bounding ranges. Expected relations computed by brute force (and
 * stated for the hand-picked pairs); then random pairs of random views. Needs
 * 2 workers. */
#include "rt_test.h"

#define NL 4096
static long A[NL];
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

/* View with rows of w longs: rows [r0,r1) x cols [c0,c1). */
static ss_dep_t sec(ss_dep_type_t t, size_t w, size_t r0, size_t r1, size_t c0, size_t c1)
{
    ss_dim_t *d = dims(2);
    d[0] = (ss_dim_t){w * sizeof(long), c0 * sizeof(long), c1 * sizeof(long)};
    d[1] = (ss_dim_t){NL / w, r0, r1};
    return (ss_dep_t){t, A, 2, d};
}

static ss_dep_t box(ss_dep_type_t t, size_t z0, size_t z1, size_t y0, size_t y1,
                    size_t x0, size_t x1)
{
    ss_dim_t *d = dims(3);
    d[0] = (ss_dim_t){16 * sizeof(long), x0 * sizeof(long), x1 * sizeof(long)};
    d[1] = (ss_dim_t){16, y0, y1};
    d[2] = (ss_dim_t){16, z0, z1};
    return (ss_dep_t){t, A, 3, d};
}

static void pair(ss_dep_t a, ss_dep_t b, int expect, const char *what)
{
    rt_check_pair_auto(&a, &b, A, sizeof A, expect, what);
}

int main(void)
{
    rt_need_workers(2);
    const ss_dep_type_t W = SS_DEP_INOUT, R = SS_DEP_IN;
    const int O = RT_ORDERED, K = RT_CONCURRENT;
    for (int rep = 0; rep < 2; rep++) {
        /* Rows of 64 vs rows of 128. */
        pair(sec(W, 64, 0, 64, 0, 1), sec(R, 128, 0, 32, 64, 65), O,
             "64-col 0 and 128-col 64 (share odd 64-rows)");
        pair(sec(W, 64, 0, 64, 0, 1), sec(R, 128, 0, 32, 1, 2), K,
             "64-col 0 and 128-col 1");
        pair(sec(W, 64, 0, 2, 0, 64), sec(R, 128, 0, 1, 100, 110), O,
             "64-rows 0-1 and 128-row 0 cols 100-109");
        pair(sec(W, 64, 2, 4, 0, 8), sec(R, 128, 1, 2, 64, 72), O,
             "64-block rows 2-3 cols 0-7 and 128-row 1 cols 64-71");
        pair(sec(W, 64, 2, 4, 0, 8), sec(R, 128, 1, 2, 8, 64), K,
             "64-block rows 2-3 cols 0-7 and 128-row 1 cols 8-63 (the gap)");
        pair(sec(W, 64, 0, 64, 0, 32), sec(R, 128, 0, 32, 32, 64), K,
             "left halves of 64-rows and cols 32-63 of 128-rows");
        pair(sec(W, 64, 0, 64, 0, 32), sec(R, 128, 0, 32, 64, 96), O,
             "left halves of 64-rows and cols 64-95 of 128-rows");
        /* Rows of 48 (not a divisor of 64): strides that meet or never do. */
        pair(sec(W, 48, 0, 85, 0, 1), sec(R, 64, 0, 64, 0, 1), O, "48-col 0 and 64-col 0");
        pair(sec(W, 48, 0, 85, 1, 2), sec(R, 64, 0, 64, 0, 1), K,
             "48-col 1 and 64-col 0 (1 + 48k is never a multiple of 64)");
        pair(sec(W, 48, 0, 85, 16, 17), sec(R, 64, 0, 64, 0, 1), O,
             "48-col 16 and 64-col 0 (meet at 64)");
        pair(sec(W, 48, 3, 5, 10, 20), sec(R, 64, 2, 4, 40, 50), K,
             "48-block and 64-block with overlapping bounding ranges only");
        /* 3-D vs 2-D. */
        pair(box(W, 0, 16, 0, 16, 0, 1), sec(R, 64, 0, 64, 16, 17), O,
             "x=0 of the cube and 64-col 16");
        pair(box(W, 0, 16, 0, 16, 0, 1), sec(R, 64, 0, 64, 17, 18), K,
             "x=0 of the cube and 64-col 17");
        pair(box(W, 2, 3, 0, 16, 0, 16), sec(R, 128, 4, 6, 0, 128), O,
             "plane z=2 and 128-rows 4-5");
        pair(box(W, 2, 3, 0, 16, 0, 16), sec(R, 128, 6, 7, 0, 128), K,
             "plane z=2 and 128-row 6");
        /* Same bytes, different descriptions. */
        pair(sec(W, 64, 4, 8, 0, 64), sec(R, 128, 2, 4, 0, 128), O,
             "the same bytes as 64-rows 4-7 and 128-rows 2-3");
        pair(sec(W, 64, 4, 8, 0, 64), box(R, 1, 2, 0, 16, 0, 16), O,
             "the same bytes as 64-rows 4-7 and plane z=1");
    }

    unsigned rng = 4242;
    const int npairs = (int)rt_scaled(200, 20);
    const size_t widths[] = {16, 32, 48, 64, 100, 128, 256};
    for (int i = 0; i < npairs; i++) {
        ss_dep_t d[2];
        char desc[2][64];
        for (int j = 0; j < 2; j++) {
            unsigned v[6];
            for (int k = 0; k < 6; k++) {
                rng = rng * 1103515245u + 12345u;
                v[k] = rng >> 8;
            }
            ss_dep_type_t t = v[5] % 3 ? W : R;
            size_t w = widths[v[0] % 7], rows = NL / w;
            size_t r0 = v[1] % rows, r1 = r0 + 1 + v[2] % (rows - r0 < 8 ? rows - r0 : 8);
            size_t c0 = v[3] % w, c1 = c0 + 1 + v[4] % (w - c0);
            d[j] = sec(t, w, r0, r1, c0, c1);
            snprintf(desc[j], sizeof desc[j], "w%zu [%zu,%zu)x[%zu,%zu)", w, r0, r1, c0, c1);
        }
        char what[160];
        snprintf(what, sizeof what, "random pair %d: %s and %s", i, desc[0], desc[1]);
        pair(d[0], d[1], -1, what);
    }
    RT_OK(ss_finalize());
    return 0;
}
