// A critical region must reach its unlock: return, break, continue and goto
// cannot leave it (a continue there used to leave the mutex locked).
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
int f(int *a, int n)
{
    for (int i = 0; i < n; i++) {
#pragma oss critical
        {
// CHECK: critical_jump.c:[[@LINE+1]]:23: error: 'continue' cannot leave a critical region
            if (a[i]) continue;
// CHECK: critical_jump.c:[[@LINE+1]]:27: error: 'break' cannot leave a critical region
            if (a[i] > 1) break;
// CHECK: critical_jump.c:[[@LINE+1]]:27: error: 'return' cannot leave a critical region
            if (a[i] > 2) return 1;
// CHECK-NOT: error:
            for (int k = 0; k < n; k++)
                if (k) break;
            a[i]++;
        }
    }
    return 0;
}
// CHECK: 3 errors generated.
