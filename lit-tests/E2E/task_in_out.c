// in after out waits for the writer; a later out waits for every reader.
// RUN: %ssc -fompss %s -o %t && env SS_NUM_THREADS=4 %t | FileCheck %s
// CHECK: readers saw 1 1 1 1 1 1 1 1; x 2
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    int x = 0, seen[8];
#pragma oss task out(x)
    {
        usleep(20000);
        x = 1;
    }
    for (int i = 0; i < 8; i++) {
#pragma oss task in(x) out(seen[i])
        {
            usleep(2000);
            seen[i] = x;
        }
    }
#pragma oss task out(x)
    x = 2;
#pragma oss taskwait
    printf("readers saw");
    for (int i = 0; i < 8; i++)
        printf(" %d", seen[i]);
    printf("; x %d\n", x);
    return 0;
}
