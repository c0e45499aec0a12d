// depend(kind: ...) with an unknown kind; a note lists the kinds.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(int x)
{
// CHECK: task_depend_kind.c:[[@LINE+2]]:25: error: unknown dependence type 'foo'
// CHECK: task_depend_kind.c:[[@LINE+1]]:25: note: allowed: in, out, inout, inoutset, mutexinoutset{{$}}
#pragma oss task depend(foo: x)
    x++;
}
// CHECK: 1 error generated.
