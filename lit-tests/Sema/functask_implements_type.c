// A version's parameters have the types of those of the function task it
// implements (qualifiers of the parameter itself aside): the first that
// differs is the error, with a note at the implemented one.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
#pragma oss task inout(p[0;n])
void base(int *p, int n);
#pragma oss task implements(base)
// CHECK: functask_implements_type.c:[[@LINE+2]]:26: error: parameter 2 of 'long_n' ('long n') differs from parameter 2 of 'base' ('int n'), which it implements
// CHECK: functask_implements_type.c:[[@LINE-3]]:23: note: parameter 2 of 'base' declared here
void long_n(int *p, long n);
#pragma oss task implements(base)
// CHECK: functask_implements_type.c:[[@LINE+1]]:25: error: parameter 1 of 'const_p' ('const int *q') differs from parameter 1 of 'base' ('int *p'), which it implements
void const_p(const int *q, int m);
// CHECK-NOT: error
#pragma oss task implements(base)
void same(int *const q, const int m);
// CHECK: 2 errors generated.
