// 'return' cannot leave a task body (the body runs later, in another
// function); a return after the task is fine.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
int f(int n)
{
#pragma oss task
    {
// CHECK: task_return.c:[[@LINE+1]]:16: error: 'return' cannot leave a task body
        if (n) return 1;
        n++;
    }
// CHECK-NOT: error:
    return 0;
}
// CHECK: 1 error generated.
