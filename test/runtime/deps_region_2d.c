/* 2-D regions (ss_task_depend with 2 ss_dim_t) on a 64x64 matrix of doubles:
 * overlapping blocks are ordered, disjoint blocks whose byte ranges interleave
 * are not (rendezvous), a column against a row that crosses it is ordered,
 * two columns or two rows are not, and 2-D sections are compared exactly with
 * 1-D byte ranges of the same memory. The expected relation of each pair is
 * also computed by brute force. Then random block pairs. Needs 2 workers. */
#include "rt_test.h"

#define N 64
static double M[N][N];
static ss_dim_t dimpool[4096];
static unsigned ndim;

/* Block rows [r0,r1) x cols [c0,c1). */
static ss_dep_t blk(ss_dep_type_t t, size_t r0, size_t r1, size_t c0, size_t c1)
{
    ss_dim_t *d = &dimpool[ndim];
    ndim = (ndim + 2) % 4096;
    d[0] = (ss_dim_t){N * sizeof(double), c0 * sizeof(double), c1 * sizeof(double)};
    d[1] = (ss_dim_t){N, r0, r1};
    return (ss_dep_t){t, M, 2, d};
}

static ss_dep_t bytes(ss_dep_type_t t, size_t off, size_t len)
{
    ss_dim_t *d = &dimpool[ndim];
    ndim = (ndim + 2) % 4096;
    d[0] = (ss_dim_t){len, 0, len};
    return (ss_dep_t){t, (char *)M + off, 1, d};
}

static void pair(ss_dep_t a, ss_dep_t b, int expect, const char *what)
{
    rt_check_pair_auto(&a, &b, M, sizeof M, expect, what);
}

int main(void)
{
    rt_need_workers(2);
    const ss_dep_type_t W = SS_DEP_INOUT, R = SS_DEP_IN;
    const int O = RT_ORDERED, C = RT_CONCURRENT;
    const size_t row = N * sizeof(double), el = sizeof(double);
    for (int rep = 0; rep < 2; rep++) {
        pair(blk(W, 0, 16, 0, 16), blk(R, 8, 24, 8, 24), O, "overlapping blocks");
        pair(blk(R, 8, 24, 8, 24), blk(W, 0, 16, 0, 16), O, "overlapping blocks");
        pair(blk(W, 0, 16, 0, 16), blk(W, 15, 16, 15, 16), O, "block and its corner");
        pair(blk(W, 0, 16, 0, 16), blk(R, 0, 16, 0, 16), O, "same block");
        pair(blk(W, 0, 16, 0, 16), blk(R, 2, 4, 2, 4), O, "block and a block inside");
        pair(blk(W, 2, 4, 2, 4), blk(R, 0, 16, 0, 16), O, "block inside and block");
        pair(blk(W, 0, 16, 0, 16), blk(R, 0, 16, 16, 32), C, "side by side blocks");
        pair(blk(W, 0, 16, 0, 16), blk(W, 16, 32, 0, 16), C, "stacked blocks");
        pair(blk(W, 0, 32, 0, 8), blk(W, 0, 32, 8, 16), C, "interleaved tall blocks");
        pair(blk(W, 0, 10, 0, 10), blk(W, 5, 15, 10, 20), C,
             "disjoint blocks with overlapping byte ranges");
        pair(blk(R, 0, 16, 0, 16), blk(R, 8, 24, 8, 24), C, "overlapping read blocks");
        /* Columns and rows. */
        pair(blk(W, 0, N, 5, 6), blk(R, 7, 8, 0, N), O, "column 5 then row 7");
        pair(blk(W, 7, 8, 0, N), blk(R, 0, N, 5, 6), O, "row 7 then column 5");
        pair(blk(W, 0, N, 5, 6), blk(W, 0, N, 6, 7), C, "columns 5 and 6");
        pair(blk(W, 3, 4, 0, N), blk(W, 4, 5, 0, N), C, "rows 3 and 4");
        pair(blk(W, 0, 8, 5, 6), blk(R, 10, 11, 0, N), C,
             "partial column 5 (rows 0-7) and row 10");
        pair(blk(W, 0, N, 63, 64), blk(R, 1, 2, 0, 1), C,
             "last column and the first element of row 1 (adjacent bytes)");
        /* 2-D against 1-D views of the same memory. */
        pair(blk(W, 2, 4, 0, N), bytes(R, 3 * row + 8, 8), O, "full rows then bytes inside");
        pair(bytes(W, 2 * row, 2 * row), blk(R, 3, 4, 60, 61), O, "bytes then block inside");
        pair(blk(W, 0, 4, 0, 8), bytes(R, 1 * row + 20 * el, el), C,
             "block and bytes in its bounding range but not in it");
        pair(blk(W, 0, 4, 0, 8), bytes(R, 1 * row + 7 * el + 7, 2), O,
             "block and 2 bytes straddling its edge");
        pair(bytes(W, 8 * el, row - 8 * el), blk(R, 0, 4, 0, 8), C,
             "bytes of row 0 right of the block");
        pair(blk(R, 0, N, 0, 1), bytes(W, 5 * row + 1, 1), O,
             "column 0 and one byte of its element in row 5");
        /* Byte-granular inner dimension (not whole doubles). */
        {
            ss_dim_t *d = &dimpool[ndim];
            ndim = (ndim + 2) % 4096;
            d[0] = (ss_dim_t){row, 3, 5};
            d[1] = (ss_dim_t){N, 0, N};
            ss_dep_t sliver = {W, M, 2, d};
            pair(sliver, bytes(R, 10 * row + 4, 1), O, "byte column 3-4 and byte 4 of row 10");
            pair(sliver, bytes(R, 10 * row + 5, 3), C, "byte column 3-4 and bytes 5-7 of row 10");
        }
    }

    /* Random blocks: the brute-force relation decides. */
    unsigned rng = 99;
    const int npairs = (int)rt_scaled(150, 20);
    for (int i = 0; i < npairs; i++) {
        size_t v[8];
        for (int k = 0; k < 8; k++) {
            rng = rng * 1103515245u + 12345u;
            v[k] = (rng >> 8) % (N + 1);
        }
        for (int k = 0; k < 8; k += 2) {
            if (v[k] > v[k + 1]) { size_t t = v[k]; v[k] = v[k + 1]; v[k + 1] = t; }
            if (v[k] == v[k + 1]) { if (v[k + 1] < N) v[k + 1]++; else v[k]--; }
        }
        ss_dep_type_t ta = (rng >> 3) % 3 ? W : R, tb = (rng >> 5) % 3 ? W : R;
        char what[96];
        snprintf(what, sizeof what, "random pair %d: [%zu,%zu)x[%zu,%zu) and "
                 "[%zu,%zu)x[%zu,%zu)", i, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
        pair(blk(ta, v[0], v[1], v[2], v[3]), blk(tb, v[4], v[5], v[6], v[7]), -1, what);
    }
    RT_OK(ss_finalize());
    return 0;
}
