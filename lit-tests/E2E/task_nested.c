// Nested tasks: each task creates children on its part of the array and
// waits for them; the outer taskwait sees everything done.
// RUN: %ssc -fompss %s -o %t && env SS_NUM_THREADS=4 %t | FileCheck %s
// CHECK: sum 8128 children 128
#include <stdio.h>

int main(void)
{
    int a[128], children = 0;
    for (int b = 0; b < 8; b++) {
#pragma oss task out(a[b * 16;16]) shared(children)
        {
            for (int i = b * 16; i < b * 16 + 16; i++) {
#pragma oss task out(a[i]) shared(children)
                {
                    a[i] = i;
                    __atomic_fetch_add(&children, 1, __ATOMIC_RELAXED);
                }
            }
#pragma oss taskwait
        }
    }
#pragma oss taskwait
    int sum = 0;
    for (int i = 0; i < 128; i++)
        sum += a[i];
    printf("sum %d children %d\n", sum, children);
    return 0;
}
