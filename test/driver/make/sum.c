/* sum.c - a plain C source in a project built with CC=ssc. */
#include "sum.h"

long sum_range(long lo, long hi)
{
    long s = 0;
    for (long i = lo; i <= hi; i++)
        s += i;
    return s;
}
