/* fib_kernels.h - the leaf kernel of fib for bench/apps/fib_*.c (plain
 * recursive Fibonacci, what runs below the cut-off) and the check. */
#ifndef BENCH_FIB_KERNELS_H
#define BENCH_FIB_KERNELS_H

/* fib(n) by the naive recursion, no tasks. */
long fib_seq(int n);

/* Number of tasks fib(n) creates with the cut-off: two per call at
 * n >= cutoff. */
long fib_task_count(int n, int cutoff);

/* Check got == fib(n) (computed iteratively). Returns 0 if so, else prints
 * both on stderr and returns -1. */
int fib_verify(int n, long got);

#endif /* BENCH_FIB_KERNELS_H */
