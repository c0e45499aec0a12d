// if() needs an expression, and a single-valued clause is given once.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(int x)
{
// CHECK: task_if.c:[[@LINE+1]]:21: error: expected an expression
#pragma oss task if()
    x++;
// CHECK: task_if.c:[[@LINE+1]]:24: error: clause 'if' given more than once
#pragma oss task if(1) if(x)
    x++;
}
// CHECK: 2 errors generated.
