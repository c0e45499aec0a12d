// The argument template is a plain string literal (its bytes are the
// program's arguments): a wide or UTF-16/32 literal is an error at it.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: functask_args_literal.c:[[@LINE+1]]:36: error: 'args' needs a plain string literal
#pragma oss task binary("ls") args(L"{a}")
void a1(const char *a);
// CHECK: functask_args_literal.c:[[@LINE+1]]:36: error: 'args' needs a plain string literal
#pragma oss task binary("ls") args(u"{a}")
void a2(const char *a);
// CHECK-NOT: error
#pragma oss task binary("ls") args(u8"{a}")
void a3(const char *a);
// CHECK: 2 errors generated.
