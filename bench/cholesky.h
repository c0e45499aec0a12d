/* cholesky.h - the tiled matrix, the four tile kernels and the result check
 * shared by the Cholesky benchmarks (sequential, OpenMP, ss). Kernels are
 * naive loops (no BLAS), compiled once by gcc so that every runtime runs the
 * same machine code. Tiles are bs x bs doubles, row-major, contiguous; only
 * the lower triangle of tiles (i >= j) exists. */
#ifndef BENCH_CHOLESKY_H
#define BENCH_CHOLESKY_H

typedef struct chol_mat {
    int n, bs, nt;   /* order, tile size, tiles per side (n = nt * bs) */
    double **tiles;  /* nt * nt pointers; tiles[i * nt + j] for i >= j */
} chol_mat_t;

/* Allocate the tiles of an n x n matrix (n a multiple of bs) and fill them
 * with a deterministic symmetric positive definite matrix. Exits on bad
 * sizes or no memory. */
void chol_init(chol_mat_t *m, int n, int bs);
void chol_free(chol_mat_t *m);

static inline double *chol_tile(const chol_mat_t *m, int i, int j)
{
    return m->tiles[(long)i * m->nt + j];
}

/* Number of kernel calls (tasks) of the factorization for nt tiles a side. */
long chol_task_count(int nt);

/* Tile kernels, A = L * L^T with L lower triangular:
 * potrf: a := chol(a) (lower part; the strict upper part is left as is)
 * trsm:  b := b * l^-T, l the factored diagonal tile
 * syrk:  c := c - a * a^T (lower part)
 * gemm:  c := c - a * b^T */
void chol_potrf(double *a, int bs);
void chol_trsm(const double *l, double *b, int bs);
void chol_syrk(const double *a, double *c, int bs);
void chol_gemm(const double *a, const double *b, double *c, int bs);

/* The whole factorization, sequentially, calling the kernels in the same
 * order the task versions create their tasks. */
void chol_factor_seq(chol_mat_t *m);

/* Check the factored matrix: (L * L^T)(i, j) against the original entry on
 * a deterministic sample of entries. Returns 0 if all match, else prints the
 * worst entry on stderr and returns -1. */
int chol_verify(const chol_mat_t *m);

#endif /* BENCH_CHOLESKY_H */
