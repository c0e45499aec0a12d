// A binary task: its run function converts the parameters to strings
// (char pointers as they are, integers in decimal, _Bool as 0 or 1,
// floating types with %.17g, long double with %.21Lg) and runs the program
// with ss_abi_exec. Without args the template is every parameter in order;
// the options are zero (stdout inherited, a non-zero exit fails the task).
// The prototype stays and is never called: calls go to the spawn wrapper.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: {{^}}void run(const char *name, int n, unsigned long u, double d, float f, long double l, _Bool b, char c);
// CHECK-NEXT: struct __ss_fargs_[[N:[0-9]+]] { const char *f_0; int f_1; unsigned long f_2; double f_3; float f_4; long double f_5; _Bool f_6; char f_7; };
// CHECK-NEXT: void __ss_frun_[[N]](void *__ss_v) { struct __ss_fargs_[[N]] *__ss_a = (struct __ss_fargs_[[N]] *)__ss_v; const char *name = __ss_a->f_0; {{.*}} (void)c;
// CHECK-SAME: char __ss_b1[40]; __builtin_snprintf(__ss_b1, sizeof __ss_b1, "%lld", (long long)__ss_a->f_1);
// CHECK-SAME: char __ss_b2[40]; __builtin_snprintf(__ss_b2, sizeof __ss_b2, "%llu", (unsigned long long)__ss_a->f_2);
// CHECK-SAME: char __ss_b3[40]; __builtin_snprintf(__ss_b3, sizeof __ss_b3, "%.17g", (double)__ss_a->f_3);
// CHECK-SAME: char __ss_b4[40]; __builtin_snprintf(__ss_b4, sizeof __ss_b4, "%.17g", (double)__ss_a->f_4);
// CHECK-SAME: char __ss_b5[40]; __builtin_snprintf(__ss_b5, sizeof __ss_b5, "%.21Lg", (long double)__ss_a->f_5);
// CHECK-SAME: char __ss_b6[40]; __builtin_snprintf(__ss_b6, sizeof __ss_b6, "%d", (int)__ss_a->f_6);
// CHECK-SAME: char __ss_b7[40]; __builtin_snprintf(__ss_b7, sizeof __ss_b7, "%lld", (long long)__ss_a->f_7);
// CHECK-SAME: static const char *const __ss_n[] = { "name", "n", "u", "d", "f", "l", "b", "c" };
// CHECK-SAME: const char *const __ss_x[] = { (const char *)__ss_a->f_0, __ss_b1, __ss_b2, __ss_b3, __ss_b4, __ss_b5, __ss_b6, __ss_b7 };
// CHECK-SAME: ss_exec_t __ss_o = { .argv = 0 };
// CHECK-SAME: ss_abi_exec((const char *)(prog), "{name} {n} {u} {d} {f} {l} {b} {c}", 8, __ss_n, __ss_x, &__ss_o); }
// CHECK-NEXT: static ss_task_type_t __ss_tt_[[N]] = { .label = "run", {{.*}}, .run = __ss_frun_[[N]], .device = SS_DEVICE_SMP, .constraints = 0, .func = "run" };
// CHECK: {{^}}void none(void);
// CHECK-NEXT: struct __ss_fargs_[[M:[0-9]+]] { char __ss_unused; };
// CHECK-NEXT: void __ss_frun_[[M]](void *__ss_v) { {{.*}} ss_exec_t __ss_o = { .argv = 0 }; ss_abi_exec((const char *)("true"), "", 0, 0, 0, &__ss_o); }
// CHECK: {{^}}    __ss_spawn_run("a b", 1, 2, 3, 4, 5, 1, 'x');
// CHECK-NEXT: {{^}}    __ss_spawn_none();
extern const char *prog;
#pragma oss task binary(prog)
void run(const char *name, int n, unsigned long u, double d, float f, long double l, _Bool b, char c);
#pragma oss task binary("true")
void none(void);

void f(void)
{
    run("a b", 1, 2, 3, 4, 5, 1, 'x');
    none();
}
