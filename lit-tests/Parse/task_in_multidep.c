// Malformed multidependences {ref, iterator = lower;length}.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(int *a, int n)
{
// CHECK: task_in_multidep.c:[[@LINE+1]]:29: error: expected '=' after the iterator name
#pragma oss task in({a[i], i})
    a[0]++;
// CHECK: task_in_multidep.c:[[@LINE+1]]:26: error: expected ', iterator = lower;length' in the multidependence
#pragma oss task in({a[i]})
    a[0]++;
// CHECK: task_in_multidep.c:[[@LINE+1]]:33: error: expected 'lower;length' or 'lower:upper' for the iterator
#pragma oss task in({a[i], i = 0})
    a[0]++;
// CHECK: task_in_multidep.c:[[@LINE+1]]:28: error: expected an iterator name in the multidependence
#pragma oss task in({a[i], 3 = 0;n})
    a[0]++;
}
// CHECK: 4 errors generated.
