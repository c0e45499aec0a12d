// With nvcc: a .cu source becomes an object holding its fat binary (the
// user's -D reaches nvcc: the kernel needs SCALE), which links with a C
// program whose device(cuda) task launches the kernel by name.
// REQUIRES: nvcc, translator
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %ssc -fompss -fssc-keep -c %S/Inputs/saxpy.cu -DSCALE=1
// RUN: FileCheck --check-prefix=IMAGE %s < saxpy.cu.c
// RUN: %ssc -fompss %s saxpy.o -o prog
// RUN: nm prog | FileCheck --check-prefix=PROG %s
// IMAGE: __ss_cuda_image[] __attribute__((aligned(8))) = {
// IMAGE-NEXT: {{^}}0x50,0xed,0x55,0xba,
// PROG-DAG: r __ss_cuda_image
// PROG-DAG: U ss_abi_cuda_launch
// PROG-DAG: U ss_abi_cuda_module
#include <stdio.h>

#pragma oss task device(cuda) ndrange(1, n, 128) in(x[0;n]) inout(y[0;n])
void saxpy(int n, float a, const float *x, float *y);

int main(int argc, char **argv)
{
    float x[4] = {1, 2, 3, 4}, y[4] = {0};
    if (argc > 1) {  /* not run by the test: no GPU needed */
        saxpy(4, 2.0f, x, y);
#pragma oss taskwait
    }
    printf("%g\n", y[3]);
    return 0;
}
