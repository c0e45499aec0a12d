// A function task declared in a header: its prototype and wrapper go right
// after the #include line that brought the header in; the task type names
// the header.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: {{^}}#include "Inputs/functask.h"
// CHECK-NEXT: static void __ss_spawn_bump(int *p);
// CHECK-NEXT: struct __ss_fargs_[[N:[0-9]+]] { int *f_0; };
// CHECK: static ss_task_type_t __ss_tt_[[N]] = { .label = "bump", .file = "{{.*}}Inputs/functask.h", .line = 2, .col = 1,
// CHECK-NEXT: void __ss_spawn_bump(int *p) {
// CHECK: #line [[@LINE+4]] "{{.*}}functask_header.c"
// CHECK-NEXT: void use(int *p)
// CHECK: {{^}}    __ss_spawn_bump(p);
#include "Inputs/functask.h"
void use(int *p)
{
    bump(p);
}
