// release: a successor waiting for x starts while the releasing task is still
// running (the task waits, with a time limit, until it has).
// RUN: %ssc -fompss %s -o %t && env SS_NUM_THREADS=2 %t | FileCheck %s
// CHECK: successor ran first 1, saw 1
#include <stdio.h>
#include <time.h>

int main(void)
{
    int x = 0, y = 0, seen = 0, done = 0, early = 0;
#pragma oss task inout(x, y) shared(done, early)
    {
        x = 1;
#pragma oss release inout(x)
        struct timespec t0, t;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        do
            clock_gettime(CLOCK_MONOTONIC, &t);
        while (!__atomic_load_n(&done, __ATOMIC_ACQUIRE) &&
               (t.tv_sec - t0.tv_sec) * 1000000000L + (t.tv_nsec - t0.tv_nsec) < 2000000000L);
        early = __atomic_load_n(&done, __ATOMIC_ACQUIRE);
        y = 1;
    }
#pragma oss task in(x) shared(seen, done)
    {
        seen = x;
        __atomic_store_n(&done, 1, __ATOMIC_RELEASE);
    }
#pragma oss taskwait
    printf("successor ran first %d, saw %d\n", early, seen);
    return 0;
}
