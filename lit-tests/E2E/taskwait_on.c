// taskwait on(x) returns once the tasks writing x are done.
// RUN: %ssc -fompss %s -o %t && env SS_NUM_THREADS=4 %t | FileCheck %s
// CHECK: x 42
// CHECK: y 7
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    int x = 0, y = 0;
#pragma oss task out(x)
    {
        usleep(20000);
        x = 42;
    }
#pragma oss task out(y)
    y = 7;
#pragma oss taskwait on(x)
    printf("x %d\n", x);
#pragma oss taskwait
    printf("y %d\n", y);
    return 0;
}
