// The clauses of '#pragma omp target' join those of the task pragma after
// it: a clause on both (other than data references) is given twice, an
// error at the task pragma's one.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
#pragma omp target device(smp) constraints(computing_units(2))
// CHECK: target_twice.c:[[@LINE+1]]:28: error: clause 'constraints' given more than once
#pragma omp task inout(*p) constraints(memory_size(1))
void c(int *p);
#pragma omp target device(cuda) ndrange(1, n, 16) copy_in([n]p)
// CHECK: target_twice.c:[[@LINE+1]]:34: error: clause 'device' given more than once
#pragma omp task copy_in(p[0;n]) device(cuda)
void k(int n, int *p);
// CHECK: 2 errors generated.
