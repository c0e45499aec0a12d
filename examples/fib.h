/* fib.h - the part of fib.c and fib_v1.c that does not depend on the
 * pragma spelling: the cut-off, the iterative reference and main's driver.
 * The including file defines fib, the recursion with tasks. */
#ifndef FIB_H
#define FIB_H

#include "example.h"

/* Below this n, fib's tasks are final. A global: shared by every task; set
 * by fib_main before the first task. */
static int cutoff = 20;

/* The n-th Fibonacci number, computed with tasks; defined by the including
 * file. */
static long fib(int n);

/* The reference. */
static long fib_iter(int n)
{
    long a = 0, b = 1;
    for (int i = 0; i < n; i++) {
        long t = a + b;
        a = b;
        b = t;
    }
    return a;
}

/* The main of fib.c and fib_v1.c; name is the program's name, for its
 * messages. */
static int fib_main(const char *name, int argc, char **argv)
{
    ex_begin(name, "[N [CUTOFF]]");
    int n = (int)ex_arg(argc, argv, 1, "N", 32, 0, 50);
    cutoff = (int)ex_arg(argc, argv, 2, "CUTOFF", 20, 0, 50);

    double t0 = ex_now();
    long got = fib(n);
    double t1 = ex_now();
    long want = fib_iter(n);

    return ex_report(got == want, "fib(%d) = %ld, expected %ld, cutoff %d; tasks %.3f s", n, got,
                     want, cutoff, t1 - t0);
}

#endif
