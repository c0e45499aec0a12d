// A static local is shared (it is reachable only through its address).
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: struct __ss_args_[[N:[0-9]+]] { int *f_count; };
// CHECK-NEXT: int *__ssp_count = __ss_a->f_count;
// CHECK-NEXT: #line
// CHECK-NEXT: (*__ssp_count)++;
// CHECK: __ss_a->f_count = &(count); ss_abi_spawn(
void f(void)
{
    static int count;
#pragma oss task
    count++;
}
