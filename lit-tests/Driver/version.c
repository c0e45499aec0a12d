// --version names the ssc version, the runtime ABI version it generates code
// for (SS_ABI_VERSION from ss_abi.h, checked against the header here), and
// the clang version of the translator.
// RUN: %ssc --version > %t.out
// RUN: %cc -I%runtime-include %s -o %t && %t >> %t.out
// RUN: FileCheck %s < %t.out
// CHECK: ssc version {{[0-9]+\.[0-9]+\.[0-9]+}}
// CHECK-NEXT: runtime ABI version [[ABI:[0-9]+]]
// CHECK-NEXT: translator built with clang 14.{{[0-9]+}}.{{[0-9]+}}
// CHECK-NEXT: C compiler: {{.+}}
// CHECK-NEXT: header ABI [[ABI]]
#include "ss_abi.h"
#include <stdio.h>

int main(void)
{
    printf("header ABI %d\n", SS_ABI_VERSION);
    return 0;
}
