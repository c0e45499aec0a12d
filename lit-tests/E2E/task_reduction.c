// reduction(+: s): every reducer's contribution is in s after the taskwait.
// RUN: %ssc -fompss %s -o %t && env SS_NUM_THREADS=4 %t | FileCheck %s
// CHECK: s 5050
#include <stdio.h>

int main(void)
{
    int a[100], s = 0;
    for (int i = 0; i < 100; i++)
        a[i] = i + 1;
    for (int b = 0; b < 10; b++) {
#pragma oss task reduction(+: s) in(a[b * 10;10]) firstprivate(b)
        for (int i = b * 10; i < b * 10 + 10; i++)
            s += a[i];
    }
#pragma oss taskwait
    printf("s %d\n", s);
    return 0;
}
