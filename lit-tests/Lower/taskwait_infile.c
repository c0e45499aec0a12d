// taskwait with file dependences waits for the last accesses to those
// files: an undeferred empty task with them.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: static ss_task_type_t __ss_tt_[[N:[0-9]+]] = { .label = "taskwait", {{.*}}, .run = 0 };
// CHECK: {{^}}void f(const char *path, int *x)
// CHECK: { unsigned __ss_nd = 3u; void *__ss_v; ss_task_t __ss_t = ss_abi_task_create(&__ss_tt_[[N]], 0, __ss_nd, SS_TASK_UNDEFERRED, &__ss_v);
// CHECK-SAME: ss_abi_dep_file(__ss_t, SS_DEP_IN, (const char *)(path)); ss_abi_dep_file(__ss_t, SS_DEP_INOUT, (const char *)("b.txt")); ss_abi_dep_object(__ss_t, SS_DEP_IN, &(* x), sizeof (* x));
// CHECK-SAME: ss_abi_task_submit(__ss_t); }
// CHECK-NOT: ss_abi_taskwait
void f(const char *path, int *x)
{
#pragma oss taskwait infile(path) inoutfile("b.txt") in(*x)
}
