// A constraint key may be given once per clause (in either spelling): the
// second is the error.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: task_constraints_twice.c:[[@LINE+1]]:50: error: constraint 'computing_units' given more than once
#pragma oss task constraints(computing_units(2), computingUnits(4))
void b(int *p);
// CHECK: task_constraints_twice.c:[[@LINE+1]]:46: error: constraint 'memory_size' given more than once
#pragma oss task constraints(memory_size(2), memory_size(4))
void c(int *p);
// CHECK: 2 errors generated.
