// A program with versions, devices and constraints builds warning-free and
// links against libssrt: an SMP version (OmpSs v1 target) and a CUDA
// version of one function task, constraints on function and inline tasks.
// Only the build is tested here; running versions is the runtime's test.
// RUN: %ssc -fompss -Wall -Wextra -Werror -O2 %s -o %t
// RUN: nm %t | FileCheck %s
// CHECK-DAG: d __ss_fver_{{[0-9]+}}
// CHECK-DAG: t __ss_fvreg_{{[0-9]+}}
// CHECK-DAG: U ss_abi_version_register
// CHECK-DAG: U ss_abi_cuda_launch
// CHECK-DAG: U ss_abi_cuda_ptr
#include <stdio.h>

#pragma oss task in(x[0;n]) inout(y[0;n]) constraints(computing_units(1), memory_size(n * 8.0 / 1e9))
void axpy(int n, double a, const double *x, double *y);

#pragma omp target device(smp) implements(axpy) copy_deps
#pragma omp task in([n]x) inout([n]y)
void axpy_unrolled(int n, double a, const double *x, double *y)
{
    int i = 0;
    for (; i + 1 < n; i += 2) {
        y[i] += a * x[i];
        y[i + 1] += a * x[i + 1];
    }
    for (; i < n; i++)
        y[i] += a * x[i];
}

#pragma oss task device(cuda) ndrange(1, n, 128) implements(axpy) in(x[0;n]) inout(y[0;n]) \
    constraints(processor_type("GPU"))
void axpy_gpu(int n, double a, const double *x, double *y);

void axpy(int n, double a, const double *x, double *y)
{
    for (int i = 0; i < n; i++)
        y[i] += a * x[i];
}

int main(int argc, char **argv)
{
    (void)argv;
    double x[100], y[100];
    for (int i = 0; i < 100; i++)
        x[i] = i, y[i] = 1;
    axpy(100, 2.0, x, y);
#pragma oss task inout(y[0;100]) constraints(computing_units(argc), processor_name(""))
    y[0] = -y[0];
#pragma oss taskwait
    printf("y[99] = %g\n", y[99]);
    return 0;
}
