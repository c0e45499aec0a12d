// A task whose statement is another directive (no braces between the
// pragmas): the inner directive is lowered inside the outer task's body
// (it used to be copied there as raw text, pragma name and all).
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: struct __ss_args_[[IN:[0-9]+]] { int *f_n; };
// CHECK: struct __ss_args_[[OUT:[0-9]+]] { int f_n; };
// CHECK-NEXT: static void __ss_run_[[OUT]](
// CHECK-NEXT: #line [[@LINE+19]]
// CHECK-NEXT: { struct __ss_args_[[IN]] __ss_s, *__ss_a = &__ss_s; __ss_a->f_n = &(n); ss_abi_spawn(&__ss_tt_[[IN]],
// CHECK-NEXT: #line [[@LINE+18]]
// CHECK-NEXT: {{^ *$}}
// CHECK-NEXT: }
// CHECK: static void __ss_run_{{[0-9]+}}(
// CHECK-NEXT: #line [[@LINE+16]]
// CHECK-NEXT: ss_abi_taskwait();
// CHECK-NEXT: #line [[@LINE+14]]
// CHECK-NEXT: {{^ *$}}
// CHECK-NEXT: }
// CHECK: { pthread_mutex_lock(&__ss_critical_);
// CHECK-NEXT: #line [[@LINE+12]]
// CHECK-NEXT: { __typeof__((n)) *__ss_p = &(n),
// CHECK-NOT: task inout
// CHECK-NOT: taskwait{{$}}
void f(int n)
{
#pragma oss task
#pragma oss task inout(n)
    n++;
#pragma oss task
#pragma oss taskwait
#pragma oss critical
#pragma oss atomic
    n += 2;
}
