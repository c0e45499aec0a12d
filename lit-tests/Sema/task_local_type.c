// A captured variable whose type is declared inside the function cannot be
// captured: the outlined body lives at file scope, where the type has no name.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
struct ok { int x; };
void f(void)
{
    struct pt { int x, y; } p = {1, 2};
    typedef int myint;
    myint m = 0;
    struct ok o = {0};
// CHECK: task_local_type.c:[[@LINE+2]]:1: error: cannot capture 'p': its type is declared inside a function or unnamed
// CHECK: task_local_type.c:[[@LINE+1]]:1: error: cannot capture 'm': its type is declared inside a function or unnamed
#pragma oss task
    { p.x++; m++; o.x++; }
}
// CHECK: 2 errors generated.
