// A multidependence is one dependence per iterator value: a loop in the
// dependence callback, and the same loop counting them at creation.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: void __ss_deps_[[N:[0-9]+]](
// CHECK-SAME: for (int k = (0); k < (0) + ((__ss_a->f_n)); k++) ss_abi_dep_object(__ss_t, SS_DEP_IN, &((__ss_a->f_a) [ (__ss_a->f_idx) [ k ] ]), sizeof ((__ss_a->f_a) [ (__ss_a->f_idx) [ k ] ]));
// CHECK-SAME: for (int k = (0); k <= ((__ss_a->f_n) - 1); k++) ss_abi_dep_object(__ss_t, SS_DEP_OUT, &((__ss_a->f_a) [ k ]), sizeof ((__ss_a->f_a) [ k ]));
// CHECK: ss_abi_spawn(&__ss_tt_[[N]], __ss_a, sizeof __ss_s, 0u + ({ unsigned __ss_c = 0; for (int k = (0); k < (0) + (n); k++) __ss_c++; __ss_c; }) + ({ unsigned __ss_c = 0; for (int k = (0); k <= (n - 1); k++) __ss_c++; __ss_c; }),
void f(double *a, int *idx, int n)
{
#pragma oss task in({a[idx[k]], k = 0;n}) out({a[k], k = 0:n-1})
    a[0] = 1;
}
