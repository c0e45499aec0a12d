// on_failure(cancel_successors): when the task fails, the task that depends
// on it (in(a)) and that one's successor never run; an independent task
// runs; one warning line; the program exits 0.
// RUN: %ssc -fompss %s -o %t
// RUN: env SS_NUM_THREADS=2 %t 2>&1 | FileCheck %s
// CHECK: ss: warning: task 'producer' ({{.*}}task_on_failure_cancel.c:[[@LINE+12]]) failed: bad input; cancelling the tasks that depend on it
// CHECK-NOT: successor ran
// CHECK: independent ran
// CHECK-NOT: successor ran
// CHECK: a 0, b 0, c 0, d 1
#include <stdio.h>
#include <unistd.h>
#include "ss.h"

int main(void)
{
    int a = 0, b = 0, c = 0, d = 0;
#pragma oss task out(a) label("producer") on_failure(cancel_successors)
    ss_task_fail(1, "bad input");
#pragma oss task in(a) out(b)
    {
        puts("successor ran");
        b = 1;
    }
#pragma oss task in(b) out(c)
    {
        puts("successor ran");
        c = 1;
    }
#pragma oss task out(d)
    {
        usleep(20000);
        puts("independent ran");
        d = 1;
    }
#pragma oss taskwait
    printf("a %d, b %d, c %d, d %d\n", a, b, c, d);
    return 0;
}
