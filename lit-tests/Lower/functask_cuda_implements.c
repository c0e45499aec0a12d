// A device(cuda) function task with implements(f): its launcher is also
// the run function of the version of f, reading f's argument block (the
// parameter names of the kernel's prototype bind f's fields, in the ndrange
// and in the constraints).
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: struct __ss_fargs_[[F:[0-9]+]] { int f_0; float *f_1; float *f_2; };
// CHECK: static ss_task_type_t __ss_tt_[[G:[0-9]+]] = { .label = "add_gpu", {{.*}}, .device = SS_DEVICE_CUDA, .constraints = __ss_fcons_[[G]], .func = "add_gpu" };
// CHECK: void __ss_fvrun_[[G]](void *__ss_v) { struct __ss_fargs_[[F]] *__ss_a = (struct __ss_fargs_[[F]] *)__ss_v; int len = __ss_a->f_0; float *x = __ss_a->f_1; float *y = __ss_a->f_2;
// CHECK-SAME: void *__ss_d1 = ss_abi_cuda_ptr(__ss_a->f_1); void *__ss_d2 = ss_abi_cuda_ptr(__ss_a->f_2); void *__ss_kp[] = { &__ss_a->f_0, &__ss_d1, &__ss_d2 };
// CHECK-SAME: size_t __ss_gs[2] = { (size_t)(len), (size_t)(1) }, __ss_ls[2] = { (size_t)(64), (size_t)(1) }; ss_abi_cuda_launch("add_gpu", 2, __ss_gs, __ss_ls, 0, __ss_kp); }
// CHECK-NEXT: void __ss_fvcons_[[G]](const void *__ss_v, ss_constraints_t *__ss_c) { struct __ss_fargs_[[F]] *__ss_a = (struct __ss_fargs_[[F]] *)__ss_v; int len = __ss_a->f_0; {{.*}} __ss_c->memory_size = (double)(len * 8.0 / 1e9); }
// CHECK-NEXT: static ss_task_version_t __ss_fver_[[G]] = { .name = "add_gpu", .device = SS_DEVICE_CUDA, .run = __ss_fvrun_[[G]], .constraints = __ss_fvcons_[[G]] };
// CHECK-NEXT: __attribute__((constructor)) static void __ss_fvreg_[[G]](void) { ss_abi_version_register("add", &__ss_fver_[[G]]); }
#pragma oss task in(x[0;n]) inout(y[0;n])
void add(int n, float *x, float *y);

#pragma oss task device(cuda) ndrange(2, len, 1, 64, 1) implements(add) in(x[0;len]) inout(y[0;len]) \
    constraints(memory_size(len * 8.0 / 1e9))
void add_gpu(int len, float *x, float *y);
