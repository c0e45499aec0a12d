/* matmul_kernels.h - blocked C += A * B for bench/apps/matmul_*.c: the
 * tiled matrices, the tile kernel, the sequential product and the check.
 * Matrices are nt x nt tiles of bs x bs doubles, each tile contiguous and
 * row-major. The inputs are small integers, so every order of the sums is
 * exact and the check can compare for equality. */
#ifndef BENCH_MATMUL_KERNELS_H
#define BENCH_MATMUL_KERNELS_H

typedef struct mm_mat {
    int n, bs, nt; /* order, tile size, tiles per side (n = nt * bs) */
    double *a, *b, *c;
} mm_mat_t;

/* Allocate and fill A and B, zero C. Exits on bad sizes or no memory. */
void mm_init(mm_mat_t *m, int n, int bs);
void mm_free(mm_mat_t *m);

/* Tile (i, j) of one of the matrices of m. */
static inline double *mm_tile(const mm_mat_t *m, double *x, int i, int j)
{
    return x + ((long)i * m->nt + j) * m->bs * m->bs;
}

/* c += a * b on bs x bs tiles. */
void mm_kernel(const double *a, const double *b, double *c, int bs);

/* Number of tile products (tasks): nt^3. */
long mm_task_count(const mm_mat_t *m);

/* C(i, j) against the sum over k of A(i, k) B(k, j) on a sample of
 * entries. Returns 0 if all match, else prints the first wrong one on
 * stderr and returns -1. */
int mm_verify(const mm_mat_t *m);

#endif /* BENCH_MATMUL_KERNELS_H */
