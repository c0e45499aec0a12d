// atomic takes an update statement only: a plain store, a call or a compound
// statement is an error at the statement.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(int *a, int n)
{
// CHECK: atomic_statement.c:[[@LINE+2]]:5: error: 'atomic' needs 'x op= e;', 'x = x op e;', 'x++;', '++x;', 'x--;' or '--x;'
#pragma oss atomic
    a[0] = n;
// CHECK: atomic_statement.c:[[@LINE+2]]:5: error: 'atomic' needs
#pragma oss atomic
    { a[0] += n; }
}
// CHECK: 2 errors generated.
