// reduction(op: vars) with an operator outside the list, an operator of two
// tokens, and no ':'.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(int x)
{
// CHECK: task_reduction.c:[[@LINE+2]]:28: error: unknown reduction operator '/'
// CHECK: task_reduction.c:[[@LINE+1]]:28: note: allowed: +, -, *, &, |, ^, &&, ||, max, min{{$}}
#pragma oss task reduction(/: x)
    x++;
// CHECK: task_reduction.c:[[@LINE+2]]:30: error: a reduction operator is one token
// CHECK: task_reduction.c:[[@LINE+1]]:30: note: allowed: +, -, *, &, |, ^, &&, ||, max, min{{$}}
#pragma oss task reduction(+ +: x)
    x++;
// CHECK: task_reduction.c:[[@LINE+1]]:28: error: expected 'operator:' in reduction
#pragma oss task reduction(+ x)
    x++;
}
// CHECK: 3 errors generated.
