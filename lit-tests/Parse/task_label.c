// label takes one string literal.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(int x)
{
// CHECK: task_label.c:[[@LINE+1]]:24: error: expected a string literal in 'label'
#pragma oss task label(x)
    x++;
}
// CHECK: 1 error generated.
