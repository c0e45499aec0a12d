// a[l;] has no length: the error points at the ']'.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck --strict-whitespace %s
void f(int *a)
{
// CHECK: task_in_section_length.c:[[@LINE+3]]:25: error: expected the length of the array section
// CHECK-NEXT: {{^}}#pragma oss task in(a[1;]){{$}}
// CHECK-NEXT: {{^                        \^$}}
#pragma oss task in(a[1;])
    a[1]++;
}
// CHECK: 1 error generated.
