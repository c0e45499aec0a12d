// A function task cannot be variadic (its arguments are copied into the
// task).
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: functask_variadic.c:[[@LINE+2]]:6: error: a function task cannot be variadic
#pragma oss task in(*p)
void log_all(int *p, ...);
// CHECK: 1 error generated.
