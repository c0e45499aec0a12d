// onready(e) on a function task runs once per call, before the body.
// RUN: %ssc -fompss %s -o %t && env SS_NUM_THREADS=4 %t | FileCheck %s
// CHECK: ready 1 body 1 ready 2 body 2 ready 3 body 3
#include <stdio.h>

static char out[256];
static int len;

static void ready(int n) { len += snprintf(out + len, sizeof out - len, "ready %d ", n); }

#pragma oss task onready(ready(n)) inout(out)
void work(int n);

void work(int n) { len += snprintf(out + len, sizeof out - len, "body %d ", n); }

int main(void)
{
    for (int i = 1; i <= 3; i++)
        work(i);
#pragma oss taskwait
    printf("%s\n", out);
    return 0;
}
