// In depend(kind: ...), OpenMP's a[l:n] is lower:length, the same region as
// a[l;n] (in in/out/inout it would be lower:upper).
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: ss_abi_dep_sections(__ss_t, SS_DEP_IN, &((__ss_a->f_p))[0], sizeof ((__ss_a->f_p))[0], 1, (const size_t[]){{[{][^;]*}}, (size_t)((__ss_a->f_l)), (size_t)((__ss_a->f_n))});
// CHECK-SAME: ss_abi_dep_sections(__ss_t, SS_DEP_OUT, &((__ss_a->f_p))[0], sizeof ((__ss_a->f_p))[0], 1, (const size_t[]){{[{][^;]*}}, (size_t)((__ss_a->f_l)), (size_t)((__ss_a->f_n))});
// CHECK-SAME: ss_abi_dep_sections(__ss_t, SS_DEP_INOUTSET, {{[^;]*}}, (size_t)((__ss_a->f_l)), (size_t)((__ss_a->f_n))});
// CHECK-SAME: ss_abi_dep_sections(__ss_t, SS_DEP_MUTEXINOUTSET, {{[^;]*}}, (size_t)((__ss_a->f_l)), (size_t)((__ss_a->f_n))});
void f(double *p, double *q, int l, int n)
{
#pragma oss task depend(in: p[l:n]) depend(out: p[l;n]) depend(inoutset: q[l:n]) depend(mutexinoutset: p[l:n])
    p[l] = 0;
}
