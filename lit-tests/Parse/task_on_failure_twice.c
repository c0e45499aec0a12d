// A task has one failure policy: a second on_failure is an error at it.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: task_on_failure_twice.c:[[@LINE+1]]:39: error: clause 'on_failure' given more than once
#pragma oss task on_failure(retry(2)) on_failure(ignore) inout(*p)
void a(int *p);

void f(int *p)
{
// CHECK: task_on_failure_twice.c:[[@LINE+1]]:45: error: clause 'on_failure' given more than once
#pragma oss task on_failure(fail) inout(*p) on_failure(fail)
    (*p)++;
}
// CHECK: 2 errors generated.
