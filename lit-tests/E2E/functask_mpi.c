// An MPI task: 'echo' runs as 2 ranks under mpirun (Open MPI, loopback,
// settings for root on a small machine); the task holds 2 cores of the 2
// workers (with 1 worker it cannot run); each rank writes one line to the
// redirected stdout.
// REQUIRES: mpirun
// RUN: %ssc -fompss %s -o %t
// RUN: env SS_NUM_THREADS=2 OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1 OMPI_MCA_mpi_yield_when_idle=1 OMPI_MCA_btl_tcp_if_include=lo OMPI_MCA_oob_tcp_if_include=lo %t %t.out | FileCheck %s
// RUN: env SS_NUM_THREADS=1 not %t %t.out 2>&1 | FileCheck --check-prefix=ONE %s
// ONE: ss: error: task 'ranks' ({{.*}}functask_mpi.c:[[@LINE+7]]): no version can run on this machine: version 'ranks' (smp): needs computing_units(2)
// CHECK: rank line: hello from a rank
// CHECK-NEXT: rank line: hello from a rank
// CHECK-NEXT: 2 lines
#include <stdio.h>
#include <string.h>

#pragma oss task binary("echo") args("hello from {who}") mpi("mpirun") processes(2) stdout(out) \
    outfile(out) time_out(120)
void ranks(const char *who, const char *out);

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    ranks("a rank", argv[1]);
#pragma oss taskwait
    FILE *f = fopen(argv[1], "r");
    char line[256];
    int n = 0;
    while (f && fgets(line, sizeof line, f)) {
        printf("rank line: %s", line);
        n++;
    }
    if (f)
        fclose(f);
    printf("%d lines\n", n);
    return 0;
}
