// An inline task becomes, before its function: an argument struct, a run
// function holding the body, a dependence callback and a task type; in its
// place: the argument block filled on the stack and one spawn call.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: #include "ss_abi.h"
// CHECK: ss_abi_check(SS_ABI_VERSION, "{{.*}}task_inline.c")
// CHECK: #line 1 "{{.*}}task_inline.c"
// CHECK: struct __ss_args_[[N:[0-9]+]] { int *f_x; int f_y; };
// CHECK-NEXT: static void __ss_run_[[N]](void *__ss_v) { struct __ss_args_[[N]] *__ss_a = {{.*}}; int *__ssp_x = __ss_a->f_x; int y = __ss_a->f_y;
// CHECK-NEXT: #line [[@LINE+18]] "{{.*}}task_inline.c"
// CHECK-NEXT: {{^}}    (*__ssp_x) += y;
// CHECK-NEXT: }
// CHECK-NEXT: void __ss_deps_[[N]](ss_task_t __ss_t, void *__ss_v) { {{.*}} ss_abi_dep_object(__ss_t, SS_DEP_INOUT, &((*__ss_a->f_x)), sizeof ((*__ss_a->f_x)));
// CHECK-NEXT: static ss_task_type_t __ss_tt_[[N]] = { .label = 0, .file = "{{.*}}task_inline.c", .line = [[@LINE+13]], .col = 1, .run = __ss_run_[[N]] };
// CHECK-NEXT: #line [[@LINE+9]] "{{.*}}task_inline.c"
// CHECK-NEXT: int main(void)
// CHECK-NEXT: {
// CHECK-NEXT: int x = 0, y = 1;
// CHECK-NEXT: { struct __ss_args_[[N]] __ss_s, *__ss_a = &__ss_s; __ss_a->f_x = &(x); __ss_a->f_y = (y); ss_abi_spawn(&__ss_tt_[[N]], __ss_a, sizeof __ss_s, 1u, 0u, 0, __ss_deps_[[N]]); }
// CHECK-NEXT: #line [[@LINE+8]] "{{.*}}task_inline.c"
// CHECK-NOT: #pragma
// CHECK: ss_abi_taskwait();
// CHECK: return x;
int main(void)
{
    int x = 0, y = 1;
#pragma oss task inout(x)
    x += y;
#pragma oss taskwait
    return x;
}
