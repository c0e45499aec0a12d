// constraints(key(value), key(value), ...): a key without its parenthesized
// value, or two constraints without a comma, are errors where the
// parenthesis or the comma should be.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: task_constraints_syntax.c:[[@LINE+1]]:46: error: expected '(' after 'computing_units'
#pragma oss task constraints(computing_units 2)
void e(int *p);
// CHECK: task_constraints_syntax.c:[[@LINE+1]]:49: error: expected ',' between constraints
#pragma oss task constraints(computing_units(2) memory_size(1))
void f(int *p);
// CHECK: task_constraints_syntax.c:[[@LINE+1]]:42: error: expected a value
#pragma oss task constraints(memory_size())
void g(int *p);
// CHECK: 3 errors generated.
