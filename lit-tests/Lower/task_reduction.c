// reduction(op: x): x is shared and its reducers are mutually exclusive
// (mutexinoutset on x).
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: struct __ss_args_[[N:[0-9]+]] { int *f_sum; int *f_a; int f_n; };
// CHECK: (*__ssp_sum) += a[i];
// CHECK: ss_abi_dep_object(__ss_t, SS_DEP_MUTEXINOUTSET, &((*__ss_a->f_sum)), sizeof ((*__ss_a->f_sum)));
// CHECK: __ss_a->f_sum = &(sum);
void f(int *a, int n)
{
    int sum = 0;
#pragma oss task reduction(+: sum) in(a[0;n])
    for (int i = 0; i < n; i++)
        sum += a[i];
}
