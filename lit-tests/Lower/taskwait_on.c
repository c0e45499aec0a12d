// taskwait with dependences is an undeferred empty task with them (a task
// type with no run function, labelled taskwait): it waits only for the
// previous accesses to those regions.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: static ss_task_type_t __ss_tt_[[N:[0-9]+]] = { .label = "taskwait", .file = "{{.*}}taskwait_on.c", .line = [[@LINE+9]], .col = 1, .run = 0 };
// CHECK: {{^}}void f(int *x, int *a)
// CHECK: ss_task_t __ss_t = ss_abi_task_create(&__ss_tt_[[N]], 0, __ss_nd, SS_TASK_UNDEFERRED, &__ss_v);
// CHECK-SAME: ss_abi_dep_object(__ss_t, SS_DEP_INOUT, &(* x), sizeof (* x));
// CHECK-SAME: ss_abi_dep_sections(__ss_t, SS_DEP_IN, &(a)[0], sizeof (a)[0], 1, (const size_t[]){{[{][^;]*}}, (size_t)(0), (size_t)(4)});
// CHECK-SAME: ss_abi_task_submit(__ss_t); }
// CHECK-NOT: ss_abi_taskwait
void f(int *x, int *a)
{
#pragma oss taskwait on(*x) in(a[0;4])
}
