// taskwait waits for all descendants (noflush changes nothing).
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: #line [[@LINE+8]] "{{.*}}taskwait.c"
// CHECK-NEXT: {{^}}void f(void){{$}}
// CHECK-NEXT: {{^}}{{[{]$}}
// CHECK-NEXT: ss_abi_taskwait();
// CHECK-NEXT: #line [[@LINE+6]]
// CHECK: ss_abi_taskwait();
// CHECK-NEXT: #line [[@LINE+5]]
// CHECK-NOT: ss_abi
void f(void)
{
#pragma oss taskwait
#pragma oss taskwait noflush
}
