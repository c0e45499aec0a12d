// A captured variable whose type is declared inside the function is captured
// with a copy of the declaration at file scope, unless that cannot be done:
// an unnamed struct (without a typedef), an enum, or a struct name that two
// functions declare differently. The error is at the pragma.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(void)
{
    struct { int a; } s = {1};
    enum color { RED, GREEN } c = RED;
// CHECK: task_local_type.c:[[@LINE+2]]:1: error: cannot capture 's': its type is declared inside the function and cannot be moved to file scope (an unnamed struct, an enum, or a name used twice)
// CHECK: task_local_type.c:[[@LINE+1]]:1: error: cannot capture 'c': its type is declared inside the function and cannot be moved to file scope
#pragma oss task
    { s.a++; c = GREEN; }
}
void g(void)
{
    struct pt { int a; } p = {1};
#pragma oss task
    p.a++;
}
void h(void)
{
    struct pt { double b; } p = {1};
// CHECK: task_local_type.c:[[@LINE+1]]:1: error: cannot capture 'p': its type is declared inside the function and cannot be moved to file scope
#pragma oss task
    p.b++;
}
// CHECK: 3 errors generated.
