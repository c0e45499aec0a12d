// default(...) takes none, shared, private or firstprivate.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(int x)
{
// CHECK: task_default.c:[[@LINE+2]]:26: error: unknown default 'nobody'
// CHECK: task_default.c:[[@LINE+1]]:26: note: allowed: none, shared, private, firstprivate{{$}}
#pragma oss task default(nobody)
    x++;
// CHECK: task_default.c:[[@LINE+1]]:26: error: expected 'none', 'shared', 'private' or 'firstprivate'
#pragma oss task default(none shared)
    x++;
}
// CHECK: 2 errors generated.
