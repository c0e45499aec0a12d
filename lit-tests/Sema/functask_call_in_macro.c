// A call of a function task written inside a macro body cannot be rewritten:
// it runs as a plain call, with a warning at the macro's use. A call through
// a macro argument is rewritten.
// RUN: %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// RUN: FileCheck --check-prefix=OUT %s < %t.c
#pragma oss task inout(*p)
void g(int *p);
#define CALL_G(q) g(q)
#define ARG(e) e
void h(int *p)
{
// CHECK: functask_call_in_macro.c:[[@LINE+1]]:5: warning: call of function task 'g' inside a macro body runs as a plain call
    CALL_G(p);
// CHECK-NOT: warning:
// OUT: {{^}}    ARG(__ss_spawn_g(p));
    ARG(g(p));
}
// CHECK: 1 warning generated.
