// More array sections than the shaping expression has dimensions; and a
// shaping expression without a size.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck --strict-whitespace %s
void f(int *p)
{
// CHECK: task_in_shaping.c:[[@LINE+3]]:33: error: more array sections than shaping dimensions
// CHECK-NEXT: {{^}}#pragma oss task in(([4]p)[0;1][0;1]){{$}}
// CHECK-NEXT: {{^                                \^$}}
#pragma oss task in(([4]p)[0;1][0;1])
    p[0]++;
// CHECK: task_in_shaping.c:[[@LINE+1]]:22: error: expected a dimension size in the shaping expression
#pragma oss task in([]p)
    p[0]++;
}
// CHECK: 2 errors generated.
