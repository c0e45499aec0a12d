// 'release' has no '#pragma omp' (OmpSs v1) spelling: an unknown directive
// there, with the note listing the omp directives.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(int x)
{
// CHECK: release_omp.c:[[@LINE+2]]:13: error: unknown or unsupported directive 'release'
// CHECK: release_omp.c:[[@LINE+1]]:13: note: directives of '#pragma omp': task, taskwait, critical, atomic, taskloop, target{{$}}
#pragma omp release in(x)
}
// CHECK: 1 error generated.
