// A binary task runs a program instead of a body: a definition is an error
// at it.
// RUN: not %ssc-translate %s -o %t.c 2>&1 | FileCheck %s
#pragma oss task binary("gzip") args("-k {path}") inoutfile(path)
// CHECK: functask_binary_body.c:[[@LINE+1]]:6: error: binary task 'zip' runs a program: declare it without a body
void zip(const char *path) { (void)path; }

#pragma oss task binary("gunzip") args("{path}")
void unzip(const char *path);
// CHECK: functask_binary_body.c:[[@LINE+1]]:6: error: binary task 'unzip' runs a program: declare it without a body
void unzip(const char *path)
{
    (void)path;
}
// CHECK: 2 errors generated.
