// A binary task with args: the template literal goes to ss_abi_exec as
// written, with only the parameters it names; the options are evaluated
// with the parameters as locals (fail_by_exit_value(e) is status_ok = !e);
// file dependences and the failure fields are those of any task.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: void __ss_frun_[[N:[0-9]+]](void *__ss_v) { {{.*}} const char *in = __ss_a->f_0; const char *out = __ss_a->f_1; int lines = __ss_a->f_2; const char *dir = __ss_a->f_3; {{.*}} (void)dir;
// CHECK-SAME: char __ss_b2[40]; __builtin_snprintf(__ss_b2, sizeof __ss_b2, "%lld", (long long)__ss_a->f_2);
// CHECK-SAME: static const char *const __ss_n[] = { "in", "lines" }; const char *const __ss_x[] = { (const char *)__ss_a->f_0, __ss_b2 };
// CHECK-SAME: ss_exec_t __ss_o = { .workdir = (const char *)(dir), .in = (const char *)("/dev/null"), .out = (const char *)(out), .err = (const char *)("err.log"), .status_ok = !(lines > 0) };
// CHECK-SAME: ss_abi_exec((const char *)("head"), "-n {lines} {{[{][{]}}x{{[}][}]}} -- {in}", 2, __ss_n, __ss_x, &__ss_o); }
// CHECK-NEXT: void __ss_fdeps_[[N]](ss_task_t __ss_t, void *__ss_v) { {{.*}} ss_abi_dep_file(__ss_t, SS_DEP_IN, (const char *)(in)); ss_abi_dep_file(__ss_t, SS_DEP_OUT, (const char *)(out)); }
// CHECK-NEXT: static ss_task_type_t __ss_tt_[[N]] = { .label = "head", {{.*}}, .func = "head", .on_failure = SS_ON_FAILURE_IGNORE, .time_out = 10 };
#pragma oss task binary("head") args("-n {lines} {{x}} -- {in}") workdir(dir) stdin("/dev/null") stdout(out) \
    stderr("err.log") fail_by_exit_value(lines > 0) infile(in) outfile(out) on_failure(ignore) time_out(10)
void head(const char *in, const char *out, int lines, const char *dir);
