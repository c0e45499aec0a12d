// a[l:u] has an inclusive upper bound: length u - l + 1; a missing lower
// bound is 0.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: ss_abi_dep_sections(__ss_t, SS_DEP_IN, &((*__ss_a->f_a))[0], sizeof ((*__ss_a->f_a))[0], 1, (const size_t[]){{[{][^;]*}}, (size_t)((__ss_a->f_l)), (size_t)(((__ss_a->f_u)) - ((__ss_a->f_l)) + 1)});
// CHECK-SAME: ss_abi_dep_sections(__ss_t, SS_DEP_OUT, &((__ss_a->f_p))[0], sizeof ((__ss_a->f_p))[0], 1, (const size_t[]){{[{][^;]*}}, (size_t)0, (size_t)(((__ss_a->f_u)) - 0 + 1)});
void f(double *p, int l, int u)
{
    double a[100];
#pragma oss task in(a[l:u]) out(p[:u])
    p[l] = a[l];
}
