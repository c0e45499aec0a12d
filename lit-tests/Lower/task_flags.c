// if, final and wait become creation flags, evaluated at the task site.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: ss_abi_spawn(&__ss_tt_{{[0-9]+}}, __ss_a, sizeof __ss_s, 0u, 0u | ((n > 1) ? 0u : (unsigned)SS_TASK_UNDEFERRED) | ((n < 8) ? (unsigned)SS_TASK_FINAL : 0u) | (unsigned)SS_TASK_WAIT, 0,
void f(int n)
{
#pragma oss task if(n > 1) final(n < 8) wait
    n++;
}
