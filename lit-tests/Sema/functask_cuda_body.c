// A device(cuda) function task is a kernel defined in a .cu file: the C
// file declares it without a body; a definition here is an error at it.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
#pragma oss task device(cuda) ndrange(1, n, 64) inout(p[0;n])
// CHECK: functask_cuda_body.c:[[@LINE+1]]:6: error: device(cuda) function task 'k' is a kernel defined in a .cu file: declare it here without a body
void k(int *p, int n) { p[0] = n; }

#pragma oss task device(cuda) ndrange(1, n, 64) inout(p[0;n])
void k2(int *p, int n);
// CHECK: functask_cuda_body.c:[[@LINE+1]]:6: error: device(cuda) function task 'k2' is a kernel defined in a .cu file: declare it here without a body
void k2(int *p, int n)
{
    p[0] = n;
}
// CHECK: 2 errors generated.
