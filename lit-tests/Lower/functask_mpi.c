// An MPI task: the runner, processes and processes per node go into the
// options of ss_abi_exec, and the task type gets a constraints callback
// that holds a core per process; a constraints clause is applied after it,
// so its computing_units wins.
// RUN: %ssc-translate %s -o - | grep -v '^// [A-Z-]*:' | FileCheck %s
// CHECK: void __ss_frun_[[N:[0-9]+]](void *__ss_v) { {{.*}} ss_exec_t __ss_o = { .mpi_runner = (const char *)("mpirun"), .processes = (unsigned)(np), .per_node = (unsigned)(2) };
// CHECK-SAME: ss_abi_exec((const char *)("./solver"), "{input}", 1, __ss_n, __ss_x, &__ss_o); }
// CHECK-NEXT: void __ss_fcons_[[N]](const void *__ss_v, ss_constraints_t *__ss_c) { {{.*}} int np = __ss_a->f_1; {{.*}} __ss_c->computing_units = (unsigned)(np); }
// CHECK-NEXT: static ss_task_type_t __ss_tt_[[N]] = { .label = "solve", {{.*}}, .constraints = __ss_fcons_[[N]], .func = "solve" };
// CHECK: void __ss_fcons_[[M:[0-9]+]](const void *__ss_v, ss_constraints_t *__ss_c) { {{.*}} __ss_c->computing_units = (unsigned)(np * 2); __ss_c->computing_units = (unsigned)(1); __ss_c->memory_size = (double)(4); }
// CHECK-NEXT: static ss_task_type_t __ss_tt_[[M]] = { .label = "solve_light", {{.*}}, .constraints = __ss_fcons_[[M]], .func = "solve_light" };
#pragma oss task binary("./solver") args("{input}") mpi("mpirun") processes(np) processes_per_node(2)
void solve(const char *input, int np);
#pragma oss task binary("./solver") args("{input}") mpi("mpirun") processes(np * 2) \
    constraints(computing_units(1), memory_size(4))
void solve_light(const char *input, int np);
