// An unknown clause is an error at its name; a note lists the clauses the
// directive takes.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck --strict-whitespace %s
void f(int x)
{
// CHECK: task_unknown_clause.c:[[@LINE+4]]:24: error: unknown clause 'frobnicate' on 'task'
// CHECK-NEXT: {{^}}#pragma oss task in(x) frobnicate(x){{$}}
// CHECK-NEXT: {{^                       \^$}}
// CHECK-NEXT: task_unknown_clause.c:[[@LINE+1]]:24: note: clauses allowed on 'task': in, out, inout, input, output, depend, concurrent, commutative, weakin, weakout, weakinout, reduction, private, firstprivate, shared, default, if, final, priority, label, cost, wait, onready, untied, mergeable, device, ndrange, implements, copy_deps, copy_in, copy_out, copy_inout, constraints, infile, outfile, inoutfile, binary, args, workdir, stdin, stdout, stderr, fail_by_exit_value, mpi, processes, processes_per_node, on_failure, time_out{{$}}
#pragma oss task in(x) frobnicate(x)
    x++;
}
// CHECK: 1 error generated.
