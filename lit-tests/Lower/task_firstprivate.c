// A firstprivate variable is copied into the argument block at creation
// (arrays with memcpy) and unpacked into a local of the same name, so the
// body is unchanged.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: struct __ss_args_[[N:[0-9]+]] { int f_x; double f_d[4]; int *f_out; };
// CHECK-NEXT: static void __ss_run_[[N]](void *__ss_v) { {{.*}} int x = __ss_a->f_x; double d[4]; __builtin_memcpy(&d, &__ss_a->f_d, sizeof d); int *out = __ss_a->f_out;
// CHECK-NEXT: #line
// CHECK-NEXT: {{^}}    *out = x + (int)d[1];
// CHECK: { struct __ss_args_[[N]] __ss_s, *__ss_a = &__ss_s; __ss_a->f_x = (x); __builtin_memcpy(&__ss_a->f_d, &(d), sizeof __ss_a->f_d); __ss_a->f_out = (out); ss_abi_spawn(
void f(int *out)
{
    int x = 3;
    double d[4] = {0};
#pragma oss task firstprivate(x, d) inout(*out)
    *out = x + (int)d[1];
}
