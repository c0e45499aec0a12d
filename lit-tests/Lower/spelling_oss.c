// --spelling=oss leaves #pragma omp to the C compiler: only #pragma oss is
// translated.
// RUN: %ssc-translate --spelling=oss %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: #line 12 "{{.*}}spelling_oss.c"
// CHECK-NEXT: {{^}}void f(int *x){{$}}
// CHECK-NEXT: {
// CHECK-NEXT: {{^}}#pragma omp task inout(*x){{$}}
// CHECK-NEXT: (*x)++;
// CHECK-NEXT: {{^}}#pragma omp taskwait{{$}}
// CHECK-NEXT: { struct __ss_args_{{[0-9]+}} __ss_s,
// CHECK: ss_abi_taskwait();
void f(int *x)
{
#pragma omp task inout(*x)
    (*x)++;
#pragma omp taskwait
#pragma oss task inout(*x)
    (*x)++;
#pragma oss taskwait
}
