// Brackets that do not match inside a clause: the clause's '(' is never
// closed.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(int *a)
{
// CHECK: task_in_unbalanced.c:[[@LINE+1]]:20: error: expected ')' closing 'in('
#pragma oss task in(a[0;2)
    a[0]++;
// CHECK: task_in_unbalanced.c:[[@LINE+1]]:20: error: expected ')' closing 'in('
#pragma oss task in(a]0])
    a[0]++;
// CHECK: task_in_unbalanced.c:[[@LINE+1]]:20: error: expected ')' closing 'in('
#pragma oss task in([4 a)
    a[0]++;
}
// CHECK: 3 errors generated.
