// --help prints usage, ssc's own options and the environment variables.
// RUN: %ssc --help | FileCheck %s
// CHECK: usage: ssc [options] file...
// CHECK: -fompss, -fompss-2
// CHECK: -fssc-spelling=both
// CHECK: -fssc-keep, --keep
// CHECK: -v
// CHECK: --version
// CHECK: SSC_CC
// CHECK: SSC_TRANSLATE
// CHECK: SSC_RUNTIME_INCLUDE
// CHECK: SSC_RUNTIME_LIBDIR
