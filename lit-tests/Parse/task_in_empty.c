// in() needs at least one data reference.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(int x)
{
// CHECK: task_in_empty.c:[[@LINE+1]]:21: error: expected a data reference{{$}}
#pragma oss task in()
    x++;
}
// CHECK: 1 error generated.
