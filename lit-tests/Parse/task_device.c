// device takes smp or cuda: anything else is an error at the name, with a
// note listing the devices.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: task_device.c:[[@LINE+2]]:25: error: unknown device 'opencl'
// CHECK-NEXT: {{^}}#pragma oss task device(opencl) inout(*p)
#pragma oss task device(opencl) inout(*p)
void k(int *p);
// CHECK: task_device.c:[[@LINE-2]]:25: note: allowed: smp, cuda
// CHECK: task_device.c:[[@LINE+1]]:27: error: unknown device 'fpga'
#pragma omp target device(fpga)
#pragma omp task
void k2(int *p);
// CHECK: 2 errors generated.
