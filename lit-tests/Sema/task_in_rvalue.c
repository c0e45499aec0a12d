// A dependence must be an lvalue: clang's own message, at the user's text in
// the pragma (the clause is parsed as C in the pragma's scope).
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck --strict-whitespace %s
void f(int n)
{
// CHECK: task_in_rvalue.c:[[@LINE+3]]:21: error: cannot take the address of an rvalue of type 'int'
// CHECK-NEXT: {{^}}#pragma oss task in(n + 1){{$}}
// CHECK-NEXT: {{^                    \^~~~~$}}
#pragma oss task in(n + 1)
    n++;
}
// CHECK: 1 error generated.
