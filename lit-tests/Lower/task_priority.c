// priority(e) is evaluated at the task site and passed at creation.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: ss_abi_spawn(&__ss_tt_{{[0-9]+}}, __ss_a, sizeof __ss_s, 0u, 0u, (int)(n * 2),
void f(int n)
{
#pragma oss task priority(n * 2)
    n++;
}
