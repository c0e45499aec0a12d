// ([n]p)[l:u]: sections over the shaped dimensions, the extent from the shape.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: ss_abi_dep_sections(__ss_t, SS_DEP_INOUT, ((__ss_a->f_p)), sizeof(*((__ss_a->f_p))), 1, (const size_t[]){(size_t)((__ss_a->f_n)), (size_t)((__ss_a->f_l)), (size_t)(((__ss_a->f_u)) - ((__ss_a->f_l)) + 1)});
// CHECK: ss_abi_dep_sections(__ss_t, SS_DEP_IN, ((__ss_a->f_p)), sizeof(*((__ss_a->f_p))) * (size_t)((__ss_a->f_m)), 1, (const size_t[]){(size_t)((__ss_a->f_n)), (size_t)((__ss_a->f_l)), (size_t)(1)});
void f(double *p, int n, int m, int l, int u)
{
#pragma oss task inout(([n]p)[l:u])
    p[l] = 1;
#pragma oss task in(([n][m]p)[l;1])
    p[l] = 1;
}
