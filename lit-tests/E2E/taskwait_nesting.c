// A task waiting in taskwait runs other ready tasks on its own stack; past a
// nesting depth it runs only its own descendants, so recursive tasks with a
// final cut-off do not grow the stack with the number of tasks (this fib
// overflowed 8 MiB on one worker before).
// RUN: %ssc -fompss -O2 %s -o %t
// RUN: env SS_NUM_THREADS=1 %t | FileCheck %s
// RUN: env SS_NUM_THREADS=2 %t | FileCheck %s
// CHECK: fib 5702887
#include <stdio.h>

static int cutoff = 13;

static long fib(int n)
{
    if (n < 2)
        return n;
    long x, y;
#pragma oss task shared(x) final(n < cutoff)
    x = fib(n - 1);
#pragma oss task shared(y) final(n < cutoff)
    y = fib(n - 2);
#pragma oss taskwait
    return x + y;
}

int main(void)
{
    printf("fib %ld\n", fib(34));
    return 0;
}
