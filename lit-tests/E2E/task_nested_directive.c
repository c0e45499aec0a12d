// A task whose statement is another task (two pragmas in a row): the inner
// task is created by the outer one and runs.
// RUN: %ssc -fompss %s -o %t && env SS_NUM_THREADS=4 %t | FileCheck %s
// CHECK: n 3
#include <stdio.h>

int main(void)
{
    int n = 0;
    for (int i = 0; i < 3; i++) {
#pragma oss task shared(n)
#pragma oss task inout(n)
        n++;
    }
#pragma oss taskwait
    printf("n %d\n", n);
    return 0;
}
