// The clauses of a function task are parsed with its parameters in scope
// (unnamed ones included): a name that is neither a parameter nor declared
// before is clang's error at the name, in a dependence, in an expression
// clause, in a multidependence bound and in implements.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: functask_undeclared.c:[[@LINE+1]]:24: error: use of undeclared identifier 'q'
#pragma oss task inout(q[0;n])
void scale(double *p, int n);
// CHECK: functask_undeclared.c:[[@LINE+1]]:34: error: use of undeclared identifier 'prio'
#pragma oss task in(*p) priority(prio)
void show(int *p, double) { (void)p; }
// CHECK: functask_undeclared.c:[[@LINE+1]]:35: error: use of undeclared identifier 'm'
#pragma oss task in({p[i], i = 0; m})
void sum(int *, int *p, int n);
// CHECK: functask_undeclared.c:[[@LINE+1]]:29: error: use of undeclared identifier 'nowhere'
#pragma oss task implements(nowhere)
void version(int *p);
// CHECK: 4 errors generated.
