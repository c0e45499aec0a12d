// In an argument template '{' opens a parameter name that '}' closes in the
// same word, and '{{' and '}}' are braces: a lone brace or an empty name is
// an error at the brace.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: functask_args_brace.c:[[@LINE+1]]:40: error: '{' without '}' in the argument template (write '{{[{][{]}}' for a brace)
#pragma oss task binary("ls") args("-l {a b}")
void a1(const char *a);
// CHECK: functask_args_brace.c:[[@LINE+1]]:37: error: '{' without '}' in the argument template (write '{{[{][{]}}' for a brace)
#pragma oss task binary("ls") args("{a")
void a2(const char *a);
// CHECK: functask_args_brace.c:[[@LINE+1]]:38: error: '}' without '{' in the argument template (write '{{[}][}]}}' for a brace)
#pragma oss task binary("ls") args("x} {a}")
void a3(const char *a);
// CHECK: functask_args_brace.c:[[@LINE+1]]:40: error: '}' without '{' in the argument template (write '{{[}][}]}}' for a brace)
#pragma oss task binary("ls") args("{a}}")
void a4(const char *a);
// CHECK: functask_args_brace.c:[[@LINE+2]]:37: error: '{}' names no parameter in the argument template
// CHECK: functask_args_brace.c:[[@LINE+1]]:37: note: parameters of 'a5': a
#pragma oss task binary("ls") args("{}")
void a5(const char *a);
// CHECK-NOT: error
#pragma oss task binary("ls") args("{{a}} {{ }} {a}{a}")
void a6(const char *a);
// CHECK: 5 errors generated.
