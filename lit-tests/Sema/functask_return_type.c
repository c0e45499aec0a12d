// A function task returns void: the error points at the function's name.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: functask_return_type.c:[[@LINE+2]]:5: error: a function task must return void, not 'int'
#pragma oss task in(*p)
int get(int *p);
// CHECK: functask_return_type.c:[[@LINE+2]]:8: error: a function task must return void, not 'double'
#pragma oss task in(*p)
double scale(double *p) { return *p * 2; }
// CHECK: 2 errors generated.
