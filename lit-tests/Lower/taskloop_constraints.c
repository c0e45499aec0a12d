// constraints on a taskloop apply to every chunk task: its task type names
// the callback.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: void __ss_cons_[[N:[0-9]+]](const void *__ss_v, ss_constraints_t *__ss_c) { {{.*}} __ss_c->computing_units = (unsigned)(2); }
// CHECK-NEXT: static ss_task_type_t __ss_tt_[[N]] = { {{.*}}, .run = __ss_run_[[N]], .constraints = __ss_cons_[[N]] };
// CHECK: {{^}}void fill(double *a, int n){{$}}
// CHECK: ss_abi_spawn(&__ss_tt_[[N]],
void fill(double *a, int n)
{
#pragma oss taskloop grainsize(64) constraints(computing_units(2))
    for (int i = 0; i < n; i++)
        a[i] = i;
}
