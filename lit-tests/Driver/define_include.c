// -D, -U and -I reach the C compiler.
// RUN: %ssc -DVALUE=2 -DGONE -UGONE -I%S/Inputs/include %s -o %t
// RUN: %t | FileCheck %s
// CHECK: value 42
#include "answer.h"
#include <stdio.h>

#ifdef GONE
#error "-U did not reach the compiler"
#endif

int main(void)
{
    printf("value %d\n", ANSWER_FROM_HEADER + VALUE);
    return 0;
}
