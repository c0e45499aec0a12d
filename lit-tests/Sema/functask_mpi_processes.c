// An MPI task starts processes(n) ranks: mpi without processes is an error
// at mpi.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: functask_mpi_processes.c:[[@LINE+2]]:35: error: an MPI task needs 'processes(n)', the number of ranks it starts
// CHECK-NEXT: {{^}}#pragma oss task binary("solver") mpi("mpirun") processes_per_node(2)
#pragma oss task binary("solver") mpi("mpirun") processes_per_node(2)
void solve(void);
// CHECK: 1 error generated.
