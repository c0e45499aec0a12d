// A string literal in processor_type must be "CPU" or "GPU"; a char
// pointer variable is not checked here.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: constraints_processor_type.c:[[@LINE+1]]:45: error: constraint 'processor_type' must be "CPU" or "GPU", not "TPU"
#pragma oss task constraints(processor_type("TPU"))
void f(int *p);
// CHECK: constraints_processor_type.c:[[@LINE+1]]:44: error: constraint 'processor_type' must be "CPU" or "GPU", not "gpu"
#pragma oss task constraints(processorType("gpu"))
void g(int *p);
// CHECK-NOT: error
#pragma oss task constraints(processor_type(kind))
void h(const char *kind);
// CHECK: 2 errors generated.
