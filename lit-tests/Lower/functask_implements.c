// implements(f) on a function task g: g stays a task of its own (calls of g
// make tasks of g's type), and it is one more version of f, registered by
// name from a constructor: a run function on f's argument block that calls
// g with f's fields. Calls of f still spawn f's type.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: struct __ss_fargs_[[F:[0-9]+]] { int f_0; double *f_1; };
// CHECK: static ss_task_type_t __ss_tt_[[F]] = { .label = "scale", {{.*}}, .device = SS_DEVICE_SMP, .constraints = 0, .func = "scale" };
// CHECK: struct __ss_fargs_[[G:[0-9]+]] { int f_0; double *f_1; };
// CHECK-NEXT: void __ss_frun_[[G]](void *__ss_v) { struct __ss_fargs_[[G]] *__ss_a = (struct __ss_fargs_[[G]] *)__ss_v; scale_unrolled(__ss_a->f_0, __ss_a->f_1); }
// CHECK: static ss_task_type_t __ss_tt_[[G]] = { .label = "scale_unrolled", {{.*}}, .run = __ss_frun_[[G]], .device = SS_DEVICE_SMP, .constraints = 0, .func = "scale_unrolled" };
// CHECK-NEXT: void __ss_spawn_scale_unrolled(int m, double *v) {
// CHECK-NEXT: void __ss_fvrun_[[G]](void *__ss_v) { struct __ss_fargs_[[F]] *__ss_a = (struct __ss_fargs_[[F]] *)__ss_v; scale_unrolled(__ss_a->f_0, __ss_a->f_1); }
// CHECK-NEXT: static ss_task_version_t __ss_fver_[[G]] = { .name = "scale_unrolled", .device = SS_DEVICE_SMP, .run = __ss_fvrun_[[G]], .constraints = 0 };
// CHECK-NEXT: __attribute__((constructor)) static void __ss_fvreg_[[G]](void) { ss_abi_version_register("scale", &__ss_fver_[[G]]); }
// CHECK-LABEL: void use(double *x)
// CHECK-NEXT: {
// CHECK-NEXT: __ss_spawn_scale(8, x);
// CHECK-NEXT: __ss_spawn_scale_unrolled(8, x);
#pragma oss task inout(x[0;n])
void scale(int n, double *x);

#pragma oss task inout(v[0;m]) implements(scale)
void scale_unrolled(int m, double *v);

void use(double *x)
{
    scale(8, x);
    scale_unrolled(8, x);
}
