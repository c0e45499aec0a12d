// grainsize belongs to taskloop, not task.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(int x)
{
// CHECK: task_grainsize.c:[[@LINE+2]]:18: error: clause 'grainsize' is not allowed on 'task'
// CHECK: task_grainsize.c:[[@LINE+1]]:18: note: clauses allowed on 'task': in, {{.*}}, on_failure, time_out{{$}}
#pragma oss task grainsize(4)
    x++;
}
// CHECK: 1 error generated.
