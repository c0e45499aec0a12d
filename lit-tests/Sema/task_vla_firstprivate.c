// A variable-length array can only be shared by a task (its size is not known
// when the argument block's type is written).
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(int n)
{
    double v[n];
// CHECK: task_vla_firstprivate.c:[[@LINE+1]]:1: error: variable-length array 'v' can only be shared by a task
#pragma oss task firstprivate(v)
    v[0] = 1;
}
// CHECK: 1 error generated.
