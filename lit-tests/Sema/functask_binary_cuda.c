// A binary task runs a program on a core: device(cuda) is an error at the
// device clause.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: functask_binary_cuda.c:[[@LINE+1]]:31: error: a binary task runs a program: it cannot be device(cuda)
#pragma oss task binary("ls") device(cuda) ndrange(1, 1, 1)
void list(void);
// CHECK: functask_binary_cuda.c:[[@LINE+1]]:20: error: a binary task runs a program: it cannot be device(cuda)
#pragma omp target device(cuda) ndrange(1, n, 1)
#pragma omp task binary("ls")
void list2(int n);
// CHECK: 2 errors generated.
