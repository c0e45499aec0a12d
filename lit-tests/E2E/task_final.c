// final(1): the task's descendants run in place, in order, on the thread
// running it (no runtime call), and they are in a final context.
// RUN: %ssc -fompss %s -o %t && env SS_NUM_THREADS=4 %t | FileCheck %s
// CHECK: order 0 1 2 3 4 5 6 7, same thread 1, in final 1
#include <ss.h>
#include <stdio.h>

int main(void)
{
    int order[8], n = 0, same = 1, infinal = 1;
#pragma oss task final(1) shared(order, n, same, infinal)
    {
        int me = ss_worker_id();
        for (int i = 0; i < 8; i++) {
#pragma oss task shared(order, n, same, infinal) firstprivate(i, me)
            {
                order[n++] = i;
                same &= ss_worker_id() == me;
                infinal &= ss_in_final();
            }
        }
    }
#pragma oss taskwait
    printf("order");
    for (int i = 0; i < n; i++)
        printf(" %d", order[i]);
    printf(", same thread %d, in final %d\n", same, infinal);
    return 0;
}
