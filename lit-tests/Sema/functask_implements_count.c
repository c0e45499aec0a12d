// A version takes the parameters of the function task it implements: a
// different number is an error at the version's name, with a note at the
// implemented function.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
#pragma oss task inout(p[0;n])
void base(int *p, int n);
#pragma oss task implements(base)
// CHECK: functask_implements_count.c:[[@LINE+2]]:6: error: 'one' has 1 parameter but 'base', which it implements, has 2 parameters
// CHECK-NEXT: {{^}}void one(int *p);
void one(int *p);
// CHECK: functask_implements_count.c:[[@LINE-5]]:6: note: 'base' declared here
// CHECK: 1 error generated.
