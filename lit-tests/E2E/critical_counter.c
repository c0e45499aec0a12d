// critical: the increments of tasks running at the same time are not lost.
// RUN: %ssc -fompss %s -o %t && env SS_NUM_THREADS=4 %t | FileCheck %s
// CHECK: count 4000
#include <stdio.h>

int main(void)
{
    int count = 0;
    for (int t = 0; t < 4; t++) {
#pragma oss task shared(count)
        for (int i = 0; i < 1000; i++) {
#pragma oss critical(counter)
            {
                int v = count;
                count = v + 1;
            }
        }
    }
#pragma oss taskwait
    printf("count %d\n", count);
    return 0;
}
