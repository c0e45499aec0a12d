// '#pragma omp target' adds its clauses to the function task whose task
// pragma follows it: without one (a plain declaration, another target, a
// pragma inside a function, the end of the file) it is an error at the
// target pragma.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: target_no_task.c:[[@LINE+1]]:1: error: '#pragma omp target' must be followed by '#pragma omp task' and a function declaration
#pragma omp target device(smp)
void plain(int *p);

// CHECK: target_no_task.c:[[@LINE+1]]:1: error: '#pragma omp target' must be followed by '#pragma omp task' and a function declaration
#pragma omp target device(smp)
#pragma omp target device(smp) copy_deps
#pragma omp task inout(*p)
void twice(int *p);

void body(int *p)
{
// CHECK: target_no_task.c:[[@LINE+1]]:1: error: '#pragma omp target' must be followed by '#pragma omp task' and a function declaration
#pragma omp target device(smp)
#pragma omp task inout(*p)
    (*p)++;
}

// CHECK: target_no_task.c:[[@LINE+1]]:1: error: '#pragma omp target' must be followed by '#pragma omp task' and a function declaration
#pragma omp target copy_deps
// CHECK: 4 errors generated.
