// The program, its working directory, its redirections and the MPI runner
// are char pointers (the parameters are in scope): anything else is an
// error at the expression.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: functask_binary_string.c:[[@LINE+6]]:25: error: 'binary' needs a char pointer, not 'int'
// CHECK: functask_binary_string.c:[[@LINE+5]]:36: error: 'workdir' needs a char pointer, not 'double'
// CHECK: functask_binary_string.c:[[@LINE+4]]:45: error: 'stdin' needs a char pointer, not 'int'
// CHECK-NOT: 'stdout'
// CHECK: functask_binary_string.c:[[@LINE+2]]:67: error: 'stderr' needs a char pointer, not 'int *'
// CHECK: functask_binary_string.c:[[@LINE+1]]:74: error: 'mpi' needs a char pointer, not 'int'
#pragma oss task binary(n) workdir(d) stdin(n) stdout(log) stderr(p) mpi(1) processes(2) args("{log}")
void run(int n, double d, const char *log, int *p);
// CHECK: 5 errors generated.
