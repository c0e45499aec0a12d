// Without -fompss the pragmas are ignored: plain sequential C from the
// system compiler, no runtime linked.
// RUN: %ssc -v %s -o %t 2>&1 | FileCheck --check-prefix=CMD %s
// RUN: %t | FileCheck %s
// CMD: ssc version
// CMD-NOT: ssc-translate
// CMD-NOT: -lssrt
// CHECK: 0 1 2 3 4 5 6 7 done
#include <stdio.h>

int main(void)
{
    int order[8], n = 0;
    for (int i = 0; i < 8; i++) {
#pragma oss task inout(n)
        order[n++] = i;
    }
#pragma oss taskwait
    for (int i = 0; i < n; i++)
        printf("%d ", order[i]);
    printf("done\n");
    return 0;
}
