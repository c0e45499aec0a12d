// -c on two sources, then one link of both objects and a prebuilt object.
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %ssc -c %S/Inputs/prebuilt.c -o prebuilt.o
// RUN: %ssc -O2 -c %s %S/Inputs/helper.c
// RUN: %ssc compile_link.o helper.o prebuilt.o -o prog
// RUN: ./prog | FileCheck %s
// RUN: %ssc %s %S/Inputs/helper.c prebuilt.o -o prog2
// RUN: ./prog2 | FileCheck %s
// CHECK: helper 42 prebuilt 7
#include <stdio.h>

int helper(int x);
int prebuilt(void);

int main(void)
{
    printf("helper %d prebuilt %d\n", helper(21), prebuilt());
    return 0;
}
