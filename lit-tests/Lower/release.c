// release gives back the running task's dependence on a region early.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: static void __ss_run_{{[0-9]+}}(
// CHECK: *x = 1;
// CHECK-NEXT: { ss_abi_release_object(&(* x), sizeof (* x)); ss_abi_release_sections(&(a)[0], sizeof (a)[0], 1, (const size_t[]){{[{][^;]*}}, (size_t)(0), (size_t)(n)}); }
// CHECK-NEXT: #line [[@LINE+7]]
// CHECK: a[0] = 2;
void f(int *x, int *a, int n)
{
#pragma oss task inout(*x, a[0;n])
    {
        *x = 1;
#pragma oss release inout(*x) in(a[0;n])
        a[0] = 2;
    }
}
