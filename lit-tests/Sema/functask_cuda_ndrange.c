// A device(cuda) function task needs ndrange: an error at device without.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: functask_cuda_ndrange.c:[[@LINE+1]]:18: error: a device(cuda) function task needs ndrange(n, global sizes, local sizes), the launch shape of its kernel
#pragma oss task device(cuda) inout(p[0;n])
void k(int *p, int n);
// CHECK: functask_cuda_ndrange.c:[[@LINE+1]]:20: error: a device(cuda) function task needs ndrange(n, global sizes, local sizes), the launch shape of its kernel
#pragma omp target device(cuda) copy_deps
#pragma omp task inout(p[0;n])
void k2(int *p, int n);
// CHECK: 2 errors generated.
