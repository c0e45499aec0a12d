// if() needs an expression.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(int x)
{
// CHECK: task_if.c:[[@LINE+1]]:21: error: expected an expression
#pragma oss task if()
    x++;
}
// CHECK: 1 error generated.
