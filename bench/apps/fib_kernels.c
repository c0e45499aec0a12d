/* fib_kernels.c - see fib_kernels.h. Compiled once by gcc and linked into
 * every version, so all runtimes run the same kernel machine code. */
#include "fib_kernels.h"

#include <stdio.h>

long fib_seq(int n)
{
    return n < 2 ? n : fib_seq(n - 1) + fib_seq(n - 2);
}

long fib_task_count(int n, int cutoff)
{
    if (n < 2 || n < cutoff)
        return 0;
    return 2 + fib_task_count(n - 1, cutoff) + fib_task_count(n - 2, cutoff);
}

int fib_verify(int n, long got)
{
    long a = 0, b = 1;
    for (int i = 0; i < n; i++) {
        long t = a + b;
        a = b, b = t;
    }
    if (got != a) {
        fprintf(stderr, "fib: fib(%d) = %ld, expected %ld\n", n, got, a);
        return -1;
    }
    return 0;
}
