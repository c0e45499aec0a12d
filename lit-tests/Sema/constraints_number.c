// memory_size (GB) and processor_speed (GHz) need a number: another type
// is an error at the value.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: constraints_number.c:[[@LINE+1]]:42: error: constraint 'memory_size' needs a number, not 'char[4]'
#pragma oss task constraints(memory_size("2GB"))
void a(int *p);
struct speed { double ghz; };
// CHECK: constraints_number.c:[[@LINE+1]]:45: error: constraint 'processor_speed' needs a number, not 'struct speed'
#pragma oss task constraints(processorSpeed(s))
void b(int *p, struct speed s);
// CHECK: 2 errors generated.
