// Only retry takes an argument: another policy with one is an error at its
// '('; so is anything after the policy.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: task_on_failure_argument.c:[[@LINE+1]]:35: error: failure policy 'ignore' takes no argument
#pragma oss task on_failure(ignore(1)) inout(*p)
void a(int *p);
// CHECK: task_on_failure_argument.c:[[@LINE+1]]:46: error: failure policy 'cancel_successors' takes no argument
#pragma oss task on_failure(cancel_successors()) inout(*p)
void b(int *p);
// CHECK: task_on_failure_argument.c:[[@LINE+1]]:38: error: expected ')' after the failure policy
#pragma oss task on_failure(retry(1) ignore) inout(*p)
void c(int *p);
// CHECK: task_on_failure_argument.c:[[@LINE+1]]:33: error: expected ')' after the failure policy
#pragma oss task on_failure(fail, ignore) inout(*p)
void d(int *p);
// CHECK: task_on_failure_argument.c:[[@LINE+1]]:29: error: expected a failure policy
#pragma oss task on_failure() inout(*p)
void e(int *p);
// CHECK: 5 errors generated.
