// -fssc-spelling=oss leaves `#pragma omp` to the C compiler; by default (and
// with -fssc-spelling=both) it is an OmpSs v1 pragma like `#pragma oss`.
// REQUIRES: translator
// RUN: rm -rf %t && mkdir -p %t/oss %t/default %t/both && cd %t
// RUN: %ssc -fompss -fssc-spelling=oss -fssc-keep -c %s -o oss/x.o
// RUN: grep -q '^#pragma omp task inout(x)' oss/spelling_oss.ss.c
// RUN: grep -q '^#pragma omp taskwait' oss/spelling_oss.ss.c
// RUN: %ssc -fompss -fssc-keep -c %s -o default/x.o
// RUN: not grep -q '^#pragma omp' default/spelling_oss.ss.c
// RUN: %ssc -fompss -fssc-spelling=both -fssc-keep %s -o both/prog
// RUN: not grep -q '^#pragma omp' both/spelling_oss.ss.c
// RUN: ./both/prog | FileCheck %s
// CHECK: x 1
#include <stdio.h>

int main(void)
{
    int x = 0;
#pragma omp task inout(x)
    x++;
#pragma omp taskwait
    printf("x %d\n", x);
    return 0;
}
