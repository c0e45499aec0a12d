// Constants of an enum declared inside the function have no name at file
// scope, where task code goes: they are replaced by their values (a
// file-scope enum's constants stay).
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: static void __ss_run_{{[0-9]+}}(
// CHECK-NEXT: #line
// CHECK-NEXT: a[(8) - GLOBAL] = (4);
// CHECK: ss_abi_dep_sections(__ss_t, SS_DEP_OUT, {{[^;]*}}, (size_t)(0), (size_t)((8))});
enum { GLOBAL = 1 };
void f(int *a)
{
    enum { ROWS = 4, COLS = ROWS * 2 };
#pragma oss task out(a[0;COLS])
    a[COLS - GLOBAL] = ROWS;
}
