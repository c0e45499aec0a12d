// -fompss on -c of two sources, then a link of both objects and a prebuilt
// object: the link brings in libssrt (the program calls into it). The
// translator here is a stand-in (Inputs/fake-translate.sh).
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %ssc -c %S/Inputs/prebuilt.c -o prebuilt.o
// RUN: env SSC_TRANSLATE=%S/Inputs/fake-translate.sh \
// RUN:   %ssc -fompss -c %s %S/Inputs/helper.c
// RUN: %ssc -fompss ompss_link.o helper.o prebuilt.o -o prog
// RUN: ./prog | FileCheck %s
// RUN: env SSC_TRANSLATE=%S/Inputs/fake-translate.sh \
// RUN:   %ssc -fompss-2 %s %S/Inputs/helper.c prebuilt.o -o prog2
// RUN: ./prog2 | FileCheck %s
// CHECK: helper 42 prebuilt 7 abi ok
#include <stdio.h>

int helper(int x);
int prebuilt(void);

int main(void)
{
    printf("helper %d prebuilt %d abi %s\n", helper(21), prebuilt(),
           ss_abi_version() == SS_ABI_VERSION ? "ok" : "MISMATCH");
    return 0;
}
