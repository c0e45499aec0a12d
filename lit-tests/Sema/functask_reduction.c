// reduction on a function task: on a global it makes the calls' updates
// mutually exclusive (mutexinoutset on it); on a parameter, a copy, it has no
// effect and is warned about (its dependence used to be on a local of the
// dependence callback).
// RUN: %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// RUN: grep -v '^// [A-Z-]*:' %t.c | FileCheck --check-prefix=OUT %s
// CHECK: functask_reduction.c:[[@LINE+7]]:31: warning: reduction on parameter 'n' has no effect on a function task: parameters are firstprivate
// CHECK-NOT: warning:
// CHECK: 1 warning generated.
// OUT-NOT: &(n)
// OUT: ss_abi_dep_object(__ss_t, SS_DEP_MUTEXINOUTSET, &(total), sizeof (total)); ss_abi_dep_object(__ss_t, SS_DEP_INOUT, &(* p), sizeof (* p));
// OUT: ss_abi_spawn({{.*}}, 2u,
int total;
#pragma oss task reduction(+: n, total) inout(*p)
void work(int *p, int n);
