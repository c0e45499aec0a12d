// One task pragma per function declaration: the second one is the error.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
#pragma oss task inout(*p)
// CHECK: functask_two_pragmas.c:[[@LINE+1]]:1: error: two task pragmas before one function declaration
#pragma oss task in(*p)
void g(int *p);
// CHECK: 1 error generated.
