// A function task with a shaped dependence: scale's calls on the same block
// are ordered, blocks are independent; the final sum proves every call ran.
// RUN: %ssc -fompss %s -o %t && env SS_NUM_THREADS=4 %t | FileCheck %s
// CHECK: sum 36
#include <stdio.h>

#pragma oss task inout([n]p)
void add_then_double(double *p, int n, double v);

void add_then_double(double *p, int n, double v)
{
    for (int i = 0; i < n; i++)
        p[i] = (p[i] + v) * 2;
}

int main(void)
{
    double a[8] = {0};
    for (int b = 0; b < 2; b++) {
        add_then_double(&a[b * 4], 4, 1);   /* 2 */
        add_then_double(&a[b * 4], 4, 0.5); /* 5: only after the first */
    }
#pragma oss taskwait
    double s = 0;
    for (int i = 0; i < 8; i++)
        s += a[i];
    printf("sum %g\n", s - 4); /* 8 * 5 - 4 */
    return 0;
}
