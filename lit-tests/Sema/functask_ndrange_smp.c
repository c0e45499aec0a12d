// ndrange is the launch shape of a CUDA kernel: without device(cuda) it is
// an error at the clause.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: functask_ndrange_smp.c:[[@LINE+1]]:18: error: 'ndrange' needs device(cuda): it is the launch shape of a CUDA kernel
#pragma oss task ndrange(1, n, 64)
void a(int *p, int n);
// CHECK: functask_ndrange_smp.c:[[@LINE+1]]:30: error: 'ndrange' needs device(cuda): it is the launch shape of a CUDA kernel
#pragma oss task device(smp) ndrange(1, n, 64)
void b(int *p, int n);
// CHECK: 2 errors generated.
