// A device(cuda) function task is a prototype of a kernel in a .cu file.
// Its run function is a launcher: pointer parameters become device
// addresses (ss_abi_cuda_ptr), other parameters are passed from the
// argument block; the ndrange is evaluated with the parameters as locals;
// the kernel is launched by name. Its type is on SS_DEVICE_CUDA; calls
// spawn it like any function task.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: {{^}}void saxpy(int n, float a, const float *x, float *y);
// CHECK-NEXT: struct __ss_fargs_[[N:[0-9]+]] { int f_0; float f_1; const float *f_2; float *f_3; };
// CHECK-NEXT: void __ss_frun_[[N]](void *__ss_v) { struct __ss_fargs_[[N]] *__ss_a = (struct __ss_fargs_[[N]] *)__ss_v; int n = __ss_a->f_0; float a = __ss_a->f_1; const float *x = __ss_a->f_2; float *y = __ss_a->f_3; (void)n; (void)a; (void)x; (void)y;
// CHECK-SAME: void *__ss_d2 = ss_abi_cuda_ptr(__ss_a->f_2); void *__ss_d3 = ss_abi_cuda_ptr(__ss_a->f_3);
// CHECK-SAME: void *__ss_kp[] = { &__ss_a->f_0, &__ss_a->f_1, &__ss_d2, &__ss_d3 };
// CHECK-SAME: size_t __ss_gs[1] = { (size_t)(( n + 127 ) / 128 * 128) }, __ss_ls[1] = { (size_t)(128) };
// CHECK-SAME: ss_abi_cuda_launch("saxpy", 1, __ss_gs, __ss_ls, 0, __ss_kp); }
// CHECK: static ss_task_type_t __ss_tt_[[N]] = { .label = "saxpy", {{.*}}, .run = __ss_frun_[[N]], .device = SS_DEVICE_CUDA, .constraints = 0, .func = "saxpy" };
// CHECK-LABEL: void use(float *x, float *y)
// CHECK: __ss_spawn_saxpy(1024, 2.0f, x, y);
#pragma oss task device(cuda) ndrange(1, (n + 127) / 128 * 128, 128) in(x[0;n]) inout(y[0;n])
void saxpy(int n, float a, const float *x, float *y);

void use(float *x, float *y)
{
    saxpy(1024, 2.0f, x, y);
}
