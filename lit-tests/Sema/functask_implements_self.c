// A function task cannot be a version of itself.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: functask_implements_self.c:[[@LINE+1]]:29: error: function task 'm' cannot implement itself
#pragma oss task implements(m) inout(*p)
void m(int *p);
// CHECK: 1 error generated.
