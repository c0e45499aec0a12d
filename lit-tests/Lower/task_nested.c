// Nested tasks: the inner task's outlined code comes first (it is used by the
// outer body); inside the outer body the inner task's creation uses the
// outer's spelling of the shared x, (*__ssp_x).
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: struct __ss_args_[[IN:[0-9]+]] { int *f_x; int f_n; };
// CHECK-NEXT: static void __ss_run_[[IN]](
// CHECK-NEXT: #line [[@LINE+18]]
// CHECK-NEXT: (*__ssp_x) += n;
// CHECK: struct __ss_args_[[OUT:[0-9]+]] { int *f_x; int f_n; };
// CHECK-NEXT: static void __ss_run_[[OUT]](
// CHECK-NEXT: #line [[@LINE+11]]
// CHECK-NEXT: {
// CHECK-NEXT: (*__ssp_x)++;
// CHECK-NEXT: { struct __ss_args_[[IN]] __ss_s, *__ss_a = &__ss_s; __ss_a->f_x = &((*__ssp_x)); __ss_a->f_n = (n); ss_abi_spawn(&__ss_tt_[[IN]],
// CHECK: ss_abi_taskwait();
// CHECK: {{^}}void f(int n){{$}}
// CHECK: { struct __ss_args_[[OUT]] __ss_s, *__ss_a = &__ss_s; __ss_a->f_x = &(x); __ss_a->f_n = (n); ss_abi_spawn(&__ss_tt_[[OUT]],
void f(int n)
{
    int x = 0;
#pragma oss task inout(x) firstprivate(n)
    {
        x++;
#pragma oss task inout(x)
        x += n;
#pragma oss taskwait
    }
}
