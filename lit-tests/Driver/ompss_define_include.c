// With -fompss, -D, -U and -I reach the translator as well as the C compiler:
// the pragma's clauses and the program use a macro from -D and a header
// found only through -I.
// REQUIRES: translator
// RUN: %ssc -fompss -DVALUE=2 -DGONE -UGONE -I%S/Inputs/include %s -o %t
// RUN: %t | FileCheck %s
// CHECK: value 42
#include "answer.h"
#include <stdio.h>

#ifdef GONE
#error "-U did not reach the translator or the compiler"
#endif

int main(void)
{
    int x = 0;
#pragma oss task inout(x) if(VALUE == 2)
    x = ANSWER_FROM_HEADER + VALUE;
#pragma oss taskwait
    printf("value %d\n", x);
    return 0;
}
