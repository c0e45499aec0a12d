// inout on one variable orders the tasks in creation order.
// RUN: %ssc -fompss %s -o %t && env SS_NUM_THREADS=4 %t | FileCheck %s
// CHECK: 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 done
#include <stdio.h>

int main(void)
{
    int order[16], n = 0;
    for (int i = 0; i < 16; i++) {
#pragma oss task inout(n) firstprivate(i)
        order[n++] = i;
    }
#pragma oss taskwait
    for (int i = 0; i < n; i++)
        printf("%d ", order[i]);
    printf("done\n");
    return 0;
}
