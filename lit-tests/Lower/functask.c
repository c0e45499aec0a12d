// A function task: a prototype of __ss_spawn_f where the pragma was; after
// the declaration the argument struct, run function, dependence callback
// (parameters as locals), task type labelled and named (func) after the
// function, on the SMP device without constraints, and the spawn
// wrapper; calls after the pragma go to the wrapper, calls before it and the
// definition itself stay.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK-LABEL: void early(double *x)
// CHECK: {{^}}    scale(x, 1);
// CHECK: static void __ss_spawn_scale(double *x, int n);
// CHECK-NEXT: #line [[@LINE+19]]
// CHECK: {{^}}void scale(double *x, int n);
// CHECK-NEXT: struct __ss_fargs_[[N:[0-9]+]] { double *f_0; int f_1; };
// CHECK-NEXT: void __ss_frun_[[N]](void *__ss_v) { {{.*}} scale(__ss_a->f_0, __ss_a->f_1); }
// CHECK-NEXT: void __ss_fdeps_[[N]](ss_task_t __ss_t, void *__ss_v) { {{.*}} double *x = __ss_a->f_0; int n = __ss_a->f_1; {{.*}} ss_abi_dep_sections(__ss_t, SS_DEP_INOUT, &(x)[0], sizeof (x)[0], 1, (const size_t[]){{[{][^;]*}}, (size_t)(0), (size_t)(n)});
// CHECK-NEXT: static ss_task_type_t __ss_tt_[[N]] = { .label = "scale", .file = "{{.*}}functask.c", .line = [[@LINE+14]], .col = 1, .run = __ss_frun_[[N]], .device = SS_DEVICE_SMP, .constraints = 0, .func = "scale" };
// CHECK-NEXT: void __ss_spawn_scale(double *x, int n) { {{.*}} __ss_a->f_0 = x; __ss_a->f_1 = n; ss_abi_spawn(&__ss_tt_[[N]], __ss_a, sizeof __ss_s, 1u, 0u, 0, __ss_fdeps_[[N]]); }
// CHECK-LABEL: void late(double *x)
// CHECK: {{^}}    __ss_spawn_scale(x, 2);
// CHECK-LABEL: {{^}}void scale(double *x, int n){{$}}
// CHECK-NEXT: {
// CHECK-NEXT: for (int i = 0; i < n; i++)
void scale(double *x, int n);

void early(double *x)
{
    scale(x, 1);
}

#pragma oss task inout(x[0;n])
void scale(double *x, int n);

void late(double *x)
{
    scale(x, 2);
}

void scale(double *x, int n)
{
    for (int i = 0; i < n; i++)
        x[i] *= 2;
}
