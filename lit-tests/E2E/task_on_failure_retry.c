// on_failure(retry(2)): a task whose first run fails (ss_task_fail) runs
// again and succeeds; one warning line per retry; the task that reads its
// output runs after the successful run; the program exits 0.
// RUN: %ssc -fompss %s -o %t
// RUN: env SS_NUM_THREADS=2 %t 2>&1 | FileCheck %s
// CHECK: ss: warning: task 'flaky' ({{.*}}task_on_failure_retry.c:[[@LINE+5]]) failed: first run fails; running it again (retry 1 of 2)
// CHECK-NEXT: runs 2, x 7
// CHECK-NEXT: exit
#include <stdio.h>
#include "ss.h"
#pragma oss task label("flaky") out(*x) on_failure(retry(2))
void flaky(int *x, int *runs)
{
    if (++*runs == 1) {
        *x = -1;
        ss_task_fail(3, "first run fails");
        return;
    }
    *x = 7;
}

int main(void)
{
    int x = 0, runs = 0, got = 0;
    flaky(&x, &runs);
#pragma oss task in(x) out(got)
    got = x;
#pragma oss taskwait
    printf("runs %d, x %d\n", runs, got);
    puts("exit");
    return 0;
}
