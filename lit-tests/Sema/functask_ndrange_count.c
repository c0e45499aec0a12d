// ndrange(n, ...) has the number of dimensions, then n global sizes, then n
// local sizes: another count is an error at the clause.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: functask_ndrange_count.c:[[@LINE+1]]:31: error: 'ndrange' with 1 dimension takes 3 arguments (the number of dimensions, then the global sizes, then the local sizes), not 4
#pragma oss task device(cuda) ndrange(1, n, 64, 2)
void g(int *p, int n);
// CHECK: functask_ndrange_count.c:[[@LINE+1]]:31: error: 'ndrange' with 2 dimensions takes 5 arguments (the number of dimensions, then the global sizes, then the local sizes), not 3
#pragma oss task device(cuda) ndrange(2, n, 64)
void h(int *p, int n);
// CHECK: 2 errors generated.
