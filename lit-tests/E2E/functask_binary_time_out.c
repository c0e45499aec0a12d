// time_out on a binary task: 'sleep 5' is killed at the time-out of 0.3 s
// and, with on_failure(ignore), the program goes on: its successor runs and
// the whole takes far less than 5 s (bound: 4 s).
// RUN: %ssc -fompss %s -o %t
// RUN: env SS_NUM_THREADS=2 %t 2>&1 | FileCheck %s
// CHECK: ss: warning: task 'nap' ({{.*}}) failed: 'sleep' ran past the time-out of 0.3 s; its process group was killed; ignored
// CHECK-NEXT: successor ran
// CHECK-NEXT: returned in under 4 s: yes
#include <stdio.h>
#include <time.h>

#pragma oss task binary("sleep") args("{seconds}") time_out(0.3) on_failure(ignore) inout(*token)
void nap(int seconds, int *token);

int main(void)
{
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int token = 0;
    nap(5, &token);
#pragma oss task inout(token)
    puts("successor ran");
#pragma oss taskwait
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("returned in under 4 s: %s\n", s < 4 ? "yes" : "no");
    return 0;
}
