// The number of retries goes into the task type: an integer constant
// expression >= 0; anything else is an error at the expression.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: task_on_failure_retries.c:[[@LINE+1]]:35: error: the number of retries must be an integer, not 'double'
#pragma oss task on_failure(retry(1.5))
void a(int n);
// CHECK: task_on_failure_retries.c:[[@LINE+1]]:35: error: the number of retries must be an integer constant: it is part of the task type
#pragma oss task on_failure(retry(n))
void b(int n);
// CHECK: task_on_failure_retries.c:[[@LINE+1]]:35: error: the number of retries cannot be negative, not -1
#pragma oss task on_failure(retry(1 - 2))
void c(int n);
// CHECK: task_on_failure_retries.c:[[@LINE+1]]:35: error: too many retries: 5000000000
#pragma oss task on_failure(retry(5000000000))
void d(int n);
enum { TRIES = 3 };
// CHECK-NOT: error
#pragma oss task on_failure(retry(TRIES * 2))
void e(int n);

void f(int *p)
{
    int k = 2;
// CHECK: task_on_failure_retries.c:[[@LINE+1]]:45: error: the number of retries must be an integer constant: it is part of the task type
#pragma oss task inout(*p) on_failure(retry(k))
    (*p)++;
}
// CHECK: 5 errors generated.
