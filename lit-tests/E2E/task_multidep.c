// A multidependence in({a[k], k = 0;n}) makes the task wait for each writer
// of a[k].
// RUN: %ssc -fompss %s -o %t && env SS_NUM_THREADS=4 %t | FileCheck %s
// CHECK: sum 28
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    int a[8], n = 8, sum = -1;
    for (int k = 0; k < n; k++) {
#pragma oss task out(a[k]) firstprivate(k)
        {
            usleep(1000 * (8 - k));
            a[k] = k;
        }
    }
#pragma oss task in({a[k], k = 0;n}) out(sum)
    {
        sum = 0;
        for (int k = 0; k < n; k++)
            sum += a[k];
    }
#pragma oss taskwait
    printf("sum %d\n", sum);
    return 0;
}
