// onready(e) is evaluated in the run function, before the body (when the
// task starts, its dependences satisfied), with the task's captures.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: static void __ss_run_{{[0-9]+}}(void *__ss_v) { {{.*}} int n = __ss_a->f_n; (void)n; (void)(ready ( n ));
// CHECK-NEXT: #line
// CHECK-NEXT: n++;
void ready(int);
void f(int n)
{
#pragma oss task onready(ready(n))
    n++;
}
