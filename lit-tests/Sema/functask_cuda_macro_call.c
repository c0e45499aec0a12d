// A call of a function task written in a macro body cannot be rewritten:
// for a device(cuda) task, which has no C body to call instead, that is an
// error at the macro's use.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
#pragma oss task device(cuda) ndrange(1, n, 64) inout(p[0;n])
void k(int *p, int n);
#define RUN_K(p) k(p, 16)

void f(int *p)
{
// CHECK: functask_cuda_macro_call.c:[[@LINE+1]]:5: error: call of function task 'k' inside a macro body cannot spawn it, and a device(cuda) task has no C body
    RUN_K(p);
    k(p, 8);
}
// CHECK: 1 error generated.
