// A .cu source under -fompss: nvcc (SSC_NVCC, here a stand-in that records
// its arguments) makes a fat binary with the default SSC_NVCC_FLAGS and the
// user's -I, -D and -U; ssc writes it into a C file (kept with -fssc-keep
// as NAME.cu.c) whose constructor registers it with the runtime, and
// compiles that into the object. SSC_NVCC_FLAGS replaces the flags.
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: env SSC_NVCC=%S/Inputs/fake-nvcc.sh %ssc -fompss -fssc-keep -c %S/Inputs/saxpy.cu -DSCALE=2 -Iinc -UX -std=c11 -O2
// RUN: FileCheck --check-prefix=ARGS %s < nvcc-args.txt
// RUN: FileCheck --check-prefix=IMAGE %s < saxpy.cu.c
// RUN: nm saxpy.o | FileCheck --check-prefix=SYMS %s
// RUN: env SSC_NVCC=%S/Inputs/fake-nvcc.sh SSC_NVCC_FLAGS="-arch=sm_80 -lineinfo" %ssc -fompss -c %S/Inputs/saxpy.cu -o other.o
// RUN: FileCheck --check-prefix=FLAGS %s < nvcc-args.txt
// RUN: not ls other.cu.c
// ARGS: {{^}}-fatbin{{$}}
// ARGS-NEXT: {{^}}-gencode{{$}}
// ARGS-NEXT: {{^}}arch=compute_75,code=compute_75{{$}}
// ARGS-NEXT: {{^}}-gencode{{$}}
// ARGS-NEXT: {{^}}arch=compute_90,code=sm_90{{$}}
// ARGS-NEXT: {{^}}-DSCALE=2{{$}}
// ARGS-NEXT: {{^}}-Iinc{{$}}
// ARGS-NEXT: {{^}}-UX{{$}}
// ARGS-NEXT: {{^}}-o{{$}}
// ARGS-NEXT: {{^}}./saxpy.fatbin{{$}}
// ARGS-NEXT: {{^}}-x{{$}}
// ARGS-NEXT: {{^}}cu{{$}}
// ARGS-NEXT: {{.*}}Inputs/saxpy.cu{{$}}
// IMAGE: #include "ss_abi.h"
// IMAGE: static const unsigned char __ss_cuda_image[] __attribute__((aligned(8))) = {
// IMAGE-NEXT: {{^}}0x50,0xed,0x55,0xba,0x01,0x02,0x03,0x04,{{$}}
// IMAGE-NEXT: {{^}}};
// IMAGE: ss_abi_check(SS_ABI_VERSION, "{{.*}}Inputs/saxpy.cu");
// IMAGE-NEXT: ss_abi_cuda_module(__ss_cuda_image, sizeof __ss_cuda_image, "{{.*}}Inputs/saxpy.cu");
// SYMS: r __ss_cuda_image
// SYMS: t __ss_cuda_unit
// SYMS: U ss_abi_cuda_module
// FLAGS: {{^}}-fatbin{{$}}
// FLAGS-NEXT: {{^}}-arch=sm_80{{$}}
// FLAGS-NEXT: {{^}}-lineinfo{{$}}
// FLAGS-NEXT: {{^}}-o{{$}}
