// a[l;n] is one dimension per section: (extent, lower, length). The extent of
// an array root is its element count; of a pointer root, 0 (no extent).
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: void __ss_deps_[[N:[0-9]+]](
// CHECK-SAME: ss_abi_dep_sections(__ss_t, SS_DEP_IN, &((*__ss_a->f_a))[0], sizeof ((*__ss_a->f_a))[0], 1, (const size_t[]){(__builtin_types_compatible_p(__typeof__(((*__ss_a->f_a))), __typeof__(&((*__ss_a->f_a))[0])) ? 0 : sizeof ((*__ss_a->f_a)) / (sizeof ((*__ss_a->f_a))[0] + 0)), (size_t)((__ss_a->f_i)), (size_t)((__ss_a->f_n))});
// CHECK-SAME: ss_abi_dep_sections(__ss_t, SS_DEP_OUT, &((__ss_a->f_p))[0], sizeof ((__ss_a->f_p))[0], 1, (const size_t[]){(__builtin_types_compatible_p(__typeof__(((__ss_a->f_p))), __typeof__(&((__ss_a->f_p))[0])) ? 0 : {{[^;]*}}), (size_t)((__ss_a->f_i)), (size_t)((__ss_a->f_n))});
// CHECK: ss_abi_spawn(&__ss_tt_[[N]], __ss_a, sizeof __ss_s, 2u,
void f(double *p, int i, int n)
{
    double a[100];
#pragma oss task in(a[i;n]) out(p[i;n])
    p[i] = a[i];
}
