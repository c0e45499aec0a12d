// A taskloop's chunk tasks share one task type, which carries the failure
// policy and time-out; its file dependences apply to every chunk.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: void __ss_deps_[[N:[0-9]+]](ss_task_t __ss_t, void *__ss_v) { {{.*}} ss_abi_dep_file(__ss_t, SS_DEP_INOUT, (const char *)((__ss_a->f_log))); }
// CHECK-NEXT: static ss_task_type_t __ss_tt_[[N]] = { .label = 0, {{.*}}, .run = __ss_run_[[N]], .on_failure = SS_ON_FAILURE_RETRY, .retries = 1u, .time_out = 30 };
// CHECK: ss_abi_spawn(&__ss_tt_[[N]], __ss_a, sizeof __ss_s, 1u, 0u, 0, __ss_deps_[[N]]);
void f(double *a, int n, const char *log)
{
#pragma oss taskloop grainsize(16) inoutfile(log) on_failure(retry(1)) time_out(30)
    for (int i = 0; i < n; i++)
        a[i] += 1;
}
