// Programs are run by function tasks: binary and its companions are not
// taskloop clauses (file dependences and failure policies are).
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(char **names, int n)
{
// CHECK: taskloop_binary.c:[[@LINE+2]]:58: error: clause 'binary' is not allowed on 'taskloop'
// CHECK: note: clauses allowed on 'taskloop': {{.*}}, num_tasks, constraints, infile, outfile, inoutfile, on_failure, time_out{{$}}
#pragma oss taskloop infile(names[0]) on_failure(ignore) binary("ls")
    for (int i = 0; i < n; i++)
        names[i] = 0;
}
// CHECK: 1 error generated.
