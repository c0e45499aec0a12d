// A dependence on an lvalue is the object: its address and sizeof. The base
// variable of s.y is shared (the region is in the creator's s); pointers stay
// firstprivate (the region is what they point to).
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: struct __ss_args_[[N:[0-9]+]] { int *f_p; struct pt *f_s; struct pt *f_q; int *f_v; };
// CHECK: ss_abi_dep_object(__ss_t, SS_DEP_IN, &(* (__ss_a->f_p)), sizeof (* (__ss_a->f_p)));
// CHECK-SAME: ss_abi_dep_object(__ss_t, SS_DEP_IN, &((*__ss_a->f_s) . y), sizeof ((*__ss_a->f_s) . y));
// CHECK-SAME: ss_abi_dep_object(__ss_t, SS_DEP_IN, &((__ss_a->f_q) -> x), sizeof ((__ss_a->f_q) -> x));
// CHECK-SAME: ss_abi_dep_object(__ss_t, SS_DEP_IN, &((__ss_a->f_v) [ 3 ]), sizeof ((__ss_a->f_v) [ 3 ]));
// CHECK: __ss_a->f_p = (p); __ss_a->f_s = &(s); __ss_a->f_q = (q); __ss_a->f_v = (v); ss_abi_spawn(&__ss_tt_[[N]], __ss_a, sizeof __ss_s, 4u,
struct pt { int x, y; };
void f(int *p, struct pt s, struct pt *q, int v[4])
{
#pragma oss task in(*p, s.y, q->x, v[3])
    (void)0;
}
