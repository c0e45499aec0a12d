// A binary task's argument template is one string literal.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: task_args.c:[[@LINE+1]]:36: error: expected a string literal in 'args'
#pragma oss task binary("ls") args(dir) in(*dir)
void a(const char *dir);
// CHECK: task_args.c:[[@LINE+1]]:36: error: expected a string literal in 'args'
#pragma oss task binary("ls") args("-l" "{dir}")
void b(const char *dir);
// CHECK: 2 errors generated.
