// A constant computing_units must be positive; a value computed at task
// creation is not checked here.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: constraints_positive.c:[[@LINE+1]]:46: error: constraint 'computing_units' must be positive, not 0
#pragma oss task constraints(computing_units(0))
void a(int *p);
// CHECK: constraints_positive.c:[[@LINE+1]]:46: error: constraint 'computing_units' must be positive, not -2
#pragma oss task constraints(computing_units(1 - 3))
void b(int *p);
// CHECK: constraints_positive.c:[[@LINE+1]]:48: error: constraint 'computing_units' must be positive, not 0
#pragma omp target constraints(computing_units(0))
#pragma omp task
void c(int *p);
// CHECK-NOT: error
#pragma oss task constraints(computing_units(n - 3))
void d(int *p, int n);
// CHECK: 3 errors generated.
