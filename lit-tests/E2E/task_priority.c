// With one worker, ready tasks run highest priority first.
// RUN: %ssc -fompss %s -o %t && env SS_NUM_THREADS=1 %t | FileCheck %s
// CHECK: 9 8 7 6 5 4 3 2 1 0
#include <stdio.h>

int main(void)
{
    int order[10], n = 0;
    for (int i = 0; i < 10; i++) {
#pragma oss task priority(i) shared(order, n) firstprivate(i)
        order[n++] = i;
    }
#pragma oss taskwait
    for (int i = 0; i < n; i++)
        printf("%d ", order[i]);
    printf("\n");
    return 0;
}
