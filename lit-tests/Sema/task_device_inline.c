// device, ndrange and implements describe a function task: on an inline
// task they are an error at the clause.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(int *p, int n)
{
// CHECK: task_device_inline.c:[[@LINE+1]]:18: error: 'device' applies only to a function task (a task pragma before a function declaration)
#pragma oss task device(smp) inout(*p)
    (*p)++;
// CHECK: task_device_inline.c:[[@LINE+1]]:28: error: 'ndrange' applies only to a function task (a task pragma before a function declaration)
#pragma oss task inout(*p) ndrange(1, n, 64)
    (*p)++;
// CHECK: task_device_inline.c:[[@LINE+1]]:18: error: 'implements' applies only to a function task (a task pragma before a function declaration)
#pragma oss task implements(f)
    (*p)++;
}
// CHECK: 3 errors generated.
