// implements names a function: a variable is an error at the name (an
// undeclared name is clang's error, see functask_undeclared.c).
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
int var;
// CHECK: functask_implements_function.c:[[@LINE+1]]:29: error: 'var' in implements(var) is not a function
#pragma oss task implements(var)
void a(int *p);
enum { constant = 1 };
// CHECK: functask_implements_function.c:[[@LINE+1]]:29: error: 'constant' in implements(constant) is not a function
#pragma oss task implements(constant)
void b(int *p);
// CHECK: 2 errors generated.
