// processor_architecture, processor_name, app_software and processor_type
// need a string: a pointer to char (plain, signed or unsigned; a literal or
// not); another type is an error at the value.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: constraints_string.c:[[@LINE+2]]:45: error: constraint 'processor_name' needs a string (a char pointer), not 'int'
// CHECK: constraints_string.c:[[@LINE+1]]:63: error: constraint 'app_software' needs a string (a char pointer), not 'int *'
#pragma oss task constraints(processor_name(42), app_software(p))
void e(int *p);
// CHECK: constraints_string.c:[[@LINE+2]]:53: error: constraint 'processor_architecture' needs a string (a char pointer), not 'double *'
// CHECK: constraints_string.c:[[@LINE+1]]:72: error: constraint 'processor_type' needs a string (a char pointer), not 'int'
#pragma oss task constraints(processor_architecture(u), processor_type(1))
void g(double *u);
// CHECK: 4 errors generated.
