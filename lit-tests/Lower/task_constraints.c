// constraints on an inline task: the values may use the creator's
// variables, which are captured (firstprivate) like any other use; the
// callback reads them from the argument block, like the dependence callback.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: struct __ss_args_[[N:[0-9]+]] { int *f_x; int f_cores; double f_gb; };
// CHECK: void __ss_cons_[[N]](const void *__ss_v, ss_constraints_t *__ss_c) { struct __ss_args_[[N]] *__ss_a = (struct __ss_args_[[N]] *)__ss_v; (void)__ss_a; __ss_c->computing_units = (unsigned)((__ss_a->f_cores)); __ss_c->memory_size = (double)((__ss_a->f_gb) * 2); }
// CHECK-NEXT: static ss_task_type_t __ss_tt_[[N]] = { .label = 0, {{.*}}, .run = __ss_run_[[N]], .constraints = __ss_cons_[[N]] };
// CHECK: {{^}}void work(int *x, int cores, double gb){{$}}
// CHECK: __ss_a->f_cores = (cores); __ss_a->f_gb = (gb); ss_abi_spawn(&__ss_tt_[[N]],
void work(int *x, int cores, double gb)
{
#pragma oss task inout(*x) constraints(computing_units(cores), memory_size(gb * 2))
    (*x)++;
}
