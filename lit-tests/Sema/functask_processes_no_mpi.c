// processes and processes_per_node describe an MPI task: without mpi(runner)
// each is an error at the clause.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: functask_processes_no_mpi.c:[[@LINE+2]]:37: error: 'processes' needs 'mpi(runner)': it applies to an MPI task
// CHECK: functask_processes_no_mpi.c:[[@LINE+1]]:50: error: 'processes_per_node' needs 'mpi(runner)': it applies to an MPI task
#pragma oss task binary("hostname") processes(2) processes_per_node(1)
void host(void);
// CHECK: functask_processes_no_mpi.c:[[@LINE+1]]:18: error: 'processes' needs 'mpi(runner)': it applies to an MPI task
#pragma oss task processes(2)
void plain(void);
// CHECK: 3 errors generated.
