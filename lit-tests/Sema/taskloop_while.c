// taskloop applies to a for loop only.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(int *a, int n)
{
    int i = 0;
// CHECK: taskloop_while.c:[[@LINE+2]]:5: error: expected a for loop after 'taskloop'
#pragma oss taskloop
    while (i < n)
        a[i++] = 0;
}
// CHECK: 1 error generated.
