// label("s") names the task type; without it the label is 0.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: static ss_task_type_t __ss_tt_{{[0-9]+}} = { .label = "my task", .file = "{{.*}}task_label.c", .line = [[@LINE+3]], .col = 1,
void f(int n)
{
#pragma oss task label("my task")
    n++;
}
