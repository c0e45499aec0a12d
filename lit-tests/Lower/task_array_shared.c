// An array is shared by default (a pointer to the whole array); a scalar
// used only in the body is firstprivate.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: struct __ss_args_[[N:[0-9]+]] { int f_n; int (*f_a)[8]; };
// CHECK-NEXT: static void __ss_run_[[N]](void *__ss_v) { {{.*}} int n = __ss_a->f_n; int (*__ssp_a)[8] = __ss_a->f_a;
// CHECK-NEXT: #line
// CHECK-NEXT: for (int i = 0; i < n; i++)
// CHECK-NEXT: (*__ssp_a)[i] = i;
// CHECK: __ss_a->f_n = (n); __ss_a->f_a = &(a); ss_abi_spawn(
void f(void)
{
    int a[8], n = 8;
#pragma oss task
    for (int i = 0; i < n; i++)
        a[i] = i;
}
