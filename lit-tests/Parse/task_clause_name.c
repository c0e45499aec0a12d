// Something other than a clause name where a clause is expected.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(int x)
{
// CHECK: task_clause_name.c:[[@LINE+2]]:24: error: expected a clause name
// CHECK: task_clause_name.c:[[@LINE+1]]:24: note: clauses allowed on 'task': in, {{.*}}, on_failure, time_out{{$}}
#pragma oss task in(x) 5
    x++;
}
// CHECK: 1 error generated.
