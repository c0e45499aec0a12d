// A clause that exists but not on this directive: label on taskwait.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
void f(void)
{
// CHECK: taskwait_label.c:[[@LINE+2]]:22: error: clause 'label' is not allowed on 'taskwait'
// CHECK: taskwait_label.c:[[@LINE+1]]:22: note: clauses allowed on 'taskwait': in, out, inout, input, output, depend, on, noflush, infile, outfile, inoutfile{{$}}
#pragma oss taskwait label("w")
}
// CHECK: 1 error generated.
