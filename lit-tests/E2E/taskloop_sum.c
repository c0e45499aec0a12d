// taskloop runs every iteration exactly once, whatever the chunking.
// RUN: %ssc -fompss %s -o %t && env SS_NUM_THREADS=4 %t | FileCheck %s
// CHECK: grainsize 499500 hits 1000
// CHECK: num_tasks 499500 hits 1000
// CHECK: down 250000 hits 500
#include <stdio.h>

int main(void)
{
    static int hit[1000];
    long sum = 0;
#pragma oss taskloop grainsize(7) shared(sum)
    for (int i = 0; i < 1000; i++) {
        __atomic_fetch_add(&sum, i, __ATOMIC_RELAXED);
        __atomic_fetch_add(&hit[i], 1, __ATOMIC_RELAXED);
    }
#pragma oss taskwait
    int hits = 0;
    for (int i = 0; i < 1000; i++)
        hits += hit[i] == 1, hit[i] = 0;
    printf("grainsize %ld hits %d\n", sum, hits);

    sum = 0;
#pragma oss taskloop num_tasks(3) shared(sum)
    for (int i = 999; i >= 0; i--) {
        __atomic_fetch_add(&sum, i, __ATOMIC_RELAXED);
        __atomic_fetch_add(&hit[i], 1, __ATOMIC_RELAXED);
    }
#pragma oss taskwait
    hits = 0;
    for (int i = 0; i < 1000; i++)
        hits += hit[i] == 1, hit[i] = 0;
    printf("num_tasks %ld hits %d\n", sum, hits);

    sum = 0;
#pragma oss taskloop shared(sum)
    for (int i = 999; i > 0; i -= 2) {
        __atomic_fetch_add(&sum, i, __ATOMIC_RELAXED);
        __atomic_fetch_add(&hit[i], 1, __ATOMIC_RELAXED);
    }
#pragma oss taskwait
    hits = 0;
    for (int i = 0; i < 1000; i++)
        hits += hit[i] == 1;
    printf("down %ld hits %d\n", sum, hits);
    return 0;
}
