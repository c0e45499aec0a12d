// OmpSs v1: '#pragma omp target' before '#pragma omp task' gives the
// function task its device, ndrange and implements (copy_deps is accepted);
// the target pragma's line is left empty in the output.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: __ss_spawn_scale(int n, double *x);
// CHECK: static ss_task_type_t __ss_tt_[[F:[0-9]+]] = { .label = "scale", {{.*}}, .device = SS_DEVICE_SMP,
// CHECK-NOT: #pragma omp target
// CHECK: __ss_spawn_scale_gpu(int n, double *x);
// CHECK: void __ss_frun_[[G:[0-9]+]](void *__ss_v) { {{.*}} ss_abi_cuda_launch("scale_gpu", 1,
// CHECK: static ss_task_type_t __ss_tt_[[G]] = { .label = "scale_gpu", {{.*}}, .device = SS_DEVICE_CUDA, .constraints = 0, .func = "scale_gpu" };
// CHECK: ss_abi_version_register("scale", &__ss_fver_[[G]]);
#pragma omp task inout([n]x)
void scale(int n, double *x);

#pragma omp target device(cuda) ndrange(1, n, 32) copy_deps implements(scale)
#pragma omp task inout([n]x)
void scale_gpu(int n, double *x);
