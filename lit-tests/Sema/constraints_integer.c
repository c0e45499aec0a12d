// computing_units needs an integer value (on a function task, an inline
// task or a taskloop alike): another type is an error at the value.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: constraints_integer.c:[[@LINE+1]]:46: error: constraint 'computing_units' needs an integer, not 'double'
#pragma oss task constraints(computing_units(1.5))
void a(int *p);

void f(int *p, float cores)
{
// CHECK: constraints_integer.c:[[@LINE+1]]:45: error: constraint 'computing_units' needs an integer, not 'float'
#pragma oss task constraints(computingUnits(cores)) inout(*p)
    (*p)++;
// CHECK: constraints_integer.c:[[@LINE+1]]:50: error: constraint 'computing_units' needs an integer, not 'char[2]'
#pragma oss taskloop constraints(computing_units("4"))
    for (int i = 0; i < 4; i++)
        p[i] = 0;
}
// CHECK: 3 errors generated.
