// retry needs the number of retries in parentheses: without them it is an
// error at the word.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: task_on_failure_retry.c:[[@LINE+2]]:29: error: 'retry' needs the number of retries: retry(n)
// CHECK-NEXT: {{^}}#pragma oss task on_failure(retry) inout(*p)
#pragma oss task on_failure(retry) inout(*p)
void a(int *p);
// CHECK: task_on_failure_retry.c:[[@LINE+1]]:29: error: 'retry' needs the number of retries: retry(n)
#pragma oss task on_failure(retry 2) inout(*p)
void b(int *p);
// CHECK: task_on_failure_retry.c:[[@LINE+1]]:35: error: expected the number of retries
#pragma oss task on_failure(retry()) inout(*p)
void c(int *p);
// CHECK: 3 errors generated.
