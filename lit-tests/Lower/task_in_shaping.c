// A shaping expression [n]p or [n][m]p is n (n*m) elements from p: one
// contiguous object.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: ss_abi_dep_object(__ss_t, SS_DEP_IN, ((__ss_a->f_p)), sizeof(*((__ss_a->f_p))) * (size_t)((__ss_a->f_n)));
// CHECK-SAME: ss_abi_dep_object(__ss_t, SS_DEP_OUT, ((__ss_a->f_p)), sizeof(*((__ss_a->f_p))) * (size_t)((__ss_a->f_n)) * (size_t)((__ss_a->f_m)));
void f(double *p, int n, int m)
{
#pragma oss task in([n]p) out([n][m]p)
    p[0] = 1;
}
