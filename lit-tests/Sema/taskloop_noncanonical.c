// taskloop needs 'for (i = lower; i op bound; i += step)' with an integer i:
// errors at the loop.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(int *a, int n)
{
// CHECK: taskloop_noncanonical.c:[[@LINE+2]]:5: error: taskloop needs a loop 'i < | <= | > | >= | != bound' stepping i by a constant amount
#pragma oss taskloop
    for (int i = 1; i < n; i *= 2)
        a[i] = 0;
// CHECK: taskloop_noncanonical.c:[[@LINE+2]]:5: error: taskloop needs 'for (i = lower; ...)' with an integer loop variable
#pragma oss taskloop
    for (double d = 0; d < n; d++)
        a[0] = 0;
// CHECK: taskloop_noncanonical.c:[[@LINE+2]]:5: error: taskloop needs a loop 'i < | <= | > | >= | != bound' stepping i by a constant amount
#pragma oss taskloop
    for (int i = 0; n > 0; i++)
        a[i] = 0;
}
// CHECK: 3 errors generated.
