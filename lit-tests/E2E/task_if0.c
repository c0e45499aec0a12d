// if(0): the creator waits for the task's dependences, the task runs, and
// only then does the creator go on (no taskwait needed to see its result).
// RUN: %ssc -fompss %s -o %t && env SS_NUM_THREADS=4 %t | FileCheck %s
// CHECK: after the if(0) task: x 2
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    int x = 0;
#pragma oss task inout(x)
    {
        usleep(20000);
        x = 1;
    }
#pragma oss task inout(x) if(0)
    x = x * 2;
    printf("after the if(0) task: x %d\n", x);
#pragma oss taskwait
    return 0;
}
