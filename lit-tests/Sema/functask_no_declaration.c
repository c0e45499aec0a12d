// At file scope a task pragma must be followed by a function declaration.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: functask_no_declaration.c:[[@LINE+1]]:1: error: a task pragma at file scope must precede a function declaration
#pragma oss task
int counter;

void g(void);
// CHECK: functask_no_declaration.c:[[@LINE+1]]:1: error: a task pragma at file scope must precede a function declaration
#pragma oss task
// CHECK: 2 errors generated.
