/* multisort_kernels.h - the leaf kernels of multisort for
 * bench/apps/multisort_*.c (sort a piece, merge a piece of two sorted
 * runs), the input and the check. */
#ifndef BENCH_MULTISORT_KERNELS_H
#define BENCH_MULTISORT_KERNELS_H

/* n pseudo-random longs with repeats; exits on no memory. */
long *ms_alloc_input(long n);
/* n longs, uninitialized (the scratch array); exits on no memory. */
long *ms_alloc(long n);

/* Sort data[0..n) ascending with a bottom-up merge sort (runs of 16 by
 * insertion), using tmp[0..n) as scratch. */
void ms_sort(long n, long *data, long *tmp);

/* Write result[start .. start+length) of the merge of the sorted arrays
 * left[0..nl) and right[0..nr): finds where that piece begins in each input
 * by binary search, then merges length elements from there. Pieces of one
 * merge are independent. */
void ms_merge(long nl, const long *left, long nr, const long *right, long *result, long start,
              long length);

/* Number of tasks multisort_ss.c creates for n elements with these
 * cut-offs. */
long ms_task_count(long n, long sort_cut, long merge_cut);

/* Check that data[0..n) is sorted and holds the elements of the input
 * (by sum and sum of squares, modulo 2^64). Returns 0 if so, else prints
 * what is wrong on stderr and returns -1. */
int ms_verify(long n, const long *data);

#endif /* BENCH_MULTISORT_KERNELS_H */
