// The clauses of a binary task (args, workdir, stdin, stdout, stderr,
// fail_by_exit_value, mpi) need binary(program): without it each is an
// error at the clause.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: functask_binary_missing.c:[[@LINE+2]]:18: error: 'args' needs 'binary(program)': only a binary task runs a program
// CHECK: functask_binary_missing.c:[[@LINE+1]]:30: error: 'stdout' needs 'binary(program)': only a binary task runs a program
#pragma oss task args("{a}") stdout(a)
void f(const char *a);
// CHECK: functask_binary_missing.c:[[@LINE+1]]:18: error: 'mpi' needs 'binary(program)': only a binary task runs a program
#pragma oss task mpi("mpirun") processes(4)
void g(const char *a);
// CHECK: functask_binary_missing.c:[[@LINE+3]]:18: error: 'workdir' needs 'binary(program)': only a binary task runs a program
// CHECK: functask_binary_missing.c:[[@LINE+2]]:29: error: 'stdin' needs 'binary(program)': only a binary task runs a program
// CHECK: functask_binary_missing.c:[[@LINE+1]]:38: error: 'stderr' needs 'binary(program)': only a binary task runs a program
#pragma oss task workdir(a) stdin(a) stderr(a) fail_by_exit_value(0)
void h(const char *a);
// CHECK: functask_binary_missing.c:[[@LINE-2]]:48: error: 'fail_by_exit_value' needs 'binary(program)': only a binary task runs a program
// CHECK: 7 errors generated.
