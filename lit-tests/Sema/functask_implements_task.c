// implements(f) needs f to be a function task declared before: a plain
// function, or a function task declared later, is an error at the name.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void plain(int *p);
// CHECK: functask_implements_task.c:[[@LINE+1]]:29: error: 'plain' in implements(plain) is not a function task declared before 'a'
#pragma oss task implements(plain)
void a(int *p);

void later(int *p);
// CHECK: functask_implements_task.c:[[@LINE+1]]:29: error: 'later' in implements(later) is not a function task declared before 'b'
#pragma oss task implements(later)
void b(int *p);
#pragma oss task inout(*p)
void later(int *p);
// CHECK: 2 errors generated.
