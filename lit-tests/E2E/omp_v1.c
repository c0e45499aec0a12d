// An OmpSs v1 program: #pragma omp task with input/output/inout and
// #pragma omp taskwait (the driver's default spelling 'both').
// RUN: %ssc -fompss %s -o %t && env SS_NUM_THREADS=4 %t | FileCheck %s
// CHECK: fib(20) = 6765
#include <stdio.h>

#pragma omp task input(*a, *b) output(*r)
void add(const long *a, const long *b, long *r);

void add(const long *a, const long *b, long *r) { *r = *a + *b; }

int main(void)
{
    long f[21];
    f[0] = 0;
    f[1] = 1;
    for (int i = 2; i <= 20; i++)
        add(&f[i - 1], &f[i - 2], &f[i]);
#pragma omp task inout(f[20])
    f[20] += 0;
#pragma omp taskwait
    printf("fib(20) = %ld\n", f[20]);
    return 0;
}
