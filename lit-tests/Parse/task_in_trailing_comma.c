// A trailing comma in a reference list: the error points at the ')'.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck --strict-whitespace %s
void f(int x, int y)
{
// CHECK: task_in_trailing_comma.c:[[@LINE+3]]:26: error: expected a data reference after ','
// CHECK-NEXT: {{^}}#pragma oss task in(x, y,){{$}}
// CHECK-NEXT: {{^                         \^$}}
#pragma oss task in(x, y,)
    x++;
}
// CHECK: 1 error generated.
