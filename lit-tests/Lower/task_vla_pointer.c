// A pointer to a VLA (here a parameter double (*m)[n]) is firstprivate: a
// void * field and one extent.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: struct __ss_args_[[N:[0-9]+]] { size_t __ss_vla0; void *f_m; int f_n; };
// CHECK-NEXT: static void __ss_run_[[N]](void *__ss_v) { {{.*}} size_t __ss_vla0 = __ss_a->__ss_vla0; double (*m)[__ss_vla0] = __ss_a->f_m; int n = __ss_a->f_n;
// CHECK-NEXT: #line
// CHECK-NEXT: m[0][1] += 1.0;
// CHECK: __ss_a->__ss_vla0 = sizeof((*(m))) / sizeof(((*(m)))[0]); __ss_a->f_m = (void *)(m); __ss_a->f_n = (n);
void f(int n, double (*m)[n])
{
#pragma oss task inout(m[0;n])
    m[0][1] += 1.0;
}
