// on_failure takes one of four policies: anything else is an error at the
// word, with a note listing the policies.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: task_on_failure_policy.c:[[@LINE+2]]:29: error: unknown failure policy 'stop'
// CHECK: task_on_failure_policy.c:[[@LINE+1]]:29: note: failure policies: retry(n), cancel_successors, fail, ignore{{$}}
#pragma oss task on_failure(stop) inout(*p)
void a(int *p);

void f(int *p)
{
// CHECK: task_on_failure_policy.c:[[@LINE+1]]:39: error: unknown failure policy 'cancel'
#pragma oss task inout(*p) on_failure(cancel)
    (*p)++;
// CHECK: task_on_failure_policy.c:[[@LINE+1]]:33: error: unknown failure policy 'retries'
#pragma oss taskloop on_failure(retries(2))
    for (int i = 0; i < 4; i++)
        p[i]++;
}
// CHECK: 3 errors generated.
