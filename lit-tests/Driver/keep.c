// -fssc-keep (and --keep) leaves the translated source next to the output as
// NAME.ss.c: it includes ss_abi.h and its #line directives name the original.
// REQUIRES: translator
// RUN: rm -rf %t && mkdir -p %t/out && cd %t
// RUN: %ssc -fompss -fssc-keep -c %s -o out/k.o
// RUN: FileCheck %s < out/keep.ss.c
// RUN: rm out/keep.ss.c
// RUN: %ssc -fompss --keep %s -o out/prog
// RUN: FileCheck %s < out/keep.ss.c
// RUN: ./out/prog | FileCheck --check-prefix=OUT %s
// RUN: %ssc -fompss -c %s -o plain.o
// RUN: not ls keep.ss.c
// CHECK: #include "ss_abi.h"
// CHECK: #line {{[0-9]+}} "{{.*}}Driver/keep.c"
// OUT: sum 4950
#include <stdio.h>

int main(void)
{
    long part[10];
    for (int b = 0; b < 10; b++) {
#pragma oss task out(part[b])
        {
            part[b] = 0;
            for (int i = 10 * b; i < 10 * b + 10; i++)
                part[b] += i;
        }
    }
#pragma oss taskwait
    long sum = 0;
    for (int b = 0; b < 10; b++)
        sum += part[b];
    printf("sum %ld\n", sum);
    return 0;
}
