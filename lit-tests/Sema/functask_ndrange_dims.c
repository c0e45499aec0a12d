// The first argument of ndrange is the number of dimensions, an integer
// constant from 1 to 3: anything else is an error at it.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: functask_ndrange_dims.c:[[@LINE+1]]:39: error: the first argument of 'ndrange' is the number of dimensions: an integer constant 1, 2 or 3
#pragma oss task device(cuda) ndrange(4, n, 1, 1, 1, 1, 1, 1, 1)
void a(int *p, int n);
// CHECK: functask_ndrange_dims.c:[[@LINE+1]]:39: error: the first argument of 'ndrange' is the number of dimensions: an integer constant 1, 2 or 3
#pragma oss task device(cuda) ndrange(0, n, 64)
void b(int *p, int n);
// CHECK: functask_ndrange_dims.c:[[@LINE+1]]:39: error: the first argument of 'ndrange' is the number of dimensions: an integer constant 1, 2 or 3
#pragma oss task device(cuda) ndrange(n, n, 64)
void c(int *p, int n);
// CHECK: 3 errors generated.
