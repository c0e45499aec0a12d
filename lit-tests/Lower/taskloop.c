// taskloop: the iterations are split into chunk tasks of grainsize(g)
// iterations (num_tasks(t): t tasks); each chunk runs the body for its
// iterations, the loop variable recomputed from lower bound and step.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: struct __ss_args_[[A:[0-9]+]] { int *f_a; short f_n; long long __ss_kb; long long __ss_ke; long long __ss_lo; long long __ss_st; };
// CHECK-NEXT: {{.*}} for (long long __ss_k = __ss_kb; __ss_k < __ss_ke; __ss_k++) { int i = (int)(__ss_lo + __ss_k * __ss_st);
// CHECK-NEXT: #line [[@LINE+15]]
// CHECK-NEXT: a[i] = i;
// CHECK: struct __ss_args_[[B:[0-9]+]] {
// CHECK: { short j = (short)(__ss_lo + __ss_k * __ss_st);
// CHECK: {{^}}void f(int *a, short n){{$}}
// CHECK: { long long __ss_lo = (long long)(0), __ss_hi = (long long)(n), __ss_st = (long long)(1); long long __ss_n = (__ss_lo < __ss_hi ? (__ss_hi - __ss_lo + __ss_st - 1) / __ss_st : 0); long long __ss_g = (long long)(16);
// CHECK-SAME: for (long long __ss_kb = 0; __ss_kb < __ss_n; __ss_kb += __ss_g) {
// CHECK-SAME: ss_abi_spawn(&__ss_tt_[[A]], __ss_a, sizeof __ss_s, 1u,
// CHECK: { long long __ss_lo = (long long)(n - 1), __ss_hi = (long long)(0), __ss_st = (long long)(-(2)); long long __ss_n = (__ss_lo >= __ss_hi ? (__ss_lo - __ss_hi) / -__ss_st + 1 : 0); long long __ss_g = (__ss_n + (long long)(4) - 1) / (long long)(4);
// CHECK-SAME: ss_abi_spawn(&__ss_tt_[[B]],
// CHECK: __ss_st = (long long)((1));
void f(int *a, short n)
{
#pragma oss taskloop grainsize(16) inout(a[0;n])
    for (int i = 0; i < n; i++)
        a[i] = i;
#pragma oss taskloop num_tasks(4)
    for (short j = n - 1; j >= 0; j -= 2)
        a[j]++;
#pragma oss taskloop
    for (short k = 0; k < n; k = k + 1)
        a[k]--;
}
