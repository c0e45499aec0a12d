// on_failure and time_out go into the static task type: the policy as
// ss_on_failure_t, the number of retries and the time-out as the values
// Clang computes from their constant expressions.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: static ss_task_type_t __ss_tt_[[A:[0-9]+]] = { .label = 0, {{.*}}, .run = __ss_run_[[A]], .on_failure = SS_ON_FAILURE_RETRY, .retries = 6u, .time_out = 2.5 };
// CHECK: static ss_task_type_t __ss_tt_[[B:[0-9]+]] = { .label = 0, {{.*}}, .run = __ss_run_[[B]], .on_failure = SS_ON_FAILURE_CANCEL };
// CHECK: static ss_task_type_t __ss_tt_[[C:[0-9]+]] = { .label = 0, {{.*}}, .run = __ss_run_[[C]], .time_out = 0.10000000000000001, .on_failure = SS_ON_FAILURE_IGNORE };
// CHECK: static ss_task_type_t __ss_tt_[[D:[0-9]+]] = { .label = 0, {{.*}}, .run = __ss_run_[[D]], .on_failure = SS_ON_FAILURE_FAIL, .time_out = 60 };
// CHECK: static ss_task_type_t __ss_tt_[[E:[0-9]+]] = { .label = 0, {{.*}}, .run = __ss_run_[[E]] };
enum { TRIES = 3 };
void f(int *x)
{
#pragma oss task inout(*x) on_failure(retry(TRIES * 2)) time_out(5 / 2.0)
    (*x)++;
#pragma oss task inout(*x) on_failure(cancel_successors)
    (*x)++;
#pragma oss task inout(*x) time_out(0.1) on_failure(ignore)
    (*x)++;
#pragma oss task inout(*x) on_failure(fail) time_out(60)
    (*x)++;
#pragma oss task inout(*x)
    (*x)++;
}
