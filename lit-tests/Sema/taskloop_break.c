// The iterations of a taskloop are split among tasks: break cannot end the
// loop (continue is fine, and so is a break of an inner loop).
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(int *a, int n)
{
#pragma oss taskloop
    for (int i = 0; i < n; i++) {
// CHECK-NOT: error:
        if (a[i]) continue;
        while (a[i] < 0) break;
// CHECK: taskloop_break.c:[[@LINE+1]]:23: error: 'break' cannot leave a taskloop body
        if (a[i] > 3) break;
    }
}
// CHECK: 1 error generated.
