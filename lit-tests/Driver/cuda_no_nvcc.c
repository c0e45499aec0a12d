// Without nvcc (no SSC_NVCC, none on PATH, none in $CUDA_HOME/bin) a .cu
// source is one error naming it, and ssc exits 1.
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: not env -u SSC_NVCC PATH=%t CUDA_HOME=%t %ssc -fompss -c %S/Inputs/saxpy.cu 2> err.txt
// RUN: FileCheck %s < err.txt
// RUN: not ls saxpy.o
// CHECK: ssc: error: {{.*}}Inputs/saxpy.cu: CUDA sources need nvcc, which was not found (set SSC_NVCC)
