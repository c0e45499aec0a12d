// binary and the clauses of binary and MPI tasks describe a function task:
// on an inline task they are an error at the clause.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(const char *out)
{
// CHECK: task_binary_inline.c:[[@LINE+1]]:18: error: 'binary' applies only to a function task (a task pragma before a function declaration)
#pragma oss task binary("ls") stdout(out)
    ;
// CHECK: task_binary_inline.c:[[@LINE+1]]:31: error: 'stdout' applies only to a function task (a task pragma before a function declaration)
#pragma oss task outfile(out) stdout(out)
    ;
// CHECK: task_binary_inline.c:[[@LINE+1]]:18: error: 'processes' applies only to a function task (a task pragma before a function declaration)
#pragma oss task processes(2)
    ;
}
// CHECK: 3 errors generated.
