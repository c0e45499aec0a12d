// A clause that takes references needs '(' and a matching ')'.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck --strict-whitespace %s
void f(int x)
{
// CHECK: task_in_parens.c:[[@LINE+3]]:21: error: expected '(' after 'in'
// CHECK-NEXT: {{^}}#pragma oss task in x{{$}}
// CHECK-NEXT: {{^                    \^$}}
#pragma oss task in x
    x++;
// CHECK: task_in_parens.c:[[@LINE+3]]:20: error: expected ')' closing 'in('
// CHECK-NEXT: {{^}}#pragma oss task in(x{{$}}
// CHECK-NEXT: {{^                   \^$}}
#pragma oss task in(x
    x++;
}
// CHECK: 2 errors generated.
