// Clauses may be separated by one comma; a comma followed by another comma or
// by the end of the pragma is an error after it.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(int x)
{
// CHECK: task_clause_comma.c:[[@LINE+1]]:24: error: expected a clause after ','
#pragma oss task in(x),,out(x)
    x++;
// CHECK: task_clause_comma.c:[[@LINE+1]]:24: error: expected a clause after ','
#pragma oss task in(x),
    x++;
// CHECK-NOT: error:
#pragma oss task in(x), out(x)
    x++;
}
// CHECK: 2 errors generated.
