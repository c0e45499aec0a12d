// constraints on a function task: a callback that evaluates the values with
// the parameters as locals (read from the argument block), each converted
// to its field's type, named in the task type as .constraints.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: struct __ss_fargs_[[N:[0-9]+]] { double *f_0; long f_1; const char *f_2; };
// CHECK: void __ss_fcons_[[N]](const void *__ss_v, ss_constraints_t *__ss_c) { struct __ss_fargs_[[N]] *__ss_a = (struct __ss_fargs_[[N]] *)__ss_v; double *a = __ss_a->f_0; long n = __ss_a->f_1; const char *arch = __ss_a->f_2; (void)a; (void)n; (void)arch;
// CHECK-SAME: __ss_c->computing_units = (unsigned)(n > 1000 ? 4 : 1);
// CHECK-SAME: __ss_c->memory_size = (double)(n * sizeof * a / 1e9);
// CHECK-SAME: __ss_c->processor_architecture = (const char *)(arch);
// CHECK-SAME: __ss_c->processor_type = (const char *)("CPU");
// CHECK-SAME: __ss_c->processor_name = (const char *)("EPYC");
// CHECK-SAME: __ss_c->processor_speed = (double)(2.5);
// CHECK-SAME: __ss_c->app_software = (const char *)("blas,lapack"); }
// CHECK-NEXT: static ss_task_type_t __ss_tt_[[N]] = { {{.*}}, .run = __ss_frun_[[N]], .device = SS_DEVICE_SMP, .constraints = __ss_fcons_[[N]], .func = "sort" };
#pragma oss task inout(a[0;n]) constraints(computing_units(n > 1000 ? 4 : 1), memorySize(n * sizeof *a / 1e9), \
    processor_architecture(arch), processorType("CPU"), processor_name("EPYC"), processor_speed(2.5), \
    appSoftware("blas,lapack"))
void sort(double *a, long n, const char *arch);
