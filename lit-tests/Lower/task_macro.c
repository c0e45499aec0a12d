// Macros in clauses are expanded when the pragma is read (BS becomes 64 in the
// region); in the body they stay, and a shared variable passed to a macro is
// respelled in the argument.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: static void __ss_run_{{[0-9]+}}(
// CHECK-NEXT: #line
// CHECK-NEXT: a[i * BS] = SQ((*__ssp_k));
// CHECK: ss_abi_dep_sections(__ss_t, SS_DEP_INOUT, {{[^;]*}}, (size_t)((__ss_a->f_i) * 64), (size_t)(64)});
#define BS 64
#define SQ(v) ((v) * (v))
void f(double *a, int i)
{
    int k = 2;
#pragma oss task inout(a[i * BS;BS]) shared(k)
    a[i * BS] = SQ(k);
}
