// A task pragma produced by a macro (_Pragma in its body) is refused: only
// the main file's own text is rewritten.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
#define SPAWN _Pragma("oss task inout(n)")
void f(int n)
{
// CHECK: task_macro_pragma.c:[[@LINE+2]]:5: error: task pragmas inside headers or macro expansions are not supported
// CHECK: task_macro_pragma.c:4:15: note: expanded from macro 'SPAWN'
    SPAWN
    n++;
}
// CHECK: 1 error generated.
