// Data-sharing clauses on a function task have no effect (its parameters are
// firstprivate): a warning at each, and the translation goes on.
// RUN: %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: functask_data_sharing.c:[[@LINE+3]]:18: warning: 'firstprivate' has no effect on a function task: parameters are firstprivate
// CHECK: functask_data_sharing.c:[[@LINE+2]]:34: warning: 'shared' has no effect on a function task: parameters are firstprivate
// CHECK: functask_data_sharing.c:[[@LINE+1]]:44: warning: 'default' has no effect on a function task: parameters are firstprivate
#pragma oss task firstprivate(n) shared(p) default(none) inout(*p)
void add(int *p, int n);
// CHECK: 3 warnings generated.
// CHECK-NOT: error
