// onready(e) on a function task is evaluated in its run function, with the
// parameters as locals, before the call (it used to be dropped).
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: void __ss_frun_[[N:[0-9]+]](void *__ss_v) { struct __ss_fargs_[[N]] *__ss_a = {{.*}}; int *log = __ss_a->f_0; int n = __ss_a->f_1; (void)log; (void)n; (void)(ready ( log , n )); work(__ss_a->f_0, __ss_a->f_1); }
void ready(int *, int);
#pragma oss task onready(ready(log, n)) inout(*log)
void work(int *log, int n);
