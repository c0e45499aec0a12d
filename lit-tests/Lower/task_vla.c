// A VLA (shared) travels as void * with its extents, computed with sizeof at
// creation, in __ss_vlaK fields; the run function and the dependence callback
// rebuild the pointer type from them.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: struct __ss_args_[[N:[0-9]+]] { size_t __ss_vla0; size_t __ss_vla1; void *f_v; int f_n; int f_m; };
// CHECK-NEXT: static void __ss_run_[[N]](void *__ss_v) { {{.*}} size_t __ss_vla0 = __ss_a->__ss_vla0; size_t __ss_vla1 = __ss_a->__ss_vla1; double (*__ssp_v)[__ss_vla0][__ss_vla1] = __ss_a->f_v;
// CHECK-NEXT: #line
// CHECK-NEXT: (*__ssp_v)[n - 1][m - 1] = 1.0;
// CHECK: void __ss_deps_[[N]]({{.*}} double (*__ssp_v)[__ss_vla0][__ss_vla1] = __ss_a->f_v; {{.*}} ss_abi_dep_object(__ss_t, SS_DEP_OUT, &((*__ssp_v)), sizeof ((*__ssp_v)));
// CHECK: __ss_a->__ss_vla0 = sizeof((*(&(v)))) / sizeof(((*(&(v))))[0]); __ss_a->__ss_vla1 = sizeof(((*(&(v))))[0]) / sizeof((((*(&(v))))[0])[0]); __ss_a->f_v = (void *)&(v);
void f(int n, int m)
{
    double v[n][m];
#pragma oss task out(v)
    v[n - 1][m - 1] = 1.0;
}
