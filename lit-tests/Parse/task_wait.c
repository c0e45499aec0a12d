// wait takes no argument.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck --strict-whitespace %s
void f(int x)
{
// CHECK: task_wait.c:[[@LINE+3]]:22: error: clause 'wait' takes no argument
// CHECK-NEXT: {{^}}#pragma oss task wait(1){{$}}
// CHECK-NEXT: {{^                     \^$}}
#pragma oss task wait(1)
    x++;
}
// CHECK: 1 error generated.
