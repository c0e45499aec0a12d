// A private variable is a new uninitialized local of the run function: no
// field, nothing copied at creation.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: struct __ss_args_[[N:[0-9]+]] { int *f_out; };
// CHECK-NEXT: static void __ss_run_[[N]](void *__ss_v) { {{.*}} int t; int *out = __ss_a->f_out;
// CHECK-NEXT: #line
// CHECK-NEXT: {
// CHECK-NEXT: t = 5;
// CHECK-NEXT: *out = t;
// CHECK: { struct __ss_args_[[N]] __ss_s, *__ss_a = &__ss_s; __ss_a->f_out = (out); ss_abi_spawn(
void f(int *out)
{
    int t = 3;
#pragma oss task private(t) inout(*out)
    {
        t = 5;
        *out = t;
    }
}
