/* heat_kernels.h - Gauss-Seidel heat diffusion for bench/apps/heat_*.c: an
 * (n+2) x (n+2) grid (a fixed boundary around n x n interior points), swept
 * in bs x bs blocks. Blocked sweeps in wavefront order give the same bits as
 * plain row-by-row sweeps, which is the check. */
#ifndef BENCH_HEAT_KERNELS_H
#define BENCH_HEAT_KERNELS_H

/* A new grid with the boundary set and the interior cold. Exits on bad
 * sizes (bs must divide n) or no memory. */
double *heat_alloc(int n, int bs);

/* One Gauss-Seidel sweep over rows ii..ii+bs-1, columns jj..jj+bs-1 of the
 * interior (1-based, as the boundary is row and column 0). */
void heat_block(int n, double (*a)[n + 2], int ii, int jj, int bs);

/* Number of block sweeps (tasks) for steps sweeps. */
long heat_task_count(int n, int bs, int steps);

/* Run the reference (steps plain sweeps on a fresh grid) and compare with
 * a bit for bit. Returns 0 if equal, else prints where they differ on
 * stderr and returns -1. */
int heat_verify(int n, int steps, const double *a);

#endif /* BENCH_HEAT_KERNELS_H */
