// A pragma with no directive name: the error points past the namespace and
// the note lists the directives of that spelling.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(void)
{
// CHECK: directive_missing.c:[[@LINE+2]]:12: error: expected a directive name
// CHECK: directive_missing.c:[[@LINE+1]]:12: note: directives of '#pragma oss': task, taskwait, release, critical, atomic, taskloop{{$}}
#pragma oss
// CHECK: directive_missing.c:[[@LINE+2]]:12: error: expected a directive name
// CHECK: directive_missing.c:[[@LINE+1]]:12: note: directives of '#pragma omp': task, taskwait, critical, atomic, taskloop, target{{$}}
#pragma omp
}
// CHECK: 2 errors generated.
