// critical(name) takes exactly one identifier.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(int x)
{
// CHECK: critical_name.c:[[@LINE+1]]:22: error: expected a name in 'critical(name)'
#pragma oss critical(1)
    x++;
// CHECK: critical_name.c:[[@LINE+1]]:22: error: expected a name in 'critical(name)'
#pragma oss critical(a b)
    x++;
// CHECK: critical_name.c:[[@LINE+1]]:22: error: expected a name in 'critical(name)'
#pragma oss critical()
    x++;
// CHECK: critical_name.c:[[@LINE+1]]:22: error: expected a name in 'critical(name)'
#pragma oss critical(lock
    x++;
}
// CHECK: 4 errors generated.
