// File dependences on an inline task: each infile/outfile/inoutfile
// expression is one dependence (counted at creation) on the file it names,
// added by the dependence callback from the argument block: a char pointer
// travels by value (firstprivate), a char array by address (shared).
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: struct __ss_args_[[N:[0-9]+]] { const char *f_src; char (*f_dst)[32]; const char *f_log; int *f_x; };
// CHECK: void __ss_deps_[[N]](ss_task_t __ss_t, void *__ss_v) { {{.*}} ss_abi_dep_file(__ss_t, SS_DEP_IN, (const char *)((__ss_a->f_src))); ss_abi_dep_file(__ss_t, SS_DEP_OUT, (const char *)((*__ss_a->f_dst))); ss_abi_dep_file(__ss_t, SS_DEP_INOUT, (const char *)((__ss_a->f_log))); ss_abi_dep_file(__ss_t, SS_DEP_IN, (const char *)("extra.txt")); ss_abi_dep_object(__ss_t, SS_DEP_INOUT, &(* (__ss_a->f_x)), sizeof (* (__ss_a->f_x))); }
// CHECK-NEXT: static ss_task_type_t __ss_tt_[[N]] = { .label = 0, {{.*}}, .run = __ss_run_[[N]] };
// CHECK: __ss_a->f_src = (src); __ss_a->f_dst = &(dst); __ss_a->f_log = (log); __ss_a->f_x = (x); ss_abi_spawn(&__ss_tt_[[N]], __ss_a, sizeof __ss_s, 5u, 0u, 0, __ss_deps_[[N]]);
void copy(const char *src, const char *log, int *x)
{
    char dst[32] = "copy.txt";
#pragma oss task infile(src) outfile(dst) inoutfile(log) infile("extra.txt") inout(*x)
    (*x)++;
}
