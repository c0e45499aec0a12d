// A function task defined under its pragma: the wrapper follows the
// definition, and a recursive call inside it spawns (the prototype is above).
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: static void __ss_spawn_visit(int *p, int n);
// CHECK: {{^}}void visit(int *p, int n)
// CHECK-NEXT: {
// CHECK-NEXT: if (n > 0)
// CHECK-NEXT: __ss_spawn_visit(p + 1, n - 1);
// CHECK-NEXT: }
// CHECK-NEXT: struct __ss_fargs_[[N:[0-9]+]] { int *f_0; int f_1; };
// CHECK-NEXT: void __ss_frun_[[N]](void *__ss_v) { {{.*}} visit(__ss_a->f_0, __ss_a->f_1); }
// CHECK: void __ss_spawn_visit(int *p, int n) {
#pragma oss task in(*p)
void visit(int *p, int n)
{
    if (n > 0)
        visit(p + 1, n - 1);
}
