// concurrent is inoutset, commutative is mutexinoutset.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: ss_abi_dep_object(__ss_t, SS_DEP_INOUTSET, &(* (__ss_a->f_x)), sizeof (* (__ss_a->f_x)));
// CHECK-SAME: ss_abi_dep_object(__ss_t, SS_DEP_MUTEXINOUTSET, &(* (__ss_a->f_y)), sizeof (* (__ss_a->f_y)));
void f(int *x, int *y)
{
#pragma oss task concurrent(*x) commutative(*y)
    *x += *y;
}
