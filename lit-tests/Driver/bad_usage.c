// Bad usage gets one `ssc: error:` line and exit status 1, never a crash.
// RUN: not %ssc %s -o 2>&1 | FileCheck --check-prefix=NOARG %s
// NOARG: ssc: error: missing argument to '-o'
// RUN: not %ssc -c notes.txt 2>&1 | FileCheck --check-prefix=KIND %s
// KIND: ssc: error: 'notes.txt': unknown file kind
// RUN: not %ssc -fssc-frobnicate %s 2>&1 | FileCheck --check-prefix=SSCOPT %s
// SSCOPT: ssc: error: unknown ssc option '-fssc-frobnicate'
// RUN: not %ssc -fompss -fssc-spelling=omp %s 2>&1 | FileCheck --check-prefix=SPELL %s
// SPELL: ssc: error: '-fssc-spelling=omp': expected 'oss' or 'both'
// RUN: not %ssc -fompss -c %s %s -o %t.o 2>&1 | FileCheck --check-prefix=MANY %s
// MANY: ssc: error: cannot specify '-o' with '-c', '-S' or '-fsyntax-only' and several input files
// RUN: not %ssc -fompss -c %t.missing.c 2>&1 | FileCheck --check-prefix=MISSING %s
// MISSING: ssc: error: '{{.*}}.missing.c': No such file or directory
// RUN: not %ssc 2>&1 | FileCheck --check-prefix=NONE %s
// NONE: ssc: error: no input files
// RUN: not env SSC_CC=%t.nocc %ssc -c %s 2>&1 | FileCheck --check-prefix=NOCC %s
// NOCC: ssc: error: cannot run '{{.*}}.nocc': No such file or directory
int main(void) { return 0; }
