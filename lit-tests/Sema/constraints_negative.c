// A constant memory_size or processor_speed cannot be negative.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: constraints_negative.c:[[@LINE+2]]:42: error: constraint 'memory_size' cannot be negative
// CHECK: constraints_negative.c:[[@LINE+1]]:65: error: constraint 'processor_speed' cannot be negative
#pragma oss task constraints(memory_size(-1.0), processor_speed(-2))
void d(int *p);
// CHECK: 2 errors generated.
