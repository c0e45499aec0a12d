// a[l:n:s] (a strided section) is refused at its second ':'.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck --strict-whitespace %s
void f(int *a, int n)
{
// CHECK: task_in_section_stride.c:[[@LINE+3]]:34: error: array sections with a stride are not supported in dependences
// CHECK-NEXT: {{^}}#pragma omp task depend(in: a[0:n:2]){{$}}
// CHECK-NEXT: {{^                                 \^$}}
#pragma omp task depend(in: a[0:n:2])
    a[0]++;
}
// CHECK: 1 error generated.
