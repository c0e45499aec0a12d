// depend(...) without the ':' after the kind.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(int x)
{
// CHECK: task_depend_colon.c:[[@LINE+1]]:25: error: expected 'in', 'out', 'inout', 'inoutset' or 'mutexinoutset' followed by ':'
#pragma oss task depend(in x)
    x++;
}
// CHECK: 1 error generated.
