// A shared variable travels as its address: a pointer field, a local
// __ssp_x in the run function, and every use in the body respelled (*__ssp_x).
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: struct __ss_args_[[N:[0-9]+]] { int *f_x; };
// CHECK-NEXT: static void __ss_run_[[N]](void *__ss_v) { {{.*}} int *__ssp_x = __ss_a->f_x; (void)__ssp_x;
// CHECK-NEXT: #line [[@LINE+12]]
// CHECK-NEXT: {
// CHECK-NEXT: (*__ssp_x) = (*__ssp_x) + 1;
// CHECK-NEXT: int y = (*__ssp_x) * sizeof (*__ssp_x);
// CHECK-NEXT: (void)y;
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK: __ss_a->f_x = &(x); ss_abi_spawn(
void f(void)
{
    int x = 0;
#pragma oss task shared(x)
    {
        x = x + 1;
        int y = x * sizeof x;
        (void)y;
    }
}
