// The sizes of ndrange are integers: another type is an error at the size.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: functask_ndrange_type.c:[[@LINE+1]]:42: error: argument 2 of 'ndrange' must be an integer, not 'double'
#pragma oss task device(cuda) ndrange(1, n * 1.5, 64)
void a(int *p, int n);
// CHECK: functask_ndrange_type.c:[[@LINE+1]]:52: error: argument 5 of 'ndrange' must be an integer, not 'int *'
#pragma oss task device(cuda) ndrange(2, n, n, 16, p)
void b(int *p, int n);
// CHECK: 2 errors generated.
