// A constraint key is one of COMPSs' (snake_case or camelCase): an unknown
// one is an error at the key, with a note listing the keys.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
// CHECK: task_constraints_key.c:[[@LINE+2]]:30: error: unknown constraint 'cores'
// CHECK: task_constraints_key.c:[[@LINE+1]]:30: note: constraints: computing_units (computingUnits), memory_size (memorySize), processor_architecture (processorArchitecture), processor_type (processorType), processor_name (processorName), processor_speed (processorSpeed), app_software (appSoftware){{$}}
#pragma oss task constraints(cores(4))
void a(int *p);

void f(int *p)
{
// CHECK: task_constraints_key.c:[[@LINE+1]]:49: error: unknown constraint 'memory'
#pragma oss task constraints(computingUnits(2), memory(1))
    (*p)++;
}
// CHECK: 2 errors generated.
