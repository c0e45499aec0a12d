// A dependence on a variable the task copies (firstprivate, or
// default(firstprivate)) is on the creator's variable, not on the copy: the
// readers wait for the writer (the copies still hold the value at creation).
// RUN: %ssc -fompss %s -o %t && env SS_NUM_THREADS=2 %t | FileCheck %s
// CHECK: ordered 11 copies 1 1
#include <stdio.h>
#include <unistd.h>

static int writer_done;

int main(void)
{
    int x = 1, ordered = 0, c1 = 0, c2 = 0;
#pragma oss task out(x)
    {
        usleep(100000);
        x = 2;
        writer_done = 1;
    }
#pragma oss task firstprivate(x) in(x) shared(ordered, c1)
    {
        ordered += writer_done;
        c1 = x;
    }
#pragma oss task default(firstprivate) inout(x) shared(ordered, c2)
    {
        ordered += 10 * writer_done;
        c2 = x;
    }
#pragma oss taskwait
    printf("ordered %d copies %d %d\n", ordered, c1, c2);
    return 0;
}
