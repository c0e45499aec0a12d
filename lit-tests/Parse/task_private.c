// Data-sharing clauses take a comma-separated list of variable names.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(int x, int y)
{
// CHECK: task_private.c:[[@LINE+1]]:28: error: expected ',' or ')' after a variable name
#pragma oss task private(x y)
    x++;
// CHECK: task_private.c:[[@LINE+1]]:30: error: expected a variable name after ','
#pragma oss task shared(x, y,)
    x++;
// CHECK: task_private.c:[[@LINE+1]]:31: error: expected a variable name
#pragma oss task firstprivate(1)
    x++;
}
// CHECK: 3 errors generated.
