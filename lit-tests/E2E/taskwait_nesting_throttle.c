// Waits and the throttle both run other tasks nested on the creating
// thread's stack; past half of the stack a wait takes only the waiting
// task's descendants and the throttle runs nothing. This fib without
// `final` makes tens of thousands of tasks, many of them waiting, so the
// throttle window (128 pending with 2 workers) is passed all the time; on
// 256 KiB worker stacks an unbounded nesting through the throttle
// overflowed (and did at 8 MiB with fib(42), cut-off 15).
// RUN: %ssc -fompss -O2 %s -o %t
// RUN: env SS_NUM_THREADS=2 SS_STACK_KIB=256 %t | FileCheck %s
// RUN: env SS_NUM_THREADS=3 SS_STACK_KIB=256 %t | FileCheck %s
// CHECK: fib 9227465
#include <stdio.h>

static long fib_seq(int n)
{
    return n < 2 ? n : fib_seq(n - 1) + fib_seq(n - 2);
}

static long fib(int n)
{
    if (n < 12)
        return fib_seq(n);
    long x, y;
#pragma oss task shared(x)
    x = fib(n - 1);
#pragma oss task shared(y)
    y = fib(n - 2);
#pragma oss taskwait
    return x + y;
}

int main(void)
{
    printf("fib %ld\n", fib(35));
    return 0;
}
