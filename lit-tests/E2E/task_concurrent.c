// concurrent tasks on x run after the previous inout on x and before the next
// in; among themselves they are unordered (the body synchronizes).
// RUN: %ssc -fompss %s -o %t && env SS_NUM_THREADS=4 %t | FileCheck %s
// CHECK: before 100 sum 1100 after 1100
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    int x = 0, before = -1, after = -1;
#pragma oss task inout(x)
    {
        usleep(10000);
        x = 100;
    }
    for (int i = 1; i <= 10; i++) {
#pragma oss task concurrent(x) firstprivate(i) shared(before)
        {
            if (i == 1)
                before = __atomic_load_n(&x, __ATOMIC_RELAXED);
            __atomic_fetch_add(&x, 100, __ATOMIC_RELAXED);
        }
    }
#pragma oss task in(x) shared(after)
    after = x;
#pragma oss taskwait
    printf("before %d sum %d after %d\n", before >= 100 ? 100 : before, x, after);
    return 0;
}
