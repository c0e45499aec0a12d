// File dependences on a function task: the dependence callback evaluates
// each expression with the parameters as locals.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: void __ss_fdeps_[[N:[0-9]+]](ss_task_t __ss_t, void *__ss_v) { {{.*}} const char *in = __ss_a->f_0; char **outs = __ss_a->f_1; {{.*}} ss_abi_dep_file(__ss_t, SS_DEP_IN, (const char *)(in)); ss_abi_dep_file(__ss_t, SS_DEP_OUT, (const char *)(outs [ 0 ])); ss_abi_dep_file(__ss_t, SS_DEP_OUT, (const char *)(outs [ 1 ])); }
// CHECK: void __ss_spawn_split(const char *in, char **outs) { {{.*}} ss_abi_spawn(&__ss_tt_[[N]], __ss_a, sizeof __ss_s, 3u, 0u, 0, __ss_fdeps_[[N]]); }
#pragma oss task infile(in) outfile(outs[0], outs[1])
void split(const char *in, char **outs);
