// A name in a clause is looked up where the pragma is: an undeclared one is
// clang's error at the name, in a dependence and in an expression clause.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(int n)
{
// CHECK: task_undeclared.c:[[@LINE+1]]:24: error: use of undeclared identifier 'm'
#pragma oss task inout(m)
    n++;
// CHECK: task_undeclared.c:[[@LINE+1]]:30: error: use of undeclared identifier 'later'
#pragma oss task if(n > 0 && later)
    n++;
    int later = 1;
    (void)later;
}
// CHECK: 2 errors generated.
