// break, continue and goto cannot leave a task body (it runs in another
// function); jumps inside the body are fine. (In clang's view a break right
// in the body leaves the marker loop the pragma became, so clang accepts it.)
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(int *a, int n)
{
    for (int i = 0; i < n; i++) {
#pragma oss task
        {
// CHECK: task_jump.c:[[@LINE+1]]:23: error: 'continue' cannot leave a task body
            if (a[i]) continue;
// CHECK: task_jump.c:[[@LINE+1]]:27: error: 'break' cannot leave a task body
            if (a[i] > 1) break;
// CHECK: task_jump.c:[[@LINE+1]]:20: error: 'goto' cannot leave a task body
            if (n) goto out;
// CHECK-NOT: error:
            for (int k = 0; k < n; k++) {
                if (k) break;
                else continue;
            }
            switch (a[i]) { case 1: break; }
        again:
            if (++a[i] < 3) goto again;
        }
    }
out:;
}
// CHECK: 3 errors generated.
