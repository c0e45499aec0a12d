/* sum.h - the second source's interface. */
#ifndef SUM_H
#define SUM_H
long sum_range(long lo, long hi);
#endif
