// A diagnostic of the C compiler on the translated file (here a warning made
// an error, which the translator does not check) points at the user's file
// and line, through the #line directives, never at the translated file.
// RUN: not %ssc -fompss -Werror=unused-variable -c %s -o %t.o 2>&1 | FileCheck %s
// CHECK: line_error.c:[[@LINE+9]]:13: error: unused variable {{.*}}tmp
// CHECK-NOT: .ss.c:
#include <stdio.h>

int main(void)
{
    int x = 0;
#pragma oss task inout(x)
    {
        int tmp;
        x += 1;
    }
#pragma oss taskwait
    return x;
}
