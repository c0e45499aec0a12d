// An unknown directive is an error at its name; a note lists the directives
// of that spelling (release is '#pragma oss' only). No output is written.
// RUN: rm -f %t.c
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck --strict-whitespace %s
// RUN: not ls %t.c
void f(void)
{
// CHECK: unknown_directive.c:[[@LINE+5]]:13: error: unknown or unsupported directive 'tsk'
// CHECK-NEXT: {{^}}#pragma oss tsk{{$}}
// CHECK-NEXT: {{^            \^$}}
// CHECK-NEXT: unknown_directive.c:[[@LINE+2]]:13: note: directives of '#pragma oss': task, taskwait, release, critical, atomic, taskloop{{$}}
// CHECK-NOT: error:
#pragma oss tsk
}
// CHECK: 1 error generated.
