// commutative tasks on x run one at a time (in any order): a non-atomic
// read-modify-write with a pause in the middle loses no update, and no two
// bodies overlap.
// RUN: %ssc -fompss %s -o %t && env SS_NUM_THREADS=4 %t | FileCheck %s
// CHECK: x 16 overlaps 0
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    int x = 0, inside = 0, overlaps = 0;
    for (int i = 0; i < 16; i++) {
#pragma oss task commutative(x) shared(inside, overlaps)
        {
            if (__atomic_fetch_add(&inside, 1, __ATOMIC_SEQ_CST) != 0)
                __atomic_fetch_add(&overlaps, 1, __ATOMIC_SEQ_CST);
            int v = x;
            usleep(500);
            x = v + 1;
            __atomic_fetch_sub(&inside, 1, __ATOMIC_SEQ_CST);
        }
    }
#pragma oss taskwait
    printf("x %d overlaps %d\n", x, overlaps);
    return 0;
}
