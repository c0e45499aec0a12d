// Three versions of one kernel (the base, slow C; a fast C one, OmpSs v1
// target spelling; a CUDA one, OmpSs-2 spelling, kernel in a .cu file):
// called by its base name, the runtime calibrates each available version
// (SS_CALIBRATION=3), then settles on the fastest within 20 calls; when
// the fast one becomes unavailable (its memory_size constraint, evaluated
// per call, outgrows SS_MEMORY_MB) it switches. Without a GPU the CUDA
// version never runs; with one it is calibrated too, and whichever version
// is fastest must be the one settled on.
// REQUIRES: nvcc
// RUN: %ssc -fompss -O1 %s %S/Inputs/versions_kernel.cu -o %t
// RUN: env SS_NUM_THREADS=2 SS_MEMORY_MB=64 SS_CALIBRATION=3 SS_STATS=1 SS_PERF_MODEL= %t > %t.out 2> %t.err
// RUN: FileCheck %s < %t.out
// RUN: FileCheck --check-prefix=STATS %s < %t.err
// CHECK: calibrated: yes
// CHECK: settled on the fastest: yes
// CHECK: phase 2 avoided the fast version: yes
// CHECK: result: ok
// STATS: ss: stats: versions (task type, version, device, runs, mean time):
// STATS-DAG: scale scale smp {{ *}}{{[0-9]+}} runs
// STATS-DAG: scale scale_fast smp {{ *}}{{[0-9]+}} runs
// STATS-DAG: scale scale_gpu cuda
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ss.h"

#define CALLS 20
static char ran[2 * CALLS + 1];
static int calls;

static void nap(long us)
{
    struct timespec ts = {0, us * 1000};
    nanosleep(&ts, NULL);
}

#pragma oss task inout([n]y) label("scale")
void scale(int n, float a, float *y, double fast_gb)
{
    ran[calls++] = 's';
    nap(20000);
    for (int i = 0; i < n; i++)
        y[i] *= a;
}

#pragma omp target device(smp) implements(scale) constraints(memory_size(fast_gb))
#pragma omp task inout([n]y)
void scale_fast(int n, float a, float *y, double fast_gb)
{
    ran[calls++] = 'f';
    nap(1000);
    for (int i = 0; i < n; i++)
        y[i] *= a;
}

#pragma oss task device(cuda) ndrange(1, n, 128) implements(scale) inout([n]y)
void scale_gpu(int n, float a, float *y, double fast_gb);

int main(void)
{
    static float y[1000];
    for (int i = 0; i < 1000; i++)
        y[i] = 1;
    for (int k = 0; k < CALLS; k++)
        scale(1000, 2.0f, y, 0.001);
    #pragma oss taskwait
    for (int k = 0; k < CALLS; k++)
        scale(1000, 0.5f, y, 1.0); /* 1 GB: more than the budget */
    #pragma oss taskwait
    /* The GPU version cannot write `ran`: its runs leave no letter, and
     * with a GPU the first phase shows 17 letters (3 s, 3 f, 11 f or none
     * when the GPU's version wins). */
    int gpu = ss_cuda_devices() > 0, n1 = (int)strlen(ran) - CALLS;
    int seen[128] = {0};
    for (int k = 0; k < 6; k++)
        seen[(unsigned char)ran[k]]++;
    int calibrated = seen['s'] == 3 && seen['f'] == 3;
    int settled = 1;
    for (int k = 6; k < n1; k++)
        settled &= ran[k] == 'f'; /* 1 ms beats 20 ms; or the GPU's left none */
    settled &= gpu ? n1 >= 6 : n1 == CALLS;
    int avoided = !memchr(ran + n1, 'f', CALLS);
    printf("sequence: %s\n", ran);
    printf("calibrated: %s\n", calibrated ? "yes" : "no");
    printf("settled on the fastest: %s\n", settled ? "yes" : "no");
    printf("phase 2 avoided the fast version: %s\n", avoided ? "yes" : "no");
    int ok = 1;
    for (int i = 0; i < 1000; i++)
        ok &= y[i] == 1.0f;
    printf("result: %s\n", ok ? "ok" : "WRONG");
    return 0;
}
