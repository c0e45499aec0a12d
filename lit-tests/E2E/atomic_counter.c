// atomic: updates of tasks running at the same time are not lost, in each
// form (x += e, x++, x = x + e with e of another type, x = e + x).
// RUN: %ssc -fompss %s -o %t && env SS_NUM_THREADS=4 %t | FileCheck %s
// CHECK: count 16000 total 40000
#include <stdio.h>

int main(void)
{
    int count = 0;
    long one = 1;
    double total = 0;
    for (int t = 0; t < 4; t++) {
#pragma oss task shared(count, total) firstprivate(one)
        for (int i = 0; i < 1000; i++) {
#pragma oss atomic
            count += 1;
#pragma oss atomic
            count++;
#pragma oss atomic
            count = count + one;
#pragma oss atomic
            count = one + count;
#pragma oss atomic
            total += 10;
        }
    }
#pragma oss taskwait
    printf("count %d total %g\n", count, total);
    return 0;
}
