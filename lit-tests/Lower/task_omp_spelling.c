// #pragma omp (OmpSs v1) is translated like #pragma oss, by default.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: struct __ss_args_[[N:[0-9]+]] { int *f_x; int *f_y; };
// CHECK: ss_abi_dep_object(__ss_t, SS_DEP_INOUT, &(* (__ss_a->f_x)), sizeof (* (__ss_a->f_x)));
// CHECK: ss_abi_dep_object(__ss_t, SS_DEP_IN, &(* (__ss_a->f_y)), sizeof (* (__ss_a->f_y)));
// CHECK: {{^}}void f(int *x, int *y){{$}}
// CHECK-NOT: #pragma omp
// CHECK: ss_abi_spawn(&__ss_tt_[[N]],
// CHECK: ss_abi_taskwait();
void f(int *x, int *y)
{
#pragma omp task inout(*x) input(*y)
    (*x) += *y;
#pragma omp taskwait
}
