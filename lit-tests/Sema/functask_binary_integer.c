// fail_by_exit_value, processes and processes_per_node are integers:
// anything else is an error at the expression.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: functask_binary_integer.c:[[@LINE+3]]:67: error: 'fail_by_exit_value' needs an integer, not 'const char *'
// CHECK: functask_binary_integer.c:[[@LINE+2]]:95: error: 'processes' needs an integer, not 'double'
// CHECK: functask_binary_integer.c:[[@LINE+1]]:118: error: 'processes_per_node' needs an integer, not 'char[2]'
#pragma oss task binary("solver") args("{in}") fail_by_exit_value(in) mpi("mpirun") processes(np) processes_per_node("2")
void solve(const char *in, double np);
// CHECK: 3 errors generated.
