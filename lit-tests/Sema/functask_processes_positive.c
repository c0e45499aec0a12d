// A constant number of processes (or processes per node) must be
// positive; a value computed at task creation is not checked here.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: functask_processes_positive.c:[[@LINE+2]]:56: error: 'processes' must be positive, not 0
// CHECK: functask_processes_positive.c:[[@LINE+1]]:78: error: 'processes_per_node' must be positive, not -1
#pragma oss task binary("app") mpi("mpirun") processes(0) processes_per_node(1 - 2)
void app(void);
// CHECK-NOT: error
#pragma oss task binary("app") mpi("mpirun") processes(n - 4) processes_per_node(n / 2)
void app2(int n);
// CHECK: 2 errors generated.
