// Without -fompss a .cu source is an error: its kernels run only as
// device(cuda) tasks. -E, -M and -MM do not apply to it.
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: not %ssc -c %S/Inputs/saxpy.cu 2>&1 | FileCheck %s
// RUN: not %ssc -fompss -E %S/Inputs/saxpy.cu 2>&1 | FileCheck --check-prefix=PRE %s
// CHECK: ssc: error: {{.*}}Inputs/saxpy.cu: CUDA sources need -fompss (their kernels run as device(cuda) tasks)
// PRE: ssc: error: {{.*}}Inputs/saxpy.cu: -E, -M and -MM do not apply to CUDA sources
