// Weak dependences are honoured as the strong kinds.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: ss_abi_dep_object(__ss_t, SS_DEP_IN, &(* (__ss_a->f_x)), {{[^;]*}});
// CHECK-SAME: ss_abi_dep_object(__ss_t, SS_DEP_OUT, &(* (__ss_a->f_y)), {{[^;]*}});
// CHECK-SAME: ss_abi_dep_object(__ss_t, SS_DEP_INOUT, &(* (__ss_a->f_z)), {{[^;]*}});
void f(int *x, int *y, int *z)
{
#pragma oss task weakin(*x) weakout(*y) weakinout(*z)
    (void)0;
}
