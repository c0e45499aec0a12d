// implements takes the name of one function.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: task_implements_name.c:[[@LINE+1]]:29: error: expected a function name in 'implements'
#pragma oss task implements(f, g)
void d(int *p);
// CHECK: task_implements_name.c:[[@LINE+1]]:29: error: expected a function name in 'implements'
#pragma oss task implements("f")
void e(int *p);
// CHECK: 2 errors generated.
