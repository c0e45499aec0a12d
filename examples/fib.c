/* fib.c - the naive recursive Fibonacci with two inline tasks per call, each
 * storing its result into a shared local of the caller, joined by taskwait.
 * final(n < CUTOFF) stops making deferred tasks near the leaves: inside a
 * final task every nested task runs immediately, in place. Checks against
 * the iterative Fibonacci. The cut-off, the reference and the check are in
 * fib.h; this file holds the tasks.
 *
 * Usage: fib [N [CUTOFF]]   (default N=32, CUTOFF=20)
 * Build: ssc -fompss -O2 fib.c -o fib */
#include "fib.h"

static long fib(int n)
{
    if (n < 2)
        return n;
    long x, y;
#pragma oss task shared(x) firstprivate(n) final(n < cutoff) label("fib")
    x = fib(n - 1);
#pragma oss task shared(y) firstprivate(n) final(n < cutoff) label("fib")
    y = fib(n - 2);
#pragma oss taskwait
    return x + y;
}

int main(int argc, char **argv)
{
    return fib_main("fib", argc, argv);
}
