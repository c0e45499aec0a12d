// A bad pragma is reported clang-style at the original source location by the
// translator, followed by one ssc line naming the failed tool (and not by
// libTooling's "Error while processing"); exit status 1 and no object written.
// REQUIRES: translator
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: not %ssc -fompss -c %s -o bad.o 2> err.txt
// RUN: FileCheck %s < err.txt
// RUN: not ls bad.o
// CHECK: translate_error.c:[[@LINE+6]]:{{[0-9]+}}: error:
// CHECK-NOT: Error while processing
// CHECK: ssc: error: '{{.*}}ssc-translate' failed with exit code 1
int main(void)
{
    int x = 0;
#pragma oss task frobnicate(x)
    x++;
    return x;
}
