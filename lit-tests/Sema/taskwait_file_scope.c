// Only task pragmas may appear at file scope (as function tasks).
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: taskwait_file_scope.c:[[@LINE+1]]:1: error: 'taskwait' must appear inside a function body
#pragma oss taskwait
void f(void);
// CHECK: taskwait_file_scope.c:[[@LINE+1]]:1: error: 'critical' must appear inside a function body
#pragma oss critical
// CHECK: 2 errors generated.
