// Under default(none) a captured variable that no data-sharing clause lists is
// an error at its first use in the task, with a note at the pragma.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck --strict-whitespace %s
void f(int n)
{
    int x = 0, y = 0;
// CHECK: task_default_none.c:[[@LINE+6]]:14: error: variable 'n' must be listed in private, firstprivate or shared: default(none) is in effect
// CHECK-NEXT: {{^}}    x += y + n;{{$}}
// CHECK-NEXT: {{^             \^$}}
// CHECK-NEXT: task_default_none.c:[[@LINE+2]]:1: note: default(none) given here
// CHECK-NOT: error:
#pragma oss task default(none) shared(x) firstprivate(y)
    x += y + n;
}
// CHECK: 1 error generated.
